namespace EquityDashboard.Core.Records;

/// <summary>
/// Internally displaced people counted at one location in one round of a displacement tracking
/// list (IOM DTM): summed to district and governorate, a baseline of need beside people in need and population.
/// </summary>
public sealed class DisplacementFigure
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    /// <summary>The year of the list's round.</summary>
    public int Year { get; set; }
    public required string GovernoratePcode { get; set; }
    /// <summary>The district, or null when the list's district name could not be resolved ("district not specified").</summary>
    public string? DistrictPcode { get; set; }
    /// <summary>The location as the list names it (village, neighbourhood, camp).</summary>
    public required string Location { get; set; }
    /// <summary>IDP individuals at the location.</summary>
    public long Idps { get; set; }
}
