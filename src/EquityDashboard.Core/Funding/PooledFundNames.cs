using EquityDashboard.Core.Text;

namespace EquityDashboard.Core.Funding;

/// <summary>
/// Recognises a pooled fund in an organisation name and gives it one canonical name, so the
/// fund's own allocations (CBPF files: "Iraq Humanitarian Fund (CBPF)") and the flows reported
/// to FTS from or into it ("Iraq Humanitarian Fund", organisation type "Pooled fund") name the
/// same fund. Country-based pooled funds are called "&lt;Country&gt; Humanitarian Fund" by OCHA
/// (CBPF Data Hub, FTS); a few older or informal spellings are listed as aliases.
/// </summary>
public static class PooledFundNames
{
    private const string CbpfSuffix = "(CBPF)";

    /// <summary>Other spellings seen in reports, folded (<see cref="NameKey"/>), to the canonical name.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        [NameKey.Fold("IHF")] = "Iraq Humanitarian Fund",
        [NameKey.Fold("Iraq HF")] = "Iraq Humanitarian Fund",
        [NameKey.Fold("Iraq Humanitarian Pooled Fund")] = "Iraq Humanitarian Fund",
        [NameKey.Fold("Humanitarian Pooled Fund for Iraq")] = "Iraq Humanitarian Fund",
        [NameKey.Fold("Iraq ERF")] = "Iraq Humanitarian Fund",
        [NameKey.Fold("Emergency Response Fund Iraq")] = "Iraq Humanitarian Fund",
    };

    /// <summary>
    /// The fund's canonical name when <paramref name="organisation"/> is a pooled fund, else null.
    /// <paramref name="typedPooledFund"/>: the file says the organisation is one (FTS's
    /// organisation type "Pooled fund"); otherwise the name must say so.
    /// </summary>
    public static string? Canonical(string? organisation, bool typedPooledFund = false)
    {
        if (string.IsNullOrWhiteSpace(organisation)) return null;
        var name = organisation.Trim();
        var hasSuffix = name.EndsWith(CbpfSuffix, StringComparison.OrdinalIgnoreCase);
        if (hasSuffix) name = name[..^CbpfSuffix.Length].Trim();
        if (Aliases.TryGetValue(NameKey.Fold(name), out var alias)) return alias;
        var named = hasSuffix
                    || name.EndsWith("Humanitarian Fund", StringComparison.OrdinalIgnoreCase)
                    || name.Contains("Pooled Fund", StringComparison.OrdinalIgnoreCase);
        return named || typedPooledFund ? string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : null;
    }

    /// <summary>True for FTS's organisation type of a pooled fund ("Pooled fund"; a list may hold several types).</summary>
    public static bool IsPooledFundType(string? organisationTypes) =>
        organisationTypes is not null && organisationTypes.Contains("pooled fund", StringComparison.OrdinalIgnoreCase);
}
