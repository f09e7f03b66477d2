namespace EquityDashboard.Core.Geography;

/// <summary>The comparison regions used across the product, in display order.</summary>
public static class Regions
{
    public const string Kri = "KRI";
    public const string NorthCentre = "North/Centre";
    public const string Baghdad = "Baghdad";
    public const string South = "South";

    public static IReadOnlyList<string> All { get; } = [NorthCentre, Baghdad, Kri, South];

    /// <summary>Returns the canonical region name for a user spelling, or null when unknown.</summary>
    public static string? Canonical(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var key = TextKey(value);
        return All.FirstOrDefault(r => TextKey(r) == key)
            ?? key switch
            {
                "kurdistan" or "kurdistanregion" => Kri,
                "north" or "centre" or "center" or "northcenter" => NorthCentre,
                _ => null,
            };
    }

    private static string TextKey(string s) =>
        new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
