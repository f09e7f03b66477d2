using AngleSharp.Dom;
using Bunit;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Web.Components.Pages.Overview;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace EquityDashboard.Web.Tests;

/// <summary>The overview page against the real services and a temporary SQLite file.</summary>
public sealed class OverviewTests : DatabaseTestBase
{
    private const string NeedCsv = """
        year,governorate,cluster,people_in_need,targeted,reached
        2019,Ninewa,,600000,400000,
        2019,Al-Basrah,,200000,,
        2019,Baghdad,,200000,150000,100000
        2019,Basra,Health,50000,,
        """;

    // Allocated 900,000 + 400,000 + 200,000 = 1,500,000; 250,000 unallocated (country level);
    // the pledge is not counted.
    private const string FundingCsv = """
        year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id
        2019,,ECHO,WFP,Food Security,Ninewa,900000,paid,incoming,F1
        2019,,USA,UNICEF,Health,Basra,400000,commitment,,F2
        2019,,USA,IOM,,Baghdad,200000,paid,,F3
        2019,,ECHO,NRC,,Iraq,250000,paid,,F4
        2019,,Germany,WHO,Health,Erbil,300000,pledge,,F5
        """;

    private async Task ImportTemplatesAsync()
    {
        await ImportAsync("need.csv", RecordKind.Need, NeedCsv);
        await ImportAsync("funding.csv", RecordKind.Funding, FundingCsv);
    }

    private IRenderedComponent<Overview> RenderAt(string relativeUri)
    {
        Navigation.NavigateTo(relativeUri);
        return Ctx.Render<Overview>();
    }

    private static IReadOnlyList<IElement> GovernorateRows(IRenderedComponent<Overview> cut) =>
        cut.FindAll("[data-testid=gap-table] tbody tr");

    private static string Cell(IElement row, string label) =>
        row.QuerySelector($"[data-label='{label}']")!.TextContent.Trim();

    // Loaded (data-ready: every figure of the page, the district table too) and showing the table.
    private static void WaitForTable(IRenderedComponent<Overview> cut) =>
        cut.WaitForAssertion(() =>
        {
            Assert.NotEmpty(cut.FindAll("[data-testid=overview][data-ready=true]"));
            Assert.NotEmpty(cut.FindAll("[data-testid=totals]"));
        }, Timeout);

    /// <summary>A KPI card's exact value (its title; the card shows a short form).</summary>
    private static string Kpi(IRenderedComponent<Overview> cut, string id) =>
        cut.Find($"[data-kpi='{id}'] .kpi-value").GetAttribute("title")!;

    [Fact]
    public void Empty_database_shows_the_empty_state_for_the_year()
    {
        var cut = RenderAt("/?year=2019");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=empty-state]")), Timeout);
        var text = Normalise(cut.Find("[data-testid=empty-state]").TextContent);
        Assert.Contains("No funding, need or presence data for 2019, all clusters, baseline people in need.", text);
        Assert.Empty(cut.FindAll("[data-testid=gap-table]"));
        Assert.Empty(cut.FindAll("[data-testid=totals]"));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=overview]").GetAttribute("data-ready")), Timeout);
    }

    [Fact]
    public void Empty_state_describes_the_filters_from_the_query_string()
    {
        var cut = RenderAt("/?year=2021&region=south&baseline=population");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=empty-state]")), Timeout);
        Assert.Contains("No funding, need or presence data for 2021, all clusters, region South, baseline population.",
            Normalise(cut.Find("[data-testid=empty-state]").TextContent));
    }

    /// <summary>The address is read as the API reads it: a cluster the data does not have is named, and the page shows all clusters.</summary>
    [Fact]
    public void Empty_state_with_a_cluster_the_data_does_not_have_names_it_and_shows_all_clusters()
    {
        var cut = RenderAt("/?year=2021&cluster=Health&region=south");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=empty-state]")), Timeout);
        Assert.Contains("Unknown cluster 'Health': no cluster figures are loaded.", cut.Find("[data-testid=query-problem]").TextContent,
            StringComparison.Ordinal);
        Assert.Contains("No funding, need or presence data for 2021, all clusters, region South, baseline people in need.",
            Normalise(cut.Find("[data-testid=empty-state]").TextContent));
    }

    /// <summary>
    /// BUG (src): <c>EquityTable.HasAnyData</c> counts <c>TotalNeed &gt; 0</c>, and under the population
    /// baseline TotalNeed is the gazetteer's population, so it is always true. With nothing imported the
    /// page shows a table of 18 governorates, each flagged no-presence ("... people and no organisation
    /// reported present in 2021"), instead of the empty state (whose text even ends "baseline population").
    /// </summary>
    [Fact]
    public void Empty_database_under_population_baseline_shows_the_empty_state()
    {
        var cut = RenderAt("/?year=2021&baseline=population");

        cut.WaitForAssertion(() => Assert.True(
            cut.FindAll("[data-testid=empty-state]").Count + cut.FindAll("[data-testid=totals]").Count > 0), Timeout);
        Assert.True(cut.FindAll("[data-testid=empty-state]").Count > 0,
            $"Expected the empty state with nothing imported; got a table with {cut.FindAll("[data-testid=gap-table] tbody tr").Count} rows " +
            $"and {cut.FindAll("[data-testid=gap-table] [data-flag='no-presence']").Count} no-presence flags (EquityTable.HasAnyData counts gazetteer population).");
        Assert.Contains("No funding, need or presence data for 2021, all clusters, baseline population.",
            Normalise(cut.Find("[data-testid=empty-state]").TextContent));
    }

    [Fact]
    public async Task Imported_data_renders_the_table_totals_and_sources()
    {
        await ImportTemplatesAsync();

        var cut = RenderAt("/?year=2019&col=-&col=need&col=funding-share&col=need-share");
        WaitForTable(cut);

        Assert.Empty(cut.FindAll("[data-testid=empty-state]"));
        Assert.Equal("USD 1,500,000", Kpi(cut, "funding"));
        Assert.Equal("USD 250,000", Kpi(cut, "unallocated"));
        Assert.Equal("1,000,000", Kpi(cut, "need"));
        Assert.Equal("USD 1.50", Kpi(cut, "usd-per-pin"));
        Assert.Contains("Pledged, not counted: USD 300,000", Normalise(cut.Find("[data-testid=totals]").TextContent));

        var rows = GovernorateRows(cut);
        Assert.Equal(18, rows.Count);
        var names = rows.Select(r => Cell(r, "Governorate")).ToList();
        Assert.Contains("Ninewa", names);
        Assert.Contains("Al-Basrah", names);
        Assert.Contains("Baghdad", names);

        var baghdad = rows.Single(r => Cell(r, "Governorate") == "Baghdad");
        Assert.Equal("0.67", Cell(baghdad, "Equity ratio"));
        var ninewa = rows.Single(r => Cell(r, "Governorate") == "Ninewa");
        Assert.Equal("600,000", Cell(ninewa, "People in need"));
        Assert.Equal("900,000", Cell(ninewa, "Funding (USD)"));
        Assert.Equal("60.0%", Cell(ninewa, "Funding share"));
        Assert.Equal("60.0%", Cell(ninewa, "Need share"));
        Assert.Equal("1.00", Cell(ninewa, "Equity ratio"));
        var basrah = rows.Single(r => Cell(r, "Governorate") == "Al-Basrah");
        Assert.Equal("1.33", Cell(basrah, "Equity ratio"));
        Assert.Equal("400,000", Cell(basrah, "Funding (USD)"));

        // Ordered by ratio: the three governorates with need first, the fifteen without last.
        Assert.Equal(["Baghdad", "Ninewa", "Al-Basrah"], names.Take(3));
        Assert.All(rows.Skip(3), r => Assert.Equal("no recorded need", Cell(r, "Equity ratio")));

        var sources = cut.FindAll("[data-testid=sources] li");
        Assert.Equal(2, sources.Count);
        Assert.Contains("need.csv", sources[0].TextContent);
        Assert.Contains("funding.csv", sources[1].TextContent);
        Assert.Empty(cut.FindAll("[data-testid=illustrative-badge]"));
        Assert.All(sources, s => Assert.Contains("Real", s.TextContent));

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=overview]").GetAttribute("data-ready")), Timeout);
    }

    [Fact]
    public async Task Without_a_year_the_latest_complete_year_is_shown()
    {
        await ImportTemplatesAsync();

        var cut = RenderAt("/");
        WaitForTable(cut);

        Assert.Contains("Sources for 2019", cut.Find("[data-testid=sources]").TextContent);
        Assert.Equal("USD 1,500,000", Kpi(cut, "funding"));
    }

    [Fact]
    public async Task Region_filter_lists_only_that_regions_governorates()
    {
        await ImportTemplatesAsync();

        var cut = RenderAt("/?year=2019&region=South&col=-&col=region&col=funding-share");
        WaitForTable(cut);

        var rows = GovernorateRows(cut);
        var south = GazetteerSource.Default.InRegion(Regions.South).Select(g => g.Name).Order().ToList();
        Assert.Equal(south, rows.Select(r => Cell(r, "Governorate")).Order());
        Assert.All(rows, r => Assert.Equal(Regions.South, Cell(r, "Region")));
        Assert.DoesNotContain(rows, r => Cell(r, "Governorate") is "Ninewa" or "Baghdad");
        Assert.Equal([Regions.South],
            cut.FindAll("[data-testid=region-table] tbody tr").Select(r => r.GetAttribute("data-region")));
        // Totals and shares stay national.
        Assert.Equal("USD 1,500,000", Kpi(cut, "funding"));
        Assert.Equal("26.7%", Cell(rows.Single(r => Cell(r, "Governorate") == "Al-Basrah"), "Funding share"));
    }

    [Fact]
    public async Task Cluster_filter_uses_the_clusters_need_and_funding()
    {
        await ImportTemplatesAsync();

        var cut = RenderAt("/?year=2019&cluster=Health");
        WaitForTable(cut);

        Assert.Equal("USD 400,000", Kpi(cut, "funding"));
        Assert.Equal("USD 0", Kpi(cut, "unallocated"));
        Assert.Equal("50,000", Kpi(cut, "need"));
        var basrah = GovernorateRows(cut).Single(r => Cell(r, "Governorate") == "Al-Basrah");
        Assert.Equal("50,000", Cell(basrah, "People in need"));
        Assert.Equal("1.00", Cell(basrah, "Equity ratio"));
        Assert.Equal("not reported", Cell(GovernorateRows(cut).Single(r => Cell(r, "Governorate") == "Ninewa"), "People in need"));
    }

    [Fact]
    public async Task Donor_filter_counts_only_that_donors_funding()
    {
        await ImportTemplatesAsync();

        var cut = RenderAt("/?year=2019&donor=ECHO");
        WaitForTable(cut);

        Assert.Equal("USD 900,000", Kpi(cut, "funding"));
        Assert.Equal("USD 250,000", Kpi(cut, "unallocated"));
    }

    [Fact]
    public async Task Population_baseline_relabels_need()
    {
        await ImportTemplatesAsync();

        var cut = RenderAt("/?year=2019&baseline=population");
        WaitForTable(cut);

        Assert.Contains("baseline population", Normalise(cut.Find("[data-testid=totals]").TextContent));
        Assert.Contains("Population", cut.Find("[data-kpi='need']").TextContent);
        Assert.Contains("Population", cut.Find("[data-testid=gap-table] thead").TextContent);
        var baghdad = GovernorateRows(cut).Single(r => Cell(r, "Governorate") == "Baghdad");
        Assert.Equal("7,055,200", Cell(baghdad, "Population"));
    }

    [Fact]
    public async Task Idps_baseline_relabels_need_and_names_the_list_it_reads()
    {
        await ImportTemplatesAsync();
        var report = await ImportAsync("dtm.csv", RecordKind.Displacement, """
            year,governorate,district,location,idps
            2019,Ninewa,Al-Mosul,Camp A,3000
            2019,Baghdad,,Camp B,1000
            """);

        var cut = RenderAt("/?year=2019&baseline=idps");
        WaitForTable(cut);

        Assert.Contains("baseline IDPs", Normalise(cut.Find("[data-testid=totals]").TextContent));
        Assert.Contains("IDPs", cut.Find("[data-kpi='need']").TextContent);
        Assert.Equal("4,000", cut.Find("[data-kpi='need'] .kpi-value").TextContent.Trim());
        Assert.Contains("USD per IDP", cut.Find("[data-kpi='usd-per-pin']").TextContent);
        var ninewa = GovernorateRows(cut).Single(r => Cell(r, "Governorate") == "Ninewa");
        Assert.Equal("3,000", Cell(ninewa, "IDPs"));
        var note = Normalise(cut.Find("[data-testid=baseline-note]").TextContent);
        Assert.Contains($"IDPs: dtm.csv (batch {report.BatchId}), the IDP individuals of its locations summed by district and governorate.", note);
        Assert.Equal("idps", cut.Find("select[name=baseline] option[selected]").GetAttribute("value"));

        // People in need have their sources in the sources list: no baseline note.
        var pin = RenderAt("/?year=2019");
        WaitForTable(pin);
        Assert.Empty(pin.FindAll("[data-testid=baseline-note]"));
    }

    [Fact]
    public async Task A_year_without_idp_figures_says_which_year_has_them()
    {
        await ImportTemplatesAsync();
        await ImportAsync("dtm.csv", RecordKind.Displacement, """
            year,governorate,district,location,idps
            2021,Ninewa,,Camp A,3000
            """);

        var cut = RenderAt("/?year=2019&baseline=idps");
        WaitForTable(cut);

        Assert.Contains("No IDP figures for 2019: the displacement list imported (dtm.csv) is for 2021.",
            Normalise(cut.Find("[data-testid=baseline-note]").TextContent));
        Assert.Equal("0", cut.Find("[data-kpi='need'] .kpi-value").TextContent.Trim());
        var ninewa = GovernorateRows(cut).Single(r => Cell(r, "Governorate") == "Ninewa");
        Assert.Equal("no recorded need", Cell(ninewa, "Equity ratio"));   // as in a year without people in need
    }

    [Fact]
    public async Task The_filter_form_and_the_table_links_carry_the_filters_of_the_address()
    {
        await ImportTemplatesAsync();
        var cut = RenderAt("/?year=2019&region=South&baseline=population");
        WaitForTable(cut);

        var form = cut.Find("form[data-testid=filter-bar]");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("South", form.QuerySelector("select[name=region] option[selected]")!.GetAttribute("value"));
        Assert.Equal("population", form.QuerySelector("select[name=baseline] option[selected]")!.GetAttribute("value"));
        Assert.Equal("?year=2019&region=South&baseline=population&sort=funding&order=desc",
            cut.Find("[data-testid=sort-funding]").GetAttribute("href"));
        Assert.All(GovernorateRows(cut), r =>
            Assert.EndsWith("?year=2019&region=South&baseline=population", r.QuerySelector("th a")!.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sort_and_columns_of_the_address_order_the_table_and_the_filters_keep_them()
    {
        await ImportTemplatesAsync();
        var cut = RenderAt("/?year=2019&sort=funding&order=desc&col=-&col=incidents");
        WaitForTable(cut);

        Assert.Equal(["Ninewa", "Al-Basrah", "Baghdad"], GovernorateRows(cut).Take(3).Select(r => Cell(r, "Governorate")));
        Assert.Equal(["name", "funding", "ratio", "incidents", "flags"],
            cut.FindAll("[data-testid=gap-table] thead th").Select(th => th.GetAttribute("data-column")));
        Assert.Equal(["sort=funding", "order=desc", "col=-", "col=incidents"],
            cut.Find("form[data-testid=filter-bar]").QuerySelectorAll("input[type=hidden]")
                .Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}"));
    }

    [Fact]
    public async Task The_map_is_the_default_view_and_the_tile_grid_a_link_away_kept_in_the_address()
    {
        await ImportTemplatesAsync();
        var cut = RenderAt("/?year=2019&sort=funding&order=desc");
        WaitForTable(cut);

        Assert.Equal(18, cut.FindAll("[data-testid=choropleth-map] a[data-testid=map-area]").Count);
        Assert.Empty(cut.FindAll("[data-testid=tile-map]"));
        Assert.Equal("true", cut.Find("[data-testid=map-choice-map]").GetAttribute("aria-current"));
        Assert.Equal("?year=2019&sort=funding&order=desc&map=tiles", cut.Find("[data-testid=map-choice-tiles]").GetAttribute("href"));

        cut = RenderAt("/?year=2019&sort=funding&order=desc&map=tiles");
        WaitForTable(cut);

        Assert.Equal(18, cut.FindAll("[data-testid=tile-map] [data-testid=tile]").Count);
        Assert.Empty(cut.FindAll("[data-testid=choropleth-map]"));
        Assert.Equal("true", cut.Find("[data-testid=map-choice-tiles]").GetAttribute("aria-current"));
        Assert.Null(cut.Find("[data-testid=map-choice-map]").GetAttribute("aria-current"));
        Assert.Equal("?year=2019&sort=funding&order=desc", cut.Find("[data-testid=map-choice-map]").GetAttribute("href"));
        // The filters, the table's sort links and its column form keep the choice.
        Assert.Equal(["sort=funding", "order=asc", "map=tiles"], Query(cut.Find("[data-testid=sort-funding]").GetAttribute("href")!).Skip(1));
        Assert.Equal(["sort=funding", "order=desc", "map=tiles"],
            cut.Find("form[data-testid=filter-bar]").QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}"));
        Assert.Contains("map=tiles",
            cut.Find("[data-testid=column-menu] form").QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}"));
    }

    [Fact]
    public async Task The_districts_are_a_link_away_drawn_from_the_national_district_table_each_a_link_to_its_page()
    {
        await ImportTemplatesAsync();
        var cut = RenderAt("/?year=2019&sort=funding&order=desc");
        WaitForTable(cut);

        Assert.Equal("true", cut.Find("[data-testid=map-choice-governorates]").GetAttribute("aria-current"));
        Assert.Null(cut.Find("[data-testid=map-choice-districts]").GetAttribute("aria-current"));
        Assert.Equal("?year=2019&sort=funding&order=desc&map=districts", cut.Find("[data-testid=map-choice-districts]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=district-map]"));

        cut = RenderAt("/?year=2019&sort=funding&order=desc&map=districts");
        WaitForTable(cut);

        var table = await Service<EquityDashboard.Infrastructure.Queries.EquityService>().GetDistrictTableAsync(new EquityScope(2019));
        var areas = cut.FindAll("[data-testid=district-map] a[data-testid=map-area]");
        Assert.Equal(101, areas.Count);
        Assert.Equal(table.Districts.Select(d => d.Key), areas.Select(a => a.GetAttribute("data-pcode")));
        Assert.All(areas, a => Assert.Equal($"district/{a.GetAttribute("data-pcode")}?year=2019", a.GetAttribute("href")));
        Assert.All(areas, a => Assert.NotNull(a.QuerySelector("title")));
        Assert.Equal("Map of the districts of Iraq by equity ratio", cut.Find("[data-testid=district-map] svg.map").GetAttribute("aria-label"));
        // The same legend as the governorates' map; no governorate map or tiles beside it, and no map-or-tiles choice.
        Assert.Equal(9, cut.FindAll("[data-testid=district-map] [data-testid=map-legend] li").Count);
        Assert.Empty(cut.FindAll("[data-testid=choropleth-map], [data-testid=tile-map], [data-testid=map-choice-tiles]"));
        Assert.Equal("true", cut.Find("[data-testid=map-choice-districts]").GetAttribute("aria-current"));
        Assert.Equal("?year=2019&sort=funding&order=desc", cut.Find("[data-testid=map-choice-governorates]").GetAttribute("href"));
        // The filters keep the choice.
        Assert.Equal(["sort=funding", "order=desc", "map=districts"],
            cut.Find("form[data-testid=filter-bar]").QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}"));
    }

    [Fact]
    public async Task Beside_the_district_map_the_most_under_served_districts_are_listed_lowest_ratio_first()
    {
        await ImportAsync("funding-districts.csv", RecordKind.Funding, """
            year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id
            2019,,ECHO,,Health,Ninewa,Al-Mosul,100000,paid,,m1
            2019,,ECHO,,Health,Ninewa,Sinjar,900000,paid,,s1
            2019,,ECHO,,Health,Kirkuk,,500000,paid,,k1
            """);
        await ImportAsync("need-districts.csv", RecordKind.Need, """
            year,governorate,district,cluster,people_in_need,targeted,reached
            2019,Ninewa,Al-Mosul,,500000,,
            2019,Ninewa,Sinjar,,500000,,
            """);

        // By hand: of what names a district, Al-Mosul gets 10 % of the funding for 50 % of the need (0.20), Sinjar 1.80.
        var cut = RenderAt("/?year=2019&map=districts");
        WaitForTable(cut);
        var row = Assert.Single(cut.FindAll("[data-testid=under-served-row]"));
        Assert.Equal("IQG15Q05", row.GetAttribute("data-pcode"));
        Assert.Equal("district/IQG15Q05?year=2019", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["Al-Mosul", "Ninewa", "0.20", "100,000", "500,000"], row.Children.Select(c => c.TextContent.Trim()));

        // Under the population baseline no district has a recorded figure: nothing to call under-served, and it says why.
        cut = RenderAt("/?year=2019&map=districts&baseline=population");
        WaitForTable(cut);
        Assert.Equal("No district has a recorded population for this scope, so none can be called under-served.",
            cut.Find("[data-testid=under-served-none]").TextContent.Trim());
        // The governorate map has no such list.
        cut = RenderAt("/?year=2019");
        WaitForTable(cut);
        Assert.Empty(cut.FindAll("[data-testid=under-served-districts]"));
    }

    [Fact]
    public async Task An_unknown_map_choice_shows_the_map()
    {
        await ImportTemplatesAsync();
        var cut = RenderAt("/?year=2019&map=globe");
        WaitForTable(cut);

        Assert.Single(cut.FindAll("[data-testid=choropleth-map]"));
        Assert.Equal("?year=2019", cut.Find("[data-testid=map-choice-map]").GetAttribute("href"));
    }

    private static string[] Query(string href) => href.TrimStart('?').Split('&');

    [Theory]
    [InlineData("/?year=abc", "year must be a year from 1990 to 2100, such as 2019; got 'abc'.")]
    [InlineData("/?year=99999999999", "year must be a year from 1990 to 2100, such as 2019; got '99999999999'.")]
    [InlineData("/?year=1950", "year must be a year from 1990 to 2100, such as 2019; got '1950'.")]
    [InlineData("/?region=Mars", "Unknown region 'Mars'.")]
    [InlineData("/?baseline=money", "baseline must be 'pin' (people in need), 'population' or 'idps' (internally displaced people); got 'money'.")]
    [InlineData("/?cluster=Helth", "Unknown cluster 'Helth'. Clusters: ")]
    [InlineData("/?donor=Nobody%20At%20All", "Unknown donor 'Nobody At All'")]
    [InlineData("/?level=county", "level must be 'governorate' or 'district'; got 'county'.")]
    [InlineData("/?governorate=Atlantis", "Unknown governorate 'Atlantis'.")]
    public async Task A_value_the_page_cannot_read_is_named_and_the_default_shown(string address, string message)
    {
        await ImportTemplatesAsync();
        var cut = RenderAt(address);
        WaitForTable(cut);

        Assert.Contains(message, cut.Find("[data-testid=query-problem]").TextContent, StringComparison.Ordinal);
        Assert.Equal("USD 1,500,000", Kpi(cut, "funding"));
        Assert.Contains("Sources for 2019", cut.Find("[data-testid=sources]").TextContent);
    }

    [Fact]
    public async Task Year_select_offers_the_years_with_data()
    {
        await ImportTemplatesAsync();
        var cut = RenderAt("/?year=2019");
        WaitForTable(cut);

        Assert.Equal(["2019"], cut.FindAll("select[data-testid=year] option").Select(o => o.GetAttribute("value")));
        Assert.True(cut.Find("select[data-testid=year] option").HasAttribute("selected"));
        var donors = cut.FindAll("select[data-testid=donor] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("ECHO", donors);
        Assert.Contains("Germany", donors);
        Assert.Contains("Health", cut.FindAll("select[data-testid=cluster] option").Select(o => o.GetAttribute("value")));
    }
}
