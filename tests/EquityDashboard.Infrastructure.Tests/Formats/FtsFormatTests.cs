using System.Globalization;
using System.Text;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Import.Formats;
using EquityDashboard.Infrastructure.Import.Tabular;
using EquityDashboard.Infrastructure.Tests.RealData;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests.Formats;

/// <summary>
/// OCHA FTS exports: flow files (with and without the HXL row) read as funding, requirements
/// tables refused. Real files are read in place from ../shared/real-data/fts (never copied into
/// the repository); synthetic files cover the Iraq cases the real files (Jordan, Afghanistan,
/// Palestine) do not have.
/// </summary>
public sealed class FtsFormatTests
{
    internal const string Header =
        "date,budgetYear,description,amountUSD,srcOrganization,srcOrganizationTypes,srcLocations,srcUsageYearStart,srcUsageYearEnd," +
        "destPlan,destPlanCode,destPlanId,destOrganization,destOrganizationTypes,destGlobalClusters,destLocations,destProject," +
        "destProjectCode,destEmergency,destUsageYearStart,destUsageYearEnd,contributionType,flowType,method,boundary,onBoundary," +
        "status,firstReportedDate,decisionDate,keywords,originalAmount,originalCurrency,exchangeRate,id,refCode,createdAt,updatedAt";

    internal const string HxlRow =
        "#date,#date+year+budget,#description+notes,#value+funding+total+usd,#org+name+funder,#org+type+funder+list," +
        "#country+iso3+funder+list,#date+year+start+funder,#date+year+end+funder,#activity+appeal+name,#activity+appeal+id+external," +
        "#activity+appeal+id+fts_internal,#org+name+impl,#org+type+impl+list,#sector+cluster+name+list,#country+iso3+impl+list," +
        "#activity+project+name,#activity+project+code,#crisis+name,#date+year+start+impl,#date+year+end+impl," +
        "#financial+contribution+type,#financial+contribution+type,#financial+method,#financial+direction," +
        "#financial+direction+type,#status+text,#date+reported,#date+decision,#description+keywords,#value+funding+total," +
        "#value+funding+total+currency,#financial+fx,#activity+id+fts_internal,#activity+code,#date+created,#date+updated";

    private static readonly string[] Columns = Header.Split(',');

    private const string Ninewa = "IQG15";

    // ---------------------------------------------------------------- real files

    public static TheoryData<string> FlowFiles =>
    [
        "fts_incoming_funding_afg_hxl_2021.csv",
        "fts_incoming_funding_global_nohxl_2026.csv",
        "fts_incoming_funding_jor_hxl_2021.csv",
        "fts_incoming_funding_jor_nohxl_2026.csv",
        "fts_internal_funding_jor_hxl_2021.csv",
        "fts_outgoing_funding_pse_hxl_2021.csv",
    ];

    public static TheoryData<string> RequirementFiles =>
    [
        "fts_requirements_funding_afg_hxl_2021.csv",
        "fts_requirements_funding_cluster_afg_hxl_2021.csv",
        "fts_requirements_funding_cluster_jor_hxl_2021.csv",
        "fts_requirements_funding_cluster_jor_nohxl_2026.csv",
        "fts_requirements_funding_covid_jor_hxl_2021.csv",
        "fts_requirements_funding_globalcluster_jor_hxl_2021.csv",
        "fts_requirements_funding_jor_hxl_2021.csv",
    ];

    [RealDataTheory]
    [MemberData(nameof(FlowFiles))]
    public async Task Real_flow_file_reads_every_row_and_writes_nothing_outside_Iraq(string fileName)
    {
        var path = RealDataFiles.File("fts/" + fileName);
        var file = FtsCsv.Read(path);
        var expectedSkips = file.Rows.Select(r => ExpectedSkip(r[file.Index("destLocations")]))
            .Where(s => s is not null).GroupBy(s => s!).ToDictionary(g => g.Key, g => g.Count());
        var iraqRows = file.Rows.Count - expectedSkips.Values.Sum();

        await using var db = await TestDatabase.CreateAsync();
        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        Assert.Equal(FtsFormat.FlowName, report.Format);
        Assert.Equal(RecordKind.Funding, report.Kind);
        Assert.Equal(file.Rows.Count, report.RowsRead);
        Assert.Equal(expectedSkips.OrderBy(kv => kv.Key), report.SkippedRows.OrderBy(kv => kv.Key));
        // None of these files (Jordan, Afghanistan, Palestine, and the three together) holds a flow to Iraq.
        Assert.Equal(0, iraqRows);
        Assert.Equal(0, report.RowsWritten);
        Assert.False(report.Committed);
        Assert.Contains(report.Errors, e => e.Message.StartsWith("No row of the file can be imported", StringComparison.Ordinal)
            && e.Message.Contains(FtsProjector.OutsideIraq, StringComparison.Ordinal));
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
    }

    [RealDataFact]
    public void Real_files_have_multiline_descriptions_and_the_independent_parser_sees_them()
    {
        var file = FtsCsv.Read(RealDataFiles.File("fts/fts_incoming_funding_global_nohxl_2026.csv"));
        Assert.False(file.HasHxlRow);
        Assert.Equal(1106, file.Rows.Count);
        Assert.Equal(26, file.Rows.Count(r => r[file.Index("description")].Contains('\n', StringComparison.Ordinal)));
        Assert.True(file.PhysicalLines > file.Rows.Count + 1);
        Assert.Equal(4, file.Rows.Count(r => r[file.Index("destLocations")] == "JOR,PSE"));

        var hxl = FtsCsv.Read(RealDataFiles.File("fts/fts_incoming_funding_jor_hxl_2021.csv"));
        Assert.True(hxl.HasHxlRow);
        Assert.Equal(440, hxl.Rows.Count);
    }

    /// <summary>
    /// The real Jordan export with Jordan's code replaced by Iraq's (in a temporary copy): the
    /// real layout, multi-line descriptions, blank donors and pledges, now with Iraq rows.
    /// </summary>
    [RealDataTheory]
    [InlineData("fts_incoming_funding_jor_hxl_2021.csv")]
    [InlineData("fts_incoming_funding_jor_nohxl_2026.csv")]
    public async Task Real_layout_with_Iraq_destinations_writes_Iraq_flows_as_unallocated(string fileName)
    {
        var file = FtsCsv.Read(RealDataFiles.File("fts/" + fileName));
        var locations = file.Index("destLocations");
        foreach (var row in file.Rows)
            row[locations] = string.Join(",", row[locations].Split(',').Select(t => t.Trim() == "JOR" ? "IRQ" : t));

        await using var db = await TestDatabase.CreateAsync();
        var path = Path.Combine(db.Folder, "fts_incoming_funding_irq.csv");
        file.Write(path);
        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        var written = file.Rows.Where(r => ExpectedSkip(r[locations]) is null).ToList();
        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal(FtsFormat.FlowName, report.Format);
        Assert.Equal(file.Rows.Count, report.RowsRead);
        Assert.Equal(437, written.Count);
        Assert.Equal(written.Count, report.RowsWritten);
        Assert.Equal(new Dictionary<string, int> { [FtsProjector.SeveralCountries] = 3 }, report.SkippedRows);

        string Cell(string[] r, string column) => r[file.Index(column)];
        var blankDonors = written.Count(r => Cell(r, "srcOrganization").Length == 0);
        Assert.Equal(1, blankDonors);
        Assert.Equal(blankDonors, report.Warnings.Count(w => w.Message.Contains(FtsProjector.UnspecifiedDonor, StringComparison.Ordinal)));

        await using (var ctx = db.NewContext())
        {
            Assert.Equal(written.Count, await ctx.Funding.CountAsync());
            Assert.Equal(0, await ctx.Funding.CountAsync(f => f.GovernoratePcode != null));
            Assert.Equal(written.Count, await ctx.Funding.CountAsync(f => f.Locations == "Iraq"));
            Assert.Equal(1, await ctx.Funding.CountAsync(f => f.Status == FundingStatus.Pledge));
            Assert.Equal(blankDonors, await ctx.Funding.CountAsync(f => f.Donor == FtsProjector.UnspecifiedDonor));
            var multiline = written.Where(r => Cell(r, "description").Contains('\n', StringComparison.Ordinal)).Select(r => Cell(r, "id")).ToList();
            Assert.NotEmpty(multiline);
            Assert.Equal(multiline.Count, await ctx.Funding.CountAsync(f => multiline.Contains(f.SourceId!)));
        }

        // Counted: not pledges, incoming (all are); year = budgetYear, else the year of the date.
        var expected = written
            .Where(r => Cell(r, "status") != "pledge" && Cell(r, "boundary") is "incoming" or "")
            .GroupBy(r => Cell(r, "budgetYear") is { Length: > 0 } y ? int.Parse(y, CultureInfo.InvariantCulture) : int.Parse(Cell(r, "date")[..4], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(Cell(r, "amountUSD"), CultureInfo.InvariantCulture)));
        Assert.NotEmpty(expected);
        foreach (var (year, usd) in expected)
        {
            var table = await db.TableAsync(year);
            TestSupport.Near((double)usd, (double)table.UnallocatedUsd, $"unallocated {year}");
            Assert.Equal(0m, table.TotalFundingUsd);
        }
    }

    [RealDataTheory]
    [MemberData(nameof(RequirementFiles))]
    public async Task Real_requirements_file_is_refused_and_nothing_written(string fileName)
    {
        var path = RealDataFiles.File("fts/" + fileName);
        await using var db = await TestDatabase.CreateAsync();

        foreach (var kind in new RecordKind?[] { null, RecordKind.Funding })
        {
            var report = await db.Importer.ImportAsync(new ImportRequest(path, kind));
            Assert.Equal(FtsFormat.RequirementsName, report.Format);
            Assert.False(report.Committed);
            Assert.Equal(0, report.RowsRead);
            var error = Assert.Single(report.Errors);
            Assert.Equal(FtsFormat.RequirementsRefusal, error.Message);
            Assert.Contains("not flow data", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
    }

    [RealDataFact]
    public void Real_hxl_flow_file_also_fits_HXL_but_FTS_outranks_it()
    {
        var path = RealDataFiles.File("fts/fts_incoming_funding_jor_hxl_2021.csv");
        var (table, request) = Detect(path);

        Assert.Equal(FtsFormat.FlowName, table.Match.FormatName);
        Assert.Empty(table.Match.Problems);
        Assert.NotNull(table.Header.Tags);
        Assert.Equal(3, table.Header.FirstDataRow);
        var hxl = new HxlFormat().Match(table.Header, null, request);
        Assert.NotNull(hxl);
        Assert.Empty(hxl.Problems);
        Assert.True(hxl.Score < table.Match.Score, $"HXL {hxl.Score} vs FTS {table.Match.Score}");
    }

    // ---------------------------------------------------------------- synthetic Iraq files

    /// <summary>One synthetic flow; columns not given are blank.</summary>
    internal static string Flow(string id, string budgetYear, string date, string amount, string donor, string destLocations,
        string status = "paid", string boundary = "incoming", string cluster = "Health", string description = "A flow",
        string recipient = "Some Agency")
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = id, ["budgetYear"] = budgetYear, ["date"] = date, ["amountUSD"] = amount, ["srcOrganization"] = donor,
            ["destLocations"] = destLocations, ["status"] = status, ["boundary"] = boundary, ["destGlobalClusters"] = cluster,
            ["description"] = description, ["destOrganization"] = recipient, ["contributionType"] = "financial",
            ["flowType"] = "Standard", ["onBoundary"] = "single", ["originalCurrency"] = "USD",
        };
        return string.Join(",", Columns.Select(c => FtsCsv.Quote(values.GetValueOrDefault(c, ""))));
    }

    private const string MultiLineDescription = "Emergency response in Ninewa:\nshelter, \"winterisation\" and\r\nhealth";

    private static readonly string[] IraqFlows =
    [
        Flow("900001", "2019", "2019-03-01", "1000000", "Donor A", "IRQ"),                             // country level, unallocated 2019
        Flow("900002", "", "2019-05-01T00:00:00Z", "250000", "Donor B", "Iraq", status: "commitment"),  // year of the date; ISO date part
        Flow("900003", "2019", "2019-02-01", "700000", "Donor A", "IRQ", status: "pledge"),            // pledge: stored, counts nowhere
        Flow("900004", "2019", "2019-04-11", "300000", "Donor A", "IRQ", boundary: "internal"),        // internal: stored, counts nowhere
        Flow("900005", "2020", "2019-12-20", "75000", "Donor B", "IRQ"),                               // budget year 2020 wins over the date
        Flow("900006", "2019", "2019-06-02", "400000", "Donor A", "IRQ, Ninewa", description: MultiLineDescription), // one governorate
        Flow("900007", "2019", "2019-06-03", "123000", "Donor C", "Iraq; Ninewa; Al-Anbar", cluster: "Health,Nutrition"), // several
        Flow("900008", "2019", "2019-06-04", "555000", "Donor C", "IRQ,JOR"),                          // several countries: skipped
        Flow("900009", "2019", "2019-06-05", "999000", "Donor C", "JOR"),                              // outside Iraq: skipped
        Flow("900010", "2019", "2019-06-06", "50000", "Donor C", ""),                                  // no destination: skipped
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Synthetic_Iraq_flows_follow_the_funding_rules(bool withHxlRow)
    {
        await using var db = await TestDatabase.CreateAsync();
        string[] lines = withHxlRow ? [Header, HxlRow, .. IraqFlows] : [Header, .. IraqFlows];
        var path = db.WriteCsv("fts_incoming_funding_irq.csv", lines);
        Assert.Equal(IraqFlows.Length, FtsCsv.Read(path).Rows.Count);

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal(FtsFormat.FlowName, report.Format);
        Assert.Equal(RecordKind.Funding, report.Kind);
        Assert.Equal(IraqFlows.Length, report.RowsRead);
        Assert.Equal(7, report.RowsWritten);
        Assert.Equal(new Dictionary<string, int>
        {
            [FtsProjector.SeveralCountries] = 1,
            [FtsProjector.OutsideIraq] = 1,
            [FtsProjector.NoLocation] = 1,
        }.OrderBy(kv => kv.Key), report.SkippedRows.OrderBy(kv => kv.Key));
        Assert.Empty(report.Warnings);

        var t2019 = await db.TableAsync(2019);
        Assert.Equal(1_000_000m + 250_000m + 123_000m, t2019.UnallocatedUsd); // not the pledge, not the internal flow, not 2020
        Assert.Equal(400_000m, t2019.TotalFundingUsd);
        Assert.Equal(400_000m, t2019.Gov(Ninewa).FundingUsd);
        var t2020 = await db.TableAsync(2020);
        Assert.Equal(75_000m, t2020.UnallocatedUsd);
        Assert.Equal(0m, t2020.TotalFundingUsd);

        await using var ctx = db.NewContext();
        var stored = await ctx.Funding.AsNoTracking().ToDictionaryAsync(f => f.SourceId!);
        Assert.Equal(["900001", "900002", "900003", "900004", "900005", "900006", "900007"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new DateOnly(2019, 5, 1), stored["900002"].Date);
        Assert.Equal(2019, stored["900002"].Year);
        Assert.Equal(2020, stored["900005"].Year);
        Assert.Equal(new DateOnly(2019, 12, 20), stored["900005"].Date);
        Assert.Equal(FundingStatus.Pledge, stored["900003"].Status);
        Assert.Equal(FlowBoundary.Internal, stored["900004"].Boundary);
        Assert.Equal(FundingStatus.Commitment, stored["900002"].Status);
        Assert.Equal(FlowBoundary.Incoming, stored["900001"].Boundary);
        Assert.Equal("Iraq", stored["900001"].Locations);
        Assert.Null(stored["900001"].GovernoratePcode);
        Assert.Equal(Ninewa, stored["900006"].GovernoratePcode);
        Assert.Null(stored["900007"].GovernoratePcode);
        Assert.Equal("Ninewa;Al-Anbar", stored["900007"].Locations);
        Assert.Equal("Health,Nutrition", stored["900007"].Cluster);
        Assert.Equal("Donor A", stored["900001"].Donor);
        Assert.Equal("Some Agency", stored["900001"].Recipient);
        Assert.Equal(1_000_000m, stored["900001"].AmountUsd);
    }

    [Fact]
    public async Task Multi_line_descriptions_are_one_row_each_with_spreadsheet_row_numbers()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("fts_multiline.csv",
            Header,
            Flow("1", "2019", "2019-01-01", "10", "Donor A", "IRQ", description: "first\nsecond\nthird"),
            Flow("2", "2019", "2019-01-01", "not a number", "Donor A", "IRQ", description: "x\ny"),
            Flow("3", "2019", "2019-01-01", "30", "Donor A", "IRQ"));
        Assert.Equal(7, File.ReadAllText(path).Count(c => c == '\n'));

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        Assert.Equal(3, report.RowsRead);
        var error = Assert.Single(report.Errors);
        Assert.Equal(3, error.Row); // header is row 1, the three-line description row 2
        Assert.Equal("amountUSD", error.Column);
        Assert.Equal("not a number", error.Value);
        Assert.Equal(0, (await db.CountsAsync()).Funding);
    }

    [Fact]
    public async Task Synthetic_file_is_detected_as_FTS_over_HXL_and_template()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("fts.csv", Header, HxlRow, Flow("1", "2019", "2019-01-01", "10", "Donor A", "IRQ"));
        var (table, request) = Detect(path);

        Assert.Equal(FtsFormat.FlowName, table.Match.FormatName);
        Assert.True(table.Match.Score >= FtsFormat.BaseScore);
        var hxl = new HxlFormat().Match(table.Header, null, request);
        Assert.NotNull(hxl);
        Assert.Empty(hxl.Problems);
        Assert.True(hxl.Score < table.Match.Score);
    }

    [Fact]
    public async Task Unrecognised_place_next_to_Iraq_is_skipped_with_a_warning_naming_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("fts.csv", Header,
            Flow("1", "2019", "2019-01-01", "10", "Donor A", "IRQ"),
            Flow("2", "2019", "2019-01-01", "20", "Donor A", "IRQ,Ninewah"))));

        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal(1, report.RowsWritten);
        Assert.Equal(1, report.SkippedRows[FtsProjector.UnknownPlaces]);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(3, warning.Row);
        Assert.Equal("destLocations", warning.Column);
        Assert.Contains("'Ninewah'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Ninewa", warning.Message.Replace("'Ninewah'", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_without_source_organisation_is_kept_with_an_unspecified_donor()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("fts.csv", Header,
            Flow("1", "2019", "2019-01-01", "10", "", "IRQ"))));

        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("srcOrganization", warning.Column);
        await using var ctx = db.NewContext();
        Assert.Equal(FtsProjector.UnspecifiedDonor, (await ctx.Funding.SingleAsync()).Donor);
        Assert.Equal(10m, (await db.TableAsync(2019)).UnallocatedUsd);
    }

    [Fact]
    public async Task Flow_export_imported_as_another_kind_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("fts.csv", Header, Flow("1", "2019", "2019-01-01", "10", "Donor A", "IRQ"));

        var report = await db.ImportAsync(path, RecordKind.Need);

        Assert.False(report.Committed);
        var error = Assert.Single(report.Errors);
        Assert.Contains("FTS flow export", error.Message, StringComparison.Ordinal);
        Assert.Contains("--kind funding", error.Message, StringComparison.Ordinal);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
    }

    [Theory]
    [InlineData("countryCode,id,name,code,typeId,typeName,startDate,endDate,year,requirements,funding,percentFunded",
        "IRQ,1083,Iraq 2022,HIRQ22,4,4,2022-01-01,2022-12-31,2022,399716119,,")]
    [InlineData("countryCode,id,name,code,startDate,endDate,year,clusterCode,cluster,requirements,funding,percentFunded",
        "IRQ,1083,Iraq 2022,HIRQ22,2022-01-01,2022-12-31,2022,1,Health,1000,500,50")]
    public async Task Synthetic_requirements_table_is_refused(string header, string row)
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("req.csv", header, row)));

        Assert.Equal(FtsFormat.RequirementsName, report.Format);
        Assert.Equal(FtsFormat.RequirementsRefusal, Assert.Single(report.Errors).Message);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
    }

    [Theory]
    [InlineData("IRQ", "Iraq", null)]
    [InlineData("Iraq", "Iraq", null)]
    [InlineData(" irq ", "Iraq", null)]
    [InlineData("IRQ, Ninewa", "Ninewa", null)]
    [InlineData("IQG15", "IQG15", null)]
    [InlineData("IRQ;Ninewa;Mosul;Al-Anbar", "Ninewa;Al-Anbar", null)] // Mosul is a Ninewa variant: listed once
    [InlineData("JOR", null, FtsProjector.OutsideIraq)]
    [InlineData("JOR,PSE", null, FtsProjector.OutsideIraq)]
    [InlineData("Amman", null, FtsProjector.OutsideIraq)]
    [InlineData("IRQ,JOR", null, FtsProjector.SeveralCountries)]
    [InlineData("\"JOR,IRQ\"", null, FtsProjector.SeveralCountries)]
    [InlineData("Ninewa;SYR", null, FtsProjector.SeveralCountries)]
    [InlineData("IRQ,Atlantis", null, FtsProjector.UnknownPlaces)]
    [InlineData("", null, FtsProjector.NoLocation)]
    [InlineData(" , ", null, FtsProjector.NoLocation)]
    public void Destination_locations(string destLocations, string? governorate, string? skip)
    {
        var (g, s, _) = FtsProjector.Locate(destLocations);
        Assert.Equal(governorate, g);
        Assert.Equal(skip, s);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>What the import should skip for a destLocations cell, by the rules, worked out independently.</summary>
    private static string? ExpectedSkip(string destLocations)
    {
        var tokens = destLocations.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return FtsProjector.NoLocation;
        if (!tokens.Contains("IRQ")) return FtsProjector.OutsideIraq;
        return tokens.All(t => t == "IRQ") ? null : FtsProjector.SeveralCountries;
    }

    private static (DetectedTable Table, ImportRequest Request) Detect(string path)
    {
        var request = new ImportRequest(path);
        var report = new ImportReport { FileName = Path.GetFileName(path), Kind = RecordKind.Funding, SourceName = "test" };
        var sheets = TabularSource.Open(path, report.FileName, report);
        Assert.NotNull(sheets);
        Assert.Equal(',', report.Delimiter);
        var table = FormatDetector.Detect(sheets, request);
        Assert.NotNull(table);
        return (table, request);
    }
}

/// <summary>
/// A CSV file read by an RFC 4180 parser of the test's own (quoted fields, doubled quotes, line
/// breaks inside quotes, CRLF or LF), independent of the product's reader; the HXL row, when
/// present, is set apart from the data rows.
/// </summary>
internal sealed class FtsCsv
{
    private FtsCsv(string[] header, string[]? hxl, List<string[]> rows, int physicalLines)
    {
        HeaderCells = header;
        HxlCells = hxl;
        Rows = rows;
        PhysicalLines = physicalLines;
    }

    public string[] HeaderCells { get; }
    public string[]? HxlCells { get; }
    public bool HasHxlRow => HxlCells is not null;
    public List<string[]> Rows { get; }
    public int PhysicalLines { get; }

    public int Index(string column)
    {
        var i = Array.IndexOf(HeaderCells, column);
        Assert.True(i >= 0, $"No column {column}");
        return i;
    }

    public static FtsCsv Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var records = TestSupport.ParseCsv(text);
        var physicalLines = text.Count(c => c == '\n') + (text.Length > 0 && text[^1] != '\n' ? 1 : 0);
        var header = records[0];
        string[]? hxl = null;
        var data = records.Skip(1).ToList();
        if (data.Count > 0 && data[0].Length > 0 && data[0][0].StartsWith('#'))
        {
            hxl = data[0];
            data.RemoveAt(0);
        }
        Assert.All(data, r => Assert.Equal(header.Length, r.Length));
        return new FtsCsv(header, hxl, data, physicalLines);
    }

    /// <summary>Writes the header, the HXL row if any and the rows, every field quoted, LF line ends.</summary>
    public void Write(string path)
    {
        var sb = new StringBuilder();
        void Line(IEnumerable<string> cells) => sb.Append(string.Join(",", cells.Select(Quote))).Append('\n');
        Line(HeaderCells);
        if (HxlCells is not null) Line(HxlCells);
        foreach (var row in Rows) Line(row);
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    public static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
