using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using Bunit;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using MudBlazor.Extensions;
using DataPage = EquityDashboard.Web.Components.Pages.Data.Data;

namespace EquityDashboard.Web.Tests.Data;

/// <summary>The Data page against the real importer and batch store: history, withdrawal, restore, purge and the upload flow, by role.</summary>
public sealed class DataPageTests : DataTestBase
{
    private static readonly string GoodNeed = Csv(
        NeedHeader,
        "2019,Ninewa,,600000,400000,",
        "2019,Basra,,200000,,",
        "2019,Baghdad,,200000,150000,100000");

    // Rows 2 and 5 valid, rows 3 and 4 invalid (unknown governorate, text for a number).
    private static readonly string BadNeed = Csv(
        NeedHeader,
        "2019,Ninewa,,600000,,",
        "2019,Atlantis,,1000,,",
        "2019,Baghdad,,lots,,",
        "2020,Erbil,,90000,,");

    private IRenderedComponent<MudDialogProvider> _dialogs = default!;
    private IRenderedComponent<MudSnackbarProvider> _snackbars = default!;

    private IRenderedComponent<DataPage> RenderPage()
    {
        // The page brings its own popover, dialog and snackbar providers (the one interactive page).
        var cut = Ctx.Render<DataPage>();
        _dialogs = cut.FindComponent<MudDialogProvider>();
        _snackbars = cut.FindComponent<MudSnackbarProvider>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=data-page]").GetAttribute("data-ready")), Timeout);
        return cut;
    }

    private static void WaitForStage(IRenderedComponent<DataPage> cut, string stage) =>
        cut.WaitForAssertion(() => Assert.Equal(stage, cut.Find("[data-testid=data-page]").GetAttribute("data-stage")), Timeout);

    private static void Upload(IRenderedComponent<DataPage> cut, string text, string fileName) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, fileName));

    private static IReadOnlyList<IElement> BatchRows(IRenderedComponent<DataPage> cut) =>
        cut.FindAll("[data-testid=batch-table] tbody tr");

    private static string Cell(IElement row, string label) =>
        row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();

    private static string Count(IRenderedComponent<DataPage> cut, string testId) =>
        cut.Find($"[data-testid=preview] [data-testid={testId}] .count-value").TextContent.Trim();

    [Fact]
    public void Empty_database_shows_what_to_do()
    {
        var cut = RenderPage();

        var empty = Normalise(cut.Find("[data-testid=empty-state]").TextContent);
        Assert.StartsWith("No data loaded yet.", empty);
        Assert.Contains("Import a file above", empty);
        Assert.Empty(cut.FindAll("[data-testid=batch-table]"));
        Assert.Equal("idle", cut.Find("[data-testid=data-page]").GetAttribute("data-stage"));
        Assert.Contains("Up to 100 MB per file.", cut.Find("[data-testid=upload-limit]").TextContent);
    }

    [Fact]
    public async Task Batches_are_listed_newest_first_with_provenance_and_the_illustrative_badge()
    {
        var real = await RunImportAsync("need-2019.csv", GoodNeed, dryRun: false, source: "HNO 2019");
        var demo = await RunImportAsync("need-demo.csv", Csv(NeedHeader, "2020,Erbil,,90000,,", "2021,Duhok,,80000,,"),
            dryRun: false, source: "Illustrative: demo need", illustrative: true);
        Assert.True(real.Committed && demo.Committed);
        var demoSha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(await WriteFileAsync("check.csv",
            Csv(NeedHeader, "2020,Erbil,,90000,,", "2021,Duhok,,80000,,")))));

        var cut = RenderPage();

        var rows = BatchRows(cut);
        Assert.Equal(2, rows.Count);
        Assert.Empty(cut.FindAll("[data-testid=empty-state]"));
        var (first, second) = (rows[0], rows[1]);
        Assert.Equal(demo.BatchId.ToString(), Cell(first, "Batch"));
        Assert.Equal(real.BatchId.ToString(), Cell(second, "Batch"));

        Assert.NotNull(first.QuerySelector("[data-testid=illustrative-badge]"));
        Assert.Null(second.QuerySelector("[data-testid=illustrative-badge]"));
        Assert.Contains("Illustrative: demo need", Cell(first, "Source"));
        Assert.Equal("HNO 2019", Cell(second, "Source"));

        Assert.Equal("need-demo.csv", Cell(first, "File"));
        Assert.Equal("People in need", Cell(first, "Kind"));
        Assert.Equal("2020–2021", Cell(first, "Years"));
        Assert.Equal("2019", Cell(second, "Years"));
        Assert.Equal("2", Cell(first, "Rows written"));
        Assert.Equal("3", Cell(second, "Rows written"));
        Assert.Equal("0", Cell(first, "Rows skipped"));
        var sha = first.QuerySelector("td[data-label='SHA-256'] code")!;
        Assert.Equal(demoSha[..12], sha.TextContent.Trim());
        Assert.Equal(demoSha, sha.GetAttribute("title"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", Cell(first, "Imported (UTC)"));
    }

    [Fact]
    public async Task Withdrawal_asks_first_and_takes_the_batch_out_of_use_keeping_its_rows()
    {
        var keep = await RunImportAsync("need-2020.csv", Csv(NeedHeader, "2020,Erbil,,90000,,"), dryRun: false);
        var gone = await RunImportAsync("need-2019.csv", GoodNeed, dryRun: false);
        var cut = RenderPage();

        cut.Find($"button[data-testid=withdraw][data-batch-id='{gone.BatchId}']").Click();

        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("[data-testid=change-question]")), Timeout);
        Assert.Equal($"Withdraw batch {gone.BatchId} (need-2019.csv, 3 rows)?", _dialogs.Find("[data-testid=change-question]").TextContent.Trim());
        _dialogs.Find("[data-testid=change-confirm]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Withdrawn", Cell(BatchRows(cut)[0], "Status")), Timeout);
        var (first, second) = (BatchRows(cut)[0], BatchRows(cut)[1]);
        Assert.Equal(gone.BatchId.ToString(), Cell(first, "Batch"));
        Assert.EndsWith("by dm@example.org", Cell(first, "Status"));
        Assert.Equal("In use", Cell(second, "Status"));
        Assert.Equal(keep.BatchId.ToString(), Cell(second, "Batch"));
        // Its rows stay; it can no longer be withdrawn, and only an admin restores it.
        Assert.Equal((2, 4), await CountRowsAsync());
        Assert.Empty(cut.FindAll($"button[data-testid=withdraw][data-batch-id='{gone.BatchId}']"));
        Assert.Empty(cut.FindAll("button[data-testid=restore]"));
        Assert.Equal(0, (await Service<EquityDashboard.Infrastructure.Queries.EquityService>().GetTableAsync(new EquityDashboard.Core.Metrics.EquityScope(2019))).TotalNeed);
        _snackbars.WaitForAssertion(() => Assert.Contains($"Batch {gone.BatchId} (need-2019.csv) withdrawn: its figures are out of every view.", _snackbars.Markup), Timeout);
    }

    [Fact]
    public async Task Withdrawal_is_not_done_when_the_dialog_is_dismissed()
    {
        var batch = await RunImportAsync("need-2019.csv", GoodNeed, dryRun: false);
        var cut = RenderPage();

        cut.Find($"button[data-testid=withdraw][data-batch-id='{batch.BatchId}']").Click();
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("[data-testid=change-cancel]")), Timeout);
        _dialogs.Find("[data-testid=change-cancel]").Click();

        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=change-question]")), Timeout);
        Assert.Equal("In use", Cell(Assert.Single(BatchRows(cut)), "Status"));
    }

    [Fact]
    public async Task An_admin_restores_a_withdrawn_batch_with_the_same_figures()
    {
        var batch = await RunImportAsync("need-2019.csv", GoodNeed, dryRun: false);
        var equity = Service<EquityDashboard.Infrastructure.Queries.EquityService>();
        var need = (await equity.GetTableAsync(new EquityDashboard.Core.Metrics.EquityScope(2019))).TotalNeed;
        await Service<BatchStore>().WithdrawAsync(new Actor("dm@example.org", Roles.DataManager), batch.BatchId!.Value);
        Auth.SetAuthorized("admin@example.org");
        Auth.SetRoles(Roles.Admin);
        var cut = RenderPage();

        cut.Find($"button[data-testid=restore][data-batch-id='{batch.BatchId}']").Click();
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("[data-testid=change-confirm]")), Timeout);
        _dialogs.Find("[data-testid=change-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("In use", Cell(Assert.Single(BatchRows(cut)), "Status")), Timeout);
        Assert.Equal(need, (await equity.GetTableAsync(new EquityDashboard.Core.Metrics.EquityScope(2019))).TotalNeed);
    }

    [Fact]
    public async Task A_viewer_reads_the_history_but_is_offered_no_upload_nor_withdrawal()
    {
        await RunImportAsync("need-2019.csv", GoodNeed, dryRun: false);
        Auth.SetAuthorized("viewer@example.org");
        Auth.SetRoles(Roles.Viewer);
        var cut = RenderPage();

        Assert.Empty(cut.FindAll("[data-testid=upload-section]"));
        Assert.Contains("a data manager imports and withdraws", cut.Find("[data-testid=import-needs-role]").TextContent);
        Assert.Single(BatchRows(cut));
        Assert.Empty(cut.FindAll("button[data-testid=withdraw]"));
    }

    [Fact]
    public async Task Upload_shows_the_preview_then_commit_writes_the_batch()
    {
        var cut = RenderPage();

        Upload(cut, GoodNeed, "need-2019.csv");
        WaitForStage(cut, "preview");

        Assert.Equal("true", cut.Find("[data-testid=import-report]").GetAttribute("data-succeeded"));
        Assert.Equal("need-2019.csv", cut.Find("[data-testid=report-file]").TextContent.Trim());
        Assert.Equal("3", Count(cut, "rows-read"));
        Assert.Equal("3", Count(cut, "rows-to-write"));
        Assert.Single(cut.FindAll("[data-testid=resolved-variants] li"));
        Assert.False(cut.Find("[data-testid=commit]").HasAttribute("disabled"));
        Assert.Equal((0, 0), await CountRowsAsync());
        Assert.Single(Directory.GetDirectories(UploadRoot));

        cut.Find("[data-testid=commit]").Click();
        WaitForStage(cut, "done");

        Assert.Equal((1, 3), await CountRowsAsync());
        var row = Assert.Single(BatchRows(cut));
        var batchId = Cell(row, "Batch");
        Assert.Equal($"Batch {batchId} written: 3 rows.", cut.Find("[data-testid=commit-message]").TextContent.Trim());
        Assert.Equal(["/?year=2019"], cut.FindAll("[data-testid=overview-link]").Select(a => a.GetAttribute("href")));
        Assert.Equal($"Written as batch {batchId}", cut.Find("[data-testid=commit-result] [data-testid=report-status]").TextContent.Trim());
        Assert.Equal("need-2019.csv", Cell(row, "File"));
        Assert.Equal("need-2019.csv", Cell(row, "Source"));
        Assert.Empty(UploadLeftovers());
    }

    [Fact]
    public async Task Withdrawing_the_batch_just_written_clears_its_success_message()
    {
        var cut = RenderPage();
        Upload(cut, GoodNeed, "need-2019.csv");
        WaitForStage(cut, "preview");
        cut.Find("[data-testid=commit]").Click();
        WaitForStage(cut, "done");
        var batchId = Cell(Assert.Single(BatchRows(cut)), "Batch");

        cut.Find($"button[data-testid=withdraw][data-batch-id='{batchId}']").Click();
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("[data-testid=change-confirm]")), Timeout);
        _dialogs.Find("[data-testid=change-confirm]").Click();

        WaitForStage(cut, "idle");
        Assert.Empty(cut.FindAll("[data-testid=commit-result]"));
        Assert.StartsWith("Withdrawn", Cell(Assert.Single(BatchRows(cut)), "Status"));
        Assert.Equal((1, 3), await CountRowsAsync());
    }

    [Fact]
    public async Task Purging_the_batch_that_refused_a_file_checks_the_file_again()
    {
        var earlier = await RunImportAsync("need-2019.csv", GoodNeed, dryRun: false);
        await Service<BatchStore>().WithdrawAsync(new Actor("dm@example.org", Roles.DataManager), earlier.BatchId!.Value);
        Auth.SetAuthorized("admin@example.org");
        Auth.SetRoles(Roles.Admin);
        var cut = RenderPage();
        Upload(cut, GoodNeed, "need-2019-copy.csv");
        WaitForStage(cut, "preview");
        Assert.Equal("Refused", cut.Find("[data-testid=report-status]").TextContent.Trim());

        cut.Find($"button[data-testid=purge][data-batch-id='{earlier.BatchId}']").Click();
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("[data-testid=change-confirm]")), Timeout);
        _dialogs.Find("[data-testid=change-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Ready to commit", cut.Find("[data-testid=report-status]").TextContent.Trim()), Timeout);
        Assert.Empty(cut.FindAll("[data-testid=refused-hint]"));
        Assert.Equal((0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task Options_chosen_before_the_upload_are_used_for_the_batch()
    {
        var cut = RenderPage();
        var source = cut.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Source name (optional)");
        await cut.InvokeAsync(() => source.Instance.ValueChanged.InvokeAsync("Illustrative: my test data"));
        var kind = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Kind");
        await cut.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(nameof(RecordKind.Need)));

        Upload(cut, GoodNeed, "need-2019.csv");
        WaitForStage(cut, "preview");
        Assert.Equal("Illustrative: my test data", cut.Find("[data-testid=report-source]").TextContent.Trim());
        cut.Find("[data-testid=commit]").Click();
        WaitForStage(cut, "done");

        var row = Assert.Single(BatchRows(cut));
        // Only the seed manifest marks a batch illustrative; a word in the source name does not.
        Assert.Null(row.QuerySelector("[data-testid=illustrative-badge]"));
        Assert.Contains("Illustrative: my test data", Cell(row, "Source"));
        // The source name belonged to that file; the kind stays for the next one.
        Assert.Null(source.Instance.GetState(x => x.Value));
        Assert.Equal(nameof(RecordKind.Need), kind.Instance.GetState(x => x.Value));
    }

    [Fact]
    public async Task Bad_file_cannot_be_committed_and_cancel_writes_nothing()
    {
        var cut = RenderPage();

        Upload(cut, BadNeed, "need-bad.csv");
        WaitForStage(cut, "preview");

        Assert.Equal("false", cut.Find("[data-testid=import-report]").GetAttribute("data-succeeded"));
        Assert.True(cut.Find("[data-testid=commit]").HasAttribute("disabled"));
        Assert.Equal("2", Count(cut, "error-count"));
        Assert.Contains("tick \"Skip invalid rows\" to write the 2 valid rows", Normalise(cut.Find("[data-testid=skip-hint]").TextContent));

        cut.Find("[data-testid=preview] [data-testid=cancel]").Click();

        WaitForStage(cut, "idle");
        Assert.Empty(cut.FindAll("[data-testid=import-report]"));
        Assert.Equal((0, 0), await CountRowsAsync());
        Assert.Empty(UploadLeftovers());
        Assert.NotEmpty(cut.FindAll("[data-testid=empty-state]"));
    }

    [Fact]
    public async Task Cancel_after_a_good_preview_writes_nothing()
    {
        var cut = RenderPage();
        Upload(cut, GoodNeed, "need-2019.csv");
        WaitForStage(cut, "preview");

        cut.Find("[data-testid=preview] [data-testid=cancel]").Click();

        WaitForStage(cut, "idle");
        Assert.Equal((0, 0), await CountRowsAsync());
        Assert.Empty(UploadLeftovers());
    }

    [Fact]
    public async Task Ticking_skip_invalid_rows_checks_again_and_commits_only_the_valid_rows()
    {
        var cut = RenderPage();
        Upload(cut, BadNeed, "need-bad.csv");
        WaitForStage(cut, "preview");

        var skip = cut.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.Label == "Skip invalid rows");
        await cut.InvokeAsync(() => skip.Instance.ValueChanged.InvokeAsync(true));

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=import-report]").GetAttribute("data-succeeded")), Timeout);
        Assert.Equal("2", Count(cut, "rows-to-write"));
        cut.Find("[data-testid=commit]").Click();
        WaitForStage(cut, "done");

        Assert.Equal((1, 2), await CountRowsAsync());
        Assert.Equal(["/?year=2019", "/?year=2020"], cut.FindAll("[data-testid=overview-link]").Select(a => a.GetAttribute("href")));
        var row = Assert.Single(BatchRows(cut));
        Assert.Equal("2", Cell(row, "Rows written"));
        Assert.Equal("2", Cell(row, "Rows skipped"));
    }

    [Fact]
    public async Task Same_file_again_is_refused_with_what_to_do_and_replace_swaps_the_batch()
    {
        var earlier = await RunImportAsync("need-2019.csv", GoodNeed, dryRun: false);
        var cut = RenderPage();

        Upload(cut, GoodNeed, "need-2019-again.csv");
        WaitForStage(cut, "preview");

        Assert.Equal("Refused", cut.Find("[data-testid=report-status]").TextContent.Trim());
        Assert.Contains($"This file is batch {earlier.BatchId}.", Normalise(cut.Find("[data-testid=refused-hint]").TextContent));
        Assert.True(cut.Find("[data-testid=commit]").HasAttribute("disabled"));

        var replace = cut.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.Label == "Replace an earlier import of this file or source");
        await cut.InvokeAsync(() => replace.Instance.ValueChanged.InvokeAsync(true));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=import-report]").GetAttribute("data-succeeded")), Timeout);
        cut.Find("[data-testid=commit]").Click();
        WaitForStage(cut, "done");

        Assert.Contains($"It replaces batch {earlier.BatchId}.", cut.Find("[data-testid=commit-result]").TextContent);
        var row = Assert.Single(BatchRows(cut));
        Assert.NotEqual(earlier.BatchId.ToString(), Cell(row, "Batch"));
        Assert.Equal("need-2019-again.csv", Cell(row, "File"));
        Assert.Equal((1, 3), await CountRowsAsync());
    }

    [Fact]
    public async Task Another_file_of_a_source_in_use_is_warned_of_with_the_batch_and_a_replace_button()
    {
        var earlier = await RunImportAsync("need-2019.csv", GoodNeed, dryRun: false);
        var cut = RenderPage();

        // A corrected file of the same name: another SHA-256, the same source (the file name) and year.
        Upload(cut, GoodNeed.Replace("600000", "610000", StringComparison.Ordinal), "need-2019.csv");
        WaitForStage(cut, "preview");

        var warning = cut.Find("[data-testid=same-source-warning]");
        Assert.Equal(earlier.BatchId.ToString(), cut.Find("[data-testid=same-source-batch]").GetAttribute("data-batch"));
        Assert.Contains($"Batch {earlier.BatchId} (need-2019.csv, 2019) already holds “need-2019.csv” for these years.", Normalise(warning.TextContent));
        Assert.Contains("Importing this file as well counts both.", Normalise(warning.TextContent));
        Assert.Contains(cut.FindAll("[data-testid=issue-table] tbody tr"), r => r.TextContent.Contains($"Batch {earlier.BatchId} (need-2019.csv, 2019", StringComparison.Ordinal));
        // Not blocked: Commit stays available.
        Assert.False(cut.Find("[data-testid=commit]").HasAttribute("disabled"));

        cut.Find("[data-testid=replace-same-source]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Commit replaces it with this file.", cut.Find("[data-testid=same-source-warning]").TextContent), Timeout);
        Assert.True(cut.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.Label == "Replace an earlier import of this file or source").Instance.GetState(x => x.Value));
        cut.Find("[data-testid=commit]").Click();
        WaitForStage(cut, "done");

        Assert.Contains($"It replaces batch {earlier.BatchId}.", cut.Find("[data-testid=commit-result]").TextContent);
        var row = Assert.Single(BatchRows(cut));
        Assert.NotEqual(earlier.BatchId.ToString(), Cell(row, "Batch"));
        Assert.Equal((1, 3), await CountRowsAsync());
    }

    [Fact]
    public async Task File_that_is_not_a_table_is_refused_before_upload()
    {
        var cut = RenderPage();

        Upload(cut, "%PDF-1.4", "report.pdf");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=upload-error]")), Timeout);
        Assert.Equal("report.pdf is not a CSV, TSV, TXT or Excel (.xlsx) file, which are the files the importer reads.",
            cut.Find("[data-testid=upload-error]").TextContent.Trim());
        Assert.Equal("idle", cut.Find("[data-testid=data-page]").GetAttribute("data-stage"));
        Assert.Empty(UploadLeftovers());
        Assert.Equal((0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task Closing_the_page_deletes_a_pending_upload()
    {
        var cut = RenderPage();
        Upload(cut, GoodNeed, "need-2019.csv");
        WaitForStage(cut, "preview");
        Assert.NotEmpty(UploadLeftovers());

        await Ctx.DisposeAsync();

        Assert.Empty(UploadLeftovers());
    }
}

/// <summary>The upload limit setting: a file over it is refused with a message before anything is uploaded.</summary>
public sealed class DataPageUploadLimitTests : DataTestBase
{
    protected override int MaxUploadMegabytes => 1;

    [Fact]
    public async Task File_over_the_limit_is_refused_with_the_limit_in_the_message()
    {
        var cut = Ctx.Render<DataPage>();
        Assert.Contains("Up to 1 MB per file.", cut.Find("[data-testid=upload-limit]").TextContent);
        // One byte over 1 MB (1,048,576 bytes), as CSV text that would otherwise import.
        var header = NeedHeader + "\n";
        var text = header + new string(' ', 1024 * 1024 + 1 - Encoding.UTF8.GetByteCount(header));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, "big.csv"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=upload-error]")), Timeout);
        Assert.Equal("big.csv is 1,048,577 bytes, more than the 1 MB this page accepts. Split the file, or ask the administrator to raise the setting Equity:MaxUploadMegabytes.",
            Normalise(cut.Find("[data-testid=upload-error]").TextContent));
        Assert.Equal("idle", cut.Find("[data-testid=data-page]").GetAttribute("data-stage"));
        Assert.Empty(cut.FindAll("[data-testid=upload-progress]"));
        Assert.Empty(UploadLeftovers());
        Assert.Equal((0, 0), await CountRowsAsync());
    }
}

/// <summary>Uploads per minute (Access:UploadsPerMinute), shared with the API: past it, a file is refused before it is stored.</summary>
public sealed class DataPageUploadRateTests : DataTestBase
{
    private static readonly string GoodNeed = Csv(NeedHeader, "2019,Ninewa,,600000,400000,");

    protected override int UploadsPerMinute => 2;

    [Fact]
    public async Task Uploads_past_the_limit_per_minute_are_refused_with_what_to_do()
    {
        var cut = Ctx.Render<DataPage>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=data-page]").GetAttribute("data-ready")), Timeout);
        for (var i = 0; i < 2; i++)
        {
            cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(GoodNeed, $"need-{i}.csv"));
            cut.WaitForAssertion(() => Assert.Equal("preview", cut.Find("[data-testid=data-page]").GetAttribute("data-stage")), Timeout);
        }
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(GoodNeed, "need-3.csv"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=upload-error]")), Timeout);
        Assert.Equal("You have uploaded 2 files in the last minute, the most this server accepts; wait a minute and try again.",
            Normalise(cut.Find("[data-testid=upload-error]").TextContent));
        Assert.Equal("idle", cut.Find("[data-testid=data-page]").GetAttribute("data-stage"));
        Assert.Empty(UploadLeftovers());
        Assert.Equal((0, 0), await CountRowsAsync());
    }
}
