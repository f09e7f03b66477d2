using Bunit;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Pages.Governorate;
using MudBlazor;

namespace EquityDashboard.Web.Tests.Pages;

/// <summary>The governorate page against the real services on a small imported data set.</summary>
public sealed class GovernoratePageTests : DatabaseTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync("need.csv", RecordKind.Need, """
            year,governorate,cluster,people_in_need,targeted,reached
            2019,Kirkuk,,100000,,
            2019,Ninewa,,900000,,
            2019,Kirkuk,Health,40000,,
            """);
        await ImportAsync("funding.csv", RecordKind.Funding, """
            year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id
            2019,,ECHO,,Health,Kirkuk,30000,paid,,a
            2019,,USA,,Health,Kirkuk,10000,paid,,b
            2019,,USA,,,Ninewa,960000,paid,,c
            2018,,USA,,,Kirkuk,80000,paid,,d
            2019,,ECHO,,,"Kirkuk, Ninewa",500000,paid,,e
            2019,,ECHO,,,"Kirkuk; Erbil",70000,pledge,,f
            """);
        await ImportAsync("incidents.csv", RecordKind.Incidents, """
            date,governorate,type,count
            2019-02-01,Kirkuk,IED,15
            2019-03-01,Kirkuk,Ambush,10
            """);
    }

    private bool _popovers;

    private IRenderedComponent<GovernoratePage> Open(string path)
    {
        Navigation.NavigateTo(path);
        if (!_popovers) Ctx.Render<MudPopoverProvider>();
        _popovers = true;
        var segment = new Uri(Navigation.Uri).AbsolutePath.Split('/').Last();
        var cut = Ctx.Render<GovernoratePage>(p => p.Add(c => c.Pcode, Uri.UnescapeDataString(segment)));
        // Loaded (data-ready) and showing either the governorate or why there is none.
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-ready=true]").Count > 0
            && cut.FindAll("[data-testid=figures]").Count + cut.FindAll("[data-testid=not-found]").Count > 0), Timeout);
        return cut;
    }

    [Fact]
    public async Task Figures_and_flags_are_the_tables_row_for_the_governorate()
    {
        var cut = Open("/governorate/IQG13?year=2019");
        var row = (await Service<EquityService>().GetTableAsync(new EquityScope(2019))).Governorates.Single(g => g.Key == "IQG13");

        Assert.StartsWith("Kirkuk", cut.Find("[data-testid=governorate-name]").TextContent.Trim());
        Assert.Contains(Money.Full(row.FundingUsd), cut.Find("[data-figure=funding]").TextContent);
        Assert.Contains(Money.Ratio(row.EquityRatio), cut.Find("[data-figure=equity-ratio]").TextContent);
        Assert.Equal(row.Flags.Select(f => f.Code), cut.FindAll("[data-testid=flags] [data-flag]").Select(c => c.GetAttribute("data-flag")));
        Assert.Contains(FlagCodes.UnderServed, row.Flags.Select(f => f.Code));
        Assert.Contains(FlagCodes.AccessConstrained, row.Flags.Select(f => f.Code));
        Assert.Contains("may be a matter of access rather than neglect", cut.Find("[data-testid=access-note]").TextContent);
    }

    [Fact]
    public async Task The_page_lists_the_governorate_s_districts_and_what_names_none_apart()
    {
        await ImportAsync("funding-districts.csv", RecordKind.Funding, """
            year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id
            2019,,ECHO,,Health,Ninewa,Al-Mosul,300000,paid,,m1
            2019,,ECHO,,Health,Ninewa,Sinjar,100000,paid,,s1
            """);
        var cut = Open("/governorate/IQG15?year=2019");
        var table = await Service<EquityService>().GetDistrictTableAsync(new EquityScope(2019), "IQG15");

        var rows = cut.FindAll("[data-testid=district-row]");
        Assert.Equal(9, rows.Count);
        Assert.Equal(table.Districts.Select(d => d.Key), rows.Select(r => r.GetAttribute("data-pcode")));
        var mosul = rows.Single(r => r.GetAttribute("data-pcode") == "IQG15Q05");
        Assert.Contains("Al-Mosul", mosul.TextContent);
        Assert.Contains("300,000", mosul.TextContent);
        Assert.Contains("75.0%", mosul.TextContent); // of the 400,000 that name a district
        // The 960,000 of Ninewa that name no district stay apart, and the notes say how much names one.
        Assert.Contains("960,000", cut.Find("[data-testid=district-not-specified]").TextContent);
        Assert.Equal(table.Notes, cut.FindAll("[data-testid=district-note]").Select(n => n.TextContent));

        // Each row's name opens the district's page, with the filters.
        Assert.All(rows, r => Assert.Equal($"district/{r.GetAttribute("data-pcode")}?year=2019", r.QuerySelector("th a")!.GetAttribute("href")));

        // The district map: Ninewa's nine districts, each a link to its page with the filters, in a view box fitted to Ninewa.
        var map = cut.Find("[data-testid=district-map]");
        var areas = map.QuerySelectorAll("a[data-testid=map-area]");
        Assert.Equal(rows.Select(r => r.GetAttribute("data-pcode")), areas.Select(a => a.GetAttribute("data-pcode")));
        Assert.All(areas, a => Assert.Equal($"district/{a.GetAttribute("data-pcode")}?year=2019", a.GetAttribute("href")));
        Assert.Empty(map.QuerySelectorAll("[aria-current], path.highlight"));
        // Named as its label reads (the short name), then in full with its P-code.
        var mosulName = areas.Single(a => a.GetAttribute("data-pcode") == "IQG15Q05").GetAttribute("aria-label")!;
        Assert.StartsWith("Mosul", mosulName);
        Assert.Contains("Al-Mosul (IQG15Q05)", mosulName);
        var box = map.QuerySelector("svg")!.GetAttribute("viewBox")!.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(box[2] < 400 && box[3] < 400, string.Join(' ', box));
    }

    [Fact]
    public void The_district_list_names_its_columns_by_the_baseline_and_under_IDPs_has_one_IDP_column()
    {
        static string[] Headers(IRenderedComponent<GovernoratePage> cut) =>
            cut.FindAll("[data-testid=districts] thead th").Select(h => h.TextContent.Trim()).ToArray();

        var pin = Headers(Open("/governorate/IQG15?year=2019"));
        Assert.Equal(["People in need", "Need share", "IDPs"], pin.Where(h => h is "People in need" or "Need share" or "IDPs" or "IDP share"));
        var idps = Headers(Open("/governorate/IQG15?year=2019&baseline=idps"));
        Assert.Equal(["IDPs", "IDP share"], idps.Where(h => h is "People in need" or "Need share" or "IDPs" or "IDP share"));
    }

    [Fact]
    public async Task Money_given_to_several_governorates_is_named_but_not_added()
    {
        var kirkuk = Open("/governorate/IQG13?year=2019");
        var text = System.Text.RegularExpressions.Regex.Replace(kirkuk.Find("[data-testid=also-named]").TextContent, @"\s+", " ");
        Assert.Contains("Also named in USD 500,000 of multi-governorate funding (1 flow)", text);
        // Not in Kirkuk's own funding: 30,000 + 10,000 only.
        Assert.Contains(Money.Full(40_000m), kirkuk.Find("[data-figure=funding]").TextContent);
        Assert.Equal(500_000m, (await Service<EquityService>().GetTableAsync(new EquityScope(2019))).UnallocatedUsd);

        // A pledge counts nowhere, so Erbil is named in no counted money.
        Assert.Empty(Open("/governorate/IQG11?year=2019").FindAll("[data-testid=also-named]"));
    }

    [Fact]
    public void Breakdowns_trend_incidents_and_sources_are_listed()
    {
        var cut = Open("/governorate/IQG13?year=2019");

        var donors = cut.FindAll("[data-testid=donors] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal([["ECHO", "30,000", "75.0%"], ["USA", "10,000", "25.0%"]], donors);
        var health = cut.FindAll("[data-testid=clusters] tbody tr").Single(r => r.TextContent.Contains("Health"));
        Assert.Contains("40,000", health.TextContent);
        Assert.Contains("USD 1.00", health.TextContent);
        Assert.Equal(["2018", "2019"], cut.FindAll("[data-testid=trend] tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal(2, cut.FindAll("[data-testid=incidents] tbody tr").Count);
        Assert.Equal(["need.csv", "funding.csv", "incidents.csv"],
            cut.FindAll("[data-testid=sources] li .file").Select(s => s.TextContent.Trim().TrimStart('(').Split(',')[0]));
    }

    [Fact]
    public void A_name_in_the_address_resolves_and_an_unknown_one_gets_suggestions()
    {
        var byName = Open("/governorate/Kirkuk?year=2019");
        Assert.StartsWith("Kirkuk", byName.Find("[data-testid=governorate-name]").TextContent.Trim());

        var unknown = Open("/governorate/Kirkuq?year=2019");
        var message = unknown.WaitForElement("[data-testid=not-found]").TextContent;
        Assert.Contains("There is no governorate 'Kirkuq'.", message);
        Assert.Contains("Did you mean", message);
        Assert.Contains("Kirkuk", message);
        Assert.Equal("governorate/IQG13?year=2019", unknown.Find("[data-testid=suggestions] a").GetAttribute("href"));
    }

    [Fact]
    public async Task The_filter_form_changes_the_year_on_this_governorates_address()
    {
        var cut = Open("/governorate/IQG13?year=2019&cluster=Health");

        // The filter form submits to this page's address (no action), with its year and cluster.
        var form = cut.Find("form[data-testid=filter-bar]");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.True(string.IsNullOrEmpty(form.GetAttribute("action")));
        Assert.Equal("2019", form.QuerySelector("select[name=year] option[selected]")!.GetAttribute("value"));
        Assert.Contains(form.QuerySelectorAll("select[name=year] option"), o => o.GetAttribute("value") == "2018");
        Assert.Equal("Health", form.QuerySelector("select[name=cluster] option[selected]")!.GetAttribute("value"));
    }
}
