namespace EquityDashboard.Core.Metrics;

/// <summary>
/// Aggregates of one scope for a set of areas, keyed by P-code. A key is present only where the
/// scope's rows name that area: a missing key means zero for money and counts, and "not reported"
/// for people in need and IDPs (never zero).
/// </summary>
public sealed record AreaAggregates
{
    public static readonly AreaAggregates Empty = new();

    /// <summary>Counted funding of the scope's year (allocated: the rows name one governorate).</summary>
    public IReadOnlyDictionary<string, decimal> Funding { get; init; } = new Dictionary<string, decimal>();
    /// <summary>The same for the previous year.</summary>
    public IReadOnlyDictionary<string, decimal> PreviousFunding { get; init; } = new Dictionary<string, decimal>();
    /// <summary><see cref="Funding"/> split by source (read when the coverage of the years changed, see <see cref="FundingCoverage"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> FundingBySource { get; init; } = SourceSplit.Empty;
    /// <summary><see cref="PreviousFunding"/> split by source.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> PreviousFundingBySource { get; init; } = SourceSplit.Empty;
    /// <summary>Reported people in need (intersectoral, or the scope's cluster), from each governorate's newest need batch.</summary>
    public IReadOnlyDictionary<string, long?> PeopleInNeed { get; init; } = new Dictionary<string, long?>();
    /// <summary>Distinct organisations present (in the scope's cluster).</summary>
    public IReadOnlyDictionary<string, int> Orgs { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> Activities { get; init; } = new Dictionary<string, int>();
    /// <summary>Security incidents in the year (read only when incident data is loaded for it).</summary>
    public IReadOnlyDictionary<string, int> Incidents { get; init; } = new Dictionary<string, int>();
    /// <summary>Internally displaced people, from each governorate's newest displacement list of the year.</summary>
    public IReadOnlyDictionary<string, long> Idps { get; init; } = new Dictionary<string, long>();
}

/// <summary>
/// The district (admin 2) inputs of a scope, read beside the governorate <see cref="EquityInputs"/>
/// of the same scope: the rows that name a district, per district, and the rows that name none
/// ("district not specified"), per governorate. A governorate's figures are always its districts'
/// plus its not-specified part; nothing not specified is ever spread over districts.
/// </summary>
public sealed record DistrictInputs
{
    /// <summary>Keyed by district P-code.</summary>
    public required AreaAggregates Districts { get; init; }
    /// <summary>Keyed by governorate P-code: the governorate's rows that name no district.</summary>
    public required AreaAggregates NotSpecified { get; init; }
}
