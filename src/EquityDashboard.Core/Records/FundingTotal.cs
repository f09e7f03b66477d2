namespace EquityDashboard.Core.Records;

/// <summary>
/// The flows of one import batch summed per year, governorate, cluster, donor, status and
/// boundary. Every funding figure is read from these totals; the flows themselves
/// (<see cref="FundingRecord"/>) are kept for provenance and rollback. Summing a sum gives the
/// same answer as summing the flows, so any filter or grouping on these columns is exact.
/// </summary>
public sealed class FundingTotal
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    public int Year { get; set; }
    public string? GovernoratePcode { get; set; }
    public string? Cluster { get; set; }
    public required string Donor { get; set; }
    public FundingStatus Status { get; set; }
    public FlowBoundary Boundary { get; set; }
    /// <summary>The pooled fund the flows come from or go into (reported flows only; see <see cref="FundingRecord.PooledFund"/>).</summary>
    public string? PooledFund { get; set; }
    public decimal AmountUsd { get; set; }
    /// <summary>Number of flows summed into this total.</summary>
    public int Flows { get; set; }
}
