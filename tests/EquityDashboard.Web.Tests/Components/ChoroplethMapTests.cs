using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Web.Components.Shared.Filters;
using EquityDashboard.Web.Components.Shared.Map;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests.Components;

/// <summary>The overview's map on the shipped COD-AB shapes and the real gazetteer, with figures made up per governorate.</summary>
public sealed class ChoroplethMapTests : MudTestBase
{
    private static readonly Gazetteer Gazetteer = GazetteerSource.Default;

    public ChoroplethMapTests()
    {
        Ctx.Services.AddSingleton(Gazetteer);
        Ctx.Services.AddSingleton(MapGeometry.Default);
    }

    /// <summary>
    /// Need 100,000 in every governorate but Erbil (none recorded); funding 1,000,000 each, but
    /// Al-Basrah 10,000 (under-served) and Ninewa 3,000,000 (over-concentrated).
    /// </summary>
    private static EquityTable Table(string? region = null) =>
        new EquityCalculator(Gazetteer, new EquityThresholds()).Compute(new EquityInputs
        {
            Scope = new EquityScope(2024, Region: region),
            Funding = Gazetteer.All.ToDictionary(g => g.Pcode, g => g.Pcode switch { "IQG02" => 10_000m, "IQG15" => 3_000_000m, _ => 1_000_000m }),
            PreviousFunding = new Dictionary<string, decimal>(),
            PeopleInNeed = Gazetteer.All.Where(g => g.Pcode != "IQG11").ToDictionary(g => g.Pcode, _ => (long?)100_000),
            Orgs = Gazetteer.All.ToDictionary(g => g.Pcode, _ => 2),
            Activities = Gazetteer.All.ToDictionary(g => g.Pcode, _ => 2),
            RegionOrgs = Regions.All.ToDictionary(r => r, _ => 2),
        });

    private IRenderedComponent<ChoroplethMap> Render(EquityTable table, DashboardFilters? filters = null)
    {
        Ctx.Render<MudBlazor.MudPopoverProvider>();
        return Ctx.Render<ChoroplethMap>(p => p.Add(c => c.Table, table).Add(c => c.Filters, filters ?? new DashboardFilters(2024)));
    }

    private static IElement Area(IRenderedComponent<ChoroplethMap> cut, string pcode) => cut.Find($"a[data-testid=map-area][data-pcode={pcode}]");

    [Fact]
    public void Draws_the_18_governorates_of_the_cod_each_a_link_around_its_shape()
    {
        var cut = Render(Table());

        var areas = cut.FindAll("svg a[data-testid=map-area]");
        Assert.Equal(Gazetteer.All.Select(g => g.Pcode), areas.Select(a => a.GetAttribute("data-pcode")));
        Assert.Equal(18, areas.Count);
        Assert.All(areas, a =>
        {
            var path = Assert.Single(a.QuerySelectorAll("path"));
            Assert.Equal(MapGeometry.Default.Areas.Single(m => m.Pcode == a.GetAttribute("data-pcode")).Path, path.GetAttribute("d"));
            Assert.NotNull(a.QuerySelector("title"));
        });
        Assert.Equal(MapGeometry.Default.ViewBoxAttribute, cut.Find("svg.map").GetAttribute("viewBox"));
        Assert.Equal("group", cut.Find("svg.map").GetAttribute("role"));
    }

    [Fact]
    public void Fills_follow_the_ratio_scale_and_no_recorded_need_is_grey()
    {
        var table = Table();
        var scale = new RatioScale(table.Thresholds);
        var cut = Render(table);

        foreach (var f in table.Governorates)
            Assert.Equal(scale.ClassOf(f.EquityRatio)?.Fill ?? RatioScale.NoNeedFill, Area(cut, f.Key).QuerySelector("path")!.GetAttribute("fill"));
        Assert.Equal(RatioScale.NoNeedFill, Area(cut, "IQG11").QuerySelector("path")!.GetAttribute("fill"));
        // Al-Basrah (0.01) is in the darkest orange class, Ninewa (2.68) in the second darkest purple, the rest (0.89) near parity.
        Assert.Equal("#b35806", Area(cut, "IQG02").QuerySelector("path")!.GetAttribute("fill"));
        Assert.Equal("#998ec3", Area(cut, "IQG15").QuerySelector("path")!.GetAttribute("fill"));
        Assert.Equal("#f7f7f7", Area(cut, "IQG08").QuerySelector("path")!.GetAttribute("fill"));
    }

    [Fact]
    public void Areas_link_to_their_governorate_with_the_filters()
    {
        var cut = Render(Table(), new DashboardFilters(2024, Cluster: "Health", Baseline: Baseline.Population, RealOnly: true));

        Assert.Equal("governorate/IQG02?year=2024&cluster=Health&baseline=population&data=real", Area(cut, "IQG02").GetAttribute("href"));
        Assert.All(cut.FindAll("a[data-testid=map-area]"), a =>
            Assert.Equal($"governorate/{a.GetAttribute("data-pcode")}?year=2024&cluster=Health&baseline=population&data=real", a.GetAttribute("href")));
    }

    [Fact]
    public void Accessible_names_start_with_the_visible_label_and_tell_the_figures()
    {
        var cut = Render(Table());

        var basrah = Area(cut, "IQG02").GetAttribute("aria-label")!;
        Assert.StartsWith("Basrah 0.01: Al-Basrah (IQG02): equity ratio 0.01; funding USD 10,000", basrah, StringComparison.Ordinal);
        Assert.Contains("flags: under-served", basrah, StringComparison.Ordinal);
        Assert.StartsWith("Erbil –: Erbil (IQG11): equity ratio no recorded need", Area(cut, "IQG11").GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(Area(cut, "IQG02").QuerySelector("title")!.TextContent, basrah["Basrah 0.01: ".Length..]);

        // What a label shows (name, then ratio) is how the accessible name begins.
        var labels = cut.FindAll("text[data-label]");
        Assert.NotEmpty(labels);
        foreach (var label in labels)
        {
            var shown = string.Join(' ', label.QuerySelectorAll("tspan.name, tspan.ratio").Select(t => t.TextContent));
            Assert.StartsWith(shown + ":", Area(cut, label.GetAttribute("data-label")!).GetAttribute("aria-label"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Labels_fit_inside_their_governorate_clear_each_other_and_the_rest_are_named_under_the_map()
    {
        var cut = Render(Table());
        var geometry = MapGeometry.Default;

        var labelled = cut.FindAll("text[data-label]").Select(t => t.GetAttribute("data-label")!).ToList();
        var caption = cut.Find("[data-testid=map-unlabelled]").TextContent;
        // The large governorates are labelled; Baghdad is too small for its name and is named under the map, with its ratio.
        Assert.Contains("IQG01", labelled);
        Assert.Contains("IQG15", labelled);
        Assert.DoesNotContain("IQG08", labelled);
        Assert.Contains("Baghdad 0.89", caption, StringComparison.Ordinal);
        // Every governorate is either labelled on the map or named in the caption, never both.
        foreach (var g in Gazetteer.All)
        {
            var named = caption.Contains(TileMap.ShortName(g.Name) + " ", StringComparison.Ordinal);
            Assert.True(labelled.Contains(g.Pcode) ^ named, $"{g.Name}: labelled {labelled.Contains(g.Pcode)}, in the caption {named}");
        }

        // Each label's anchor lies inside its governorate, and the estimated boxes do not overlap.
        var boxes = new List<(string Pcode, double L, double T, double R, double B)>();
        foreach (var text in cut.FindAll("text[data-label]"))
        {
            var pcode = text.GetAttribute("data-label")!;
            double x = Number(text, "x"), y = Number(text, "y");
            Assert.True(geometry.Areas.Single(a => a.Pcode == pcode).Contains(x, y), $"{pcode}'s label at {x} {y} is outside it");
            var chars = Math.Max(text.QuerySelector("tspan.name")!.TextContent.Length, text.TextContent.Length - text.QuerySelector("tspan.name")!.TextContent.Length);
            var half = chars * 0.55 * ChoroplethMap.FontSize / 2;
            boxes.Add((pcode, x - half, y - 0.8 * ChoroplethMap.FontSize, x + half, y + 1.3 * ChoroplethMap.FontSize));
        }
        foreach (var a in boxes)
        foreach (var b in boxes.Where(b => string.CompareOrdinal(b.Pcode, a.Pcode) > 0))
            Assert.False(a.L < b.R && b.L < a.R && a.T < b.B && b.T < a.B, $"the labels of {a.Pcode} and {b.Pcode} overlap");
    }

    [Fact]
    public void Under_served_governorates_carry_the_mark_at_their_label()
    {
        var cut = Render(Table());

        var marks = cut.FindAll("[data-mark]").Select(m => m.GetAttribute("data-mark")).ToList();
        Assert.Equal(["IQG02"], marks);
        Assert.Equal("▼", cut.Find("[data-mark=IQG02]").TextContent.Trim());
        var label = cut.Find("text[data-label=IQG02]");
        Assert.Contains("▼", label.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_filter_dims_governorates_outside_the_region()
    {
        var cut = Render(Table(region: Regions.South));

        foreach (var g in Gazetteer.All)
        {
            var inRegion = g.Region == Regions.South;
            Assert.Equal(!inRegion, Area(cut, g.Pcode).ClassList.Contains("dimmed"));
            if (!inRegion)
            {
                Assert.Contains("outside the selected region", Area(cut, g.Pcode).GetAttribute("aria-label"), StringComparison.Ordinal);
                Assert.Equal(RatioScale.NoNeedFill, Area(cut, g.Pcode).QuerySelector("path")!.GetAttribute("fill"));
            }
        }
        // Outside the region a label gives the name only, and the caption lists only the governorates in view.
        Assert.Empty(cut.FindAll("text.dimmed tspan.ratio"));
        Assert.DoesNotContain("Baghdad", cut.Find("[data-testid=map-unlabelled]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>The national district table, every district with made-up figures but the South's: ratio 0.1 in Al-Hawiga, 1 elsewhere.</summary>
    private static DistrictTable NationalDistricts(string? region = null)
    {
        var districts = Gazetteer.Districts
            .Select(d => new AreaFigures
            {
                Key = d.Pcode, Name = d.Name, Region = Gazetteer[d.ParentPcode].Region, ParentPcode = d.ParentPcode,
                EquityRatio = d.Pcode == "IQG13Q01" ? 0.1 : 1, Need = 1000, FundingUsd = 1000m,
            })
            .Where(f => region is null || f.Region == region)
            .ToList();
        return new DistrictTable
        {
            Scope = new EquityScope(2024, Region: region),
            Districts = districts, NotSpecified = [], Notes = [], Thresholds = new EquityThresholds(),
        };
    }

    [Fact]
    public void The_national_district_table_draws_all_101_districts_each_a_link_to_its_page()
    {
        Ctx.Render<MudBlazor.MudPopoverProvider>();
        var table = NationalDistricts();
        var cut = Ctx.Render<ChoroplethMap>(p => p.Add(c => c.Districts, table).Add(c => c.Filters, new DashboardFilters(2024, RealOnly: true)));

        var areas = cut.FindAll("svg a[data-testid=map-area]");
        Assert.Equal(MapGeometry.Districts.Areas.Select(a => a.Pcode), areas.Select(a => a.GetAttribute("data-pcode")));
        Assert.Equal(101, areas.Count);
        Assert.Equal(MapGeometry.Districts.ViewBoxAttribute, cut.Find("svg.map").GetAttribute("viewBox"));
        Assert.All(areas, a => Assert.Equal($"district/{a.GetAttribute("data-pcode")}?year=2024&data=real", a.GetAttribute("href")));
        Assert.Equal("#b35806", Area(cut, "IQG13Q01").QuerySelector("path")!.GetAttribute("fill"));
        Assert.Equal("#f7f7f7", Area(cut, "IQG15Q05").QuerySelector("path")!.GetAttribute("fill"));
        Assert.Equal("Select a district to open it.", cut.Find("figcaption .t-caption").TextContent.Trim());
        // Most districts are too small for a label: their list is folded under the map, and says how many.
        var unlabelled = cut.Find("details[data-testid=map-unlabelled]");
        var count = areas.Count - cut.FindAll("text[data-label]").Count;
        Assert.True(count > ChoroplethMap.FoldedAbove, $"{count} unlabelled");
        Assert.Equal($"Not labelled on the map (no room): {count} districts", unlabelled.QuerySelector("summary")!.TextContent.Trim());
        Assert.Equal(count, unlabelled.TextContent.Split(',').Length);
        Assert.Empty(cut.FindAll("[aria-current], path.highlight"));
    }

    [Fact]
    public void With_a_region_districts_outside_it_are_dimmed_and_a_highlighted_one_is_outlined()
    {
        Ctx.Render<MudBlazor.MudPopoverProvider>();
        var cut = Ctx.Render<ChoroplethMap>(p => p.Add(c => c.Districts, NationalDistricts(Regions.South))
            .Add(c => c.Filters, new DashboardFilters(2024)).Add(c => c.Highlight, "IQG02Q01"));

        Assert.All(Gazetteer.Districts, d => Assert.Equal(Gazetteer[d.ParentPcode].Region != Regions.South, Area(cut, d.Pcode).ClassList.Contains("dimmed")));
        Assert.Equal("page", Area(cut, "IQG02Q01").GetAttribute("aria-current"));
        Assert.Single(cut.FindAll("[aria-current]"));
        Assert.Equal(MapGeometry.Districts.Areas.Single(a => a.Pcode == "IQG02Q01").Path, cut.Find("path.highlight").GetAttribute("d"));
    }

    [Fact]
    public void Legend_lists_every_class_no_recorded_need_and_the_mark_and_the_source_is_named()
    {
        var table = Table();
        var cut = Render(table);

        var items = cut.FindAll("[data-testid=map-legend] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(new RatioScale(table.Thresholds).Classes.Select(c => c.Label), items.Take(7));
        Assert.Equal(["no recorded need", "▼ under-served"], items.Skip(7));
        Assert.Contains("OCHA COD-AB Iraq", cut.Find("[data-testid=map-source]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2019-06-03", cut.Find("[data-testid=map-source]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_map_is_plain_markup_with_no_script_or_event_handler()
    {
        var cut = Render(Table());

        Assert.DoesNotContain("<script", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(cut.FindAll("[data-testid=choropleth-map] *"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    private static double Number(IElement e, string attribute) => double.Parse(e.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
