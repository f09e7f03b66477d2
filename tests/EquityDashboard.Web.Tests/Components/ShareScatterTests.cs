using System.Globalization;
using Bunit;
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
        // A group, not an image: an image's children are hidden from assistive technology, and these are links.
        Assert.Equal("group", cut.Find("svg.plot").GetAttribute("role"));
    }
}
