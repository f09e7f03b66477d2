using Bunit;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Web.Components.Pages.Governorate;
using EquityDashboard.Web.Components.Pages.Overview;
using EquityDashboard.Web.Components.Shared;
using EquityDashboard.Web.Services;

namespace EquityDashboard.Web.Tests;

/// <summary>
/// Every figure from an illustrative batch carries the mark on the pages: key figures, findings, gap
/// table cells and rows, chart points, the governorate's figures; the figures the batch leaves as
/// they are, and the real-only view, carry none.
/// </summary>
public sealed class IllustrativeMarksTests : DatabaseTestBase
{
    private async Task ImportAsync()
    {
        await ImportAsync("need.csv", RecordKind.Need, """
            year,governorate,cluster,people_in_need,targeted,reached
            2019,Ninewa,,600000,,
            2019,Basra,,400000,,
            """);
        await ImportAsync("funding.csv", RecordKind.Funding, """
            year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id
            2019,,ECHO,,Health,Basra,100000,paid,,r1
            2019,,ECHO,,Health,Ninewa,500000,paid,,r2
            """);
        var invented = Path.Combine(Folder, "invented.csv");
        await File.WriteAllTextAsync(invented, """
            year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id
            2019,,Donor X,,Health,Ninewa,4000000,paid,,i1
            """);
        var report = await Service<ImportService>().ImportAsync(new ImportRequest(invented, RecordKind.Funding)
            { SourceName = "Illustrative: invented", Illustrative = true });
        Assert.True(report.Committed);
    }

    private IRenderedComponent<Overview> Overview(string uri)
    {
        Navigation.NavigateTo(uri);
        var cut = Ctx.Render<Overview>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=gap-table]")), Timeout);
        return cut;
    }

    private static bool Marked(AngleSharp.Dom.IElement? element) => element?.QuerySelector("[data-illustrative=true]") is not null;

    [Fact]
    public async Task The_overview_marks_each_figure_the_invented_batch_moves_and_leaves_real_need_unmarked()
    {
        await ImportAsync();
        var cut = Overview("/?year=2019");

        Assert.True(Marked(cut.Find("[data-kpi=funding]")));
        Assert.False(Marked(cut.Find("[data-kpi=need]")));
        var ninewa = cut.Find("[data-testid=gap-table] tr[data-pcode=IQG15]");
        Assert.True(Marked(ninewa.QuerySelector("[data-label='Funding (USD)']")));
        Assert.False(Marked(ninewa.QuerySelector("[data-label='People in need']")));
        Assert.True(Marked(ninewa.QuerySelector("th")));
        // The mark is words to a screen reader, not a dagger alone.
        Assert.Contains(IllustrativeMark.Label, ninewa.QuerySelector("[data-label='Funding (USD)'] .visually-hidden")!.TextContent);
        var basra = cut.Find("[data-testid=gap-table] tr[data-pcode=IQG02]");
        Assert.False(Marked(basra.QuerySelector("[data-label='Funding (USD)']")));
        Assert.True(Marked(basra.QuerySelector("[data-label='Funding share']")));

        var findings = cut.FindAll("[data-testid=finding]");
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Contains(Finding.IllustrativeNote, f.TextContent));
        Assert.Equal("true", cut.Find("[data-testid=scatter-point][data-pcode=IQG15]").GetAttribute("data-illustrative"));
        Assert.Contains("rests on illustrative", cut.Find("[data-testid=scatter-point][data-pcode=IQG15]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Real_figures_only_carry_no_mark()
    {
        await ImportAsync();
        var cut = Overview("/?year=2019&data=real");

        Assert.Empty(cut.FindAll("[data-illustrative=true]"));
        Assert.All(cut.FindAll("[data-testid=finding]"), f => Assert.DoesNotContain(Finding.IllustrativeNote, f.TextContent));
    }

    [Fact]
    public async Task The_governorate_page_marks_its_funding_and_ratio_not_its_need()
    {
        await ImportAsync();
        Navigation.NavigateTo("/governorate/IQG15?year=2019");
        var cut = Ctx.Render<GovernoratePage>(p => p.Add(c => c.Pcode, "IQG15"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=figures]")), Timeout);

        Assert.True(Marked(cut.Find($"[data-figure='{MethodologyAnchors.Funding}']")));
        Assert.True(Marked(cut.Find("[data-figure=equity-ratio]")));
        Assert.False(Marked(cut.Find($"[data-figure='{MethodologyAnchors.Baseline}']")));
    }
}
