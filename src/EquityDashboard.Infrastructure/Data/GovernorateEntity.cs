namespace EquityDashboard.Infrastructure.Data;

/// <summary>The gazetteer as stored, so aggregate queries can join on region.</summary>
public sealed class GovernorateEntity
{
    public required string Pcode { get; set; }
    public required string Name { get; set; }
    public required string NameAr { get; set; }
    public required string Region { get; set; }
    public int TileRow { get; set; }
    public int TileCol { get; set; }
    public long? Population { get; set; }
    public required string Aliases { get; set; }
}
