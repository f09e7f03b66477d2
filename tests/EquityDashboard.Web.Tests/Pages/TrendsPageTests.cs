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
}
