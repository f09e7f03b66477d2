using AngleSharp.Dom;
using Bunit;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared;

namespace EquityDashboard.Web.Tests;

public sealed class GapTableTests : MudTestBase
{
    private static EquityTable Compute(Baseline baseline = Baseline.Pin, string? region = null) =>
        SampleTable.Compute(baseline, region);

    /// <summary>Every column shown, as a reader who ticked them all would see it.</summary>
    private static readonly GapTableView AllColumns = GapTableView.FromQuery(null, null, GapTableView.Columns.Select(c => c.Key).ToArray());

    private IRenderedComponent<GapTable> RenderTable(EquityTable table) =>
        Ctx.Render<GapTable>(p => p.Add(c => c.Table, table).Add(c => c.View, AllColumns)
            .Add(c => c.Filters, new Web.Components.Shared.Filters.DashboardFilters(table.Scope.Year)));

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<GapTable> cut) =>
        cut.FindAll("[data-testid=gap-table] tbody tr");

    private static string Cell(IElement row, string label) =>
        row.QuerySelector($"[data-label='{label}']")?.TextContent.Trim()
        ?? throw new InvalidOperationException($"No cell '{label}' in row: {row.OuterHtml}");

    private static IElement RowFor(IRenderedComponent<GapTable> cut, string name) =>
        Rows(cut).Single(r => Cell(r, "Governorate") == name);

    [Fact]
    public void Renders_one_row_per_governorate()
    {
        var cut = RenderTable(Compute());

        Assert.Equal(4, Rows(cut).Count);
        Assert.Equal(["Alpha", "Bravo", "Charlie", "Delta"], Rows(cut).Select(r => Cell(r, "Governorate")).Order());
    }

    [Fact]
    public void Default_order_is_equity_ratio_ascending_with_no_recorded_need_last()
    {
        var cut = RenderTable(Compute());

        Assert.Equal(["Bravo", "Delta", "Alpha", "Charlie"], Rows(cut).Select(r => Cell(r, "Governorate")));
        Assert.Equal(["0.08", "1.13", "3.10", "no recorded need"], Rows(cut).Select(r => Cell(r, "Equity ratio")));
    }

    [Fact]
    public void Numbers_use_thousands_separators_shares_percent_and_ratio_two_decimals()
    {
        var cut = RenderTable(Compute());

        var alpha = RowFor(cut, "Alpha");
        Assert.Equal(Regions.NorthCentre, Cell(alpha, "Region"));
        Assert.Equal("300,000", Cell(alpha, "People in need"));
        Assert.Equal("1,234,567", Cell(alpha, "Funding (USD)"));
        Assert.Equal("28.2%", Cell(alpha, "Funding share"));
        Assert.Equal("9.1%", Cell(alpha, "Need share"));
        Assert.Equal("3.10", Cell(alpha, "Equity ratio"));
        Assert.Equal("4.12", Cell(alpha, "USD per person"));
        Assert.Equal("-835,970", Cell(alpha, "Gap to parity (USD)"));
        Assert.Equal("3", Cell(alpha, "Orgs"));

        var bravo = RowFor(cut, "Bravo");
        Assert.Equal("1,000,000", Cell(bravo, "People in need"));
        Assert.Equal("100,000", Cell(bravo, "Funding (USD)"));
        Assert.Equal("2.3%", Cell(bravo, "Funding share"));
        Assert.Equal("30.3%", Cell(bravo, "Need share"));
        Assert.Equal("0.10", Cell(bravo, "USD per person"));
        Assert.Equal("1,228,657", Cell(bravo, "Gap to parity (USD)"));
    }

    [Fact]
    public void Governorate_without_reported_need_shows_no_recorded_need_and_dashes()
    {
        var cut = RenderTable(Compute());

        var charlie = RowFor(cut, "Charlie");
        Assert.Equal("not reported", Cell(charlie, "People in need"));
        Assert.Equal("50,000", Cell(charlie, "Funding (USD)"));
        Assert.Equal("1.1%", Cell(charlie, "Funding share"));
        Assert.Equal("–", Cell(charlie, "Need share"));
        Assert.Equal("no recorded need", Cell(charlie, "Equity ratio"));
        Assert.Equal("–", Cell(charlie, "USD per person"));
        Assert.Equal("–", Cell(charlie, "Gap to parity (USD)"));
        Assert.Empty(charlie.QuerySelectorAll("[data-flag]"));
    }

    [Fact]
    public void Governorate_name_carries_its_pcode_as_title()
    {
        var cut = RenderTable(Compute());

        var link = RowFor(cut, "Delta").QuerySelector("th[data-label='Governorate'] a")!;
        Assert.Equal("IQX04", link.GetAttribute("title"));
        Assert.StartsWith("governorate/IQX04", link.GetAttribute("href"));
    }

    [Fact]
    public void Each_flag_renders_a_chip_with_its_code_and_the_reason_as_title()
    {
        var table = Compute();
        var cut = RenderTable(table);

        foreach (var figures in table.Governorates)
        {
            var chips = RowFor(cut, figures.Name).QuerySelectorAll("[data-flag]");
            Assert.Equal(figures.Flags.Select(f => f.Code), chips.Select(c => c.GetAttribute("data-flag")));
            Assert.Equal(figures.Flags.Select(f => f.Reason), chips.Select(c => c.GetAttribute("title")));
            Assert.Equal(figures.Flags.Select(f => f.Code), chips.Select(c => c.TextContent.Trim()));
        }

        var bravo = RowFor(cut, "Bravo");
        var underServed = bravo.QuerySelector("[data-flag='under-served']")!;
        Assert.Equal("Gets 2.3% of funding for 30.3% of people in need (equity ratio 0.08, below 0.5).",
            underServed.GetAttribute("title"));
        Assert.NotNull(bravo.QuerySelector("[data-flag='no-presence']"));
        Assert.Contains("row-under-served", bravo.ClassList);

        Assert.Equal(["over-concentrated"],
            RowFor(cut, "Alpha").QuerySelectorAll("[data-flag]").Select(c => c.GetAttribute("data-flag")));
        Assert.DoesNotContain("row-under-served", RowFor(cut, "Alpha").ClassList);

        var falling = RowFor(cut, "Delta").QuerySelector("[data-flag='funding-falling']")!;
        Assert.Equal("Funding fell 40% from USD 5.0 M in 2023 to USD 3.0 M in 2024 (threshold -25%).",
            falling.GetAttribute("title"));
    }

    [Fact]
    public void Region_table_lists_every_region_with_its_flags()
    {
        var table = Compute();
        var cut = RenderTable(table);

        var rows = cut.FindAll("[data-testid=region-table] tbody tr");
        Assert.Equal(Regions.All, rows.Select(r => r.GetAttribute("data-region")));
        Assert.Equal(Regions.All, rows.Select(r => r.QuerySelector("th[scope=row]")!.TextContent.Trim()));

        IElement Region(string key) => rows.Single(r => r.GetAttribute("data-region") == key);
        string[] FlagsOf(string key) => Region(key).QuerySelectorAll("[data-flag]").Select(c => c.GetAttribute("data-flag")!).ToArray();

        Assert.Equal([FlagCodes.UnderServed, FlagCodes.NoPresence], FlagsOf(Regions.South));
        Assert.Equal([FlagCodes.OverConcentrated], FlagsOf(Regions.NorthCentre));
        Assert.Equal([FlagCodes.FundingFalling], FlagsOf(Regions.Baghdad));
        Assert.Empty(FlagsOf(Regions.Kri));

        var south = table.Regions.Single(r => r.Key == Regions.South);
        Assert.Equal(south.Flags.Select(f => f.Reason),
            Region(Regions.South).QuerySelectorAll("[data-flag]").Select(c => c.GetAttribute("title")));

        var baghdadCells = Region(Regions.Baghdad).QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal("2,000,000", baghdadCells[1]);
        Assert.Equal("3,000,000", baghdadCells[2]);
        Assert.Equal("68.4%", baghdadCells[3]);
        Assert.Equal("60.6%", baghdadCells[4]);
        Assert.Equal("1.13", baghdadCells[5]);
        Assert.Equal("-40.0%", baghdadCells[6]);
        Assert.Equal("2", baghdadCells[7]);

        var kriCells = Region(Regions.Kri).QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal("not reported", kriCells[1]);
        Assert.Equal("no recorded need", kriCells[5]);
    }

    [Fact]
    public void Pin_baseline_labels_the_need_column_people_in_need()
    {
        var cut = RenderTable(Compute());

        Assert.Contains("People in need", cut.Find("[data-testid=gap-table] thead").TextContent);
        Assert.DoesNotContain("Population", cut.Find("[data-testid=gap-table] thead").TextContent);
        Assert.Equal("People in need", cut.FindAll("[data-testid=region-table] thead th")[1].TextContent.Trim());
    }

    [Fact]
    public void Population_baseline_changes_the_need_column_header_and_figures()
    {
        var cut = RenderTable(Compute(Baseline.Population));

        var header = cut.Find("[data-testid=gap-table] thead").TextContent;
        Assert.Contains("Population", header);
        Assert.DoesNotContain("People in need", header);
        Assert.Equal("Population", cut.FindAll("[data-testid=region-table] thead th")[1].TextContent.Trim());

        Assert.Equal("2,000,000", Cell(RowFor(cut, "Bravo"), "Population"));
        Assert.Equal("500,000", Cell(RowFor(cut, "Charlie"), "Population"));
        Assert.Equal("3,456,789", Cell(RowFor(cut, "Delta"), "Population"));
    }

    [Fact]
    public void Region_scope_lists_only_that_regions_governorates_and_region()
    {
        var cut = RenderTable(Compute(region: Regions.South));

        Assert.Equal(["Bravo"], Rows(cut).Select(r => Cell(r, "Governorate")));
        Assert.Equal([Regions.South],
            cut.FindAll("[data-testid=region-table] tbody tr").Select(r => r.GetAttribute("data-region")));
        // Shares stay national.
        Assert.Equal("30.3%", Cell(RowFor(cut, "Bravo"), "Need share"));
    }
}
