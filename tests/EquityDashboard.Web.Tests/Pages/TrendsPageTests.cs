using Bunit;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Pages.Trends;
using MudBlazor;

namespace EquityDashboard.Web.Tests.Pages;

public sealed class TrendsPageTests : DatabaseTestBase
{
    private IRenderedComponent<Trends> Open(string path)
    {
        Navigation.NavigateTo(path);
        var cut = Ctx.Render<Trends>();
        cut.WaitForAssertion(() => Assert.True(
            cut.FindAll("[data-testid=yoy-table]").Count + cut.FindAll("[data-testid=empty-state]").Count > 0), Timeout);
        return cut;
    }

    [Fact]
    public void Empty_database_shows_the_empty_state()
    {
        var cut = Open("/trends");

        Assert.NotEmpty(cut.FindAll("[data-testid=empty-state]"));
        Assert.Contains("href=\"data\"", cut.Find("[data-testid=empty-state]").InnerHtml);
    }

    [Fact]
    public async Task Falling_regional_funding_is_flagged_in_the_year_on_year_table()
    {
        await ImportAsync("funding.csv", RecordKind.Funding, """
            year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id
            2018,,ECHO,,,Erbil,1000000,paid,,a
            2019,,ECHO,,,Erbil,400000,paid,,b
            2018,,ECHO,,,Ninewa,1000000,paid,,c
            2019,,ECHO,,,Ninewa,1100000,paid,,d
            """);

        var cut = Open("/trends");

        var tables = await Service<EquityService>().GetYearTablesAsync(new EquityScope(0));
        var kri2019 = tables.Single(t => t.Scope.Year == 2019).Regions.Single(r => r.Key == Regions.Kri);
        Assert.True(kri2019.HasFlag(FlagCodes.FundingFalling));
        var cell = cut.Find($"[data-testid=yoy-table] tr[data-region='{Regions.Kri}'] td[data-year='2019']");
        Assert.Contains(Money.Percent(kri2019.YoyChange), cell.TextContent);
        Assert.NotNull(cell.QuerySelector($"[data-flag='{FlagCodes.FundingFalling}']"));
        Assert.Null(cut.Find($"[data-testid=yoy-table] tr[data-region='{Regions.NorthCentre}'] td[data-year='2019']").QuerySelector("[data-flag]"));

        Assert.Equal(Regions.All, cut.FindAll("[data-testid=funding-chart] .series").Select(s => s.GetAttribute("data-series")));
        Assert.Equal(2 * Regions.All.Count, cut.FindAll("[data-testid=trend-table] tbody tr").Count);
    }

    [Fact]
    public async Task The_filter_form_keeps_the_cluster_in_the_address_without_a_year()
    {
        await ImportAsync("funding.csv", RecordKind.Funding, """
            year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id
            2019,,ECHO,,Health,Erbil,1000,paid,,a
            """);
        var cut = Open("/trends");

        // The filter form submits to this page (no action) and has no year field, shown or hidden.
        var form = cut.Find("form[data-testid=filter-bar]");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.True(string.IsNullOrEmpty(form.GetAttribute("action")));
        Assert.Empty(form.QuerySelectorAll("[name=year], [name=region]"));
        Assert.Contains(form.QuerySelectorAll("select[name=cluster] option"), o => o.GetAttribute("value") == "Health");
    }

    [Fact]
    public async Task The_years_a_source_starts_or_ends_are_marked_and_compared_like_with_like()
    {
        // Two sources (the file names): ihf.csv reports 2017–2020, echo.csv 2019–2021.
        await ImportAsync("ihf.csv", RecordKind.Funding, """
            year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id
            2017,,IHF,,,Erbil,1000000,paid,,a
            2018,,IHF,,,Erbil,900000,paid,,b
            2019,,IHF,,,Erbil,800000,paid,,c
            2020,,IHF,,,Erbil,700000,paid,,d
            """);
        await ImportAsync("echo.csv", RecordKind.Funding, """
            year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id
            2019,,ECHO,,,Erbil,5000000,paid,,e
            2020,,ECHO,,,Erbil,5000000,paid,,f
            2021,,ECHO,,,Erbil,4000000,paid,,g
            """);

        var cut = Open("/trends");

        // The funding chart draws a marker at 2019 and 2021 only, and says in words what each one is.
        Assert.Equal(["2019", "2021"], cut.FindAll("[data-testid=funding-chart] .marker").Select(m => m.GetAttribute("data-marker")));
        var caption = cut.Find("[data-testid=funding-chart-markers]").TextContent;
        Assert.Contains("\u201Cecho.csv\u201D starts in 2019", caption, StringComparison.Ordinal);
        Assert.Contains("\u201Cihf.csv\u201D no longer reported in 2021", caption, StringComparison.Ordinal);
        Assert.Contains("starts in 2019", cut.Find("[data-testid=funding-chart] svg desc").TextContent, StringComparison.Ordinal);

        // The year-on-year table marks the same years in their headers and says which source changed.
        Assert.Equal(["2019", "2021"], cut.FindAll("[data-testid=yoy-table] thead th[data-year]")
            .Where(th => th.QuerySelector("[data-testid=coverage-mark]") is not null).Select(th => th.GetAttribute("data-year")));
        var coverage = cut.Find("[data-testid=coverage-row]");
        Assert.Contains("starts: echo.csv", coverage.QuerySelector("td[data-year='2019']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ends: ihf.csv", coverage.QuerySelector("td[data-year='2021']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("starts", coverage.QuerySelector("td[data-year='2020']")!.TextContent, StringComparison.Ordinal);

        // KRI 2019: ihf.csv alone 900 K -> 800 K (-11.1 %), all funding +544.4 %.
        var kri2019 = cut.Find($"[data-testid=yoy-table] tr[data-region='{Regions.Kri}'] td[data-year='2019']");
        Assert.Equal("-11.1%", kri2019.QuerySelector("[data-testid=yoy]")!.TextContent.Trim());
        Assert.Contains("all sources 544.4%", Normalise(kri2019.QuerySelector("[data-testid=yoy-basis]")!.TextContent), StringComparison.Ordinal);
        // KRI 2021: echo.csv alone 5.0 M -> 4.0 M (-20 %); all funding 5.7 M -> 4.0 M (-29.8 %) is not flagged.
        var kri2021 = cut.Find($"[data-testid=yoy-table] tr[data-region='{Regions.Kri}'] td[data-year='2021']");
        Assert.Equal("-20.0%", kri2021.QuerySelector("[data-testid=yoy]")!.TextContent.Trim());
        Assert.Contains("all sources -29.8%", Normalise(kri2021.QuerySelector("[data-testid=yoy-basis]")!.TextContent), StringComparison.Ordinal);
        Assert.Null(kri2021.QuerySelector($"[data-flag='{FlagCodes.FundingFalling}']"));
        // A year with the same sources has no basis line.
        Assert.Null(cut.Find($"[data-testid=yoy-table] tr[data-region='{Regions.Kri}'] td[data-year='2020']").QuerySelector("[data-testid=yoy-basis]"));

        // The notes under the table, and the row of the figures table, say it in words.
        Assert.Equal(["2019", "2021"], cut.FindAll("[data-testid=coverage-notes] li").Select(li => li.GetAttribute("data-year")));
        var kriRow2021 = cut.FindAll("[data-testid=trend-table] tbody tr")
            .Single(tr => tr.Children[0].TextContent == "2021" && tr.Children[1].TextContent == Regions.Kri);
        Assert.Contains("change over the sources reporting both years: -20.0%",
            kriRow2021.QuerySelector("[data-testid=coverage-note]")!.TextContent, StringComparison.Ordinal);
    }
}
