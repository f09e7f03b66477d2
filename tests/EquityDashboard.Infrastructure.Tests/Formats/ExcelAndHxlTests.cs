using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests.Formats;

/// <summary>A string cell written inline (<c>t="inlineStr"</c>) rather than in the shared-string table.</summary>
internal sealed record InlineText(string Text);

/// <summary>
/// Writes small .xlsx workbooks by hand (System.IO.Compression + minimal SpreadsheetML): content
/// types, package and workbook relationships, the workbook, one part per sheet and the shared
/// strings. Cells: string (shared string), <see cref="InlineText"/>, numbers, null (no cell).
/// </summary>
internal static class XlsxBuilder
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static string Write(string path, params (string Name, object?[][] Rows)[] sheets)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        var shared = new List<string>();
        var sharedIndex = new Dictionary<string, int>(StringComparer.Ordinal);

        var sheetXml = sheets.Select(s => SheetXml(s.Rows, shared, sharedIndex)).ToList();
        WritePackage(zip, sheets.Select(s => s.Name).ToList(), includeSharedStrings: true);
        for (var i = 0; i < sheets.Length; i++) Add(zip, $"xl/worksheets/sheet{i + 1}.xml", sheetXml[i]);
        var sst = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"{Main}\" count=\"{shared.Count}\" uniqueCount=\"{shared.Count}\">");
        foreach (var s in shared) sst.Append("<si><t xml:space=\"preserve\">").Append(SecurityElement.Escape(s)).Append("</t></si>");
        Add(zip, "xl/sharedStrings.xml", sst.Append("</sst>").ToString());
        return path;
    }

    /// <summary>Content types, relationships and the workbook part naming the sheets (sheet parts not included).</summary>
    public static void WritePackage(ZipArchive zip, IReadOnlyList<string> sheetNames, bool includeSharedStrings)
    {
        var types = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
            .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
            .Append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
            .Append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        for (var i = 0; i < sheetNames.Count; i++)
            types.Append($"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        if (includeSharedStrings)
            types.Append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
        Add(zip, "[Content_Types].xml", types.Append("</Types>").ToString());

        Add(zip, "_rels/.rels",
            $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"{PackageRel}\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");

        var workbook = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets>");
        var rels = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"{PackageRel}\">");
        for (var i = 0; i < sheetNames.Count; i++)
        {
            workbook.Append($"<sheet name=\"{SecurityElement.Escape(sheetNames[i])}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>");
            rels.Append($"<Relationship Id=\"rId{i + 1}\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>");
        }
        if (includeSharedStrings)
            rels.Append($"<Relationship Id=\"rId{sheetNames.Count + 1}\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        Add(zip, "xl/workbook.xml", workbook.Append("</sheets></workbook>").ToString());
        Add(zip, "xl/_rels/workbook.xml.rels", rels.Append("</Relationships>").ToString());
    }

    private static string SheetXml(object?[][] rows, List<string> shared, Dictionary<string, int> sharedIndex)
    {
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"{Main}\"><sheetData>");
        for (var r = 0; r < rows.Length; r++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + c)}{r + 1}");
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string s:
                        if (!sharedIndex.TryGetValue(s, out var index))
                        {
                            sharedIndex[s] = index = shared.Count;
                            shared.Add(s);
                        }
                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"><v>{index}</v></c>");
                        break;
                    case InlineText t:
                        xml.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(t.Text)}</t></is></c>");
                        break;
                    case IFormattable number:
                        xml.Append($"<c r=\"{reference}\"><v>{number.ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    default:
                        throw new ArgumentException($"Unsupported cell value {rows[r][c]}");
                }
            }
            xml.Append("</row>");
        }
        return xml.Append("</sheetData></worksheet>").ToString();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        var bytes = new UTF8Encoding(false).GetBytes(content);
        stream.Write(bytes);
    }
}

/// <summary>
/// Excel workbooks (sheet choice, title rows, numbers stored as text, damaged files, zip bombs)
/// and HXL-tagged CSV layouts, read through the importer end to end.
/// </summary>
public sealed class ExcelAndHxlTests
{
    private const string Ninewa = "IQG15";
    private const string Anbar = "IQG01";
    private const string Erbil = "IQG11";

    private static readonly object?[] FundingHeader = ["year", "date", "donor", "recipient", "cluster", "governorate", "amount_usd", "status", "boundary", "source_id"];

    private static object?[][] Rows(params object?[][] rows) => rows;

    private static async Task AssertNothingWrittenAsync(TestDatabase db, ImportReport report)
    {
        Assert.False(report.Committed);
        Assert.Null(report.BatchId);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
    }

    private static async Task<ImportReport> ImportOkAsync(TestDatabase db, ImportRequest request)
    {
        var report = await db.Importer.ImportAsync(request);
        Assert.True(report.Committed,
            $"{Path.GetFileName(request.FilePath)} did not import: {report.RefusedReason} {string.Join(" | ", report.Errors)}");
        Assert.Equal(0, report.ErrorCount);
        return report;
    }

    // ---------------------------------------------------------------- Excel

    [Fact]
    public async Task Data_on_the_second_sheet_below_two_title_rows_is_found_and_imported()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = XlsxBuilder.Write(Path.Combine(db.Folder, "funding-2019.xlsx"),
            ("Notes", Rows(
                ["About this workbook"],
                ["Invented figures for a test; the data are on the next sheet."])),
            ("Data", Rows(
                ["Iraq: funding by governorate, 2019 (invented)"],
                ["Prepared for the importer tests"],
                FundingHeader,
                [2019, "2019-03-14", "Donor X", "NRC", "Shelter", "Ninewa", 1500000, "paid", "incoming", "G-1"],
                [2019, null, "Donor Y", "IOM", "CCCM", "Al-Anbar", 250000.5, "commitment", null, "G-2"],
                [2019, null, "Donor Y", null, null, "Erbil", 1000, null, null, "G-3"])));

        var report = await ImportOkAsync(db, new ImportRequest(path));

        Assert.Equal(RecordKind.Funding, report.Kind);
        Assert.Equal("template", report.Format);
        Assert.Equal("Data", report.SheetName);
        Assert.Equal("xlsx", report.EncodingName);
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(3, report.RowsWritten);
        var table = await db.TableAsync(2019);
        Assert.Equal(1500000m, table.Gov(Ninewa).FundingUsd);
        Assert.Equal(250000.5m, table.Gov(Anbar).FundingUsd);
        Assert.Equal(1000m, table.Gov(Erbil).FundingUsd);
        await using var ctx = db.NewContext();
        var batch = await ctx.Batches.SingleAsync();
        Assert.Equal("Data", batch.SheetName);
    }

    [Fact]
    public async Task A_bad_cell_is_reported_at_its_spreadsheet_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = XlsxBuilder.Write(Path.Combine(db.Folder, "bad.xlsx"),
            ("Notes", Rows(["Read me"])),
            ("Data", Rows(
                ["Title"],
                ["Subtitle"],
                FundingHeader,
                [2019, null, "Donor X", null, null, "Ninewa", 1000, null, null, null],
                [2019, null, "Donor X", null, null, "Ninawah", 1000, null, null, null])));

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        await AssertNothingWrittenAsync(db, report);
        var error = Assert.Single(report.Errors);
        Assert.Equal(5, error.Row);
        Assert.Equal("Ninawah", error.Value);
    }

    private static string TwoSheetWorkbook(TestDatabase db) =>
        XlsxBuilder.Write(Path.Combine(db.Folder, "two-sheets.xlsx"),
            ("Old", Rows(
                FundingHeader,
                [2018, null, "Donor X", null, null, "Ninewa", 100, null, null, null])),
            ("Data", Rows(
                FundingHeader,
                [2019, null, "Donor X", null, null, "Ninewa", 200, null, null, null],
                [2019, null, "Donor Y", null, null, "Erbil", 300, null, null, null])));

    [Theory]
    [InlineData("Data")]
    [InlineData("data")]
    [InlineData("2")]
    public async Task Sheet_option_picks_that_sheet(string sheet)
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await ImportOkAsync(db, new ImportRequest(TwoSheetWorkbook(db)) { Sheet = sheet });

        Assert.Equal("Data", report.SheetName);
        Assert.Equal(2, report.RowsRead);
        await using var ctx = db.NewContext();
        Assert.Equal(new[] { 2019, 2019 }, await ctx.Funding.Select(f => f.Year).ToListAsync());
        Assert.Equal(200m, (await db.TableAsync(2019)).Gov(Ninewa).FundingUsd);
        Assert.Equal(0m, (await db.TableAsync(2018)).Gov(Ninewa).FundingUsd);
    }

    [Fact]
    public async Task Unknown_sheet_is_an_error_listing_the_sheets()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.Importer.ImportAsync(new ImportRequest(TwoSheetWorkbook(db)) { Sheet = "Nope" });

        await AssertNothingWrittenAsync(db, report);
        var error = Assert.Single(report.Errors);
        Assert.Contains("Nope", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Old'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Data'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_stored_as_text_are_read()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = XlsxBuilder.Write(Path.Combine(db.Folder, "text-numbers.xlsx"),
            ("Sheet1", Rows(
                FundingHeader,
                ["2019", null, "Donor X", null, null, "Ninewa", "1,234", null, null, null],
                [new InlineText("2019"), null, "Donor X", null, null, "Erbil", new InlineText("1,234,567.5"), null, null, null],
                ["2019", null, "Donor Y", null, null, "Al-Anbar", " 2500 ", null, null, null])));

        var report = await ImportOkAsync(db, new ImportRequest(path));

        Assert.Equal(3, report.RowsWritten);
        var table = await db.TableAsync(2019);
        Assert.Equal(1234m, table.Gov(Ninewa).FundingUsd);
        Assert.Equal(1234567.5m, table.Gov(Erbil).FundingUsd);
        Assert.Equal(2500m, table.Gov(Anbar).FundingUsd);
    }

    [Fact]
    public async Task Truncated_workbook_is_a_clear_error_and_writes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var rows = new List<object?[]> { FundingHeader };
        rows.AddRange(Enumerable.Range(0, 200)
            .Select(i => new object?[] { 2019, null, $"Donor {i}", null, null, "Ninewa", 1000 + i, null, null, $"T-{i}" }));
        var whole = XlsxBuilder.Write(Path.Combine(db.Folder, "whole.xlsx"), ("Data", rows.ToArray()));
        // Sanity: the whole file imports (then roll it away with a dry run instead, to keep the database empty).
        var ok = await db.Importer.ImportAsync(new ImportRequest(whole) { DryRun = true });
        Assert.True(ok.Succeeded, string.Join(" | ", ok.Errors));

        var bytes = await File.ReadAllBytesAsync(whole);
        var truncated = Path.Combine(db.Folder, "truncated.xlsx");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);

        var report = await db.Importer.ImportAsync(new ImportRequest(truncated));

        await AssertNothingWrittenAsync(db, report);
        var error = Assert.Single(report.Errors);
        Assert.Contains("damaged or truncated", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("truncated.xlsx", error.File);
    }

    [Fact]
    public async Task Zip_bomb_like_workbook_is_refused_and_writes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = Path.Combine(db.Folder, "bomb.xlsx");
        const int Megabytes = 48;
        using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            XlsxBuilder.WritePackage(zip, ["Data"], includeSharedStrings: false);
            // A valid (empty) worksheet padded with whitespace: tens of MB that pack to a few kB.
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            part.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"));
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            for (var i = 0; i < Megabytes; i++) part.Write(chunk);
            part.Write(Encoding.UTF8.GetBytes("</sheetData></worksheet>"));
        }
        Assert.True(new FileInfo(path).Length < 1024 * 1024, "the bomb should pack small");

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        await AssertNothingWrittenAsync(db, report);
        var error = Assert.Single(report.Errors);
        Assert.Contains("zip bomb", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sheet1.xml", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, report.RowsRead);
    }

    // ---------------------------------------------------------------- HXL CSV

    /// <summary>The same three flows in every layout; titles deliberately unlike the template's.</summary>
    public static TheoryData<string, string[]> HxlLayouts => new()
    {
        {
            "header row, then tags in another order, any case, attributes reordered",
            [
                "Amount (USD),Governorate,Budget year,Funding organisation",
                "#VALUE +USD +Funding,#Adm1 +Name,#DATE +Year,#org +FUNDER",
                "1500000,Ninewa,2019,Donor X",
                "\"250,000\",Al Anbar,2019,Donor Y",
                "1000,Erbil,2019,Donor Y",
            ]
        },
        {
            "hashtag row alone, no title row",
            [
                "#org+funder,#adm1+code,#value+usd,#date+year",
                "Donor X,IQG15,1500000,2019",
                "Donor Y,IQG01,250000,2019",
                "Donor Y,IQG11,1000,2019",
            ]
        },
        {
            "hashtag row under a title row",
            [
                "Iraq funding extract (invented figures),,,",
                "#adm1+name,#value+funding+total+usd,#org+funder,#date",
                "Ninewa,1500000,Donor X,2019-03-01",
                "Anbar,250000,Donor Y,2019-06-30",
                "Erbil,1000,Donor Y,2019-12-31",
            ]
        },
        {
            "title rows, header row, hashtag row",
            [
                "Iraq funding extract,,,",
                "Invented figures,,,",
                "Year,Donor,Where,USD",
                "  #date+year , #org +funder ,#adm1 +name,#value +usd ",
                "2019,Donor X,Ninewa,1500000",
                "2019,Donor Y,Al-Anbar,250000",
                "2019,Donor Y,Erbil,1000",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(HxlLayouts))]
    public async Task Hxl_funding_csv_is_read_in_any_layout(string layout, string[] lines)
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hxl-funding.csv", lines);

        var report = await ImportOkAsync(db, new ImportRequest(path));

        Assert.True(report.Format == "HXL", $"{layout}: format {report.Format}");
        Assert.Equal(RecordKind.Funding, report.Kind);
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(3, report.RowsWritten);
        var table = await db.TableAsync(2019);
        Assert.Equal(1500000m, table.Gov(Ninewa).FundingUsd);
        Assert.Equal(250000m, table.Gov(Anbar).FundingUsd);
        Assert.Equal(1000m, table.Gov(Erbil).FundingUsd);
        await using var ctx = db.NewContext();
        Assert.Equal(new[] { "Donor X", "Donor Y", "Donor Y" }, (await ctx.Funding.Select(f => f.Donor).ToListAsync()).Order());
    }

    [Fact]
    public async Task Hxl_row_with_unknown_tags_imports_with_warnings()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hxl-extra.csv",
            "Donor,USD,Governorate,Year,Contact,Notes,Untagged",
            "#org+funder,#value+usd,#adm1+name,#date+year,#contact+email,#x_comment+internal,",
            "Donor X,1000,Ninewa,2019,someone@example.org,first,a",
            "Donor Y,2000,Erbil,2019,,second,b");

        var report = await ImportOkAsync(db, new ImportRequest(path));

        Assert.Equal("HXL", report.Format);
        Assert.Equal(2, report.RowsWritten);
        var warnings = report.Warnings.ToList();
        Assert.Contains(warnings, w => w.Column == "Contact" && w.Message.Contains("#contact+email", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(warnings, w => w.Column == "Notes" && w.Message.Contains("#x_comment+internal", StringComparison.OrdinalIgnoreCase));
        Assert.All(warnings, w => Assert.Equal(1, w.Row));
        Assert.Equal(1000m, (await db.TableAsync(2019)).Gov(Ninewa).FundingUsd);
    }

    private static readonly string[] NeedWithoutYear =
    [
        "Governorate,Admin 1 PCode,Cluster,In Need,Targeted",
        "#adm1+name,#adm1+code,#sector+cluster,#inneed,#targeted",
        "Ninewa,IQG15,,\"1,200,000\",800000",
        "Al-Anbar,IQG01,Intersectoral,500000,",
        "Ninewa,IQG15,Health,300000,",
    ];

    [Fact]
    public async Task Hxl_need_table_without_a_year_column_asks_for_the_year()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hno-no-year.csv", NeedWithoutYear);

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        await AssertNothingWrittenAsync(db, report);
        Assert.Equal(RecordKind.Need, report.Kind);
        var error = Assert.Single(report.Errors);
        Assert.Equal(1, error.Row);
        Assert.Contains("--year", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hxl_need_table_without_a_year_column_imports_with_the_year_given()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hno-no-year.csv", NeedWithoutYear);

        var report = await ImportOkAsync(db, new ImportRequest(path) { Year = 2021 });

        // A people-in-need table with HXL tags is read by the HNO format (it rolls admin2 rows up).
        Assert.Equal("HNO", report.Format);
        Assert.Equal(RecordKind.Need, report.Kind);
        Assert.Equal(3, report.RowsWritten);
        var table = await db.TableAsync(2021);
        Assert.Equal(1_200_000L, table.Gov(Ninewa).PeopleInNeed);
        Assert.Equal(500_000L, table.Gov(Anbar).PeopleInNeed);
        Assert.Null(table.Gov(Erbil).PeopleInNeed);
        await using var ctx = db.NewContext();
        Assert.All(await ctx.Need.ToListAsync(), n => Assert.Equal(2021, n.Year));
        Assert.Equal(800_000L, (await ctx.Need.SingleAsync(n => n.GovernoratePcode == Ninewa && n.Cluster == NeedFigure.Intersectoral)).Targeted);
    }
}
