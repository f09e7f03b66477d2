using AngleSharp.Dom;
using Bunit;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared;
using MudBlazor;

namespace EquityDashboard.Web.Tests.Components;

/// <summary>The gap table's grid behaviour: sorting, the column choice and an empty view.</summary>
public sealed class GapGridTests : MudTestBase
{
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<GapTable> Render(EquityTable table)
    {
        _popovers = Ctx.Render<MudPopoverProvider>();
        return Ctx.Render<GapTable>(p => p.Add(c => c.Table, table));
    }

    private static List<string> Names(IRenderedComponent<GapTable> cut) =>
        cut.FindAll("[data-testid=gap-table] tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();

    private static IElement Header(IRenderedComponent<GapTable> cut, string title) =>
        cut.FindAll("[data-testid=gap-table] thead th").Single(th => th.TextContent.Contains(title, StringComparison.Ordinal));

    [Fact]
    public async Task Sorting_by_funding_orders_rows_by_funding()
    {
        var table = SampleTable.Compute();
        var cut = Render(table);
        var grid = cut.FindComponent<MudDataGrid<AreaFigures>>();

        await cut.InvokeAsync(() => grid.Instance.SetSortAsync("Funding (USD)", SortDirection.Descending, f => f.FundingUsd));

        Assert.Equal(table.Governorates.OrderByDescending(g => g.FundingUsd).Select(g => g.Name), Names(cut));
    }

    [Fact]
    public void Clicking_a_header_sorts_by_that_column()
    {
        var table = SampleTable.Compute();
        var cut = Render(table);

        Header(cut, "Orgs").QuerySelector(".sortable-column-header")!.Click();

        var names = Names(cut);
        var expectedAscending = table.Governorates.OrderBy(g => g.Orgs).Select(g => g.Orgs).ToList();
        Assert.Equal(expectedAscending, names.Select(n => table.Governorates.Single(g => g.Name == n).Orgs));
    }

    [Fact]
    public void Column_menu_hides_and_shows_optional_columns()
    {
        var cut = Render(SampleTable.Compute());
        Assert.Contains(cut.FindAll("[data-testid=gap-table] thead th"), th => th.TextContent.Contains("Gap to parity"));
        Assert.DoesNotContain(cut.FindAll("[data-testid=gap-table] thead th"), th => th.TextContent.Contains("Incidents"));

        cut.Find("[data-testid=column-menu] button").Click();
        // The menu opens in the popover layer.
        _popovers!.Find("[data-column=gap]").Click();
        _popovers!.Find("[data-column=incidents]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.DoesNotContain(cut.FindAll("[data-testid=gap-table] thead th"), th => th.TextContent.Contains("Gap to parity"));
            Assert.Contains(cut.FindAll("[data-testid=gap-table] thead th"), th => th.TextContent.Contains("Incidents"));
        });
    }

    [Fact]
    public void A_view_without_governorates_says_so()
    {
        var cut = Render(SampleTable.Compute() with { Governorates = [] });

        Assert.Contains("No governorate in this view.", cut.Find("[data-testid=gap-table-empty]").TextContent);
    }
}
