using Bunit;
using EquityDashboard.Web.Components.Layout;
using MudBlazor;

namespace EquityDashboard.Web.Tests.Layout;

/// <summary>
/// <c>wwwroot/theme.css</c> holds exactly what <c>MudThemeProvider</c> writes for the dashboard's
/// theme, so changing the theme (or MudBlazor) without the file fails here. To write the file
/// again: <c>EQUITY_WRITE_THEME=1 dotnet test tests/EquityDashboard.Web.Tests --filter ThemeStylesheet</c>.
/// </summary>
public sealed class ThemeStylesheetTests : MudTestBase
{
    [Fact]
    public void The_theme_stylesheet_is_what_MudBlazor_writes_for_the_theme()
    {
        var provider = Ctx.Render<MudThemeProvider>(p => p.Add(x => x.Theme, DashboardTheme.Create()));
        var expected = string.Join("\n", provider.FindAll("style").Select(s => s.TextContent.Trim())) + "\n";
        Assert.Contains("--mud-palette-primary: rgba(31,78,121,1);", expected);

        var path = Path.Combine(RepositoryRoot(), "src", "EquityDashboard.Web", "wwwroot", DashboardTheme.Stylesheet);
        if (Environment.GetEnvironmentVariable("EQUITY_WRITE_THEME") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path), $"{path} is missing; write it with EQUITY_WRITE_THEME=1 (see this test's summary).");
        Assert.True(expected == File.ReadAllText(path).ReplaceLineEndings("\n"),
            $"{path} is not what MudThemeProvider writes for DashboardTheme; write it again with EQUITY_WRITE_THEME=1 (see this test's summary).");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EquityDashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No EquityDashboard.sln above {AppContext.BaseDirectory}.");
    }
}
