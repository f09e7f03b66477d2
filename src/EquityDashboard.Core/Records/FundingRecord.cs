namespace EquityDashboard.Core.Records;

/// <summary>A funding flow. Without a single governorate it is unallocated.</summary>
public sealed class FundingRecord
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    /// <summary>Budget year where given, else the year of <see cref="Date"/>.</summary>
    public int Year { get; set; }
    public DateOnly? Date { get; set; }
    public required string Donor { get; set; }
    public string? Recipient { get; set; }
    public string? Cluster { get; set; }
    /// <summary>The one governorate the money goes to; null when unallocated.</summary>
    public string? GovernoratePcode { get; set; }
    /// <summary>The district (admin2 P-code) the row names, or null: the governorate only ("district not specified").</summary>
    public string? DistrictPcode { get; set; }
    /// <summary>The location as given in the file (kept for provenance of unallocated money).</summary>
    public string? Locations { get; set; }
    /// <summary>
    /// For money given to several governorates, or to a governorate and the country (and so
    /// unallocated): the governorates' P-codes, sorted and joined with ';'. Null for money
    /// allocated to one governorate or at country level only.
    /// </summary>
    public string? NamedPcodes { get; set; }
    public decimal AmountUsd { get; set; }
    public FundingStatus Status { get; set; }
    public FlowBoundary Boundary { get; set; }
    public string? SourceId { get; set; }
    /// <summary>
    /// For a reported flow (<see cref="FundingMoney.ReportedFlows"/>) from or into a pooled fund:
    /// the fund's canonical name. Such a flow is counted through the fund's own allocations
    /// wherever the store holds them for its year.
    /// </summary>
    public string? PooledFund { get; set; }
}

public enum FundingStatus
{
    Unspecified = 0,
    Paid = 1,
    Commitment = 2,
    Pledge = 3,
}

public enum FlowBoundary
{
    Unspecified = 0,
    Incoming = 1,
    Outgoing = 2,
    Internal = 3,
}
