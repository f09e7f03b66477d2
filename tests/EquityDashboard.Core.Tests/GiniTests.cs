using EquityDashboard.Core.Metrics;
using static EquityDashboard.Core.Tests.TestSupport;

namespace EquityDashboard.Core.Tests;

public sealed class GiniTests
{
    private static double? G(decimal totalFunding, params (string Key, long Need, decimal Funding)[] units) =>
        Gini.Compute(units, totalFunding);

    [Fact]
    public void PerfectEquality_IsZero()
    {
        // A 100 need / 10 USD, B 300 / 30: both 0.1 USD per PiN.
        // X = .25, 1; Y = .25, 1; area = .25*(.25+0) + .75*(1+.25) = .0625 + .9375 = 1 -> G = 0.
        Near(0, G(40m, ("A", 100, 10m), ("B", 300, 30m)));
    }

    [Fact]
    public void AllFundingToOneOfTwoEqualNeedUnits_IsOneHalf()
    {
        // Order A (u 0), B (u 1): X = .5, 1; Y = 0, 1; area = .5*0 + .5*(1+0) = .5 -> G = .5.
        Near(0.5, G(100m, ("B", 100, 100m), ("A", 100, 0m)));
    }

    [Fact]
    public void ThreeUnits_AreOrderedByUsdPerPin()
    {
        // A need 100 funding 50 (u .5), B 400 / 60 (u .15), C 100 / 90 (u .9); F = 200, N = 600.
        // Order by u: B, A, C (not by funding A,B,C nor by input order A,C,B).
        // X = 4/6, 5/6, 1; Y = .30, .55, 1.
        // area = 2/3*(.30) + 1/6*(.55+.30) + 1/6*(1+.55) = .2 + .141667 + .258333 = .6 -> G = .4.
        // (Ordering by funding would give 1/6*.25 + 2/3*.80 + 1/6*1.55 = .8333 -> G = .1667.)
        Near(0.4, G(200m, ("A", 100, 50m), ("C", 100, 90m), ("B", 400, 60m)));
    }

    [Fact]
    public void UnitsWithNeedZero_AreExcluded()
    {
        // Same as the three-unit example plus D with need 0: still G = .4 (D neither divides by 0
        // nor adds to X).
        Near(0.4, G(200m, ("A", 100, 50m), ("C", 100, 90m), ("B", 400, 60m), ("D", 0, 0m)));
    }

    [Fact]
    public void FundingOutsideTheUnitsWithNeed_CountsInTheTotal_CurveEndsBelowOne()
    {
        // Methodology 9.8(b): C 100k/0, B 300k/1.0M, A 100k/2.0M, plus 0.4M where need is not
        // reported; F = 3.4M. X = .2, .8, 1; Y = 0, 1/3.4, 3/3.4.
        // area = .6*(.294118) + .2*(.882353+.294118) = .176471 + .235294 = .411765 (7/17) -> G = 10/17.
        Near(10.0 / 17, G(3_400_000m, ("A", 100_000, 2_000_000m), ("B", 300_000, 1_000_000m), ("C", 100_000, 0m)));
    }

    [Fact]
    public void NoFunding_IsNull() => Assert.Null(G(0m, ("A", 100, 0m), ("B", 200, 0m)));

    [Fact]
    public void NoNeed_IsNull() => Assert.Null(G(100m, ("A", 0, 60m), ("B", 0, 40m)));

    [Fact]
    public void NoUnits_IsNull() => Assert.Null(G(100m));
}
