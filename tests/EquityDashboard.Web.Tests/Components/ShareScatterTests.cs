using System.Globalization;
using Bunit;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared.Charts;
using EquityDashboard.Web.Components.Shared.Filters;

namespace EquityDashboard.Web.Tests.Components;

public sealed class ShareScatterTests : MudTestBase
{
    private IRenderedComponent<ShareScatter> Render() =>
        Ctx.Render<ShareScatter>(p => p.Add(c => c.Table, SampleTable.Compute()).Add(c => c.Filters, new DashboardFilters(2024)));

    private static double Attr(AngleSharp.Dom.IElement e, string name) => double.Parse(e.GetAttribute(name)!, CultureInfo.InvariantCulture);

    [Fact]
    public void Plots_governorates_with_need_and_lists_the_others()
    {
        var cut = Render();

        var points = cut.FindAll("[data-testid=scatter-point]");
        Assert.Equal(["IQX01", "IQX02", "IQX04"], points.Select(p => p.GetAttribute("data-pcode")).Order());
        Assert.Contains("Charlie", cut.Markup);
        Assert.Contains("Not plotted (no recorded need): Charlie", cut.Find("[data-testid=share-scatter]").TextContent);
    }

    [Fact]
    public void Positions_follow_need_share_right_and_funding_share_up()
    {
        var cut = Render();
        var circle = (string pcode) => cut.Find($"[data-pcode={pcode}] circle");

        // Need shares: Bravo 30.3% < Delta 60.6%; funding shares: Bravo 2.3% < Delta 68.4%.
        Assert.True(Attr(circle("IQX02"), "cx") < Attr(circle("IQX04"), "cx"));
        Assert.True(Attr(circle("IQX02"), "cy") > Attr(circle("IQX04"), "cy"));
        // Alpha (9.1% of need, 28.2% of funding) lies above the parity line, Bravo below it.
        var line = cut.Find("[data-testid=parity-line]");
        double LineYAt(double x) => Attr(line, "y1") + (x - Attr(line, "x1")) / (Attr(line, "x2") - Attr(line, "x1")) * (Attr(line, "y2") - Attr(line, "y1"));
        Assert.True(Attr(circle("IQX01"), "cy") < LineYAt(Attr(circle("IQX01"), "cx")));
        Assert.True(Attr(circle("IQX02"), "cy") > LineYAt(Attr(circle("IQX02"), "cx")));
    }

    [Fact]
    public void Points_link_to_their_governorate_and_carry_a_text_label()
    {
        var cut = Render();

        var bravo = cut.Find("[data-pcode=IQX02]");
        Assert.Equal("governorate/IQX02?year=2024", bravo.GetAttribute("href"));
        Assert.Equal("Bravo: 30.3% of need, 2.3% of funding, equity ratio 0.08", bravo.GetAttribute("aria-label"));
        // A group of links, titled and described (an image's children would be hidden from assistive technology).
        var svg = cut.Find("svg.plot");
        Assert.Equal("group", svg.GetAttribute("role"));
        Assert.Equal("scatter-title", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("scatter-desc", svg.GetAttribute("aria-describedby"));
    }

    [Fact]
    public void Every_point_of_a_spread_table_is_labelled()
    {
        var cut = Render();

        Assert.All(cut.FindAll("[data-testid=scatter-point] text"), t => Assert.Null(t.GetAttribute("visibility")));
        Assert.DoesNotContain("Not labelled", cut.Markup);
    }

    /// <summary>
    /// One governorate with half the need and funding and five with a tenth each, drawn on one spot: labels go right of the
    /// spot, then left, above and below it; the fifth has no room and is named under the chart, still a link
    /// with its tooltip.
    /// </summary>
    [Fact]
    public void Labels_that_would_collide_move_around_their_point_or_are_named_under_the_chart()
    {
        string[] small = ["Echo", "Foxtrot", "Golf", "Hotel", "India"];
        var gazetteer = new Gazetteer(
            [new Governorate("IQY01", "Large", "كبير", Regions.NorthCentre, 0, 0, 5_000_000, []),
             .. small.Select((n, i) => new Governorate($"IQY{i + 2:00}", n, n, Regions.South, 1, i, 100_000, []))]);
        var table = new EquityCalculator(gazetteer, new EquityThresholds()).Compute(new EquityInputs
        {
            Scope = new EquityScope(2024),
            Funding = gazetteer.All.ToDictionary(g => g.Pcode, g => g.Pcode == "IQY01" ? 5_000_000m : 1_000_000m),
            PreviousFunding = new Dictionary<string, decimal>(),
            Orgs = new Dictionary<string, int>(), Activities = new Dictionary<string, int>(), RegionOrgs = new Dictionary<string, int>(),
            PeopleInNeed = gazetteer.All.ToDictionary(g => g.Pcode, g => (long?)(g.Pcode == "IQY01" ? 500_000 : 100_000)),
        });
        var cut = Ctx.Render<ShareScatter>(p => p.Add(c => c.Table, table).Add(c => c.Filters, new DashboardFilters(2024)));

        Assert.Equal(6, cut.FindAll("[data-testid=scatter-point]").Count);
        var labels = cut.FindAll("[data-testid=scatter-point] text").Where(t => t.GetAttribute("visibility") != "hidden").ToList();
        Assert.Contains(labels, t => t.TextContent == "Large");
        var spot = cut.Find("[data-pcode=IQY02] circle");
        var (x, y) = (Attr(spot, "cx"), Attr(spot, "cy"));
        var onTheSpot = labels.Where(t => t.TextContent != "Large").ToList();
        Assert.Equal(4, onTheSpot.Count);
        var right = Assert.Single(onTheSpot, t => t.GetAttribute("text-anchor") is null);
        var left = Assert.Single(onTheSpot, t => t.GetAttribute("text-anchor") == "end");
        Assert.True(Attr(right, "x") > x && Attr(left, "x") < x);
        var middle = onTheSpot.Where(t => t.GetAttribute("text-anchor") == "middle").ToList();
        Assert.Equal(2, middle.Count);
        Assert.Contains(middle, t => Attr(t, "y") < y);
        Assert.Contains(middle, t => Attr(t, "y") > y);
        var unlabelled = small.Single(n => onTheSpot.All(t => t.TextContent != n));
        Assert.Contains($"Not labelled (no room): {unlabelled}", cut.Find("[data-testid=share-scatter]").TextContent);
        Assert.Contains(cut.FindAll("[data-testid=scatter-point]"), p => p.GetAttribute("aria-label")!.StartsWith(unlabelled + ":", StringComparison.Ordinal));
    }
}
