using Bunit;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Scope;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Web.Components.Shared.Filters;

namespace EquityDashboard.Web.Tests.Components;

public sealed class FilterBarTests : MudTestBase
{
    private static readonly FilterChoices Choices = new([2018, 2019], ["Health", "WASH"], ["ECHO", "USA"]);
    private static readonly ScopeParser Parser = new(new NameResolver(GazetteerSource.Default));

    /// <summary>The filters of an address's values as the pages make them: read by the scope parser, in 2019 when no year is given.</summary>
    private static (DashboardFilters Filters, ScopeReading Reading) FromQuery(string? cluster, string? donor, string? region, string? baseline,
        string? data = null)
    {
        var reading = Parser.Parse(new Dictionary<string, string?>
        {
            [ScopeParameters.Cluster] = cluster, [ScopeParameters.Donor] = donor, [ScopeParameters.Region] = region,
            [ScopeParameters.Baseline] = baseline, [ScopeParameters.Data] = data,
        }, new ScopeNames(["Food Security", "Health"], ["ECHO"]));
        return (DashboardFilters.From(reading.ScopeFor(2019)), reading);
    }

    private IRenderedComponent<FilterBar> Render(DashboardFilters value, bool showYear = true, bool showRegion = true,
        IReadOnlyList<KeyValuePair<string, string>>? keep = null) =>
        Ctx.Render<FilterBar>(p => p
            .Add(c => c.Value, value)
            .Add(c => c.Choices, Choices)
            .Add(c => c.ShowYear, showYear)
            .Add(c => c.ShowRegion, showRegion)
            .Add(c => c.Keep, keep ?? []));

    private static List<string> Options(IRenderedComponent<FilterBar> cut, string id) =>
        cut.FindAll($"select[data-testid={id}] option").Select(o => o.TextContent.Trim()).ToList();

    private static string? Selected(IRenderedComponent<FilterBar> cut, string id) =>
        cut.FindAll($"select[data-testid={id}] option").SingleOrDefault(o => o.HasAttribute("selected"))?.GetAttribute("value");

    /// <summary>
    /// The query the form submits, as a browser builds it (each named select's chosen option, each
    /// hidden input, in order), with one choice changed; blank values left out as filters.js does.
    /// </summary>
    private static string Submission(IRenderedComponent<FilterBar> cut, string? name = null, string? value = null, bool script = true)
    {
        var fields = new List<(string Name, string Value)>();
        foreach (var element in cut.Find("form").QuerySelectorAll("select[name], input[type=hidden][name]"))
        {
            var field = element.GetAttribute("name")!;
            var current = element.TagName == "SELECT"
                ? (element.QuerySelector("option[selected]") ?? element.QuerySelector("option"))!.GetAttribute("value")!
                : element.GetAttribute("value")!;
            fields.Add((field, field == name ? value! : current));
        }
        return string.Join('&', fields.Where(f => !script || f.Value.Length > 0).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));
    }

    [Fact]
    public void The_filters_are_a_get_form_that_needs_no_live_connection()
    {
        var form = Render(new DashboardFilters(2019)).Find("form[data-testid=filter-bar]");

        Assert.Equal("get", form.GetAttribute("method"));
        Assert.True(form.HasAttribute("data-enhance"));
        Assert.True(form.HasAttribute("data-autosubmit"));
        Assert.Equal("search", form.GetAttribute("role"));
        Assert.NotNull(form.QuerySelector("button[type=submit][data-testid=apply]"));
        Assert.Empty(form.QuerySelectorAll("[blazor\\:onchange]"));
    }

    [Fact]
    public void Choosing_a_cluster_submits_it_and_keeps_the_other_filters()
    {
        var cut = Render(new DashboardFilters(2019, Donor: "ECHO", Region: "South"));

        var query = Submission(cut, "cluster", "WASH");

        Assert.Equal("year=2019&cluster=WASH&donor=ECHO&region=South", query);
        Assert.Equal("?" + query, new DashboardFilters(2019, "WASH", "ECHO", "South").QueryString());
    }

    [Fact]
    public void Clearing_a_filter_leaves_it_out_of_the_address_and_without_scripts_it_is_blank()
    {
        var cut = Render(new DashboardFilters(2019, Cluster: "Health"));

        Assert.Equal("year=2019", Submission(cut, "cluster", ""));
        Assert.Equal("year=2019&cluster=&donor=&region=&baseline=&data=", Submission(cut, "cluster", "", script: false));
        Assert.Equal(new DashboardFilters(2019), FromQuery("", "", "", "", "").Filters);
    }

    [Fact]
    public void Real_figures_only_is_a_filter_kept_in_the_address()
    {
        var cut = Render(new DashboardFilters(2019, Cluster: "Health"));
        Assert.Equal(["All data", "Real figures only"], Options(cut, "data"));
        Assert.Equal("", Selected(cut, "data"));

        Assert.Equal("year=2019&cluster=Health&data=real", Submission(cut, "data", DashboardFilters.RealValue));

        var chosen = FromQuery("Health", null, null, null, "REAL").Filters;
        Assert.True(chosen.Scope.RealOnly);
        Assert.Equal("?year=2019&cluster=Health&data=real", chosen.QueryString());
        var nonsense = FromQuery(null, null, null, null, "nonsense");
        Assert.False(nonsense.Filters.RealOnly);
        Assert.Equal(["data"], nonsense.Reading.Errors.Keys);
        Assert.Equal(DashboardFilters.RealValue, Selected(Render(chosen), "data"));
    }

    [Fact]
    public void Year_region_and_baseline_choices_are_submitted_by_name()
    {
        var cut = Render(new DashboardFilters(2019));

        Assert.Equal("year=2018", Submission(cut, "year", "2018"));
        Assert.Equal("year=2019&region=KRI", Submission(cut, "region", "KRI"));
        Assert.Equal("year=2019&baseline=population", Submission(cut, "baseline", "population"));
    }

    [Fact]
    public void A_region_not_offered_here_and_the_table_view_are_carried_through_a_change()
    {
        var keep = new List<KeyValuePair<string, string>> { new("sort", "funding"), new("order", "desc") };
        var cut = Render(new DashboardFilters(2019, Region: "South"), showRegion: false, keep: keep);

        Assert.Equal("year=2020&region=South&sort=funding&order=desc", Submission(cut, "year", "2020"));
    }

    [Fact]
    public void Selects_offer_the_choices_and_show_the_current_filters()
    {
        var cut = Render(new DashboardFilters(2021, Cluster: "WASH", Region: "South", Baseline: Baseline.Population));

        Assert.Equal(["2018", "2019", "2021"], Options(cut, "year"));
        Assert.Equal(["All clusters", "Health", "WASH"], Options(cut, "cluster"));
        Assert.Equal(["All donors", "ECHO", "USA"], Options(cut, "donor"));
        Assert.Equal(["All regions", "North/Centre", "Baghdad", "KRI", "South"], Options(cut, "region"));
        Assert.Equal(["People in need", "Population", "IDPs"], Options(cut, "baseline"));
        Assert.Equal("2021", Selected(cut, "year"));
        Assert.Equal("WASH", Selected(cut, "cluster"));
        Assert.Equal("", Selected(cut, "donor"));
        Assert.Equal("South", Selected(cut, "region"));
        Assert.Equal("population", Selected(cut, "baseline"));
    }

    [Fact]
    public void A_cluster_from_the_url_that_is_not_in_the_data_still_shows_as_chosen()
    {
        var cut = Render(new DashboardFilters(2019, Cluster: "Logistics"));

        Assert.Equal(["All clusters", "Health", "WASH", "Logistics"], Options(cut, "cluster"));
        Assert.Equal("Logistics", Selected(cut, "cluster"));
    }

    [Fact]
    public void Year_and_region_can_be_hidden_and_every_select_has_a_label()
    {
        var cut = Render(new DashboardFilters(2019), showYear: false, showRegion: false);

        Assert.Empty(cut.FindAll("select[data-testid=year]"));
        Assert.Empty(cut.FindAll("select[data-testid=region]"));
        Assert.All(cut.FindAll("select"), s => Assert.Equal("LABEL", s.ParentElement!.TagName));
        Assert.Equal("search", cut.Find("[data-testid=filter-bar]").GetAttribute("role"));
    }

    [Theory]
    [InlineData("south", "health", "population", "?year=2019&cluster=Health&region=South&baseline=population", "")]
    [InlineData("nowhere", " ", "other", "?year=2019", "region baseline")]
    [InlineData(null, "Food Security", null, "?year=2019&cluster=Food%20Security", "")]
    public void Filters_read_from_the_query_string_round_trip(string? region, string? cluster, string? baseline, string expected, string errors)
    {
        var (filters, reading) = FromQuery(cluster, null, region, baseline);
        Assert.Equal(expected, filters.QueryString());
        Assert.Equal(errors, string.Join(' ', reading.Errors.Keys));
    }

    [Fact]
    public void Level_and_governorate_are_carried_in_the_scope_but_not_yet_in_links()
    {
        var reading = Parser.Parse(new Dictionary<string, string?> { ["level"] = "district", ["governorate"] = "Basra" }, ScopeNames.None);
        var filters = DashboardFilters.From(reading.ScopeFor(2019));

        Assert.Equal((Level.District, "IQG02"), (filters.Scope.Level, filters.Scope.Governorate));
        Assert.Equal("?year=2019", filters.QueryString());
    }
}
