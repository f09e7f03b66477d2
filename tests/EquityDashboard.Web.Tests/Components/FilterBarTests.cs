using Bunit;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared.Filters;
using MudBlazor;

namespace EquityDashboard.Web.Tests.Components;

public sealed class FilterBarTests : MudTestBase
{
    private static readonly FilterChoices Choices = new([2018, 2019], ["Health", "WASH"], ["ECHO", "USA"]);

    private readonly List<DashboardFilters> _changes = [];

    private IRenderedComponent<FilterBar> Render(DashboardFilters value, bool showYear = true, bool showRegion = true)
    {
        Ctx.Render<MudPopoverProvider>();
        return Ctx.Render<FilterBar>(p => p
            .Add(c => c.Value, value)
            .Add(c => c.Choices, Choices)
            .Add(c => c.ShowYear, showYear)
            .Add(c => c.ShowRegion, showRegion)
            .Add(c => c.ValueChanged, f => _changes.Add(f)));
    }

    private static IRenderedComponent<MudSelect<string>> Select(IRenderedComponent<FilterBar> cut, string label) =>
        cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == label);

    [Fact]
    public async Task Choosing_a_cluster_reports_it_and_keeps_the_other_filters()
    {
        var cut = Render(new DashboardFilters(2019, Donor: "ECHO", Region: "South"));

        await cut.InvokeAsync(() => Select(cut, "Cluster").Instance.ValueChanged.InvokeAsync("WASH"));

        Assert.Equal(new DashboardFilters(2019, "WASH", "ECHO", "South"), Assert.Single(_changes));
    }

    [Fact]
    public async Task Clearing_a_filter_reports_null_and_an_unchanged_value_reports_nothing()
    {
        var cut = Render(new DashboardFilters(2019, Cluster: "Health"));

        await cut.InvokeAsync(() => Select(cut, "Cluster").Instance.ValueChanged.InvokeAsync("Health"));
        Assert.Empty(_changes);

        await cut.InvokeAsync(() => Select(cut, "Cluster").Instance.ValueChanged.InvokeAsync(null));
        Assert.Null(Assert.Single(_changes).Cluster);
    }

    [Fact]
    public async Task Year_and_baseline_changes_are_reported()
    {
        var cut = Render(new DashboardFilters(2019));

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int>>().Instance.ValueChanged.InvokeAsync(2018));
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<Baseline>>().Instance.ValueChanged.InvokeAsync(Baseline.Population));

        Assert.Equal([new DashboardFilters(2018), new DashboardFilters(2019, Baseline: Baseline.Population)], _changes);
    }

    [Fact]
    public void Selects_offer_the_choices_and_a_url_year_without_data()
    {
        var cut = Render(new DashboardFilters(2021));

        Assert.Equal([2018, 2019, 2021], cut.FindComponents<MudSelectItem<int>>().Select(i => i.Instance.Value));
        var strings = cut.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal(["Health", "WASH", "ECHO", "USA", "North/Centre", "Baghdad", "KRI", "South"], strings);
    }

    [Fact]
    public void Year_and_region_can_be_hidden()
    {
        var cut = Render(new DashboardFilters(2019), showYear: false, showRegion: false);

        Assert.Empty(cut.FindComponents<MudSelect<int>>());
        Assert.DoesNotContain(cut.FindComponents<MudSelect<string>>(), s => s.Instance.Label == "Region");
        Assert.Equal("search", cut.Find("[data-testid=filter-bar]").GetAttribute("role"));
    }

    [Theory]
    [InlineData("south", "Health", "population", "?year=2019&cluster=Health&region=South&baseline=population")]
    [InlineData("nowhere", " ", "other", "?year=2019")]
    [InlineData(null, "Food Security", null, "?year=2019&cluster=Food%20Security")]
    public void Filters_read_from_the_query_string_round_trip(string? region, string? cluster, string? baseline, string expected) =>
        Assert.Equal(expected, DashboardFilters.FromQuery(2019, cluster, null, region, baseline).QueryString());
}
