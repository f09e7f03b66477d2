using System.Text.Json;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Scope;

namespace EquityDashboard.Infrastructure.Export;

/// <summary>
/// The machine contract of a district table: what `gaps --level district --format json` prints and
/// <c>/api/gaps?level=district</c> returns. The district rows carry the governorate rows' figures under
/// the same names (<see cref="GovernorateDocument"/>); what names no district is apart, per governorate,
/// in <see cref="NotSpecified"/>. Figures unrounded, shares as fractions, undefined values null.
/// </summary>
/// <param name="Level">Always "district" (a governorate table is a <see cref="GapsDocument"/>).</param>
/// <param name="Governorate">The governorate the districts are of; null for every district of the country.</param>
/// <param name="TotalFundingUsd">Counted funding that names a district of the table's area (what district shares are of).</param>
/// <param name="TotalNeed">Need of the districts with need reported (0 under the population baseline).</param>
/// <param name="ScopeFundingUsd">The area's whole allocated funding: the governorate's, or every governorate's.</param>
/// <param name="ScopeNeed">The area's whole need under the baseline.</param>
/// <param name="UnallocatedUsd">National table only: counted funding with no single governorate; null inside a governorate.</param>
public sealed record DistrictGapsDocument(
    int Year,
    ScopeDocument Scope,
    string Level,
    AreaNameDocument? Governorate,
    decimal TotalFundingUsd,
    long TotalNeed,
    double? UsdPerPin,
    double? Gini,
    decimal ScopeFundingUsd,
    long ScopeNeed,
    decimal NotSpecifiedFundingUsd,
    long NotSpecifiedNeed,
    double? FundingByDistrictShare,
    double? NeedByDistrictShare,
    decimal? UnallocatedUsd,
    IReadOnlyList<DistrictDocument> Districts,
    IReadOnlyList<NotSpecifiedDocument> NotSpecified,
    IReadOnlyList<string> Notes)
{
    /// <param name="gazetteer">Gives the districts' Arabic names.</param>
    public static DistrictGapsDocument From(DistrictTable table, Gazetteer gazetteer) => new(
        table.Scope.Year,
        ScopeDocument.From(table.Scope),
        ScopeParser.ValueOf(Core.Metrics.Level.District),
        table.GovernoratePcode is { } pcode ? new AreaNameDocument(pcode, table.GovernorateName ?? gazetteer.NameOf(pcode)) : null,
        table.TotalFundingUsd,
        table.TotalNeed,
        table.UsdPerPin,
        table.Gini,
        table.ScopeFundingUsd,
        table.ScopeNeed,
        table.NotSpecifiedFundingUsd,
        table.NotSpecifiedNeed,
        table.FundingByDistrictShare,
        table.NeedByDistrictShare,
        table.UnallocatedUsd,
        table.Districts.Select(d => new DistrictDocument(
            d.Key, d.Name, gazetteer.TryGetDistrict(d.Key, out var district) ? district.NameAr : string.Empty,
            d.ParentPcode ?? string.Empty, d.ParentName ?? string.Empty, d.Region, d.Need, d.Idps, d.FundingUsd, d.FundingShare,
            d.NeedShare, d.EquityRatio, d.UsdPerPin, d.GapToParityUsd, d.Orgs, d.Activities, d.YoyChange,
            d.Flags.Select(f => new FlagDocument(f.Code, f.Reason)).ToList(), d.RawYoyChange, d.CoverageNote)).ToList(),
        table.NotSpecified.Select(n => new NotSpecifiedDocument(
            n.GovernoratePcode, n.GovernorateName, n.Region, n.FundingUsd, n.Need, n.Idps, n.Orgs, n.Activities,
            n.FundingShareOfGovernorate, n.NeedShareOfGovernorate, n.GovernorateFundingUsd, n.GovernorateNeed,
            n.GovernorateOrgs, n.GovernorateIdps)).ToList(),
        table.Notes);

    public string ToJson() => JsonSerializer.Serialize(this, GapsDocument.JsonOptions);
}

public sealed record AreaNameDocument(string Pcode, string Name);

/// <summary>One district's row: the governorate row's figures (same names), its names and its governorate.</summary>
/// <param name="ParentName">The governorate's English name.</param>
public sealed record DistrictDocument(
    string Pcode, string Name, string NameAr, string ParentPcode, string ParentName, string Region, long? Need, long? Idps,
    decimal FundingUsd, double? FundingShare, double? NeedShare, double? EquityRatio, double? UsdPerPin, double? GapToParityUsd,
    int Orgs, int Activities, double? YoyChange, IReadOnlyList<FlagDocument> Flags, double? RawYoyChange, string? CoverageNote);

/// <summary>
/// What one governorate's rows name no district for ("district not specified"), in no district's
/// figures or share, beside the governorate's whole figures: the governorate's funding, need, IDPs
/// and activities are its districts' plus this part; its organisations are counted distinct.
/// </summary>
public sealed record NotSpecifiedDocument(
    string GovernoratePcode, string Governorate, string Region, decimal FundingUsd, long? Need, long? Idps, int Orgs,
    int Activities, double? FundingShareOfGovernorate, double? NeedShareOfGovernorate, decimal GovernorateFundingUsd,
    long? GovernorateNeed, int GovernorateOrgs, long? GovernorateIdps);
