using Bunit;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared;

namespace EquityDashboard.Web.Tests.Components;

public sealed class FindingsPanelTests : MudTestBase
{
    [Fact]
    public void Lists_the_generators_findings_in_order_with_their_topic()
    {
        var table = SampleTable.Compute();
        var findings = FindingsWriter.Write(table, SampleTable.Compute(Baseline.Population));
        Assert.NotEmpty(findings);

        var cut = Ctx.Render<FindingsPanel>(p => p.Add(c => c.Findings, findings));

        var items = cut.FindAll("[data-testid=finding]");
        Assert.Equal(findings.Select(f => f.Text), items.Select(i => i.TextContent.Trim()));
        Assert.Equal(findings.Select(f => f.Topic.ToString()), items.Select(i => i.GetAttribute("data-topic")));
        Assert.Contains(findings, f => f.Topic == FindingTopic.UnderServed && f.AreaKeys.Contains("IQX02"));
        Assert.Empty(cut.FindAll("[data-testid=no-findings]"));
    }

    [Fact]
    public void No_findings_says_nothing_stands_out()
    {
        var cut = Ctx.Render<FindingsPanel>(p => p.Add(c => c.Findings, []));

        Assert.Empty(cut.FindAll("[data-testid=finding]"));
        Assert.Contains("Nothing stands out", cut.Find("[data-testid=no-findings]").TextContent);
    }
}
