using AngleSharp.Dom;
using Bunit;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Web.Components.Shared;

namespace EquityDashboard.Web.Tests.Data;

/// <summary>The report view on real reports from dry runs of the importer.</summary>
public sealed class ImportReportViewTests : DataTestBase
{
    // Row 2 valid; row 3 an unknown governorate; row 4 text for a number; row 5 valid through the variant "Basra".
    private static readonly string BadNeed = Csv(
        NeedHeader,
        "2019,Ninewa,,600000,,",
        "2019,Atlantis,,1000,,",
        "2019,Baghdad,,lots,,",
        "2019,Basra,,200000,,");

    private static readonly string GoodNeed = Csv(
        NeedHeader,
        "2019,Ninewa,,600000,400000,",
        "2019,Basra,,200000,,",
        "2019,Baghdad,,200000,150000,100000");

    private IRenderedComponent<ImportReportView> RenderReport(ImportReport report) =>
        Ctx.Render<ImportReportView>(p => p.Add(c => c.Report, report));

    private static string Count(IRenderedComponent<ImportReportView> cut, string testId) =>
        cut.Find($"[data-testid={testId}] .count-value").TextContent.Trim();

    private static string Cell(IElement row, string label) =>
        row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();

    [Fact]
    public async Task Bad_file_lists_each_error_with_row_column_value_and_message()
    {
        var report = await RunImportAsync("need-bad.csv", BadNeed);

        var cut = RenderReport(report);

        Assert.Equal("false", cut.Find("[data-testid=import-report]").GetAttribute("data-succeeded"));
        Assert.Equal("need-bad.csv", cut.Find("[data-testid=report-file]").TextContent.Trim());
        Assert.Equal("Cannot be imported as it is", cut.Find("[data-testid=report-status]").TextContent.Trim());
        Assert.Equal("People in need", cut.Find("[data-testid=report-kind]").TextContent.Trim());
        Assert.Equal("4", Count(cut, "rows-read"));
        Assert.Equal("2", Count(cut, "rows-valid"));
        Assert.Equal("2", Count(cut, "rows-with-errors"));
        Assert.Equal("2", Count(cut, "error-count"));
        Assert.Empty(cut.FindAll("[data-testid=rows-to-write]"));

        var rows = cut.FindAll("[data-testid=issue-table] tbody tr")
            .Where(r => r.QuerySelector("td[data-label='Severity']")?.GetAttribute("data-severity") == "error").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("3", "governorate", "Atlantis"), (Cell(rows[0], "Row"), Cell(rows[0], "Column"), Cell(rows[0], "Value")));
        Assert.Equal(("4", "people_in_need", "lots"), (Cell(rows[1], "Row"), Cell(rows[1], "Column"), Cell(rows[1], "Value")));
        // Each message is the importer's, in full, beside its location.
        Assert.Equal(report.Errors.Single(e => e.Row == 3).Message, Cell(rows[0], "Message"));
        Assert.Equal(report.Errors.Single(e => e.Row == 4).Message, Cell(rows[1], "Message"));
        Assert.All(rows, r => Assert.Equal("Error", Cell(r, "Severity")));
        Assert.Empty(cut.FindAll("[data-testid=refused-reason]"));
    }

    [Fact]
    public async Task A_3w_file_says_its_repeated_rows_were_merged_into_organisation_activities()
    {
        // The same activity in three months, another once: two activities.
        var report = await RunImportAsync("3w.csv", Csv(
            "year,organisation,acronym,cluster,governorate,district,activity",
            "2022,Norwegian Refugee Council,NRC,Shelter,Ninewa,Mosul,Repairs",
            "2022,Norwegian Refugee Council,NRC,Shelter,Ninewa,Mosul,Repairs",
            "2022,,nrc,Shelter,IQG15,Mosul,Repairs",
            "2022,Norwegian Refugee Council,NRC,WASH,Ninewa,Mosul,Trucking"), kind: Core.Records.RecordKind.Presence);

        var cut = RenderReport(report);

        Assert.Equal("2", Count(cut, "rows-to-write"));
        Assert.Equal("2 organisation-activity rows after merging 2 repeated rows of the same organisation, place and activity.",
            cut.Find("[data-testid=merged-repeats]").TextContent.Trim());
        Assert.DoesNotContain("Duplicates", cut.Markup, StringComparison.Ordinal);
        // A file without repeats says nothing of merging.
        Assert.Empty(RenderReport(await RunImportAsync("need-good.csv", GoodNeed)).FindAll("[data-testid=merged-repeats]"));
    }

    [Fact]
    public async Task Variants_read_as_governorates_are_listed_with_their_pcode()
    {
        var report = await RunImportAsync("need-good.csv", GoodNeed);
        var basrah = GazetteerSource.Default.All.Single(g => g.Name == "Al-Basrah");

        var cut = RenderReport(report);

        var variant = Assert.Single(cut.FindAll("[data-testid=resolved-variants] li"));
        Assert.Equal("Basra", variant.GetAttribute("data-input"));
        Assert.Equal(basrah.Pcode, variant.GetAttribute("data-pcode"));
        Assert.Equal($"Basra → Al-Basrah ({basrah.Pcode}, 1 row)", Normalise(variant.TextContent));
    }

    [Fact]
    public async Task Good_file_is_ready_to_commit_with_the_rows_to_write_and_how_it_was_read()
    {
        var report = await RunImportAsync("need-good.csv", GoodNeed);

        var cut = RenderReport(report);

        Assert.Equal("true", cut.Find("[data-testid=import-report]").GetAttribute("data-succeeded"));
        Assert.Equal("Ready to commit", cut.Find("[data-testid=report-status]").TextContent.Trim());
        Assert.Equal("3", Count(cut, "rows-read"));
        Assert.Equal("3", Count(cut, "rows-valid"));
        Assert.Equal("0", Count(cut, "rows-with-errors"));
        Assert.Equal("3", Count(cut, "rows-to-write"));
        Assert.Equal("0", Count(cut, "error-count"));
        Assert.Equal("UTF-8, comma-separated", cut.Find("[data-testid=report-encoding]").TextContent.Trim());
        Assert.Equal("need-good.csv", cut.Find("[data-testid=report-source]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=issue-table]"));
    }

    [Fact]
    public async Task Tab_separated_file_says_so()
    {
        var report = await RunImportAsync("need.tsv", GoodNeed.Replace(',', '\t'));

        var cut = RenderReport(report);

        Assert.Equal("UTF-8, tab-separated", cut.Find("[data-testid=report-encoding]").TextContent.Trim());
        Assert.Equal("3", Count(cut, "rows-to-write"));
    }

    [Fact]
    public async Task File_imported_before_is_refused_with_the_reason()
    {
        var written = await RunImportAsync("need-good.csv", GoodNeed, dryRun: false);
        Assert.True(written.Committed);

        var report = await RunImportAsync("need-good.csv", GoodNeed);
        var cut = RenderReport(report);

        Assert.Equal("Refused", cut.Find("[data-testid=report-status]").TextContent.Trim());
        var reason = cut.Find("[data-testid=refused-reason]").TextContent;
        Assert.Contains($"already imported as batch {written.BatchId}", reason);
        Assert.Equal("false", cut.Find("[data-testid=import-report]").GetAttribute("data-succeeded"));
    }

    [Fact]
    public async Task Skip_invalid_report_says_which_rows_will_be_left_out()
    {
        var report = await RunImportAsync("need-bad.csv", BadNeed, skipInvalid: true);

        var cut = RenderReport(report);

        Assert.Equal("true", cut.Find("[data-testid=import-report]").GetAttribute("data-succeeded"));
        Assert.Equal("2", Count(cut, "rows-to-write"));
        Assert.Equal("Will be left out (skip invalid rows): 2 row(s) with errors.", Normalise(cut.Find("[data-testid=skip-invalid-note]").TextContent));
    }

    [Fact]
    public async Task Long_error_lists_are_paged()
    {
        // 60 rows naming a governorate that does not exist: 60 errors, one per row.
        var lines = new List<string> { NeedHeader };
        lines.AddRange(Enumerable.Range(0, 60).Select(i => $"2019,Nowhere{i},,{1000 + i},,"));
        var report = await RunImportAsync("need-many-errors.csv", Csv([.. lines]));
        Assert.Equal(60, report.ErrorCount);

        var cut = RenderReport(report);

        Assert.Equal("60", Count(cut, "error-count"));
        Assert.Equal(25, cut.FindAll("[data-testid=issue-table] tbody tr").Count);
        Assert.Contains("1-25 of 60", Normalise(cut.Find(".mud-table-pagination").TextContent));
        Assert.Equal("2", Cell(cut.FindAll("[data-testid=issue-table] tbody tr")[0], "Row"));
    }
}
