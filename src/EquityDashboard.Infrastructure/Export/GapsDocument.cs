using System.Text.Json;
using System.Text.Json.Serialization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export;

/// <summary>
/// The machine contract of an equity table: what `gaps --format json` prints and the API
/// returns. Figures unrounded, shares as fractions, undefined values null; each area's <c>illustrative</c>
/// (and <paramref name="IllustrativeTotals"/>) names the figures that rest on illustrative batches. <paramref name="BaselineNote"/>
/// names the source (and round) of the need figure under the IDP baseline, or why the year has none;
/// null for people in need and population.
/// </summary>
public sealed record GapsDocument(
    int Year,
    ScopeDocument Scope,
    decimal TotalFundingUsd,
    decimal UnallocatedUsd,
    long TotalNeed,
    double? UsdPerPin,
    double? Gini,
    IReadOnlyList<GovernorateDocument> Governorates,
    IReadOnlyList<RegionDocument> Regions,
    IReadOnlyList<PooledFundOverlapDocument> CountedThroughPooledFund,
    string? BaselineNote,
    IReadOnlyList<string> IllustrativeTotals,
    CoverageDocument? FundingCoverage)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static GapsDocument From(EquityTable table) => new(
        table.Scope.Year,
        ScopeDocument.From(table.Scope),
        table.TotalFundingUsd,
        table.UnallocatedUsd,
        table.TotalNeed,
        table.UsdPerPin,
        table.Gini,
        table.Governorates.Select(g => new GovernorateDocument(
            g.Key, g.Name, g.Region, g.Need, g.FundingUsd, g.FundingShare, g.NeedShare, g.EquityRatio, g.UsdPerPin,
            g.GapToParityUsd, g.Orgs, g.Activities, g.YoyChange, FlagDocs(g), Fields(g.Illustrative),
            g.RawYoyChange, g.CommonSourcesFundingUsd, g.CommonSourcesPreviousFundingUsd, g.CoverageNote)).ToList(),
        table.Regions.Select(r => new RegionDocument(
            r.Key, r.Need, r.FundingUsd, r.FundingShare, r.NeedShare, r.EquityRatio, r.UsdPerPin,
            r.GapToParityUsd, r.Orgs, r.Activities, r.YoyChange, FlagDocs(r), Fields(r.Illustrative),
            r.RawYoyChange, r.CommonSourcesFundingUsd, r.CommonSourcesPreviousFundingUsd, r.CoverageNote)).ToList(),
        PooledFundOverlapDocument.From(table),
        table.BaselineNote,
        Fields(table.IllustrativeTotals),
        CoverageDocument.From(table.Coverage));

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static IReadOnlyList<FlagDocument> FlagDocs(AreaFigures f) => f.Flags.Select(x => new FlagDocument(x.Code, x.Reason)).ToList();

    /// <summary>The figures that rest on illustrative data, by name ("funding", "fundingShare", ...); empty on real data alone.</summary>
    public static IReadOnlyList<string> Fields(FigureSet set) => Enum.GetValues<FigureSet>()
        .Where(f => f != FigureSet.None && (set & f) == f)
        .Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString()))
        .ToList();
}

/// <param name="Data">"real" when illustrative batches are left out, else "all".</param>
public sealed record ScopeDocument(string? Cluster, string? Donor, string? Region, string Baseline, string Data)
{
    public static ScopeDocument From(EquityScope scope) => new(scope.Cluster, scope.Donor, scope.Region,
        Core.Metrics.BaselineWords.For(scope.Baseline).Value, scope.RealOnly ? "real" : "all");
}

/// <summary>
/// FTS flows from or into a pooled fund left out of every total because the fund's allocations
/// are counted instead (docs/methodology.md, "Money reported twice").
/// </summary>
public sealed record PooledFundOverlapDocument(string Fund, decimal FlowsUsd, int Flows, string Note)
{
    public static IReadOnlyList<PooledFundOverlapDocument> From(EquityTable table) =>
        table.CountedThroughPooledFund.Select(o => new PooledFundOverlapDocument(o.Fund, o.FlowsUsd, o.Flows, o.Describe())).ToList();
}

public sealed record FlagDocument(string Code, string Reason);

/// <summary>
/// The funding sources reporting the year and the year before (<see cref="Core.Metrics.FundingCoverage"/>):
/// <paramref name="Common"/> is what the year-on-year change compares; <paramref name="Note"/> says what
/// changed, null when nothing did.
/// </summary>
public sealed record CoverageDocument(int Year, IReadOnlyList<string> Sources, IReadOnlyList<string> PreviousSources,
    IReadOnlyList<string> Common, IReadOnlyList<string> Started, IReadOnlyList<string> Ended, string? Note)
{
    public static CoverageDocument? From(FundingCoverage? c) =>
        c is null ? null : new(c.Year, c.Sources, c.PreviousSources, c.Common, c.Started, c.Ended, c.Note);
}

public sealed record GovernorateDocument(
    string Pcode, string Governorate, string Region, long? Need, decimal FundingUsd, double? FundingShare,
    double? NeedShare, double? EquityRatio, double? UsdPerPin, double? GapToParityUsd, int Orgs, int Activities,
    double? YoyChange, IReadOnlyList<FlagDocument> Flags, IReadOnlyList<string> Illustrative,
    double? RawYoyChange, decimal? CommonSourcesFundingUsd, decimal? CommonSourcesPreviousFundingUsd, string? CoverageNote);

public sealed record RegionDocument(
    string Region, long? Need, decimal FundingUsd, double? FundingShare, double? NeedShare, double? EquityRatio,
    double? UsdPerPin, double? GapToParityUsd, int Orgs, int Activities, double? YoyChange, IReadOnlyList<FlagDocument> Flags,
    IReadOnlyList<string> Illustrative,
    double? RawYoyChange, decimal? CommonSourcesFundingUsd, decimal? CommonSourcesPreviousFundingUsd, string? CoverageNote);

/// <summary>The trends contract (`trends --format json`, API): camelCase TrendRow fields.</summary>
public static class TrendsDocument
{
    public static string ToJson(IEnumerable<TrendRow> rows) => JsonSerializer.Serialize(rows, GapsDocument.JsonOptions);
}
