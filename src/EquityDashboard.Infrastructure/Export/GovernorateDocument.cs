using System.Text.Json;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export;

/// <summary>
/// The machine contract of one governorate's detail (the API's <c>/api/governorates/{pcode}</c>):
/// its row of the national equity table, breakdowns by cluster, donor and organisation, its
/// row in every year, incidents and the batches the figures come from. Same conventions as
/// <see cref="GapsDocument"/>: camelCase, figures unrounded, shares as fractions, undefined values null; the
/// figures' and totals' <c>illustrative</c> name those resting on illustrative batches, and <paramref name="BaselineNote"/>
/// the source of the need figure under the IDP baseline (null for people in need and population).
/// </summary>
public sealed record GovernorateDetailDocument(
    string Pcode,
    string Governorate,
    string NameAr,
    string Region,
    long? Population,
    int Year,
    ScopeDocument Scope,
    AreaFiguresDocument Figures,
    NationalDocument National,
    IReadOnlyList<ClusterDocument> Clusters,
    IReadOnlyList<DonorDocument> Donors,
    IReadOnlyList<PresenceDocument> Presence,
    IReadOnlyList<GovernorateYearRow> Trend,
    IReadOnlyList<IncidentRow> Incidents,
    IReadOnlyList<SourceDocument> Sources,
    AlsoNamedFunding AlsoNamedInMultiGovernorateFunding,
    IReadOnlyList<PooledFundOverlapDocument> CountedThroughPooledFund,
    string? BaselineNote)
{
    public static GovernorateDetailDocument From(GovernorateDetail detail)
    {
        var g = detail.Governorate;
        var f = detail.Figures;
        var t = detail.Table;
        return new GovernorateDetailDocument(
            g.Pcode, g.Name, g.NameAr, g.Region, g.Population, t.Scope.Year,
            ScopeDocument.From(t.Scope),
            new AreaFiguresDocument(f.Need, f.PeopleInNeed, f.FundingUsd, f.PreviousFundingUsd, f.FundingShare, f.NeedShare,
                f.EquityRatio, f.UsdPerPin, f.GapToParityUsd, f.Orgs, f.Activities, f.OrgsPer100kNeed, f.YoyChange,
                f.Incidents, f.IncidentsPer100kPin, f.Flags.Select(x => new FlagDocument(x.Code, x.Reason)).ToList(),
                f.RawYoyChange, f.CommonSourcesFundingUsd, f.CommonSourcesPreviousFundingUsd, f.CoverageNote,
                GapsDocument.Fields(f.Illustrative)),
            new NationalDocument(t.TotalFundingUsd, t.UnallocatedUsd, t.PledgedUsd, t.TotalNeed, t.UsdPerPin, t.Gini,
                GapsDocument.Fields(t.IllustrativeTotals)),
            detail.Clusters.Select(c => new ClusterDocument(c.Cluster, c.PeopleInNeed, c.FundingUsd, c.Orgs)).ToList(),
            detail.Donors.Select(d => new DonorDocument(d.Donor, d.FundingUsd)).ToList(),
            detail.Presence.Select(p => new PresenceDocument(p.Organisation, p.OrgType, p.Cluster, p.Activities)).ToList(),
            detail.Trend,
            detail.Incidents,
            detail.Sources.Select(b => new SourceDocument(b.Id, b.Kind, b.SourceName, b.FileName, b.Format, b.ImportedAt,
                b.FirstYear, b.LastYear, b.IsIllustrative)).ToList(),
            detail.AlsoNamed,
            PooledFundOverlapDocument.From(t),
            t.BaselineNote);
    }

    public string ToJson() => JsonSerializer.Serialize(this, GapsDocument.JsonOptions);
}

/// <summary>The governorate's row of the national equity table.</summary>
public sealed record AreaFiguresDocument(
    long? Need, long? PeopleInNeed, decimal FundingUsd, decimal PreviousFundingUsd, double? FundingShare, double? NeedShare,
    double? EquityRatio, double? UsdPerPin, double? GapToParityUsd, int Orgs, int Activities, double? OrgsPer100kNeed,
    double? YoyChange, int? Incidents, double? IncidentsPer100kPin, IReadOnlyList<FlagDocument> Flags,
    double? RawYoyChange, decimal? CommonSourcesFundingUsd, decimal? CommonSourcesPreviousFundingUsd, string? CoverageNote,
    IReadOnlyList<string> Illustrative);

/// <summary>National totals of the same scope, for comparison.</summary>
public sealed record NationalDocument(
    decimal TotalFundingUsd, decimal UnallocatedUsd, decimal PledgedUsd, long TotalNeed, double? UsdPerPin, double? Gini,
    IReadOnlyList<string> Illustrative);

public sealed record ClusterDocument(string Cluster, long? PeopleInNeed, decimal FundingUsd, int Orgs);

/// <summary>Counted funding of one donor located in the governorate.</summary>
public sealed record DonorDocument(string Donor, decimal FundingUsd);

public sealed record PresenceDocument(string Organisation, string? OrgType, string Cluster, int Activities);

/// <summary>An import batch behind the figures; illustrative batches hold invented demonstration data.</summary>
public sealed record SourceDocument(
    int Id, RecordKind Kind, string SourceName, string FileName, string? Format, DateTimeOffset ImportedAt,
    int? FirstYear, int? LastYear, bool Illustrative);
