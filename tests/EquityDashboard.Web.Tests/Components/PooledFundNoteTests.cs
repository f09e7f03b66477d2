using Bunit;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared;

namespace EquityDashboard.Web.Tests.Components;

public sealed class PooledFundNoteTests : MudTestBase
{
    [Fact]
    public void States_the_money_counted_through_each_pooled_fund()
    {
        var table = SampleTable.Compute() with
        {
            CountedThroughPooledFund = [new PooledFundOverlap("Iraq Humanitarian Fund", 6_000_000.25m, 2)],
        };

        var cut = Ctx.Render<PooledFundNote>(p => p.Add(c => c.Table, table));

        var text = cut.Find("[data-testid=pooled-fund-overlap]").TextContent;
        Assert.Contains("USD 6,000,000 in 2 FTS flows from or into the Iraq Humanitarian Fund is counted through the pooled fund", text);
        Assert.Equal("methodology#money-reported-twice", cut.Find("[data-testid=pooled-fund-overlap] a").GetAttribute("href"));
    }

    [Fact]
    public void Nothing_is_shown_when_no_money_was_left_out()
    {
        var cut = Ctx.Render<PooledFundNote>(p => p.Add(c => c.Table, SampleTable.Compute()));

        Assert.Empty(cut.FindAll("[data-testid=pooled-fund-overlap]"));
    }
}
