using System.Globalization;

namespace EquityDashboard.Core.Metrics;

/// <summary>A displacement list the store counts: its batch, its source name and a year it gives figures for.</summary>
public sealed record DisplacementList(int BatchId, string Source, int Year)
{
    /// <summary>"IOM DTM Iraq IDP master list, round 123 (2021) (batch 10)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Source} (batch {BatchId})");
}

/// <summary>
/// The sentence that says where the need figure of a scope comes from when it is not the need batches
/// or the gazetteer: under the IDP baseline, the displacement list(s) of the year and their round (the
/// batch's source name), that IDPs are not counted per cluster, or why the year has no IDP figure.
/// Every view that shows the baseline shows it (pages, API, CLI, workbook).
/// </summary>
public static class BaselineNote
{
    /// <summary>The note of the scope; null for people in need and population.</summary>
    public static string? Write(EquityScope scope, IReadOnlyList<DisplacementList> lists)
    {
        if (scope.Baseline != Baseline.Idps) return null;
        var year = scope.Year.ToString(CultureInfo.InvariantCulture);
        var ofYear = lists.Where(l => l.Year == scope.Year).OrderBy(l => l.BatchId).ToList();
        if (ofYear.Count == 0)
        {
            var others = lists.OrderBy(l => l.Year).ThenBy(l => l.BatchId).ToList();
            if (others.Count == 0)
                return $"No IDP figures for {year}: no displacement list (IOM DTM IDP master list) is imported.";
            var years = Join(others.Select(l => l.Year.ToString(CultureInfo.InvariantCulture)).Distinct().ToList());
            var batches = others.DistinctBy(l => l.BatchId).ToList();
            return batches.Count == 1
                ? $"No IDP figures for {year}: the displacement list imported ({batches[0].Source}) is for {years}."
                : $"No IDP figures for {year}: the displacement lists imported ({string.Join("; ", batches.Select(b => b.Source))}) are for {years}.";
        }
        var note = $"IDPs: {string.Join("; ", ofYear.Select(l => l.Describe()))}, the IDP individuals of its locations summed by district and governorate"
            + (ofYear.Count > 1 ? " (a governorate's figure is the newest list naming it)." : ".");
        if (scope.Cluster is { } cluster)
            note += $" IDPs are not counted per cluster: {cluster}'s funding and presence are set against all IDPs, the same figure as for every cluster.";
        return note;
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
}
