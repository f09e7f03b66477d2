namespace EquityDashboard.Core.Geography;

/// <summary>An Iraqi governorate (admin1) as listed in the OCHA COD gazetteer.</summary>
public sealed record Governorate(
    string Pcode,
    string Name,
    string NameAr,
    string Region,
    int TileRow,
    int TileCol,
    long? Population,
    IReadOnlyList<string> Aliases);
