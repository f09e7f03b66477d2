namespace EquityDashboard.Core.Metrics;

/// <summary>Figures for one governorate, district or region. Undefined values are null.</summary>
public sealed record AreaFigures
{
    /// <summary>P-code for a governorate or district, the region name for a region.</summary>
    public required string Key { get; init; }
    public required string Name { get; init; }
    /// <summary>The region; a district's is its governorate's.</summary>
    public required string Region { get; init; }
    /// <summary>A district's governorate (P-code); null for a governorate or region.</summary>
    public string? ParentPcode { get; init; }
    /// <summary>A district's governorate (English name); null for a governorate or region.</summary>
    public string? ParentName { get; init; }
    /// <summary>The need figure of the baseline: people in need, population or IDPs; null when not reported.</summary>
    public long? Need { get; init; }
    /// <summary>People in need of the scope, whatever the baseline (used for access figures).</summary>
    public long? PeopleInNeed { get; init; }
    public decimal FundingUsd { get; init; }
    public decimal PreviousFundingUsd { get; init; }
    public double? FundingShare { get; init; }
    public double? NeedShare { get; init; }
    public double? EquityRatio { get; init; }
    public double? UsdPerPin { get; init; }
    public double? GapToParityUsd { get; init; }
    public int Orgs { get; init; }
    public int Activities { get; init; }
    public double? OrgsPer100kNeed { get; init; }
    /// <summary>
    /// Year-on-year change of funding over the sources reporting both years (like with like, see
    /// <see cref="FundingCoverage"/>): the change the funding-falling flag tests. Undefined where those
    /// sources gave the area nothing in the earlier year, or no source reports both years.
    /// </summary>
    public double? YoyChange { get; init; }
    /// <summary>The change of all funding, whatever reports each year (equal to <see cref="YoyChange"/> when the sources are the same).</summary>
    public double? RawYoyChange { get; init; }
    /// <summary>Funding of the year from the sources reporting both years; null when no source does.</summary>
    public decimal? CommonSourcesFundingUsd { get; init; }
    /// <summary>Funding of the year before from the same sources; null when no source reports both years.</summary>
    public decimal? CommonSourcesPreviousFundingUsd { get; init; }
    /// <summary>When the sources differ between the two years: what changed and the change like with like (<see cref="FundingCoverage.NoteFor"/>); else null.</summary>
    public string? CoverageNote { get; init; }
    public int? Incidents { get; init; }
    public double? IncidentsPer100kPin { get; init; }
    /// <summary>Internally displaced people (newest displacement list of the year); null when none counts the area.</summary>
    public long? Idps { get; init; }
    public IReadOnlyList<Flag> Flags { get; init; } = [];
    /// <summary>The figures that rest on illustrative (invented) batches (<see cref="Provenance"/>); none on real data alone.</summary>
    public FigureSet Illustrative { get; init; }

    /// <summary>Whether <paramref name="figure"/> rests on illustrative data.</summary>
    public bool IsIllustrative(FigureSet figure) => (Illustrative & figure) != FigureSet.None;

    public bool HasFlag(string code) => Flags.Any(f => f.Code == code);
}

/// <summary>The equity table every view reads: national totals, governorates, regions.</summary>
public sealed record EquityTable
{
    public required EquityScope Scope { get; init; }
    /// <summary>F: allocated funding only.</summary>
    public decimal TotalFundingUsd { get; init; }
    public decimal UnallocatedUsd { get; init; }
    /// <summary>Pledged (not yet committed or paid) in the scope: in no other figure.</summary>
    public decimal PledgedUsd { get; init; }
    /// <summary>Reported flows left out of every figure because a pooled fund's allocations count them (see <see cref="EquityInputs.CountedThroughPooledFund"/>).</summary>
    public IReadOnlyList<PooledFundOverlap> CountedThroughPooledFund { get; init; } = [];
    /// <summary>N: need summed over governorates with need reported.</summary>
    public long TotalNeed { get; init; }
    public double? UsdPerPin { get; init; }
    public double? Gini { get; init; }
    public bool IncidentDataLoaded { get; init; }
    public required IReadOnlyList<AreaFigures> Governorates { get; init; }
    public required IReadOnlyList<AreaFigures> Regions { get; init; }
    public required EquityThresholds Thresholds { get; init; }

    public bool PresenceLoaded { get; init; }

    /// <summary>The national figures that rest on illustrative (invented) batches (<see cref="Provenance"/>).</summary>
    public FigureSet IllustrativeTotals { get; init; }

    /// <summary>Which funding sources report the year and the year before (null when the inputs did not say).</summary>
    public FundingCoverage? Coverage { get; init; }

    /// <summary>Where the need figure comes from, or why the year has none, when the baseline says it (<see cref="Metrics.BaselineNote"/>); null otherwise.</summary>
    public string? BaselineNote { get; init; }

    /// <summary>Whether anything was imported for the scope (population alone, from the gazetteer, is not data).</summary>
    public bool HasAnyData => TotalFundingUsd > 0 || UnallocatedUsd > 0 || PresenceLoaded
        || Governorates.Any(g => g.PeopleInNeed is not null || g.Idps is not null);
}
