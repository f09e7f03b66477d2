namespace EquityDashboard.Core.Metrics;

/// <summary>
/// Aggregates for one scope, as read from the store. Dictionaries are keyed by P-code
/// (or region name for <see cref="RegionOrgs"/>); a missing key means zero for counts and
/// money, and "not reported" for people in need.
/// </summary>
public sealed record EquityInputs
{
    public required EquityScope Scope { get; init; }
    /// <summary>Counted funding attributed to exactly one governorate, in the scope's year.</summary>
    public required IReadOnlyDictionary<string, decimal> Funding { get; init; }
    /// <summary>The same for the previous year (for year-on-year change).</summary>
    public required IReadOnlyDictionary<string, decimal> PreviousFunding { get; init; }
    /// <summary>
    /// Which sources report the year and the year before; null when not known, and then all funding is
    /// compared as if it came from one source (the change over all sources).
    /// </summary>
    public FundingCoverage? Coverage { get; init; }
    /// <summary>
    /// <see cref="Funding"/> per governorate split by source (<see cref="FundingCoverage"/>'s names); read
    /// when the coverage changed, for the change over the sources reporting both years. Missing: zero.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> FundingBySource { get; init; } = SourceSplit.Empty;
    /// <summary>The same split of <see cref="PreviousFunding"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> PreviousFundingBySource { get; init; } = SourceSplit.Empty;
    /// <summary>Counted funding with no single governorate (several, the country, or none).</summary>
    public decimal UnallocatedUsd { get; init; }
    /// <summary>
    /// Reported flows from or into a pooled fund whose own allocations the store holds for the year:
    /// left out of every total (the fund's allocations count instead), shown apart per fund.
    /// </summary>
    public IReadOnlyList<PooledFundOverlap> CountedThroughPooledFund { get; init; } = [];
    /// <summary>Pledges in the scope's year: never funding, shown apart.</summary>
    public decimal PledgedUsd { get; init; }
    /// <summary>Reported people in need (intersectoral, or the scope's cluster).</summary>
    public required IReadOnlyDictionary<string, long?> PeopleInNeed { get; init; }
    public required IReadOnlyDictionary<string, int> Orgs { get; init; }
    public required IReadOnlyDictionary<string, int> Activities { get; init; }
    /// <summary>Distinct organisations per region (not the sum of its governorates).</summary>
    public required IReadOnlyDictionary<string, int> RegionOrgs { get; init; }
    /// <summary>
    /// Whether any presence (3W) data is loaded for the year. Without it the no-presence flag
    /// is not raised: "no organisation reported" only means something where a 3W was collected.
    /// </summary>
    public bool PresenceLoaded { get; init; } = true;
    /// <summary>Incidents per governorate in the year; null when no incident data is loaded for it.</summary>
    public IReadOnlyDictionary<string, int>? Incidents { get; init; }
    /// <summary>
    /// Internally displaced people per governorate in the year (DisplacementFigures: the newest list
    /// naming the governorate, its rows summed). A missing key means no list counts it: not reported,
    /// never zero. The need figure under the IDP baseline (the same for every cluster).
    /// </summary>
    public IReadOnlyDictionary<string, long> Idps { get; init; } = new Dictionary<string, long>();
    /// <summary>
    /// Every displacement list the view reads, with each year it has figures for (not only the scope's):
    /// the source of the IDP baseline, and what a year without figures is told (<see cref="BaselineNote"/>).
    /// </summary>
    public IReadOnlyList<DisplacementList> DisplacementLists { get; init; } = [];
}

/// <summary>
/// Money of one pooled fund reported twice: <paramref name="FlowsUsd"/> of reported (FTS) flows from
/// or into the fund, in <paramref name="Flows"/> flows, left out because the fund's allocations to
/// its partners are counted instead.
/// </summary>
public sealed record PooledFundOverlap(string Fund, decimal FlowsUsd, int Flows)
{
    /// <summary>The one sentence every output uses for it (page, API, workbook, CLI).</summary>
    public string Describe() => string.Create(System.Globalization.CultureInfo.GetCultureInfo("en-US"),
        $"{Money.Full(FlowsUsd)} in {Flows:N0} FTS flow{(Flows == 1 ? "" : "s")} from or into the {Fund} is counted through the pooled fund: {Rule}");

    private const string Rule =
        "the fund's own allocations to its partners are counted instead, so this money is left out of every total and not counted twice.";
}
