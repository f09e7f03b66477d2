namespace EquityDashboard.Infrastructure.Data;

/// <summary>
/// An administrative area as stored: the gazetteer's governorates (level 1) and districts (level 2),
/// written from the files in seeds/ on start, so queries can join on region or parent and the
/// figures' P-codes are constrained to known areas. The boundaries are not here: the maps draw
/// them from the simplified files in seeds/geo, keyed by the same P-codes.
/// </summary>
public sealed class AreaEntity
{
    public required string Pcode { get; set; }
    /// <summary>ISO 3166 alpha-3 code of the country, when the gazetteer files give it.</summary>
    public string? CountryIso3 { get; set; }
    /// <summary>1 for a governorate (admin1), 2 for a district (admin2).</summary>
    public int Level { get; set; }
    /// <summary>The governorate of a district; null for a governorate.</summary>
    public string? ParentPcode { get; set; }
    public required string Name { get; set; }
    public required string NameAr { get; set; }
    /// <summary>The governorate's region (North/Centre, South, KRI); a district's is its governorate's.</summary>
    public required string Region { get; set; }
    public int? TileRow { get; set; }
    public int? TileCol { get; set; }
    public long? Population { get; set; }
    /// <summary>Other spellings, separated by '|'.</summary>
    public required string Aliases { get; set; }

    public const int GovernorateLevel = 1;
    public const int DistrictLevel = 2;
}
