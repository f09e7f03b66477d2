namespace EquityDashboard.Core.Records;

/// <summary>One 3W/4W row: an organisation doing an activity in a place in a year.</summary>
public sealed class PresenceRecord
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    public int Year { get; set; }
    public required string Organisation { get; set; }
    public string? Acronym { get; set; }
    /// <summary>Normalised identity of the organisation, merged across acronym and full name.</summary>
    public required string OrganisationKey { get; set; }
    public string? OrgType { get; set; }
    public string? Cluster { get; set; }
    public required string GovernoratePcode { get; set; }
    public string? District { get; set; }
    /// <summary>The district (admin2 P-code) the district cell resolves to, or null when blank or not resolved: the governorate only ("district not specified").</summary>
    public string? DistrictPcode { get; set; }
    public string? Activity { get; set; }
    /// <summary>Normalised (organisation, cluster, governorate, district, activity) identity.</summary>
    public required string ActivityKey { get; set; }
}
