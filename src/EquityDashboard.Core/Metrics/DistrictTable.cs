namespace EquityDashboard.Core.Metrics;

/// <summary>
/// What a governorate's rows name no district for ("district not specified"): kept apart, in no
/// district's figures or share, beside the governorate's whole figures so that its part can be seen.
/// </summary>
public sealed record NotSpecifiedFigures
{
    public required string GovernoratePcode { get; init; }
    public required string GovernorateName { get; init; }
    public required string Region { get; init; }
    /// <summary>Counted funding of the governorate that names no district.</summary>
    public decimal FundingUsd { get; init; }
    public decimal PreviousFundingUsd { get; init; }
    /// <summary>
    /// Need under the baseline that names no district: people in need of the governorate's newest need
    /// batch (or IDPs of its newest displacement list) in rows naming no district, null when there are
    /// none; under the population baseline the whole population of the governorate (the COD gives none by district).
    /// </summary>
    public long? Need { get; init; }
    /// <summary>People in need of the scope naming no district, whatever the baseline.</summary>
    public long? PeopleInNeed { get; init; }
    /// <summary>Distinct organisations in rows naming no district (some may also work in a district).</summary>
    public int Orgs { get; init; }
    public int Activities { get; init; }
    /// <summary>Incidents naming no district; null when no incident data is loaded for the year.</summary>
    public int? Incidents { get; init; }
    /// <summary>IDPs naming no district; null when no displacement list counts any.</summary>
    public long? Idps { get; init; }

    /// <summary>The governorate's whole counted funding (its districts' plus this).</summary>
    public decimal GovernorateFundingUsd { get; init; }
    /// <summary>The governorate's whole need under the baseline; null when not reported.</summary>
    public long? GovernorateNeed { get; init; }
    /// <summary>The governorate's distinct organisations: fewer than its parts' sum when one works in several of them.</summary>
    public int GovernorateOrgs { get; init; }
    public long? GovernorateIdps { get; init; }

    /// <summary>The part of the governorate's funding that names no district; null without funding.</summary>
    public double? FundingShareOfGovernorate => GovernorateFundingUsd > 0 ? (double)(FundingUsd / GovernorateFundingUsd) : null;
    /// <summary>The part of the governorate's need that names no district; null without need.</summary>
    public double? NeedShareOfGovernorate => GovernorateNeed > 0 ? (Need ?? 0) / (double)GovernorateNeed.Value : null;
}

/// <summary>
/// The equity table of districts for a scope: inside one governorate (<see cref="GovernoratePcode"/>;
/// shares of that governorate's figures that name a district) or nationally (every district; shares of
/// the national figures that name a district). The same definitions and thresholds as governorates;
/// what names no district is in <see cref="NotSpecified"/>, per governorate, never in a district.
/// </summary>
public sealed record DistrictTable
{
    public required EquityScope Scope { get; init; }
    /// <summary>The governorate the districts are of; null for the national table.</summary>
    public string? GovernoratePcode { get; init; }
    public string? GovernorateName { get; init; }

    /// <summary>F of the district table: counted funding that names a district of the table's area.</summary>
    public decimal TotalFundingUsd { get; init; }
    /// <summary>N of the district table: need of the districts with need reported (0 under the population baseline).</summary>
    public long TotalNeed { get; init; }
    /// <summary>u = F / N over districts; null when N is 0.</summary>
    public double? UsdPerPin { get; init; }
    public double? Gini { get; init; }
    /// <summary>The district table's totals that rest on illustrative (invented) batches (<see cref="Provenance"/>).</summary>
    public FigureSet IllustrativeTotals { get; init; }

    /// <summary>The area's whole allocated funding: the governorate's, or the national F of the governorate table.</summary>
    public decimal ScopeFundingUsd { get; init; }
    /// <summary>The area's whole need under the baseline (governorates with need reported).</summary>
    public long ScopeNeed { get; init; }
    /// <summary>Funding of the area that names no district (<see cref="ScopeFundingUsd"/> less <see cref="TotalFundingUsd"/>).</summary>
    public decimal NotSpecifiedFundingUsd { get; init; }
    /// <summary>Need of the area that names no district.</summary>
    public long NotSpecifiedNeed { get; init; }
    /// <summary>The part of the area's funding that the district shares cover; null without funding.</summary>
    public double? FundingByDistrictShare => ScopeFundingUsd > 0 ? (double)(TotalFundingUsd / ScopeFundingUsd) : null;
    /// <summary>The part of the area's need that the district shares cover; null without need.</summary>
    public double? NeedByDistrictShare => ScopeNeed > 0 ? TotalNeed / (double)ScopeNeed : null;
    /// <summary>National table only: counted funding with no single governorate (in no governorate or district). Null inside a governorate.</summary>
    public decimal? UnallocatedUsd { get; init; }

    /// <summary>Whether districts can have need under the scope's baseline (people in need and IDPs; not population: the COD gives no district population).</summary>
    public bool DistrictNeedKnown => Scope.Baseline != Baseline.Population;
    public bool IncidentDataLoaded { get; init; }
    public bool PresenceLoaded { get; init; }

    /// <summary>The districts (of the region only, with the region filter, in the national table), in P-code order.</summary>
    public required IReadOnlyList<AreaFigures> Districts { get; init; }
    /// <summary>Per governorate of the table, what names no district, in P-code order.</summary>
    public required IReadOnlyList<NotSpecifiedFigures> NotSpecified { get; init; }
    /// <summary>
    /// Plain sentences every view of the table shows: how much of the funding and need names a district
    /// (the part district shares cover), and, under the population baseline, why districts have no need;
    /// under the IDP baseline, first, its <see cref="BaselineNote"/>.
    /// </summary>
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>Where the need figure comes from, or why the year has none (<see cref="Metrics.BaselineNote"/>); null for people in need and population.</summary>
    public string? BaselineNote { get; init; }
    public required EquityThresholds Thresholds { get; init; }

    /// <summary>
    /// The under-served districts (equity ratio below <see cref="EquityThresholds.UnderServedRatio"/>), the
    /// lowest ratio first (then the largest need, then by name), at most <paramref name="count"/>.
    /// </summary>
    public IReadOnlyList<AreaFigures> MostUnderServed(int count) => Districts
        .Where(d => d.EquityRatio < Thresholds.UnderServedRatio)
        .OrderBy(d => d.EquityRatio)
        .ThenByDescending(d => d.Need)
        .ThenBy(d => d.Name, StringComparer.Ordinal)
        .Take(count)
        .ToList();

    /// <summary>
    /// The districts in the order people read them (the CLI's table, the workbook): by governorate in
    /// P-code order, then the lowest equity ratio first (the least funded for their need at the top),
    /// then those without a ratio, by name.
    /// </summary>
    public IReadOnlyList<AreaFigures> DistrictsForReading() => Districts
        .OrderBy(d => d.ParentPcode, StringComparer.Ordinal)
        .ThenBy(d => d.EquityRatio is null)
        .ThenBy(d => d.EquityRatio)
        .ThenBy(d => d.Name, StringComparer.Ordinal)
        .ToList();
}
