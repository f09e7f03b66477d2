using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>An import batch a workbook draws on, and whether the scope year's figures use it (else only the trend does).</summary>
public sealed record BriefingSource(ImportBatch Batch, bool InYearFigures);

/// <summary>Everything the national briefing workbook shows, read once before writing.</summary>
public sealed record BriefingContent(
    EquityTable Table,
    EquityTable OtherBaseline,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<TrendRow> Trends,
    IReadOnlyList<ClusterRow> Clusters,
    IReadOnlyList<DonorFlowRow> Donors,
    IReadOnlyList<PresenceRow> Presence,
    IReadOnlyList<BriefingSource> Sources,
    DateTimeOffset GeneratedAt)
{
    public EquityScope Scope => Table.Scope;
}

/// <summary>Everything a one-governorate briefing shows.</summary>
public sealed record GovernorateBriefingContent(
    EquityScope Scope,
    GovernorateDetail Detail,
    IReadOnlyList<Finding> Findings,
    DateTimeOffset GeneratedAt);

/// <summary>Words that change with the baseline (column headers, labels).</summary>
internal static class BaselineWords
{
    public static string Need(Baseline b) => b == Baseline.Pin ? "People in need" : "Population";
    public static string NeedLower(Baseline b) => b == Baseline.Pin ? "people in need" : "population";
    public static string PerPerson(Baseline b) => b == Baseline.Pin ? "USD per person in need" : "USD per resident";
    public static string OrgsPer100k(Baseline b) => b == Baseline.Pin ? "Orgs per 100k PiN" : "Orgs per 100k residents";
    public static string Name(Baseline b) => b == Baseline.Pin ? "people in need" : "population (per-capita view)";
}
