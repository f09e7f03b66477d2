using Bunit;
using EquityDashboard.Core.Records;
using EquityDashboard.Web.Components.Shared;

namespace EquityDashboard.Web.Tests;

public sealed class SourceListTests : MudTestBase
{
    private const string Warning =
        "Illustrative batches are invented demonstration data (no public per-governorate figures exist for them); never quote them as real.";

    private static ImportBatch Batch(int id, string source, string file, int? first = null, int? last = null) => new()
    {
        Id = id,
        Kind = RecordKind.Funding,
        SourceName = source,
        IsIllustrative = source.StartsWith("Illustrative", StringComparison.Ordinal),
        FileName = file,
        Sha256 = new string('a', 64),
        FirstYear = first,
        LastYear = last,
    };

    private IRenderedComponent<SourceList> RenderList(int year, params ImportBatch[] batches) =>
        Ctx.Render<SourceList>(p => p.Add(c => c.Sources, batches).Add(c => c.Year, year));

    [Fact]
    public void Illustrative_batch_shows_the_badge_and_the_warning()
    {
        var cut = RenderList(2019, Batch(3, "Illustrative: demo incidents 2019", "incidents-2019.csv", 2019, 2019));

        var item = cut.Find("[data-testid=sources] li");
        Assert.NotNull(item.QuerySelector("[data-testid=illustrative-badge]"));
        Assert.Equal("Illustrative", item.QuerySelector("[data-testid=illustrative-badge]")!.TextContent.Trim());
        Assert.DoesNotContain("Real", item.TextContent);
        Assert.Contains("Illustrative: demo incidents 2019", item.TextContent);
        Assert.Contains("(incidents-2019.csv, batch 3, 2019)", item.TextContent);
        Assert.Contains(Warning, cut.Markup);
    }

    [Fact]
    public void Real_batch_shows_real_and_no_warning()
    {
        var cut = RenderList(2024, Batch(7, "OCHA FTS flows 2024", "fts-2024.csv", 2023, 2024));

        var item = cut.Find("[data-testid=sources] li");
        Assert.Empty(cut.FindAll("[data-testid=illustrative-badge]"));
        Assert.Contains("Real", item.TextContent);
        Assert.Contains("OCHA FTS flows 2024", item.TextContent);
        Assert.Contains("(fts-2024.csv, batch 7, 2023–2024)", item.TextContent);
        Assert.DoesNotContain("never quote them as real", cut.Markup);
    }

    [Fact]
    public void Batch_without_years_omits_the_year_range()
    {
        var cut = RenderList(2024, Batch(9, "Manual upload", "upload.csv"));

        Assert.Contains("(upload.csv, batch 9)", cut.Find("[data-testid=sources] li").TextContent);
    }

    [Fact]
    public void Mixed_list_marks_each_batch_and_shows_the_warning_once()
    {
        var cut = RenderList(2019,
            Batch(1, "HNO 2019 people in need", "need-2019.csv", 2019, 2019),
            Batch(2, "Illustrative: demo funding", "funding-demo.csv", 2018, 2019));

        var items = cut.FindAll("[data-testid=sources] li");
        Assert.Equal(2, items.Count);
        Assert.Null(items[0].QuerySelector("[data-testid=illustrative-badge]"));
        Assert.Contains("Real", items[0].TextContent);
        Assert.NotNull(items[1].QuerySelector("[data-testid=illustrative-badge]"));
        Assert.Single(cut.FindAll("[data-testid=illustrative-badge]"));
        Assert.Equal(1, CountOf(cut.Markup, "never quote them as real"));
    }

    [Fact]
    public void Empty_list_says_there_is_no_imported_data()
    {
        var cut = RenderList(2021);

        Assert.Contains("Sources for 2021", cut.Find("[data-testid=sources]").TextContent);
        Assert.Contains("No imported data for this view.", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=sources] li"));
        Assert.Empty(cut.FindAll("[data-testid=illustrative-badge]"));
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
