using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// The bad-input corpus (BadInput/, one file per case; binary ones made by BadInput/make_binary_inputs.py):
/// for each file the exact issue (severity, row, column, value, message) and what the database holds
/// afterwards. A file with an error must leave the database exactly as it was.
/// </summary>
public sealed class BadInputTests
{
    private const string FundingColumns = "year, date, donor, recipient, cluster, governorate, district, amount_usd, status, boundary, source_id";
    private const string NotANumber = "Not a number (write digits only, e.g. 1234567.89).";
    private const string QuoteNeverClosed =
        "A quoted field starting on this row is never closed: the rest of the file would be read into it. Close the quote (\") or remove it.";
    private const string FormulaLike = "Starts like a spreadsheet formula; stored as plain text and never run as one.";
    private const string FutureDate = "Date is in the future; check it is not a typing error.";

    private static string NotUtf8(string encoding) =>
        $"The file is not UTF-8; it was read as {encoding}. Check that accented and Arabic letters look right (saving as CSV UTF-8 avoids this).";

    private static string Input(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "BadInput", name);
        Assert.True(File.Exists(path), $"BadInput/{name} was not copied to the test output folder.");
        return path;
    }

    private static Task<ImportReport> ImportAsync(TestDatabase db, string name, RecordKind? kind) =>
        db.Importer.ImportAsync(new ImportRequest(Input(name), kind));

    private static void AssertIssue(ImportIssue issue, string file, IssueSeverity severity, int row, string? column, string? value, string message)
    {
        Assert.Equal(severity, issue.Severity);
        Assert.Equal(file, issue.File);
        Assert.Equal(row, issue.Row);
        Assert.Equal(column, issue.Column);
        Assert.Equal(value, issue.Value);
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    private static async Task AssertUnchangedAsync(TestDatabase db, TableCounts before, ImportReport report)
    {
        Assert.False(report.Committed);
        Assert.False(report.Succeeded);
        Assert.Null(report.BatchId);
        Assert.Equal(0, report.RowsWritten);
        Assert.Equal(before, await db.CountsAsync());
        Assert.Equal(TableCounts.Empty, before);
    }

    /// <summary>Asserts a committed import with no errors and exactly one warning, and returns that warning.</summary>
    private static ImportIssue SingleWarning(ImportReport report, string file, int row, string? column, string? value, string message)
    {
        Assert.True(report.Committed, string.Join(" | ", report.Issues));
        Assert.True(report.Succeeded);
        Assert.NotNull(report.BatchId);
        Assert.Empty(report.Errors);
        var warning = Assert.Single(report.Warnings);
        AssertIssue(warning, file, IssueSeverity.Warning, row, column, value, message);
        Assert.Equal(message, warning.Message);
        return warning;
    }

    /// <summary>Imports a file that must fail with exactly one error (and no warning) and write nothing.</summary>
    private static async Task<ImportIssue> SingleErrorAsync(string file, RecordKind? kind, int rowsRead, int rowsValid,
        int row, string? column, string? value, string message)
    {
        await using var db = await TestDatabase.CreateAsync();
        var before = await db.CountsAsync();

        var report = await ImportAsync(db, file, kind);

        await AssertUnchangedAsync(db, before, report);
        Assert.Null(report.RefusedReason);
        Assert.Equal(rowsRead, report.RowsRead);
        Assert.Equal(rowsValid, report.RowsValid);
        Assert.Empty(report.Warnings);
        var error = Assert.Single(report.Errors);
        AssertIssue(error, file, IssueSeverity.Error, row, column, value, message);
        Assert.Contains($"row {row}", error.ToString(), StringComparison.Ordinal);
        return error;
    }

    // ---------------------------------------------------------------- whole-file problems

    [Theory]
    // file, kind, rows read, row of the error, message
    [InlineData("empty.csv", RecordKind.Funding, 1, "The file is empty.")]
    [InlineData("bom-only.csv", RecordKind.Funding, 1, "The file is empty.")]
    [InlineData("header-only.csv", RecordKind.Funding, 1, "The file has no data rows.")]
    [InlineData("binary-junk.csv", RecordKind.Funding, 1,
        "This is not a text (CSV) or Excel (.xlsx) file; save the sheet as CSV (UTF-8) or .xlsx and import that.")]
    [InlineData("truncated.xlsx", RecordKind.Funding, 1, "The Excel file is damaged or truncated and cannot be opened.")]
    [InlineData("missing-required-column.csv", RecordKind.Funding, 1, "Required column 'amount_usd' is missing from the header.")]
    public async Task Whole_file_error(string file, RecordKind kind, int row, string message)
    {
        var column = file == "missing-required-column.csv" ? "amount_usd" : null;
        var error = await SingleErrorAsync(file, kind, rowsRead: 0, rowsValid: 0, row, column, value: null, message);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Empty_file_without_a_kind_is_still_reported_as_empty()
    {
        var error = await SingleErrorAsync("empty.csv", null, 0, 0, 1, null, null, "The file is empty.");
        Assert.Equal("The file is empty.", error.Message);
    }

    [Fact]
    public async Task Zip_bomb_is_refused_before_it_is_expanded()
    {
        // Small on disk: the 50 MiB worksheet part deflates to ~50 KB.
        Assert.InRange(new FileInfo(Input("zip-bomb.xlsx")).Length, 1, 100 * 1024);

        var error = await SingleErrorAsync("zip-bomb.xlsx", RecordKind.Funding, 0, 0, 1, null, null,
            "The workbook part 'xl/worksheets/sheet1.xml' expands ");
        Assert.EndsWith("times its packed size (limit 200); refused as a possible zip bomb.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_control_imports_so_the_broken_workbooks_fail_for_their_damage_alone()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await ImportAsync(db, "xlsx-control.xlsx", RecordKind.Funding);

        Assert.True(report.Committed, string.Join(" | ", report.Issues));
        Assert.Empty(report.Issues);
        Assert.Equal("xlsx", report.EncodingName);
        Assert.Equal(new TableCounts(1, 2, 0, 0, 0, 0), await db.CountsAsync());
    }

    [Fact]
    public async Task Columns_separated_by_two_spaces_give_header_errors_and_name_the_unsplit_header()
    {
        const string file = "wrong-delimiter-two-spaces.csv";
        await using var db = await TestDatabase.CreateAsync();
        var before = await db.CountsAsync();

        var report = await ImportAsync(db, file, RecordKind.Funding);

        await AssertUnchangedAsync(db, before, report);
        Assert.Equal(',', report.Delimiter);
        Assert.Equal(0, report.RowsRead);
        Assert.Collection(report.Errors,
            e => AssertIssue(e, file, IssueSeverity.Error, 1, "donor", null, "Required column 'donor' is missing from the header."),
            e => AssertIssue(e, file, IssueSeverity.Error, 1, "amount_usd", null, "Required column 'amount_usd' is missing from the header."),
            e => AssertIssue(e, file, IssueSeverity.Error, 1, "year", null, "The header needs at least one of these columns: year, date."));
        // The whole header line came back as one unknown column: the hint that the delimiter is wrong.
        var warning = Assert.Single(report.Warnings);
        AssertIssue(warning, file, IssueSeverity.Warning, 1,
            "year  date  donor  recipient  cluster  governorate  amount_usd  status  boundary  source_id", null,
            $"Unknown column ignored (a funding file has: {FundingColumns}).");
    }

    // ---------------------------------------------------------------- one bad row among good ones

    [Theory]
    // file, kind, rows read, rows valid, row, column, value, message
    [InlineData("negative-amount.csv", RecordKind.Funding, 3, 2, 3, "amount_usd", "-1500000", "Must not be negative.")]
    [InlineData("text-in-amount.csv", RecordKind.Funding, 3, 2, 3, "amount_usd", "about a million", NotANumber)]
    [InlineData("amount-with-currency.csv", RecordKind.Funding, 3, 2, 3, "amount_usd", "USD 1.2M", NotANumber)]
    [InlineData("nan-amount.csv", RecordKind.Funding, 3, 2, 3, "amount_usd", "NaN", NotANumber)]
    [InlineData("infinity-amount.csv", RecordKind.Funding, 3, 2, 3, "amount_usd", "Infinity", NotANumber)]
    [InlineData("overflow-amount.csv", RecordKind.Funding, 3, 2, 3, "amount_usd", "1e400", NotANumber)]
    [InlineData("year-out-of-range.csv", RecordKind.Funding, 3, 2, 3, "year", "2101", "Year out of range (1990-2100).")]
    [InlineData("bad-date.csv", RecordKind.Funding, 3, 2, 3, "date", "14/03/2019", "Not a date (expected yyyy-MM-dd).")]
    [InlineData("bad-status.csv", RecordKind.Funding, 3, 2, 3, "status", "promised", "Status must be paid, commitment, pledge or blank.")]
    // "1,500,000" unquoted: the thousands separators split the row into 12 fields.
    [InlineData("wrong-field-count.csv", RecordKind.Funding, 3, 2, 3, null, null, "Expected 10 fields as in the header, found 12.")]
    [InlineData("need-blank-governorate.csv", RecordKind.Need, 3, 2, 3, "governorate", null, "A governorate is required.")]
    [InlineData("need-negative.csv", RecordKind.Need, 3, 2, 3, "people_in_need", "-5000", "Must not be negative.")]
    [InlineData("non-numeric-year.csv", RecordKind.Need, 3, 2, 3, "year", "FY2019", "Not a year (expected e.g. 2019).")]
    [InlineData("incidents-count-zero.csv", RecordKind.Incidents, 3, 2, 3, "count", "0", "Count must be at least 1 (leave blank for one incident).")]
    [InlineData("presence-no-organisation.csv", RecordKind.Presence, 3, 2, 3, "organisation", null, "Give the organisation's name or acronym.")]
    public async Task Row_error_writes_nothing(string file, RecordKind kind, int rowsRead, int rowsValid,
        int row, string? column, string? value, string message)
    {
        var error = await SingleErrorAsync(file, kind, rowsRead, rowsValid, row, column, value, message);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Unknown_governorate_suggests_the_closest_name_first()
    {
        var error = await SingleErrorAsync("unknown-governorate.csv", RecordKind.Funding, 3, 2, 3, "governorate", "Ninawah",
            "Unknown governorate 'Ninawah'. Did you mean 'Ninewa'");
        Assert.Equal("Unknown governorate 'Ninawah'. Did you mean 'Ninewa', 'Diyala'?", error.Message);
    }

    /// <summary>
    /// A location cell naming several governorates with one unknown part: the row is refused, the
    /// error's value is that part and its message names it in its cell; nothing is written (the
    /// other multi-governorate row of the file is valid).
    /// </summary>
    [Theory]
    [InlineData("multi-location-unknown-part.csv", 3, "governorate", "Dohuk City", "Erbil, Dohuk City")]
    [InlineData("hxl-multi-location-unknown-part.csv", 4, "Governorate", "Atlantis", "Ninewa and Atlantis")]
    public async Task Unknown_part_of_a_multi_governorate_cell_is_refused_naming_the_part(string file, int row, string column, string part, string cell)
    {
        var error = await SingleErrorAsync(file, null, 3, 2, row, column, part, $"Unknown governorate '{part}' in '{cell}'.");
        Assert.StartsWith($"Unknown governorate '{part}' in '{cell}'.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Funding columns without an amount: refused as funding naming the missing column, never imported as presence.</summary>
    [Theory]
    [InlineData("funding-without-amount.csv")]
    [InlineData("hxl-funding-without-amount.csv")]
    public async Task Funding_file_without_an_amount_column_is_refused_naming_it(string file)
    {
        var error = await SingleErrorAsync(file, null, 0, 0, 1, "amount_usd", null, "funding file without an amount column: add \"amount_usd\" or #value+usd");
        Assert.StartsWith("funding file without an amount column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presence_row_naming_several_governorates_is_refused()
    {
        var error = await SingleErrorAsync("presence-several-governorates.csv", RecordKind.Presence, 3, 2, 3, "governorate", "Erbil, Duhok",
            "A presence row must name one governorate; 'Erbil, Duhok' names Duhok, Erbil");
        Assert.Contains("one row per governorate", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A quote opened and never closed swallows every following line into one field. Whether it opens
    /// in the last field (the row would still have 10 fields and rows 4-5 would be silently lost) or
    /// mid-row (donor: the row would be 3 fields), it is one error on the row where the quote opens,
    /// with no column, and nothing is written. Only rows 2-3 are read: the rest went into the quote.
    /// </summary>
    [Theory]
    [InlineData("unclosed-quote.csv")]
    [InlineData("unclosed-quote-mid-row.csv")]
    public async Task Quote_never_closed_is_an_error_on_the_row_it_opens_and_writes_nothing(string file)
    {
        var error = await SingleErrorAsync(file, RecordKind.Funding, rowsRead: 2, rowsValid: 1, row: 3, column: null, value: null,
            "A quoted field starting on this row is never closed: the rest of the file would be read into it.");
        Assert.Equal(QuoteNeverClosed, error.Message);
    }

    /// <summary>
    /// An organisation name of 10,000 characters (limit 300; HasMaxLength(300) is not enforced by
    /// SQLite) is an error naming the column and giving the whole value; nothing is written.
    /// </summary>
    [Fact]
    public async Task Ten_thousand_character_organisation_name_is_an_error_and_writes_nothing()
    {
        var longName = string.Concat(Enumerable.Repeat("Long-Name-", 1000));
        var error = await SingleErrorAsync("long-cell-10000.csv", RecordKind.Presence, rowsRead: 2, rowsValid: 1, row: 3,
            "organisation", longName, "Text of 10,000 characters; at most 300 are accepted here.");
        Assert.Equal("Text of 10,000 characters; at most 300 are accepted here.", error.Message);
        Assert.Equal(10_000, error.Value!.Length);
    }

    // ---------------------------------------------------------------- accepted, with or without warnings

    [Fact]
    public async Task Extra_columns_are_ignored_with_a_warning_each_and_the_rows_imported()
    {
        const string file = "extra-columns.csv";
        await using var db = await TestDatabase.CreateAsync();

        var report = await ImportAsync(db, file, RecordKind.Funding);

        Assert.True(report.Committed, string.Join(" | ", report.Issues));
        Assert.Empty(report.Errors);
        Assert.Collection(report.Warnings,
            w => AssertIssue(w, file, IssueSeverity.Warning, 1, "notes", null, $"Unknown column ignored (a funding file has: {FundingColumns})."),
            w => AssertIssue(w, file, IssueSeverity.Warning, 1, "contact", null, $"Unknown column ignored (a funding file has: {FundingColumns})."));
        Assert.Equal((2, 2), (report.RowsRead, report.RowsWritten));
        Assert.Equal(new TableCounts(1, 2, 0, 0, 0, 0), await db.CountsAsync());
    }

    [Fact]
    public async Task Hxl_columns_with_unknown_tags_are_ignored_with_warnings()
    {
        const string file = "hxl-unknown-tags.csv";
        await using var db = await TestDatabase.CreateAsync();

        var report = await ImportAsync(db, file, kind: null);

        Assert.True(report.Committed, string.Join(" | ", report.Issues));
        Assert.Equal("HXL", report.Format);
        Assert.Equal(RecordKind.Funding, report.Kind);
        Assert.Empty(report.Errors);
        Assert.Collection(report.Warnings,
            w => AssertIssue(w, file, IssueSeverity.Warning, 1, "Internal code", null, "HXL tag #x_internal is not used for funding data; column ignored."),
            w => AssertIssue(w, file, IssueSeverity.Warning, 1, "Contact", null, "HXL tag #contact+email is not used for funding data; column ignored."));
        Assert.Equal(new TableCounts(1, 2, 0, 0, 0, 0), await db.CountsAsync());
        var table = await db.TableAsync(2019);
        Assert.Equal(1_500_000m, table.Gov("IQG15").FundingUsd);
        Assert.Equal(250_000m, table.Gov("IQG11").FundingUsd);
    }

    [Fact]
    public async Task Duplicate_presence_rows_count_once_and_are_not_an_error()
    {
        await using var db = await TestDatabase.CreateAsync();

        var report = await ImportAsync(db, "duplicate-presence-rows.csv", RecordKind.Presence);

        Assert.True(report.Committed, string.Join(" | ", report.Issues));
        Assert.Empty(report.Issues);
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(3, report.RowsValid);
        Assert.Equal(1, report.DuplicatesRemoved);
        Assert.Equal(2, report.RowsWritten);
        Assert.Equal("2 organisation-activity rows after merging 1 repeated row of the same organisation, place and activity", report.MergedRepeats);
        Assert.Equal(new TableCounts(1, 0, 2, 0, 0, 0), await db.CountsAsync() with { Aliases = 0 });
    }

    /// <summary>
    /// Two identical funding rows (same source_id too) are both written, since two equal flows can be
    /// real, so the money counts twice; the later row gets a warning (no column) naming the first.
    /// </summary>
    [Fact]
    public async Task Duplicate_funding_rows_are_all_written_with_a_warning_on_the_repeat()
    {
        const string file = "duplicate-funding-rows.csv";
        await using var db = await TestDatabase.CreateAsync();

        var report = await ImportAsync(db, file, RecordKind.Funding);

        SingleWarning(report, file, row: 3, column: null, value: null,
            "Repeats row 2 exactly; both rows are counted. Remove one if it is a copy.");
        Assert.Equal((3, 3), (report.RowsRead, report.RowsValid));
        Assert.Equal(0, report.DuplicatesRemoved);
        Assert.Null(report.MergedRepeats);
        Assert.Equal(3, report.RowsWritten);
        Assert.Equal(new TableCounts(1, 3, 0, 0, 0, 0), await db.CountsAsync());
        await using (var ctx = db.NewContext())
            Assert.Equal(2, await ctx.Funding.CountAsync(f => f.SourceId == "BI-001"));
        Assert.Equal(3_000_000m, (await db.TableAsync(2019)).Gov("IQG15").FundingUsd);
    }

    [Theory]
    [InlineData("pledge-only.csv")]
    [InlineData("all-internal.csv")]
    public async Task Flows_that_count_nowhere_are_imported_but_add_no_funding(string file)
    {
        await using var db = await TestDatabase.CreateAsync();

        var report = await ImportAsync(db, file, RecordKind.Funding);

        Assert.True(report.Committed, string.Join(" | ", report.Issues));
        Assert.Empty(report.Issues);
        Assert.Equal(new TableCounts(1, 2, 0, 0, 0, 0), await db.CountsAsync());
        var table = await db.TableAsync(2019);
        Assert.Equal(0m, table.TotalFundingUsd);
        Assert.Equal(0m, table.UnallocatedUsd);
        Assert.Equal(0m, table.Gov("IQG15").FundingUsd);
    }

    /// <summary>
    /// A CSV cell starting with '=' is plain text to the importer: it is stored verbatim, never
    /// evaluated, but warned about (column and value named) since a spreadsheet opening an export
    /// might run it.
    /// </summary>
    [Fact]
    public async Task Formula_cell_is_stored_verbatim_as_text_with_a_warning()
    {
        const string file = "formula-cell.csv";
        const string formula = "=HYPERLINK(\"http://x\",\"y\")";
        await using var db = await TestDatabase.CreateAsync();

        var report = await ImportAsync(db, file, RecordKind.Presence);

        SingleWarning(report, file, row: 2, "organisation", formula, FormulaLike);
        Assert.Equal((2, 2, 2), (report.RowsRead, report.RowsValid, report.RowsWritten));
        Assert.Equal(new TableCounts(1, 0, 2, 0, 0, 0), await db.CountsAsync() with { Aliases = 0 });
        await using var ctx = db.NewContext();
        var record = await ctx.Presence.SingleAsync(p => p.GovernoratePcode == "IQG15");
        Assert.Equal(formula, record.Organisation);
        Assert.Null(record.Acronym);
    }

    /// <summary>
    /// Arabic names saved as windows-1256 decode correctly, with one warning (row 1, no column) that
    /// the file is not UTF-8 so the user checks the letters.
    /// </summary>
    [Fact]
    public async Task Arabic_names_in_windows_1256_import_correctly_with_a_not_utf8_warning()
    {
        const string file = "arabic-windows-1256.csv";
        await using var db = await TestDatabase.CreateAsync();

        var report = await ImportAsync(db, file, RecordKind.Presence);

        SingleWarning(report, file, row: 1, column: null, value: null, NotUtf8("windows-1256"));
        Assert.Equal("windows-1256", report.EncodingName);
        Assert.Equal(new TableCounts(1, 0, 3, 0, 0, 0), await db.CountsAsync() with { Aliases = 0 });
        await using var ctx = db.NewContext();
        var rows = await ctx.Presence.OrderBy(p => p.Id).Select(p => new { p.Organisation, p.GovernoratePcode, p.District }).ToListAsync();
        List<(string, string, string?)> expected =
        [
            ("المجلس النرويجي للاجئين", "IQG15", "الموصل"),
            ("منظمة الهجرة الدولية", "IQG02", null),
            ("جمعية الهلال الأحمر العراقي", "IQG11", null),
        ];
        Assert.Equal(expected, rows.Select(r => (r.Organisation, r.GovernoratePcode, r.District)).ToList());
    }

    /// <summary>
    /// One Windows-1252 line makes the whole file not UTF-8, so it is all read as windows-1252 and
    /// the UTF-8 lines become mojibake ("MÃ©decins"); the rows are still written, but the file-level
    /// not-UTF-8 warning (row 1, no column) now tells the user to check the letters.
    /// </summary>
    [Fact]
    public async Task Mixed_encodings_are_read_as_windows_1252_with_a_not_utf8_warning_and_the_utf8_lines_become_mojibake()
    {
        const string file = "mixed-encodings.csv";
        await using var db = await TestDatabase.CreateAsync();

        var report = await ImportAsync(db, file, RecordKind.Presence);

        SingleWarning(report, file, row: 1, column: null, value: null, NotUtf8("windows-1252"));
        Assert.Equal("windows-1252", report.EncodingName);
        Assert.Equal(new TableCounts(1, 0, 3, 0, 0, 0), await db.CountsAsync() with { Aliases = 0 });
        await using var ctx = db.NewContext();
        var names = await ctx.Presence.OrderBy(p => p.Id).Select(p => p.Organisation).ToListAsync();
        Assert.Equal(["MÃ©decins du Monde", "Médecins Sans Frontières", "PremiÃ¨re Urgence Internationale"], names);
    }

    /// <summary>
    /// A date far in the future (2099) is inside 1990-2100, so it imports as budget year 2099, with a
    /// warning naming the column and value in case it is a typing error.
    /// </summary>
    [Fact]
    public async Task Future_date_imports_as_that_year_with_a_warning()
    {
        const string file = "future-date.csv";
        await using var db = await TestDatabase.CreateAsync();

        var report = await ImportAsync(db, file, RecordKind.Funding);

        SingleWarning(report, file, row: 2, "date", "2099-01-01", FutureDate);
        Assert.Equal((1, 1, 1), (report.RowsRead, report.RowsValid, report.RowsWritten));
        Assert.Equal(new TableCounts(1, 1, 0, 0, 0, 0), await db.CountsAsync());
        await using var ctx = db.NewContext();
        var record = await ctx.Funding.SingleAsync();
        Assert.Equal(2099, record.Year);
        Assert.Equal(new DateOnly(2099, 1, 1), record.Date);
        Assert.Equal(1_500_000m, (await db.TableAsync(2099)).Gov("IQG15").FundingUsd);
    }

    [Fact]
    public async Task Same_file_imported_twice_is_refused_the_second_time()
    {
        const string file = "same-file-twice.csv";
        await using var db = await TestDatabase.CreateAsync();
        var first = await ImportAsync(db, file, RecordKind.Funding);
        Assert.True(first.Committed, string.Join(" | ", first.Issues));
        var afterFirst = await db.CountsAsync();
        Assert.Equal(new TableCounts(1, 2, 0, 0, 0, 0), afterFirst);

        var second = await ImportAsync(db, file, RecordKind.Funding);

        Assert.NotNull(second.RefusedReason);
        Assert.StartsWith($"{file} was already imported as batch {first.BatchId} ('{file}') on ", second.RefusedReason, StringComparison.Ordinal);
        Assert.EndsWith("UTC; use --replace to swap it for this import, or withdraw that batch first.", second.RefusedReason, StringComparison.Ordinal);
        Assert.Empty(second.Issues);
        Assert.False(second.Committed);
        Assert.False(second.Succeeded);
        Assert.Null(second.BatchId);
        Assert.Equal(0, second.RowsRead);
        Assert.Equal(afterFirst, await db.CountsAsync());
    }
}
