using System.Globalization;

namespace EquityDashboard.Core.Metrics;

/// <summary>
/// Which funding sources report a year and the year before it. A source is the source name of the
/// import batches (case- and space-insensitive), so yearly files imported under one name are one
/// source; a source reports a year when it holds counted funding of that year anywhere (any area,
/// cluster or donor, allocated or not). The year-on-year change compares the sources in
/// <see cref="Common"/> only (docs/methodology.md, "Year-on-year change"): a source that starts or
/// ends is a change of coverage, not of funding.
/// </summary>
/// <param name="Year">The later of the two years.</param>
/// <param name="Sources">Sources reporting <paramref name="Year"/>.</param>
/// <param name="PreviousSources">Sources reporting the year before.</param>
public sealed record FundingCoverage(int Year, IReadOnlyList<string> Sources, IReadOnlyList<string> PreviousSources)
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    /// <summary>How sources are told apart: by name, ignoring case and surrounding spaces.</summary>
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    /// <summary>Sources reporting both years: the ones the change is measured over.</summary>
    public IReadOnlyList<string> Common => Sources.Where(s => PreviousSources.Contains(s, Comparer)).ToList();

    /// <summary>Sources reporting <see cref="Year"/> but not the year before.</summary>
    public IReadOnlyList<string> Started => Sources.Where(s => !PreviousSources.Contains(s, Comparer)).ToList();

    /// <summary>Sources reporting the year before but not <see cref="Year"/>.</summary>
    public IReadOnlyList<string> Ended => PreviousSources.Where(s => !Sources.Contains(s, Comparer)).ToList();

    /// <summary>Whether the set of sources differs between the two years.</summary>
    public bool Changed => Started.Count > 0 || Ended.Count > 0;

    /// <summary>Both years have funding, but no source reports both: there is nothing to compare like with like.</summary>
    public bool NoCommonSource => Sources.Count > 0 && PreviousSources.Count > 0 && Common.Count == 0;

    /// <summary>
    /// What changed, in one clause ("X starts in 2017; Y no longer reported in 2021"); null when the
    /// sources are the same in both years.
    /// </summary>
    public string? Change
    {
        get
        {
            if (!Changed) return null;
            var parts = new List<string>();
            if (Started.Count > 0) parts.Add(string.Create(En, $"{List(Started)} start{(Started.Count == 1 ? "s" : "")} in {Year}"));
            if (Ended.Count > 0) parts.Add(string.Create(En, $"{List(Ended)} no longer reported in {Year}"));
            return string.Join("; ", parts);
        }
    }

    /// <summary>
    /// The table-level note: what changed and what the change is measured over (or why there is none);
    /// null when the sources are the same in both years.
    /// </summary>
    public string? Note => Change is not { } change ? null
        : NoCommonSource
            ? string.Create(En, $"Coverage changed: {change}. No source reports both {Year - 1} and {Year}, so no year-on-year change is given and no funding-falling flag is raised.")
            : Common.Count > 0
                ? string.Create(En, $"Coverage changed: {change}. The year-on-year change compares only the sources reporting both years ({List(Common)}).")
                : string.Create(En, $"Coverage changed: {change}. No funding is reported for {(Sources.Count == 0 ? Year : Year - 1)}.");

    /// <summary>
    /// One area's note: the coverage change with its like-with-like change and its change over all
    /// sources; null when the sources are the same in both years.
    /// </summary>
    public string? NoteFor(AreaFigures f)
    {
        if (Change is not { } change) return null;
        var raw = f.RawYoyChange is { } r ? $" (all sources: {Money.Percent(r)})" : string.Empty;
        if (NoCommonSource)
            return string.Create(En, $"Coverage changed: {change}; no source reports both {Year - 1} and {Year}, so there is no like-with-like change and no funding-falling flag{raw}.");
        if (Common.Count == 0)
            return string.Create(En, $"Coverage changed: {change}.");
        var common = f.YoyChange is { } c ? Money.Percent(c) : "undefined (no funding from them in the earlier year)";
        return string.Create(En, $"Coverage changed: {change}; change over the sources reporting both years: {common}{raw}.");
    }

    /// <summary>Names in quotes (source names hold commas and "and" themselves), joined with "and".</summary>
    private static string List(IReadOnlyList<string> names)
    {
        var quoted = names.Select(n => $"\u201C{n}\u201D").ToList();
        return quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted.Take(quoted.Count - 1)) + " and " + quoted[^1];
    }
}

/// <summary>Funding split by area and source: area key, then source name, then USD.</summary>
public static class SourceSplit
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Empty =
        new Dictionary<string, IReadOnlyDictionary<string, decimal>>();

    /// <summary>The area's funding from the given sources (a missing area or source is zero).</summary>
    public static decimal Of(this IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> split, string area, IEnumerable<string> sources) =>
        split.TryGetValue(area, out var bySource) ? sources.Sum(s => bySource.GetValueOrDefault(s)) : 0m;

    /// <summary>Builds a split from rows, grouping sources by <see cref="FundingCoverage.Comparer"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> From(IEnumerable<(string Area, string Source, decimal Usd)> rows) =>
        rows.GroupBy(r => r.Area, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, decimal>)g.GroupBy(r => r.Source.Trim(), FundingCoverage.Comparer)
                .ToDictionary(s => s.Key, s => s.Sum(r => r.Usd), FundingCoverage.Comparer),
            StringComparer.Ordinal);
}
