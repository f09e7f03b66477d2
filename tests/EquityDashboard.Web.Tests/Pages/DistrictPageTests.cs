using AngleSharp.Dom;
using Bunit;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Pages.Districts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EquityDashboard.Web.Tests.Pages;

/// <summary>Opens the district page at an address, as the router would (the route value unescaped).</summary>
public abstract class DistrictPageTestBase : DatabaseTestBase
{
    private bool _popovers;

    protected IRenderedComponent<DistrictPage> Open(string path)
    {
        Navigation.NavigateTo(path);
        if (!_popovers) Ctx.Render<MudPopoverProvider>();
        _popovers = true;
        var segment = new Uri(Navigation.Uri).AbsolutePath.Split('/').Last();
        var cut = Ctx.Render<DistrictPage>(p => p.Add(c => c.Name, Uri.UnescapeDataString(segment)));
        cut.WaitForAssertion(() => Assert.True(
            cut.FindAll("[data-testid=figures], [data-testid=not-found-page], [data-testid=candidates], [data-testid=moved]").Count > 0), Timeout);
        return cut;
    }
}

/// <summary>The district page against the real services on a small imported data set with districts.</summary>
public sealed class DistrictPageTests : DistrictPageTestBase
{
    /// <summary>
    /// 2021, Ninewa: funding Al-Mosul 600,000, Telafar 200,000, none named 200,000; people in need Al-Mosul
    /// 200,000, Telafar 300,000, Sinjar 100,000, none named 400,000; 1,200 IDPs in Al-Mosul; two organisations there.
    /// </summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync("funding.csv", RecordKind.Funding, """
            year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id
            2021,,Donor A,,Health,Ninewa,Al-Mosul,600000,paid,,1
            2021,,Donor B,,WASH,Ninewa,Telafar,200000,paid,,2
            2021,,Donor B,,,Ninewa,,200000,paid,,3
            """);
        await ImportAsync("need.csv", RecordKind.Need, """
            year,governorate,district,cluster,people_in_need,targeted,reached
            2021,Ninewa,Al-Mosul,,200000,,
            2021,Ninewa,Telafar,,300000,,
            2021,Ninewa,Sinjar,,100000,,
            2021,Ninewa,,,400000,,
            """);
        await ImportAsync("presence.csv", RecordKind.Presence, """
            year,organisation,acronym,org_type,cluster,governorate,district,activity
            2021,Org A,,,Health,Ninewa,Al-Mosul,Clinics
            2021,Org B,,,WASH,Ninewa,Al-Mosul,Water
            2021,Org B,,,WASH,Ninewa,Telafar,Water
            """);
        await ImportAsync("idps.csv", RecordKind.Displacement, """
            year,governorate,district,location,idps
            2021,Ninewa,Al-Mosul,Hay Al-Zahraa,1200
            """);
    }

    private static string Figure(IRenderedComponent<DistrictPage> cut, string id) => Normalise(cut.Find($"[data-figure={id}]").TextContent);

    [Fact]
    public async Task By_its_P_code_the_page_shows_the_district_s_figures_formatted_and_its_governorate()
    {
        var cut = Open("/district/IQG15Q05?year=2021");
        var row = (await Service<EquityService>().GetDistrictTableAsync(new EquityScope(2021), "IQG15")).Districts.Single(d => d.Key == "IQG15Q05");

        Assert.Equal("Al-Mosul الموصل", Normalise(cut.Find("[data-testid=district-name]").TextContent));
        // By hand: 600,000 of the 800,000 naming a district; 200,000 of the 600,000 in need naming one; ratio 0.75 / 0.333.
        Assert.Contains("USD 600,000", Figure(cut, "funding"));
        Assert.Contains("75.0% of Ninewa's funding that names a district", Figure(cut, "funding"));
        Assert.Contains("200,000", Figure(cut, "need"));
        Assert.Contains("33.3% of Ninewa's people in need that names a district", Figure(cut, "need"));
        Assert.Contains("2.25", Figure(cut, "equity-ratio"));
        Assert.Contains("USD 3.00", Figure(cut, "usd-per-person"));
        Assert.Contains("Ninewa's districts USD 1.33", Figure(cut, "usd-per-person"));
        Assert.Contains("1,200", Figure(cut, "idps"));
        Assert.Contains("2", Figure(cut, "orgs"));
        // Lowest ratio first: Sinjar 0, Telafar 0.5, Al-Mosul 2.25; most funding first: Al-Mosul of all nine.
        Assert.StartsWith("Rank by equity ratio 3 of 3", Figure(cut, "rank-ratio"));
        Assert.StartsWith("Rank by funding 1 of 9", Figure(cut, "rank-funding"));
        Assert.DoesNotContain("shared with", Figure(cut, "rank-funding"));

        // Its flags are the table's, each with its reason.
        Assert.NotEmpty(row.Flags);
        Assert.Equal(row.Flags.Select(f => f.Code), cut.FindAll("[data-testid=flags] [data-flag]").Select(c => c.GetAttribute("data-flag")));
        Assert.All(row.Flags, f => Assert.Contains(f.Reason, cut.Find("[data-testid=flags]").TextContent));

        // The governorate, linked with the filters, and how much of it names no district.
        Assert.Equal("governorate/IQG15?year=2021", cut.Find("[data-testid=governorate-link]").GetAttribute("href"));
        Assert.Equal("In Ninewa, USD 200,000 of its USD 1,000,000 funding (20.0%) and 400,000 of its 1,000,000 people in need (40.0%) "
                     + "name no district: they are in no district's figures, so this district's are only the part that names it.",
            Normalise(cut.Find("[data-testid=not-specified-share]").TextContent));
    }

    [Fact]
    public void Under_the_IDP_baseline_the_need_figure_is_the_IDPs_and_is_not_shown_twice()
    {
        var cut = Open("/district/IQG15Q05?year=2021&baseline=idps");

        // Al-Mosul's 1,200 are all the IDPs that name a Ninewa district: 100.0 % of them.
        Assert.Contains("IDPs 1,200", Figure(cut, "need"));
        Assert.Contains("100.0% of Ninewa's IDPs that names a district", Figure(cut, "need"));
        Assert.Empty(cut.FindAll("[data-figure=idps]"));
    }

    [Fact]
    public void The_map_draws_the_governorate_s_districts_with_this_one_outlined_each_a_link_to_its_page()
    {
        var cut = Open("/district/IQG15Q05?year=2021&data=real");

        var map = cut.Find("[data-testid=district-map]");
        var areas = map.QuerySelectorAll("a[data-testid=map-area]");
        Assert.Equal(Service<Gazetteer>().DistrictsOf("IQG15").Select(d => d.Pcode), areas.Select(a => a.GetAttribute("data-pcode")));
        Assert.All(areas, a => Assert.Equal($"district/{a.GetAttribute("data-pcode")}?year=2021&data=real", a.GetAttribute("href")));
        Assert.Equal(["IQG15Q05"], areas.Where(a => a.GetAttribute("aria-current") == "page").Select(a => a.GetAttribute("data-pcode")));
        Assert.Equal("IQG15Q05", map.QuerySelector("path.highlight")!.GetAttribute("data-highlight"));
        Assert.Equal("Map of the districts of Ninewa by equity ratio", map.QuerySelector("svg.map")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void Ties_in_a_rank_are_said()
    {
        // Six of Ninewa's nine districts have no funding: they share seventh place... but Sinjar is 3rd in nothing.
        var cut = Open("/district/IQG15Q07?year=2021");

        Assert.StartsWith("Rank by funding 3 of 9", Figure(cut, "rank-funding"));
        Assert.Contains("shared with 6 other districts", Figure(cut, "rank-funding"));
        Assert.StartsWith("Rank by equity ratio 1 of 3", Figure(cut, "rank-ratio"));
    }

    [Theory]
    [InlineData("/district/Mosul?year=2021&data=real")]
    [InlineData("/district/Al-Mosul?year=2021&data=real")]
    [InlineData("/district/%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84?year=2021&data=real")]
    [InlineData("/district/iqg15q05?year=2021&data=real")]
    public void Any_other_spelling_goes_on_to_the_P_code_s_address_with_its_query(string path)
    {
        var cut = Open(path);

        Assert.Equal("http://localhost/district/IQG15Q05?year=2021&data=real", Navigation.Uri);
        Assert.Equal("district/IQG15Q05?year=2021&data=real", cut.Find("[data-testid=moved] a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=figures]"));
    }

    [Fact]
    public void An_unknown_district_is_not_found_with_the_closest_names_as_links()
    {
        var cut = Open("/district/Mosull?year=2021");

        Assert.Equal("Page not found", cut.Find("h1").TextContent.Trim());
        var note = cut.Find("[data-testid=not-found]");
        Assert.StartsWith("There is no district 'Mosull'. Did you mean ", Normalise(note.TextContent));
        Assert.Contains(note.QuerySelectorAll("a"), a => a.GetAttribute("href") == "district/IQG15Q05?year=2021" && a.TextContent == "Al-Mosul (Ninewa)");
        Assert.Empty(cut.FindAll("[data-testid=figures]"));
    }

    [Fact]
    public void A_district_of_another_governorate_than_the_address_names_is_not_found_and_says_where_it_is()
    {
        var cut = Open("/district/IQG13Q01?year=2021&governorate=Ninewa");

        Assert.Equal("District IQG13Q01 (Al-Hawiga) is in Kirkuk, not in Ninewa.", Normalise(cut.Find("[data-testid=not-found]").TextContent));
    }

    [Fact]
    public void Within_the_governorate_of_the_address_a_name_resolves_there()
    {
        Open("/district/Telafar?year=2021&governorate=IQG15");

        Assert.Equal("http://localhost/district/IQG15Q08?year=2021&governorate=IQG15", Navigation.Uri);
    }
}

/// <summary>The district page with a gazetteer where two governorates have a district of the same name, and no data.</summary>
public sealed class DistrictPageNamesTests : DistrictPageTestBase
{
    public DistrictPageNamesTests()
    {
        // The COD's districts, and a second "Al-Hawiga" in Ninewa: a name two governorates share.
        var cod = GazetteerSource.Default;
        Ctx.Services.AddSingleton(new Gazetteer(cod.All, [.. cod.Districts, new District("IQG15Q99", "IQG15", "Al-Hawiga", "الحويجة", [])]));
    }

    [Fact]
    public void A_name_two_governorates_share_lists_both_as_links()
    {
        var cut = Open("/district/Hawiga?year=2021");

        Assert.Equal("Several districts are called 'Hawiga'", cut.Find("h1").TextContent.Trim());
        var links = cut.FindAll("[data-testid=candidates] a");
        Assert.Equal(["district/IQG13Q01?year=2021", "district/IQG15Q99?year=2021"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["Al-Hawiga, Kirkuk (IQG13Q01)", "Al-Hawiga, Ninewa (IQG15Q99)"],
            cut.FindAll("[data-testid=candidates] li").Select(li => Normalise(li.TextContent)));
        Assert.Equal("http://localhost/district/Hawiga?year=2021", Navigation.Uri);
    }

    [Fact]
    public void Without_data_the_page_says_so_in_the_empty_state_s_words()
    {
        var cut = Open("/district/IQG13Q01?year=2021");

        Assert.Contains("No funding, need or presence data for 2021, all clusters, baseline people in need.",
            Normalise(cut.Find("[data-testid=empty-state]").TextContent));
        Assert.Contains("USD 0", Figure(cut));
        Assert.StartsWith("Rank by funding – no funding names a district of Kirkuk, so not ranked", Normalise(cut.Find("[data-figure=rank-funding]").TextContent));

        string Figure(IRenderedComponent<DistrictPage> c) => Normalise(c.Find("[data-figure=funding]").TextContent);
    }
}
