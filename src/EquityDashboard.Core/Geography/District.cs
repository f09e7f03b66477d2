namespace EquityDashboard.Core.Geography;

/// <summary>A district (admin2) as listed in the OCHA COD boundaries, inside its governorate.</summary>
public sealed record District(
    string Pcode,
    string ParentPcode,
    string Name,
    string NameAr,
    IReadOnlyList<string> Aliases);
