using Bunit;
using EquityDashboard.Core.Records;
using EquityDashboard.Web.Components.Shared;

namespace EquityDashboard.Web.Tests.Components;

public sealed class IllustrativeNoticeTests : MudTestBase
{
    private static ImportBatch Batch(string source) => new()
    {
        Kind = RecordKind.Funding, SourceName = source,
        IsIllustrative = source.StartsWith("Illustrative", StringComparison.Ordinal), FileName = "f.csv", Sha256 = new string('0', 64),
    };

    [Fact]
    public void Names_the_illustrative_sources_behind_the_figures()
    {
        var cut = Ctx.Render<IllustrativeNotice>(p => p.Add(c => c.Sources,
            [Batch("Iraq HRP 2019"), Batch("Illustrative: bilateral funding"), Batch("Illustrative: incidents")]));

        var text = cut.Find("[data-testid=illustrative-notice]").TextContent;
        Assert.Contains("Illustrative: bilateral funding; Illustrative: incidents.", text);
        Assert.DoesNotContain("Iraq HRP 2019", text);
        Assert.Single(cut.FindAll("[data-testid=illustrative-badge]"));
    }

    [Fact]
    public void Real_sources_only_show_no_notice()
    {
        var cut = Ctx.Render<IllustrativeNotice>(p => p.Add(c => c.Sources, [Batch("Iraq HRP 2019")]));

        Assert.Empty(cut.FindAll("[data-testid=illustrative-notice]"));
    }
}
