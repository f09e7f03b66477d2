using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>One import = one transaction: any invalid row means nothing is written, and every error is located.</summary>
public sealed class ImportErrorTests
{
    private const string FundingHeader = "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id";
    private const string GoodFunding1 = "2019,2019-03-14,Donor X,NRC,Shelter,Ninewa,1500000,paid,incoming,G-1";
    private const string GoodFunding2 = "2019,2019-04-01,Donor Y,IOM,CCCM,Erbil,250000,commitment,,G-2";

    private static async Task AssertNothingWrittenAsync(TestDatabase db, ImportReport report)
    {
        Assert.False(report.Committed);
        Assert.Null(report.BatchId);
        Assert.Equal(0, report.RowsWritten);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
    }

    /// <summary>Valid row 2, the bad row as row 3, valid row 4: exactly one error, on row 3.</summary>
    private static async Task<ImportIssue> ImportWithBadRowAsync(TestDatabase db, RecordKind kind, string header,
        string good1, string bad, string good2, string fileName)
    {
        var report = await db.ImportLinesAsync(fileName, kind, header, good1, bad, good2);
        await AssertNothingWrittenAsync(db, report);
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(2, report.RowsValid);
        var error = Assert.Single(report.Errors);
        Assert.Equal(fileName, error.File);
        Assert.Equal(3, error.Row);
        // The rendered message carries the same location for the CLI and UI.
        Assert.Contains(fileName, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("row 3", error.ToString(), StringComparison.Ordinal);
        return error;
    }

    [Theory]
    // name of case, bad row, expected column, expected value (null = blank)
    [InlineData("unknown governorate", "2019,,Donor X,,,Ninawah,1000,paid,,B", "governorate", "Ninawah")]
    [InlineData("negative amount", "2019,,Donor X,,,Ninewa,-1000,paid,,B", "amount_usd", "-1000")]
    [InlineData("text in amount", "2019,,Donor X,,,Ninewa,USD 1.2M,paid,,B", "amount_usd", "USD 1.2M")]
    [InlineData("year below range", "1989,,Donor X,,,Ninewa,1000,paid,,B", "year", "1989")]
    [InlineData("year above range", "2101,,Donor X,,,Ninewa,1000,paid,,B", "year", "2101")]
    [InlineData("bad date", "2019,14/03/2019,Donor X,,,Ninewa,1000,paid,,B", "date", "14/03/2019")]
    [InlineData("impossible date", "2019,2019-02-30,Donor X,,,Ninewa,1000,paid,,B", "date", "2019-02-30")]
    [InlineData("bad status", "2019,,Donor X,,,Ninewa,1000,promised,,B", "status", "promised")]
    [InlineData("bad boundary", "2019,,Donor X,,,Ninewa,1000,paid,sideways,B", "boundary", "sideways")]
    [InlineData("blank donor", "2019,,,,,Ninewa,1000,paid,,B", "donor", null)]
    [InlineData("no year and no date", ",,Donor X,,,Ninewa,1000,paid,,B", "year", null)]
    [InlineData("blank amount", "2019,,Donor X,,,Ninewa,,paid,,B", "amount_usd", null)]
    public async Task Funding_row_error_writes_nothing_and_names_file_row_column_value(string @case, string bad, string column, string? value)
    {
        await using var db = await TestDatabase.CreateAsync();
        var error = await ImportWithBadRowAsync(db, RecordKind.Funding, FundingHeader, GoodFunding1, bad, GoodFunding2, "funding-2019.csv");
        Assert.True(column == error.Column, $"{@case}: column {error.Column}");
        Assert.True(value == error.Value, $"{@case}: value {error.Value}");
        Assert.False(string.IsNullOrWhiteSpace(error.Message), @case);
    }

    [Fact]
    public async Task Unknown_governorate_message_suggests_the_close_name()
    {
        await using var db = await TestDatabase.CreateAsync();
        var error = await ImportWithBadRowAsync(db, RecordKind.Funding, FundingHeader, GoodFunding1,
            "2019,,Donor X,,,Ninawah,1000,paid,,B", GoodFunding2, "funding-2019.csv");
        // "Ninawah" is one edit from the listed variant "Ninawa" of Ninewa.
        Assert.Contains("Ninewa", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ninawah", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_governorate_inside_a_multi_location_list_is_an_error()
    {
        await using var db = await TestDatabase.CreateAsync();
        var error = await ImportWithBadRowAsync(db, RecordKind.Funding, FundingHeader, GoodFunding1,
            "2019,,Donor X,,,Ninewa;Atlantis,1000,paid,,B", GoodFunding2, "funding-2019.csv");
        Assert.Equal(("governorate", "Atlantis"), (error.Column, error.Value));
    }

    [Theory]
    [InlineData("text PiN", "2019,Erbil,,many,,", "people_in_need", "many")]
    [InlineData("negative PiN", "2019,Erbil,,-5,,", "people_in_need", "-5")]
    [InlineData("fractional PiN", "2019,Erbil,,12.5,,", "people_in_need", "12.5")]
    [InlineData("bad targeted", "2019,Erbil,,100,lots,", "targeted", "lots")]
    [InlineData("unknown governorate", "2019,Narnia,,100,,", "governorate", "Narnia")]
    [InlineData("blank governorate", "2019,,,100,,", "governorate", null)]
    [InlineData("blank year", ",Erbil,,100,,", "year", null)]
    [InlineData("year out of range", "1900,Erbil,,100,,", "year", "1900")]
    public async Task Need_row_error_writes_nothing(string @case, string bad, string column, string? value)
    {
        await using var db = await TestDatabase.CreateAsync();
        var error = await ImportWithBadRowAsync(db, RecordKind.Need, "year,governorate,cluster,people_in_need,targeted,reached",
            "2019,Ninewa,,1000,,", bad, "2019,Duhok,,2000,,", "need-2019.csv");
        Assert.True((column, value) == (error.Column, error.Value), $"{@case}: {error}");
    }

    [Theory]
    [InlineData("zero count", "2019-03-01,Kirkuk,IED,0", "count", "0")]
    [InlineData("text count", "2019-03-01,Kirkuk,IED,three", "count", "three")]
    [InlineData("bad date", "01.03.2019,Kirkuk,IED,1", "date", "01.03.2019")]
    [InlineData("blank date", ",Kirkuk,IED,1", "date", null)]
    [InlineData("unknown governorate", "2019-03-01,Gotham,IED,1", "governorate", "Gotham")]
    public async Task Incident_row_error_writes_nothing(string @case, string bad, string column, string? value)
    {
        await using var db = await TestDatabase.CreateAsync();
        var error = await ImportWithBadRowAsync(db, RecordKind.Incidents, "date,governorate,type,count",
            "2019-01-04,Kirkuk,IED,", bad, "2019-01-05,Diyala,IED,2", "incidents.csv");
        Assert.True((column, value) == (error.Column, error.Value), $"{@case}: {error}");
    }

    [Theory]
    [InlineData("no name nor acronym", "2022,,,INGO,CCCM,Ninewa,,", "organisation", null)]
    [InlineData("unknown governorate", "2022,Org,,INGO,CCCM,Mordor,,", "governorate", "Mordor")]
    [InlineData("text year", "twenty,Org,,INGO,CCCM,Ninewa,,", "year", "twenty")]
    public async Task Presence_row_error_writes_nothing(string @case, string bad, string column, string? value)
    {
        await using var db = await TestDatabase.CreateAsync();
        var error = await ImportWithBadRowAsync(db, RecordKind.Presence, "year,organisation,acronym,org_type,cluster,governorate,district,activity",
            "2022,Danish Refugee Council,DRC,INGO,CCCM,Al-Anbar,,", bad, "2022,,DRC,INGO,CCCM,Ninewa,,", "presence.csv");
        Assert.True((column, value) == (error.Column, error.Value), $"{@case}: {error}");
        // The link of row 2 (name + acronym) must not survive the rolled-back import either.
        Assert.Equal(0, (await db.CountsAsync()).Aliases);
    }

    [Fact]
    public async Task Wrong_field_count_is_an_error_on_that_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        // 9 fields instead of the header's 10 (source_id missing).
        var error = await ImportWithBadRowAsync(db, RecordKind.Funding, FundingHeader, GoodFunding1,
            "2019,,Donor X,,,Ninewa,1000,paid,", GoodFunding2, "funding-2019.csv");
        Assert.Contains("10", error.Message, StringComparison.Ordinal);
        Assert.Contains("9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_invalid_row_is_reported_not_only_the_first()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportLinesAsync("funding-2019.csv", RecordKind.Funding,
            FundingHeader,
            GoodFunding1,                                    // row 2
            "2019,,Donor X,,,Ninewa,USD 1.2M,paid,,B",       // row 3
            GoodFunding2,                                    // row 4
            "2019,,Donor X,,,Ninawah,1000,paid,,C");         // row 5
        await AssertNothingWrittenAsync(db, report);
        Assert.Equal([(3, "amount_usd"), (5, "governorate")], report.Errors.Select(e => (e.Row, e.Column!)).OrderBy(x => x.Item1));
    }

    [Fact]
    public async Task Missing_required_column_is_an_error_on_the_header_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportLinesAsync("funding-no-amount.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,status,boundary,source_id",
            "2019,2019-03-14,Donor X,NRC,Shelter,Ninewa,paid,incoming,EX-001");
        await AssertNothingWrittenAsync(db, report);
        var error = Assert.Single(report.Errors);
        Assert.Equal(("funding-no-amount.csv", 1, "amount_usd"), (error.File, error.Row, error.Column));
    }

    [Fact]
    public async Task Misspelt_required_header_is_a_missing_column_plus_an_unknown_column_warning()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportLinesAsync("need.csv", RecordKind.Need,
            "year,goverorate,cluster,people_in_need",
            "2019,Ninewa,,100");
        await AssertNothingWrittenAsync(db, report);
        Assert.Equal((1, "governorate"), (Assert.Single(report.Errors).Row, Assert.Single(report.Errors).Column));
        Assert.Contains(report.Warnings, w => w.Column == "goverorate" && w.Row == 1);
    }

    [Fact]
    public async Task Empty_file_is_an_error_and_writes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportAsync(db.WriteCsv("empty.csv"), RecordKind.Funding);
        await AssertNothingWrittenAsync(db, report);
        Assert.Equal(0, report.RowsRead);
        var error = Assert.Single(report.Errors);
        Assert.Equal(("empty.csv", 1), (error.File, error.Row));
        Assert.False(report.Succeeded);
    }

    [Fact]
    public async Task Header_only_file_is_an_error_and_writes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportLinesAsync("header-only.csv", RecordKind.Need, "year,governorate,cluster,people_in_need,targeted,reached");
        await AssertNothingWrittenAsync(db, report);
        Assert.Equal(0, report.RowsRead);
        var error = Assert.Single(report.Errors);
        Assert.Equal(("header-only.csv", 1), (error.File, error.Row));
        Assert.False(report.Succeeded);
    }

    [Fact]
    public async Task Row_number_is_the_spreadsheet_row_even_after_a_quoted_line_break()
    {
        await using var db = await TestDatabase.CreateAsync();
        // Row 2 has a recipient spanning two lines (legal per RFC 4180 and docs §1); a
        // spreadsheet shows it as one row, so the bad amount is on spreadsheet row 3.
        var report = await db.ImportLinesAsync("funding-multiline.csv", RecordKind.Funding,
            FundingHeader,
            "2019,2019-03-14,Donor X,\"Norwegian Refugee\nCouncil\",Shelter,Ninewa,1500000,paid,incoming,EX-001",
            "2019,,Donor X,,,Ninewa,USD 1.2M,paid,,B");
        await AssertNothingWrittenAsync(db, report);
        var error = Assert.Single(report.Errors);
        Assert.Equal(("amount_usd", 3), (error.Column, error.Row));
    }

    [Fact]
    public async Task Dry_run_reports_counts_and_writes_nothing_and_does_not_block_the_real_import()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("funding-2019.csv", ImportTemplateTests.FundingExample);

        var dry = await db.ImportAsync(path, RecordKind.Funding, dryRun: true);
        Assert.True(dry.DryRun);
        Assert.True(dry.Succeeded);
        Assert.False(dry.Committed);
        Assert.Null(dry.BatchId);
        Assert.Equal((7, 7, 0), (dry.RowsRead, dry.RowsValid, dry.RowsWritten));
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());

        var real = await db.ImportAsync(path, RecordKind.Funding);
        Assert.True(real.Committed, real.RefusedReason);
        Assert.Equal(7, (await db.CountsAsync()).Funding);
    }

    [Fact]
    public async Task Dry_run_of_an_invalid_file_reports_the_errors()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("funding-bad.csv", FundingHeader, GoodFunding1, "2019,,Donor X,,,Ninewa,-5,paid,,B");
        var dry = await db.ImportAsync(path, RecordKind.Funding, dryRun: true);
        Assert.False(dry.Succeeded);
        Assert.Equal((3, "amount_usd"), (Assert.Single(dry.Errors).Row, Assert.Single(dry.Errors).Column));
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
    }

    [Fact]
    public async Task Same_file_twice_is_refused_naming_the_earlier_batch_and_writes_nothing_new()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("funding-2019.csv", ImportTemplateTests.FundingExample);
        var first = await db.ImportAsync(path, RecordKind.Funding);
        Assert.True(first.Committed);
        var before = await db.CountsAsync();

        // Same bytes under another name: still the same data.
        var copy = Path.Combine(db.Folder, "funding-2019-copy.csv");
        File.Copy(path, copy);
        foreach (var again in new[] { path, copy })
        {
            var second = await db.ImportAsync(again, RecordKind.Funding);
            Assert.False(second.Committed);
            Assert.Null(second.BatchId);
            Assert.NotNull(second.RefusedReason);
            Assert.Contains($"batch {first.BatchId}", second.RefusedReason, StringComparison.Ordinal);
            Assert.Equal(before, await db.CountsAsync());
        }
        Assert.Equal((1, 7), (before.Batches, before.Funding));
    }
}
