using MudBlazor;

namespace EquityDashboard.Web.Components.Layout;

/// <summary>
/// The dashboard's MudBlazor theme. Its CSS variables are shipped as the static stylesheet
/// <c>wwwroot/theme.css</c> (fingerprinted, precompressed, cached for a year) instead of a
/// <c>MudThemeProvider</c> writing ten kilobytes of them into every page on every render; a test
/// checks that the file is what <c>MudThemeProvider</c> makes of this theme.
/// </summary>
public static class DashboardTheme
{
    /// <summary>The stylesheet in <c>wwwroot</c> that holds the theme's variables.</summary>
    public const string Stylesheet = "theme.css";

    public static MudTheme Create() => new()
    {
        // Success, warning and info darkened from MudBlazor's defaults so chip text meets WCAG AA contrast (4.5:1) on white and as white.
        PaletteLight = new PaletteLight { Primary = "#1f4e79", AppbarBackground = "#1f4e79", Success = "#2e7d32", Warning = "#b35806", Info = "#0d47a1" },
    };
}
