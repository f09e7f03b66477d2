using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>An import batch a workbook draws on, and whether the scope year's figures use it (else only the trend does).</summary>
public sealed record BriefingSource(ImportBatch Batch, bool InYearFigures);

/// <summary>
/// Everything the national briefing workbook shows, read once before writing. <paramref name="Districts"/>
/// is every district of the scope (national shares); the gazetteer gives their Arabic names.
/// </summary>
public sealed record BriefingContent(
    EquityTable Table,
    DistrictTable Districts,
    EquityTable OtherBaseline,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<TrendRow> Trends,
    IReadOnlyList<ClusterRow> Clusters,
    IReadOnlyList<DonorFlowRow> Donors,
    IReadOnlyList<PresenceRow> Presence,
    IReadOnlyList<BriefingSource> Sources,
    Gazetteer Gazetteer,
    DateTimeOffset GeneratedAt)
{
    public EquityScope Scope => Table.Scope;
}

/// <summary>Everything a one-governorate briefing shows; <paramref name="Districts"/> are its districts (shares of its figures).</summary>
public sealed record GovernorateBriefingContent(
    EquityScope Scope,
    GovernorateDetail Detail,
    DistrictTable Districts,
    IReadOnlyList<Finding> Findings,
    Gazetteer Gazetteer,
    DateTimeOffset GeneratedAt);
