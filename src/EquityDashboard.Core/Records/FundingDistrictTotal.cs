namespace EquityDashboard.Core.Records;

/// <summary>
/// The funding of one batch that names a district, summed per year, district, status, boundary
/// and pooled fund at import time. Kept apart from the governorate totals (<see cref="FundingTotal"/>),
/// which every governorate figure reads unchanged, and without cluster and donor, so they stay a
/// few thousand rows: a district view of one cluster or donor sums those flows instead.
/// </summary>
public sealed class FundingDistrictTotal
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    public int Year { get; set; }
    public required string GovernoratePcode { get; set; }
    public required string DistrictPcode { get; set; }
    public FundingStatus Status { get; set; }
    public FlowBoundary Boundary { get; set; }
    public string? PooledFund { get; set; }
    public decimal AmountUsd { get; set; }
    public int Flows { get; set; }
}
