namespace EquityDashboard.Core.Records;

/// <summary>Links a normalised organisation name or acronym to the organisation's canonical key.</summary>
public sealed class OrganisationAlias
{
    public required string AliasKey { get; set; }
    public required string CanonicalKey { get; set; }
}
