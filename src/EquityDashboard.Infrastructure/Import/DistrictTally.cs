namespace EquityDashboard.Infrastructure.Import;

/// <summary>What an import's district cells came to: rows placed in a district, rows at their governorate only, names not resolved.</summary>
internal sealed class DistrictTally
{
    private readonly Dictionary<(string Input, string Governorate), (int Rows, string Message)> _unresolved = [];

    /// <summary>Rows whose district was resolved.</summary>
    public int Resolved { get; set; }

    /// <summary>Rows with a governorate and no district (blank cell, or no district column).</summary>
    public int NotSpecified { get; set; }

    /// <summary>Counts a row whose district name was not resolved; true for the first row of that name in that governorate.</summary>
    public bool Unresolved(string input, string governoratePcode, string message)
    {
        var key = (input, governoratePcode);
        var seen = _unresolved.TryGetValue(key, out var tally);
        _unresolved[key] = (tally.Rows + 1, message);
        return !seen;
    }

    public DistrictSummary? Summary(Func<string, string> nameOf) =>
        Resolved == 0 && _unresolved.Count == 0 ? null : new DistrictSummary(
            Resolved, NotSpecified + _unresolved.Values.Sum(v => v.Rows),
            _unresolved.OrderBy(kv => kv.Key.Governorate, StringComparer.Ordinal).ThenBy(kv => kv.Key.Input, StringComparer.Ordinal)
                .Select(kv => new UnresolvedDistrict(kv.Key.Input, kv.Key.Governorate, nameOf(kv.Key.Governorate), kv.Value.Rows, kv.Value.Message))
                .ToList());
}
