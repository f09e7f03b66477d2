using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared.Map;

namespace EquityDashboard.Web.Tests.Components;

public sealed class RatioScaleTests
{
    private static readonly RatioScale Scale = new(new EquityThresholds());

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.2499, 0)]
    [InlineData(0.25, 1)]
    [InlineData(0.4999, 1)]
    [InlineData(0.5, 2)] // exactly the under-served threshold is not under-served
    [InlineData(0.79, 2)]
    [InlineData(0.8, 3)]
    [InlineData(1.0, 3)]
    [InlineData(1.25, 3)]
    [InlineData(1.26, 4)]
    [InlineData(2.0, 4)] // exactly the over-concentrated threshold is not over-concentrated
    [InlineData(2.01, 5)]
    [InlineData(4.0, 5)]
    [InlineData(4.01, 6)]
    [InlineData(100.0, 6)]
    public void Ratios_fall_in_the_class_matching_the_flags(double ratio, int expected) =>
        Assert.Same(Scale.Classes[expected], Scale.ClassOf(ratio));

    [Fact]
    public void No_ratio_has_no_class() => Assert.Null(Scale.ClassOf(null));

    [Fact]
    public void Class_edges_follow_the_thresholds()
    {
        var scale = new RatioScale(new EquityThresholds { UnderServedRatio = 0.6, OverConcentratedRatio = 3 });

        Assert.Same(scale.Classes[1], scale.ClassOf(0.59));
        Assert.Same(scale.Classes[2], scale.ClassOf(0.6));
        Assert.Same(scale.Classes[4], scale.ClassOf(3));
        Assert.Same(scale.Classes[5], scale.ClassOf(3.01));
        Assert.Equal("0.3 to 0.6", scale.Classes[1].Label);
    }

    [Fact]
    public void Dark_classes_have_white_text_for_contrast()
    {
        Assert.Equal("#ffffff", Scale.Classes[0].Text);
        Assert.Equal("#ffffff", Scale.Classes[^1].Text);
        Assert.All(Scale.Classes.Skip(1).SkipLast(1), c => Assert.Equal("#000000", c.Text));
    }
}
