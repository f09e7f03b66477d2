using Bunit;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared;
using EquityDashboard.Web.Services;

namespace EquityDashboard.Web.Tests.Components;

public sealed class KpiCardsTests : MudTestBase
{
    private IRenderedComponent<KpiCards> Render(EquityTable table)
    {
        Ctx.Render<MudBlazor.MudPopoverProvider>();
        return Ctx.Render<KpiCards>(p => p.Add(c => c.Table, table));
    }

    private static string Value(IRenderedComponent<KpiCards> cut, string id) => cut.Find($"[data-kpi='{id}'] .kpi-value").TextContent.Trim();
    private static string Exact(IRenderedComponent<KpiCards> cut, string id) => cut.Find($"[data-kpi='{id}'] .kpi-value").GetAttribute("title")!;

    [Fact]
    public void Cards_show_the_tables_figures_short_with_the_exact_value_on_hover()
    {
        var table = SampleTable.Compute() with { UnallocatedUsd = 250_000m };
        var cut = Render(table);

        Assert.Equal(Money.Short(table.TotalFundingUsd), Value(cut, "funding"));
        Assert.Equal("USD 4,384,567", Exact(cut, "funding"));
        Assert.Equal("USD 250,000", Exact(cut, "unallocated"));
        Assert.Equal("3,300,000", Value(cut, "need"));
        Assert.Equal(Money.PerPerson(table.UsdPerPin), Value(cut, "usd-per-pin"));
        Assert.Equal(table.Gini!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Value(cut, "gini"));
        var flagged = table.Governorates.Count(g => g.Flags.Count > 0);
        Assert.Equal($"{flagged} of 4", Value(cut, "flagged"));
    }

    [Fact]
    public void Population_baseline_relabels_the_need_cards()
    {
        var cut = Render(SampleTable.Compute(Baseline.Population));

        Assert.Contains("Population", cut.Find("[data-kpi='need']").TextContent);
        Assert.Contains("USD per person", cut.Find("[data-kpi='usd-per-pin']").TextContent);
        Assert.DoesNotContain("in need", cut.Find("[data-kpi='usd-per-pin']").TextContent);
    }

    [Fact]
    public void Every_card_links_its_definition_on_the_methodology_page()
    {
        var cut = Render(SampleTable.Compute());

        var links = cut.FindAll("[data-testid=metric-help]");
        Assert.Equal(6, links.Count);
        Assert.Contains(links, a => a.GetAttribute("href") == $"methodology#{MethodologyAnchors.Gini}");
        Assert.All(links, a => Assert.StartsWith("How this is computed: ", a.GetAttribute("aria-label")));
    }
}
