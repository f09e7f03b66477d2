namespace EquityDashboard.Infrastructure.Tests.RealData;

/// <summary>
/// The seed gazetteer read here, not through the product: governorates and their districts by
/// name and listed variant, folded (case; a leading "Al" with its hyphen or space; anything not a
/// letter or digit), a district looked up within its governorate only.
/// </summary>
internal sealed class SeedPlaces
{
    private readonly Dictionary<string, string> _governorates = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Governorate, string Key), string> _districts = [];

    public SeedPlaces()
    {
        foreach (var g in TestSupport.ReadCsv(Path.Combine(TestSupport.SeedFolder, "governorates.csv")))
            foreach (var name in g["aliases"].Split('|').Append(g["name"]).Append(g["pcode"]))
                _governorates[Fold(name)] = g["pcode"];
        foreach (var d in TestSupport.ReadCsv(Path.Combine(TestSupport.SeedFolder, "districts.csv")))
            foreach (var name in d["aliases"].Split('|', StringSplitOptions.RemoveEmptyEntries).Append(d["name"]).Append(d["pcode"]))
                _districts[(d["parent_pcode"], Fold(name))] = d["pcode"];
    }

    public string Governorate(string name) => _governorates[Fold(name)];

    public string? District(string governorate, string name) => _districts.GetValueOrDefault((governorate, Fold(name)));

    private static string Fold(string s)
    {
        var t = s.Trim().ToLowerInvariant();
        if (t.StartsWith("al-", StringComparison.Ordinal) || t.StartsWith("al ", StringComparison.Ordinal)) t = t[3..];
        return new string(t.Where(char.IsLetterOrDigit).ToArray());
    }
}
