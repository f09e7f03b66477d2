namespace EquityDashboard.Core.Records;

/// <summary>People in need in a governorate for a year, intersectoral or for one cluster.</summary>
public sealed class NeedFigure
{
    public const string Intersectoral = "Intersectoral";

    public long Id { get; set; }
    public int BatchId { get; set; }
    public int Year { get; set; }
    public required string GovernoratePcode { get; set; }
    /// <summary>The district (admin2 P-code) the row names, or null: the governorate only ("district not specified").</summary>
    public string? DistrictPcode { get; set; }
    /// <summary><see cref="Intersectoral"/> or a cluster name.</summary>
    public required string Cluster { get; set; }
    /// <summary>Null when not reported (never 0 for unknown).</summary>
    public long? PeopleInNeed { get; set; }
    public long? Targeted { get; set; }
    public long? Reached { get; set; }
}
