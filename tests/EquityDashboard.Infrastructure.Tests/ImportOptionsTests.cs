using System.Text.Json;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>--skip-invalid, --replace, auto-detected kind, and the report kept with the batch.</summary>
public sealed class ImportOptionsTests
{
    private static readonly string[] Funding =
    [
        "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
        "2019,,Donor A,,Health,Ninewa,1000,paid,,1",
        "2019,,Donor A,,Health,Atlantis,500,paid,,2",   // row 3: unknown governorate
        "2019,,Donor B,,WASH,Erbil,-5,paid,,3",          // row 4: negative amount
        "2019,,Donor B,,WASH,Erbil,250,paid,,4",
    ];

    [Fact]
    public async Task A_hash_given_by_the_caller_is_the_one_stored_and_checked_for_re_imports()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("valid.csv", Funding[0], Funding[1], Funding[4]);
        var sha = await ImportService.HashFileAsync(path);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path))), sha);

        var first = await db.Importer.ImportAsync(new ImportRequest(path, RecordKind.Funding) { Sha256 = sha });
        Assert.True(first.Committed);
        await using (var ctx = db.NewContext())
            Assert.Equal(sha, (await ctx.Batches.AsNoTracking().SingleAsync()).Sha256);

        // Hashed by the import itself the second time: the same file is recognised.
        var again = await db.Importer.ImportAsync(new ImportRequest(path, RecordKind.Funding));
        Assert.Equal(sha, again.Sha256);
        Assert.Contains($"already imported as batch {first.BatchId}", again.RefusedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_invalid_writes_the_valid_rows_and_keeps_the_report_with_the_batch()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("mixed.csv", Funding);

        var report = await db.Importer.ImportAsync(new ImportRequest(path, RecordKind.Funding) { SkipInvalid = true });

        Assert.True(report.Committed);
        Assert.Equal((4, 2, 2, 2), (report.RowsRead, report.RowsValid, report.RowsWritten, report.RowsSkippedInvalid));
        Assert.Equal([3, 4], report.Errors.Select(e => e.Row).Order());
        // Counted: 1,000 (Ninewa) + 250 (Erbil).
        Assert.Equal(1_250m, (await db.TableAsync(2019)).TotalFundingUsd);

        await using var ctx = db.NewContext();
        var batch = await ctx.Batches.AsNoTracking().SingleAsync();
        Assert.Equal((4, 2, 2, "template"), (batch.RowsRead, batch.RowsWritten, batch.RowsSkipped, batch.Format));
        using var stored = JsonDocument.Parse(batch.ReportJson!);
        var issues = stored.RootElement.GetProperty("Issues").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.Contains(issues, i => i.Contains("row 3", StringComparison.Ordinal) && i.Contains("Atlantis", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Contains("row 4", StringComparison.Ordinal) && i.Contains("negative", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_skip_invalid_the_same_file_writes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportLinesAsync("mixed.csv", RecordKind.Funding, Funding);
        Assert.False(report.Committed);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
    }

    [Fact]
    public async Task Replace_swaps_the_old_batch_in_one_step()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("need.csv",
            "year,governorate,cluster,people_in_need,targeted,reached",
            "2019,Ninewa,,1000,,");
        var first = await db.ImportAsync(path, RecordKind.Need);
        Assert.True(first.Committed);
        Assert.NotNull((await db.ImportAsync(path, RecordKind.Need)).RefusedReason);

        var second = await db.Importer.ImportAsync(new ImportRequest(path, RecordKind.Need) { Replace = true });

        Assert.True(second.Committed);
        Assert.Equal(first.BatchId, second.ReplacedBatchId);
        var batches = await db.BatchStore.ListAsync();
        Assert.Equal(second.BatchId, Assert.Single(batches).Id);
        Assert.Equal(1000, (await db.TableAsync(2019)).Gov("IQG15").Need);
    }

    [Fact]
    public async Task Another_file_of_a_source_and_years_in_use_is_warned_of_in_the_preview_and_replace_swaps_the_batch()
    {
        await using var db = await TestDatabase.CreateAsync();
        const string header = "year,governorate,cluster,people_in_need,targeted,reached";
        var first = await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("pin-v1.csv", header, "2019,Ninewa,,1000,,", "2020,Ninewa,,900,,"), RecordKind.Need)
            { SourceName = "HNO Iraq" });
        Assert.True(first.Committed);
        var corrected = db.WriteCsv("pin-v2.csv", header, "2020,Ninewa,,950,,");

        // The preview: a warning naming the batch in use (id, file, years), nothing refused.
        var preview = await db.Importer.ImportAsync(new ImportRequest(corrected, RecordKind.Need) { SourceName = "hno iraq ", DryRun = true });
        Assert.True(preview.Succeeded);
        Assert.Null(preview.RefusedReason);
        var same = Assert.Single(preview.SameSource);
        Assert.Equal((first.BatchId!.Value, "pin-v1.csv", "2019–2020"), (same.Id, same.FileName, same.Years));
        var warning = Assert.Single(preview.Issues, i => i.Severity == IssueSeverity.Warning);
        Assert.StartsWith($"Batch {first.BatchId} (pin-v1.csv, 2019–2020, imported ", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith("already holds 'HNO Iraq' for these years: importing this file as well counts both. "
            + "Replace it with this import (the Data page's replace option, the CLI's --replace), or withdraw it first.", warning.Message, StringComparison.Ordinal);

        // Other sources, kinds, years and withdrawn batches are not the same source.
        Assert.Empty((await db.Importer.ImportAsync(new ImportRequest(corrected, RecordKind.Need) { SourceName = "HNO Syria", DryRun = true })).SameSource);
        Assert.Empty((await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("pin-2021.csv", header, "2021,Ninewa,,800,,"), RecordKind.Need)
            { SourceName = "HNO Iraq", DryRun = true })).SameSource);

        // Committed without replace: written beside it, with the warning (not blocked).
        var both = await db.Importer.ImportAsync(new ImportRequest(corrected, RecordKind.Need) { SourceName = "HNO Iraq" });
        Assert.True(both.Committed);
        Assert.Single(both.SameSource);
        Assert.Equal(2, (await db.BatchStore.ListAsync()).Count);
        await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("other-source.csv", header, "2020,Basra,,1,,"), RecordKind.Need));

        // With replace, both earlier batches of the source go, in the import's transaction.
        var replaced = await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("pin-v3.csv", header, "2020,Ninewa,,960,,"), RecordKind.Need)
            { SourceName = "HNO Iraq", Replace = true });
        Assert.True(replaced.Committed);
        Assert.Equal([first.BatchId.Value, both.BatchId!.Value], replaced.ReplacedBatchIds);
        Assert.Contains(replaced.Issues, i => i.Message.EndsWith("this import replaced it.", StringComparison.Ordinal));
        Assert.Equal(["other-source.csv", "pin-v3.csv"], (await db.BatchStore.ListAsync()).Select(b => b.FileName).Order());
        Assert.Equal(960, (await db.TableAsync(2020)).Gov("IQG15").Need);
    }

    [Theory]
    [InlineData("year,governorate,cluster,people_in_need,targeted,reached|2019,Ninewa,,1000,,", RecordKind.Need)]
    [InlineData("date,governorate,type,count|2019-03-01,Kirkuk,IED,2", RecordKind.Incidents)]
    [InlineData("year,organisation,acronym,org_type,cluster,governorate,district,activity|2019,Tigris Aid,TA,NNGO,WASH,Erbil,,", RecordKind.Presence)]
    [InlineData("year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id|2019,,D,,,Erbil,5,paid,,", RecordKind.Funding)]
    public async Task Kind_is_detected_from_a_template_header(string lines, RecordKind expected)
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("file.csv", lines.Split('|'));

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal((expected, "template"), (report.Kind, report.Format));
    }
}
