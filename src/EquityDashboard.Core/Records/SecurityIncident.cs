namespace EquityDashboard.Core.Records;

/// <summary>Security incidents (access constraints) on a date in a governorate.</summary>
public sealed class SecurityIncident
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public required string GovernoratePcode { get; set; }
    /// <summary>The district (admin2 P-code) the row names, or null: the governorate only ("district not specified").</summary>
    public string? DistrictPcode { get; set; }
    public required string Type { get; set; }
    public int Count { get; set; }
}
