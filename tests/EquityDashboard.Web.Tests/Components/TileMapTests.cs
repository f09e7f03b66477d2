using Bunit;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared.Filters;
using EquityDashboard.Web.Components.Shared.Map;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests.Components;

public sealed class TileMapTests : MudTestBase
{
    public TileMapTests() => Ctx.Services.AddSingleton(SampleTable.Gazetteer);

    private IRenderedComponent<TileMap> Render(EquityTable table, DashboardFilters? filters = null)
    {
        Ctx.Render<MudBlazor.MudPopoverProvider>();
        return Ctx.Render<TileMap>(p => p.Add(c => c.Table, table).Add(c => c.Filters, filters ?? new DashboardFilters(2024)));
    }

    [Fact]
    public void One_tile_per_governorate_at_its_gazetteer_position()
    {
        var cut = Render(SampleTable.Compute());

        var tiles = cut.FindAll("[data-testid=tile]");
        Assert.Equal(SampleTable.Gazetteer.All.Select(g => g.Pcode), tiles.Select(t => t.GetAttribute("data-pcode")));
        foreach (var g in SampleTable.Gazetteer.All)
        {
            var cell = cut.Find($"[data-pcode={g.Pcode}]");
            Assert.Contains($"grid-row: {g.TileRow + 1};", cell.GetAttribute("style"));
            Assert.Contains($"grid-column: {g.TileCol + 1};", cell.GetAttribute("style"));
        }
    }

    [Fact]
    public void Tiles_are_coloured_by_the_class_of_their_ratio_and_no_need_is_grey()
    {
        var table = SampleTable.Compute();
        var scale = new RatioScale(table.Thresholds);
        var cut = Render(table);

        foreach (var f in table.Governorates)
        {
            var expected = scale.ClassOf(f.EquityRatio)?.Fill ?? RatioScale.NoNeedFill;
            Assert.Contains($"background:{expected};", cut.Find($"[data-pcode={f.Key}]").GetAttribute("style"));
        }
        Assert.Contains($"background:{RatioScale.NoNeedFill};", cut.Find("[data-pcode=IQX03]").GetAttribute("style"));
        // Bravo (0.08) is in the darkest orange class; Alpha (3.10) in the second darkest purple.
        Assert.Contains("background:#b35806;", cut.Find("[data-pcode=IQX02]").GetAttribute("style"));
        Assert.Contains("background:#998ec3;", cut.Find("[data-pcode=IQX01]").GetAttribute("style"));
    }

    [Fact]
    public void Tiles_link_to_the_governorate_page_with_the_filters_and_describe_themselves()
    {
        var cut = Render(SampleTable.Compute(), new DashboardFilters(2024, Cluster: "Health", Baseline: Baseline.Population));

        var bravo = cut.Find("[data-pcode=IQX02]");
        Assert.Equal("governorate/IQX02?year=2024&cluster=Health&baseline=population", bravo.GetAttribute("href"));
        var label = bravo.GetAttribute("aria-label")!;
        Assert.Contains("Bravo (IQX02): equity ratio 0.08", label);
        Assert.Contains("under-served", label);
        Assert.NotNull(bravo.QuerySelector(".mark"));
        Assert.Null(cut.Find("[data-pcode=IQX01]").QuerySelector(".mark"));
        Assert.Equal("no recorded need", cut.Find("[data-pcode=IQX03]").GetAttribute("aria-label")!.Split("equity ratio ")[1].Split(';')[0]);
    }

    [Fact]
    public void Region_filter_dims_governorates_outside_the_region()
    {
        var cut = Render(SampleTable.Compute(region: "South"));

        Assert.DoesNotContain("dimmed", cut.Find("[data-pcode=IQX02]").ClassList);
        Assert.Contains("dimmed", cut.Find("[data-pcode=IQX01]").ClassList);
        Assert.Contains("outside the selected region", cut.Find("[data-pcode=IQX01]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Legend_lists_every_class_and_no_recorded_need()
    {
        var table = SampleTable.Compute();
        var cut = Render(table);

        var items = cut.FindAll("[data-testid=map-legend] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(new RatioScale(table.Thresholds).Classes.Select(c => c.Label), items.Take(7));
        Assert.Contains("no recorded need", items);
    }

    [Theory]
    [InlineData("Al-Sulaymaniyah", "Sulaymaniyah")]
    [InlineData("Salah Al-Din", "Salah Al-Din")]
    [InlineData("Ninewa", "Ninewa")]
    public void Tile_names_drop_a_leading_article(string name, string expected) =>
        Assert.Equal(expected, TileMap.ShortName(name));
}
