using AngleSharp.Dom;
using Bunit;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared;
using EquityDashboard.Web.Components.Shared.Filters;

namespace EquityDashboard.Web.Tests.Components;

/// <summary>The gap table as plain HTML: sorting by header links, the column choice as a GET form, an empty view.</summary>
public sealed class GapGridTests : MudTestBase
{
    private static readonly DashboardFilters Filters = new(2019, Cluster: "Health");

    private IRenderedComponent<GapTable> Render(EquityTable table, GapTableView? view = null) =>
        Ctx.Render<GapTable>(p => p
            .Add(c => c.Table, table)
            .Add(c => c.Filters, Filters)
            .Add(c => c.View, view ?? GapTableView.Default));

    private static List<string> Names(IRenderedComponent<GapTable> cut) =>
        cut.FindAll("[data-testid=gap-table] tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();

    private static List<string> Headers(IRenderedComponent<GapTable> cut) =>
        cut.FindAll("[data-testid=gap-table] thead th").Select(th => th.GetAttribute("data-column")!).ToList();

    private static IElement Header(IRenderedComponent<GapTable> cut, string key) =>
        cut.Find($"[data-testid=gap-table] thead th[data-column={key}]");

    /// <summary>The view a header link opens, read back from its address as the page would.</summary>
    private static GapTableView Follow(IElement link)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x/" + link.GetAttribute("href")).Query);
        return GapTableView.FromQuery(query.TryGetValue("sort", out var s) ? s.ToString() : null,
            query.TryGetValue("order", out var o) ? o.ToString() : null,
            query.TryGetValue("col", out var c) ? c.Select(v => v ?? "").ToArray() : null);
    }

    [Fact]
    public void By_default_the_worst_equity_ratio_comes_first_and_no_value_last()
    {
        var table = SampleTable.Compute();
        var cut = Render(table);

        var expected = table.Governorates.Where(g => g.EquityRatio is not null).OrderBy(g => g.EquityRatio).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Concat(table.Governorates.Where(g => g.EquityRatio is null).OrderBy(g => g.Name, StringComparer.Ordinal)).Select(g => g.Name);
        Assert.Equal(expected, Names(cut));
        Assert.Equal("ascending", Header(cut, "ratio").GetAttribute("aria-sort"));
        Assert.Equal("none", Header(cut, "funding").GetAttribute("aria-sort"));
        Assert.Contains("worst equity ratio first", cut.Find("h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_link_sorts_by_that_column_and_a_second_click_reverses_it()
    {
        var table = SampleTable.Compute();
        var link = Render(table).Find("[data-testid=sort-funding]");
        Assert.StartsWith("?year=2019&cluster=Health&sort=funding&order=desc", link.GetAttribute("href"), StringComparison.Ordinal);

        var byFunding = Follow(link);
        var cut = Render(table, byFunding);
        Assert.Equal(table.Governorates.OrderByDescending(g => g.FundingUsd).ThenBy(g => g.Name, StringComparer.Ordinal).Select(g => g.Name), Names(cut));
        Assert.Equal("descending", Header(cut, "funding").GetAttribute("aria-sort"));
        Assert.Contains("Governorates by funding (USD), highest first", cut.Find("h2").TextContent, StringComparison.Ordinal);

        var reversed = Follow(cut.Find("[data-testid=sort-funding]"));
        Assert.Equal(("funding", true), (reversed.Sort, reversed.Ascending));
        Assert.Equal(table.Governorates.OrderBy(g => g.FundingUsd).ThenBy(g => g.Name, StringComparer.Ordinal).Select(g => g.Name),
            Names(Render(table, reversed)));
    }

    [Fact]
    public void The_column_form_shows_the_chosen_columns_and_the_address_keeps_them()
    {
        var table = SampleTable.Compute();
        var cut = Render(table);
        Assert.Contains("gap", Headers(cut));
        Assert.DoesNotContain("incidents", Headers(cut));
        var form = cut.Find("[data-testid=column-menu] form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.True(form.QuerySelector("input[data-column=gap]")!.HasAttribute("checked"));
        Assert.False(form.QuerySelector("input[data-column=incidents]")!.HasAttribute("checked"));
        // The form carries the filters, so choosing columns keeps the view.
        Assert.Equal(["year=2019", "cluster=Health", "col=-"],
            form.QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}").ToList());

        // Submitted with gap unticked and incidents ticked:
        var chosen = GapTableView.FromQuery(null, null, ["-", "region", "need", "incidents"]);
        cut = Render(table, chosen);
        Assert.Equal(["name", "region", "need", "funding", "ratio", "incidents", "flags"], Headers(cut));
        Assert.Equal(["-", "region", "need", "incidents"], chosen.Keep.Where(k => k.Key == "col").Select(k => k.Value));
        // Nothing ticked is a choice too: only the columns that always show.
        Assert.Equal(["name", "funding", "ratio", "flags"], Headers(Render(table, GapTableView.FromQuery(null, null, ["-"]))));
        // Sorting keeps the columns.
        Assert.Equal(chosen.Shown, Follow(cut.Find("[data-testid=sort-funding]")).Shown);
    }

    [Fact]
    public void By_default_the_columns_that_fit_a_laptop_show_and_the_rest_are_offered_unticked()
    {
        var cut = Render(SampleTable.Compute());
        Assert.Equal(["name", "need", "funding", "ratio", "usd-per-person", "gap", "orgs", "flags"], Headers(cut));
        var offered = cut.FindAll("[data-testid=column-menu] input[type=checkbox]")
            .Select(i => (i.GetAttribute("data-column"), i.HasAttribute("checked"))).ToList();
        Assert.Equal([("region", false), ("need", true), ("funding-share", false), ("need-share", false), ("usd-per-person", true),
            ("gap", true), ("orgs", true), ("yoy", false), ("incidents", false)], offered);
        Assert.Equal("Columns (8 of 13)", cut.Find("[data-testid=column-menu] summary").TextContent.Trim());
        Assert.Equal("Gap table, one row per governorate", cut.Find("[data-testid=gap-table-scroll]").GetAttribute("aria-label"));
        Assert.Equal("0", cut.Find("[data-testid=gap-table-scroll]").GetAttribute("tabindex"));
    }

    [Fact]
    public void Unknown_sort_or_order_in_the_address_falls_back_to_the_default()
    {
        Assert.Equal(GapTableView.Default, GapTableView.FromQuery("nonsense", "sideways", null));
        Assert.Equal(GapTableView.Default, GapTableView.FromQuery("flags", null, null));
        Assert.Empty(GapTableView.Default.Keep);
    }

    [Fact]
    public void Governorate_links_carry_the_filters_and_under_served_rows_are_marked()
    {
        var table = SampleTable.Compute();
        var cut = Render(table);
        var first = cut.FindAll("[data-testid=gap-table] tbody tr")[0];
        Assert.Equal($"governorate/{first.GetAttribute("data-pcode")}?year=2019&cluster=Health", first.QuerySelector("th a")!.GetAttribute("href"));
        var underServed = table.Governorates.Where(g => g.HasFlag(FlagCodes.UnderServed)).Select(g => g.Key).Order().ToList();
        Assert.Equal(underServed, cut.FindAll("tr.row-under-served").Select(r => r.GetAttribute("data-pcode")!).Order().ToList());
    }

    [Fact]
    public void A_view_without_governorates_says_so()
    {
        var cut = Render(SampleTable.Compute() with { Governorates = [] });

        Assert.Contains("No governorate in this view.", cut.Find("[data-testid=gap-table-empty]").TextContent);
    }
}
