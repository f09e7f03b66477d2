using Bunit;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared.Filters;

namespace EquityDashboard.Web.Tests.Components;

public sealed class FilterBarTests : MudTestBase
{
    private static readonly FilterChoices Choices = new([2018, 2019], ["Health", "WASH"], ["ECHO", "USA"]);

    private readonly List<DashboardFilters> _changes = [];

    private IRenderedComponent<FilterBar> Render(DashboardFilters value, bool showYear = true, bool showRegion = true) =>
        Ctx.Render<FilterBar>(p => p
            .Add(c => c.Value, value)
            .Add(c => c.Choices, Choices)
            .Add(c => c.ShowYear, showYear)
            .Add(c => c.ShowRegion, showRegion)
            .Add(c => c.ValueChanged, f => _changes.Add(f)));

    private static List<string> Options(IRenderedComponent<FilterBar> cut, string id) =>
        cut.FindAll($"select[data-testid={id}] option").Select(o => o.TextContent.Trim()).ToList();

    private static string? Selected(IRenderedComponent<FilterBar> cut, string id) =>
        cut.FindAll($"select[data-testid={id}] option").SingleOrDefault(o => o.HasAttribute("selected"))?.GetAttribute("value");

    [Fact]
    public void Choosing_a_cluster_reports_it_and_keeps_the_other_filters()
    {
        var cut = Render(new DashboardFilters(2019, Donor: "ECHO", Region: "South"));

        cut.Find("select[data-testid=cluster]").Change("WASH");

        Assert.Equal(new DashboardFilters(2019, "WASH", "ECHO", "South"), Assert.Single(_changes));
    }

    [Fact]
    public void Clearing_a_filter_reports_null_and_an_unchanged_value_reports_nothing()
    {
        var cut = Render(new DashboardFilters(2019, Cluster: "Health"));

        cut.Find("select[data-testid=cluster]").Change("Health");
        Assert.Empty(_changes);

        cut.Find("select[data-testid=cluster]").Change("");
        Assert.Null(Assert.Single(_changes).Cluster);
    }

    [Fact]
    public void Real_figures_only_is_a_filter_kept_in_the_address()
    {
        var cut = Render(new DashboardFilters(2019, Cluster: "Health"));
        Assert.Equal(["All data", "Real figures only"], Options(cut, "data"));
        Assert.Equal("", Selected(cut, "data"));

        cut.Find("select[data-testid=data]").Change(DashboardFilters.RealValue);

        var chosen = Assert.Single(_changes);
        Assert.Equal(new DashboardFilters(2019, "Health", RealOnly: true), chosen);
        Assert.True(chosen.Scope.RealOnly);
        Assert.Equal("?year=2019&cluster=Health&data=real", chosen.QueryString());
        Assert.Equal(chosen, DashboardFilters.FromQuery(2019, "Health", null, null, null, "REAL"));
        Assert.False(DashboardFilters.FromQuery(2019, null, null, null, null, "nonsense").RealOnly);
        Assert.Equal(DashboardFilters.RealValue, Selected(Render(chosen), "data"));
    }

    [Fact]
    public void Year_region_and_baseline_changes_are_reported()
    {
        var cut = Render(new DashboardFilters(2019));

        cut.Find("select[data-testid=year]").Change("2018");
        cut.Find("select[data-testid=region]").Change("KRI");
        cut.Find("select[data-testid=baseline]").Change("population");

        Assert.Equal([new DashboardFilters(2018), new DashboardFilters(2019, Region: "KRI"), new DashboardFilters(2019, Baseline: Baseline.Population)], _changes);
    }

    [Fact]
    public void Selects_offer_the_choices_and_show_the_current_filters()
    {
        var cut = Render(new DashboardFilters(2021, Cluster: "WASH", Region: "South", Baseline: Baseline.Population));

        Assert.Equal(["2018", "2019", "2021"], Options(cut, "year"));
        Assert.Equal(["All clusters", "Health", "WASH"], Options(cut, "cluster"));
        Assert.Equal(["All donors", "ECHO", "USA"], Options(cut, "donor"));
        Assert.Equal(["All regions", "North/Centre", "Baghdad", "KRI", "South"], Options(cut, "region"));
        Assert.Equal(["People in need", "Population"], Options(cut, "baseline"));
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
    [InlineData("south", "Health", "population", "?year=2019&cluster=Health&region=South&baseline=population")]
    [InlineData("nowhere", " ", "other", "?year=2019")]
    [InlineData(null, "Food Security", null, "?year=2019&cluster=Food%20Security")]
    public void Filters_read_from_the_query_string_round_trip(string? region, string? cluster, string? baseline, string expected) =>
        Assert.Equal(expected, DashboardFilters.FromQuery(2019, cluster, null, region, baseline).QueryString());
}
