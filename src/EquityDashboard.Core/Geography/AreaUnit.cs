namespace EquityDashboard.Core.Geography;

/// <summary>The two administrative levels the figures are kept at.</summary>
public enum AreaLevel
{
    /// <summary>Admin 1: a governorate.</summary>
    Governorate = 1,
    /// <summary>Admin 2: a district, inside its governorate.</summary>
    District = 2,
}

/// <summary>
/// An area the equity engine computes figures for, whatever its level: its P-code, English name,
/// region, parent governorate (for a district) and population where the gazetteer has one. The
/// COD gives no district population, so a district's is always null.
/// </summary>
public sealed record AreaUnit(
    string Pcode,
    string Name,
    string Region,
    AreaLevel Level,
    string? ParentPcode = null,
    string? ParentName = null,
    long? Population = null)
{
    public static AreaUnit Of(Governorate g) => new(g.Pcode, g.Name, g.Region, AreaLevel.Governorate, Population: g.Population);

    /// <summary>A district: its governorate's region and name; no population (not in the COD).</summary>
    public static AreaUnit Of(District d, Governorate parent) =>
        new(d.Pcode, d.Name, parent.Region, AreaLevel.District, parent.Pcode, parent.Name);
}
