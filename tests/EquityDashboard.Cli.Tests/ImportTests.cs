using System.Text.RegularExpressions;
using EquityDashboard.Cli.Tests.Support;
using static EquityDashboard.Cli.Tests.Support.Outputs;

namespace EquityDashboard.Cli.Tests;

/// <summary>`import`, `batches`, `withdraw`, `restore` and `purge`, each test on its own empty database.</summary>
public sealed class ImportTests
{
    // docs/data-formats.md, section 4.
    private const string NeedFile = """
        year,governorate,cluster,people_in_need,targeted,reached
        2019,Ninewa,,2168222,,
        2019,IQG01,Intersectoral,1352562,,
        2019,Salah Al-Din,,764669,,
        2019,Ninewa,Health,1200000,800000,
        2020,Al-Muthanna,,,,

        """;

    // docs/data-formats.md, section 2.
    private const string FundingFile = """
        year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id
        2019,2019-03-14,Donor X,NRC,Shelter,Ninewa,1500000,paid,incoming,EX-001
        ,2019-06-02,Donor Y,IOM,CCCM,IQG01,"1,250,000",commitment,,EX-002
        2019,,Donor X,,Health,Ninewa;Salah Al-Din,300000,paid,incoming,EX-003
        2019,2019-05-20,Donor Z,,,Iraq,200000.50,,,EX-004
        2019,2019-02-01,Donor Z,UNICEF,WASH,البصرة,700000,pledge,,EX-005
        2019,2019-04-11,Donor Y,Local NGO,Protection,Dahuk,80000,paid,internal,EX-006
        2020,2019-12-15,Donor Y,DRC,Protection,Dohuk,95000,paid,incoming,EX-007

        """;

    // docs/data-formats.md, section 3.
    private const string PresenceFile = """
        year,organisation,acronym,org_type,cluster,governorate,district,activity
        2022,Danish Refugee Council,DRC,INGO,CCCM,Al-Anbar,Falluja,Camp management
        2022,,drc,,Protection,Anbar,Ramadi,Legal assistance
        2022,danish refugee council ,,INGO,CCCM,IQG01,Falluja,Camp management
        2022,International Organization for Migration,IOM,UN,CCCM,Ninewa,Mosul,Site monitoring
        2022,,IOM,UN,Shelter,Halabja,,Shelter repairs

        """;

    // The funding example of section 1, with errors on rows 7 and 9.
    private const string BadFundingFile = """
        year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id
        2019,2019-03-14,Donor X,NRC,Shelter,Ninewa,1500000,paid,incoming,B-001
        2019,2019-03-15,Donor X,NRC,Shelter,Ninewa,1500000,paid,incoming,B-002
        2019,2019-03-16,Donor X,NRC,Shelter,Ninewa,1500000,paid,incoming,B-003
        2019,2019-03-17,Donor X,NRC,Shelter,Ninewa,1500000,paid,incoming,B-004
        2019,2019-03-18,Donor X,NRC,Shelter,Ninewa,1500000,paid,incoming,B-005
        2019,2019-03-19,Donor X,NRC,Shelter,Ninewa,USD 1.2M,paid,incoming,B-006
        2019,2019-03-20,Donor X,NRC,Shelter,Ninewa,1500000,paid,incoming,B-007
        2019,2019-03-21,Donor X,NRC,Shelter,Ninawah,1500000,paid,incoming,B-008

        """;

    [Fact]
    public async Task ValidFileIsWrittenAndTheRowCountsArePrinted()
    {
        using var db = new TempDatabase("import");
        var file = db.File("need-2019.csv", NeedFile);

        var result = (await EquityCli.RunAsync(db.Path, "import", file, "--kind", "need", "--source", "Test HRP source")).AssertSuccess();
        AssertCount(result.StdOut, "Rows read", 5);
        AssertCount(result.StdOut, "Rows written", 5);
        AssertCount(result.StdOut, "Errors", 0);

        var batches = BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut);
        var batch = Assert.Single(batches);
        Assert.Equal("need", batch.Kind);
        Assert.True(batch.SourceContains("Test HRP source"), $"source cell: {batch.Source}");
        Assert.True(batch.FileIs("need-2019.csv"), $"file cell: {batch.File}");

        using var gaps = Json(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json"));
        Assert.Equal(2168222, Long(Governorate(gaps.RootElement, "IQG15"), "need"));
        Assert.Equal(1352562, Long(Governorate(gaps.RootElement, "IQG01"), "need"));
        Assert.Equal(764669, Long(Governorate(gaps.RootElement, "IQG16"), "need"));
        Assert.Equal(2168222 + 1352562 + 764669, gaps.RootElement.GetProperty("totalNeed").GetInt64());

        using var health = Json(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--cluster", "Health", "--format", "json"));
        Assert.Equal(1200000, Long(Governorate(health.RootElement, "IQG15"), "need"));
        Assert.True(IsNull(Governorate(health.RootElement, "IQG01"), "need"));
    }

    [Fact]
    public async Task An_import_marked_illustrative_is_marked_and_left_out_of_real_figures()
    {
        using var db = new TempDatabase("import");
        var file = db.File("need-2019.csv", NeedFile);
        (await EquityCli.RunAsync(db.Path, "import", file, "--kind", "need", "--illustrative")).AssertSuccess();

        var batch = Assert.Single(BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut));
        Assert.True(batch.SourceContains("ILLUSTRATIVE"), $"source cell: {batch.Source}");
        using var all = Json(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json"));
        Assert.Equal(2168222, Long(Governorate(all.RootElement, "IQG15"), "need"));
        using var real = Json(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--real-only", "--format", "json"));
        Assert.True(IsNull(Governorate(real.RootElement, "IQG15"), "need"));
    }

    [Fact]
    public async Task FundingExampleFromTheDocsCountsAsDocumented()
    {
        using var db = new TempDatabase("import");
        var file = db.File("funding-2019.csv", FundingFile);
        var result = (await EquityCli.RunAsync(db.Path, "import", file, "--kind", "funding")).AssertSuccess();
        AssertCount(result.StdOut, "Rows read", 7);
        AssertCount(result.StdOut, "Rows written", 7);

        using var gaps = Json(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json"));
        var root = gaps.RootElement;
        Assert.Equal(1500000m, Decimal(Governorate(root, "IQG15"), "fundingUsd"));
        Assert.Equal(1250000m, Decimal(Governorate(root, "IQG01"), "fundingUsd")); // year from the date; quoted thousands
        Assert.Equal(0m, Decimal(Governorate(root, "IQG02"), "fundingUsd"));       // pledge counts nowhere
        Assert.Equal(0m, Decimal(Governorate(root, "IQG09"), "fundingUsd"));       // internal counts nowhere
        Assert.Equal(2750000m, Decimal(root, "totalFundingUsd"));
        Assert.Equal(500000.50m, Decimal(root, "unallocatedUsd"));                 // multi-location + country level

        using var y2020 = Json(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2020", "--format", "json"));
        Assert.Equal(95000m, Decimal(Governorate(y2020.RootElement, "IQG09"), "fundingUsd")); // budget year wins
    }

    [Fact]
    public async Task PresenceExampleFromTheDocsCountsOrganisationsOnce()
    {
        using var db = new TempDatabase("import");
        var file = db.File("presence-2022.csv", PresenceFile);
        var result = (await EquityCli.RunAsync(db.Path, "import", file, "--kind", "presence")).AssertSuccess();
        AssertCount(result.StdOut, "Rows read", 5);
        Assert.Contains("Halabja", result.StdOut + result.StdErr, StringComparison.Ordinal); // the warning

        var rows = Csv(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2022", "--format", "csv"), GapsHeader);
        var anbar = rows.Single(r => r["pcode"] == "IQG01");
        Assert.Equal("1", anbar["orgs"]);
        Assert.Equal("2", anbar["activities"]);
        Assert.Equal("1", rows.Single(r => r["pcode"] == "IQG06")["orgs"]); // Halabja -> Al-Sulaymaniyah
        Assert.Equal("1", rows.Single(r => r["pcode"] == "IQG15")["orgs"]);
    }

    [Fact]
    public async Task InvalidFileFailsNamesEachErrorAndLeavesTheDatabaseUnchanged()
    {
        using var db = new TempDatabase("import");
        (await EquityCli.RunAsync(db.Path, "import", db.File("need.csv", NeedFile), "--kind", "need")).AssertSuccess();
        var before = (await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json")).AssertSuccess().StdOut;

        var bad = db.File("funding-bad.csv", BadFundingFile);
        var result = (await EquityCli.RunAsync(db.Path, "import", bad, "--kind", "funding")).AssertFailure();
        AssertCount(result.StdOut, "Rows read", 8);
        AssertCount(result.StdOut, "Rows written", 0);
        AssertCount(result.StdOut, "Errors", 2);

        var amountError = ErrorLine(result, "row 7");
        Assert.Contains("funding-bad.csv", amountError, StringComparison.Ordinal);
        Assert.Contains("amount_usd", amountError, StringComparison.Ordinal);
        Assert.Contains("USD 1.2M", amountError, StringComparison.Ordinal);
        var nameError = ErrorLine(result, "row 9");
        Assert.Contains("funding-bad.csv", nameError, StringComparison.Ordinal);
        Assert.Contains("governorate", nameError, StringComparison.Ordinal);
        Assert.Contains("Ninawah", nameError, StringComparison.Ordinal);
        Assert.Contains("Ninewa", nameError, StringComparison.Ordinal); // the suggestion

        Assert.Single(BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut));
        var after = (await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json")).AssertSuccess().StdOut;
        Assert.Equal(before, after);
    }

    public static TheoryData<string, string, string, string, string> InvalidRows => new()
    {
        // kind, header, invalid second data row, column, value
        { "funding", "year,date,donor,governorate,amount_usd", "2019,,Donor X,Ninewa,-5", "amount_usd", "-5" },
        { "funding", "year,date,donor,governorate,amount_usd,status", "2019,,Donor X,Ninewa,5,promised", "status", "promised" },
        { "funding", "year,date,donor,governorate,amount_usd", "2019,14/03/2019,Donor X,Ninewa,5", "date", "14/03/2019" },
        { "need", "year,governorate,cluster,people_in_need", "2019,Ninewa,,12.5", "people_in_need", "12.5" },
        { "presence", "year,organisation,governorate", "2022,NRC,Atlantis", "governorate", "Atlantis" },
        { "incidents", "date,governorate,type,count", "2019-01-04,Kirkuk,IED,0", "count", "0" },
    };

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public async Task InvalidValueIsReportedWithFileRowColumnAndValue(string kind, string header, string badRow, string column, string value)
    {
        using var db = new TempDatabase("import");
        var good = kind switch
        {
            "funding" => header.Contains("status", StringComparison.Ordinal) ? "2019,,Donor X,Ninewa,5,paid" : "2019,,Donor X,Ninewa,5",
            "need" => "2019,Ninewa,,100",
            "presence" => "2022,NRC,Ninewa",
            _ => "2019-01-04,Kirkuk,IED,1",
        };
        var file = db.File($"bad-{kind}.csv", $"{header}\n{good}\n{badRow}\n");

        var result = (await EquityCli.RunAsync(db.Path, "import", file, "--kind", kind)).AssertFailure();
        var error = ErrorLine(result, "row 3");
        Assert.Contains($"bad-{kind}.csv", error, StringComparison.Ordinal);
        Assert.Contains(column, error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
        AssertCount(result.StdOut, "Rows written", 0);
    }

    [Fact]
    public async Task DryRunValidatesButWritesNothing()
    {
        using var db = new TempDatabase("import");
        var file = db.File("need.csv", NeedFile);

        var dry = (await EquityCli.RunAsync(db.Path, "import", file, "--kind", "need", "--dry-run")).AssertSuccess();
        AssertCount(dry.StdOut, "Rows read", 5);
        AssertCount(dry.StdOut, "Rows written", 0);
        Assert.Empty(BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut));
        using (var gaps = Json(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json")))
            Assert.Equal(0, gaps.RootElement.GetProperty("totalNeed").GetInt64());

        // A dry run leaves no trace: the real import afterwards is not refused as a repeat.
        var real = (await EquityCli.RunAsync(db.Path, "import", file, "--kind", "need")).AssertSuccess();
        AssertCount(real.StdOut, "Rows written", 5);
    }

    [Fact]
    public async Task DryRunOfAnInvalidFileFails()
    {
        using var db = new TempDatabase("import");
        var result = (await EquityCli.RunAsync(db.Path, "import", db.File("funding-bad.csv", BadFundingFile), "--kind", "funding", "--dry-run"))
            .AssertFailure();
        Assert.Contains("USD 1.2M", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceFailsTheSecondTime()
    {
        using var db = new TempDatabase("import");
        var file = db.File("need.csv", NeedFile);
        (await EquityCli.RunAsync(db.Path, "import", file, "--kind", "need")).AssertSuccess();

        var second = (await EquityCli.RunAsync(db.Path, "import", file, "--kind", "need")).AssertFailure();
        Assert.Contains("already", second.StdOut + second.StdErr, StringComparison.OrdinalIgnoreCase);

        Assert.Single(BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut));
        using var gaps = Json(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json"));
        Assert.Equal(2168222, Long(Governorate(gaps.RootElement, "IQG15"), "need")); // not doubled
    }

    [Fact]
    public async Task WithdrawTakesTheFiguresOutRestoreBringsThemBackPurgeDeletes()
    {
        using var db = new TempDatabase("import");
        var need = db.File("need.csv", NeedFile);
        var funding = db.File("funding.csv", FundingFile);
        (await EquityCli.RunAsync(db.Path, "import", need, "--kind", "need")).AssertSuccess();
        (await EquityCli.RunAsync(db.Path, "import", funding, "--kind", "funding")).AssertSuccess();

        var batches = BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut);
        Assert.Equal(2, batches.Count);
        var fundingBatch = batches.Single(b => b.Kind == "funding");

        var id = fundingBatch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = (await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json")).AssertSuccess().StdOut;
        Assert.Contains("withdrawn", (await EquityCli.RunAsync(db.Path, "withdraw", id)).AssertSuccess().StdOut, StringComparison.Ordinal);

        // Still listed (its rows stay), marked withdrawn, with who did it.
        var listing = (await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut;
        Assert.Equal(2, BatchesTable.Parse(listing).Count);
        Assert.Contains($"Batch {id}: withdrawn ", listing, StringComparison.Ordinal);
        Assert.Contains($"UTC by cli:{Environment.UserName}", listing, StringComparison.Ordinal);
        using (var gaps = Json(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json")))
        {
            Assert.Equal(0m, Decimal(gaps.RootElement, "totalFundingUsd"));
            Assert.Equal(0m, Decimal(gaps.RootElement, "unallocatedUsd"));
            Assert.Equal(2168222, Long(Governorate(gaps.RootElement, "IQG15"), "need")); // the other batch stays
        }

        (await EquityCli.RunAsync(db.Path, "restore", id)).AssertSuccess();
        Assert.Equal(before, (await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json")).AssertSuccess().StdOut);

        // Purge asks for --yes and only takes a withdrawn batch.
        Assert.Contains("--yes", (await EquityCli.RunAsync(db.Path, "purge", id)).AssertFailure().StdErr, StringComparison.Ordinal);
        Assert.Contains("withdraw it first", (await EquityCli.RunAsync(db.Path, "purge", id, "--yes")).AssertFailure().StdErr, StringComparison.Ordinal);
        (await EquityCli.RunAsync(db.Path, "withdraw", id)).AssertSuccess();
        (await EquityCli.RunAsync(db.Path, "purge", id, "--yes")).AssertSuccess();
        Assert.Equal("need", Assert.Single(BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut)).Kind);

        // Purged, the file may be imported again.
        (await EquityCli.RunAsync(db.Path, "import", funding, "--kind", "funding")).AssertSuccess();
    }

    [Fact]
    public async Task WithdrawalOfAnUnknownBatchFails()
    {
        using var db = new TempDatabase("import");
        var result = (await EquityCli.RunAsync(db.Path, "withdraw", "4242")).AssertFailure();
        Assert.Contains("4242", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFileFailsAndNamesTheFile()
    {
        using var db = new TempDatabase("import");
        var result = (await EquityCli.RunAsync(db.Path, "import", "/nonexistent/equity-missing.csv", "--kind", "need")).AssertFailure();
        Assert.Contains("equity-missing.csv", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KindIsDetectedFromTheHeaderWhenNotGiven()
    {
        using var db = new TempDatabase("import");
        var result = (await EquityCli.RunAsync(db.Path, "import", db.File("need.csv", NeedFile))).AssertSuccess();
        Assert.Contains("(need)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Read as: template", result.StdOut, StringComparison.Ordinal);
    }

    [RealDataFact]
    public async Task The_dtm_master_list_imports_as_displacement_without_kind_and_prints_the_rows_and_districts()
    {
        // IOM DTM round 123: 2,842 locations (its 'Round 123' sheet and SOURCES.md say so), five of whose
        // districts the 2019 COD does not have (seeds/districts-aliases.md, "Left unresolved").
        var path = RealData.File("irq_iom_dtm_idps_master_list_round_123.xlsx");
        using var db = new TempDatabase("import");

        var result = (await EquityCli.RunAsync(db.Path, "import", path)).AssertSuccess();
        Assert.Contains("irq_iom_dtm_idps_master_list_round_123.xlsx (displacement)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Read as: IOM DTM master list, sheet 'DTM Dataset'", result.StdOut, StringComparison.Ordinal);
        AssertCount(result.StdOut, "Rows read", 2842);
        AssertCount(result.StdOut, "Rows written", 2842);
        AssertCount(result.StdOut, "Errors", 0);
        Assert.Contains("Year 2021 is the year of the round, from sheet 'Round 123', row 10", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Districts: 2,774 row(s) in a district, 68 district not specified (68 of them with a name not resolved)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("district 'Abu Ghraib' in Baghdad not resolved: 33 row(s)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("district 'Al-Azezia' in Wassit not resolved: 10 row(s)", result.StdOut, StringComparison.Ordinal);
        var batch = Assert.Single(BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut));
        Assert.Equal("displacement", batch.Kind);

        // Named, the kind reads the file the same way.
        using var other = new TempDatabase("import");
        var named = (await EquityCli.RunAsync(other.Path, "import", path, "--kind", "displacement", "--dry-run")).AssertSuccess();
        Assert.Contains("(displacement)", named.StdOut, StringComparison.Ordinal);
        AssertCount(named.StdOut, "Rows valid", 2842);
    }

    [Fact]
    public async Task Another_file_of_a_source_in_use_is_warned_of_in_the_dry_run_and_replace_swaps_its_batch()
    {
        using var db = new TempDatabase("import");
        (await EquityCli.RunAsync(db.Path, "import", db.File("need-v1.csv", NeedFile), "--source", "HNO 2019")).AssertSuccess();
        var first = Assert.Single(BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut));
        var corrected = db.File("need-v2.csv", NeedFile.Replace("2168222", "2168000", StringComparison.Ordinal));

        var dryRun = (await EquityCli.RunAsync(db.Path, "import", corrected, "--source", "HNO 2019", "--dry-run")).AssertSuccess();
        var all = dryRun.StdOut + dryRun.StdErr;
        Assert.Contains($"Batch {first.Id} (need-v1.csv, 2019–2020, imported ", all, StringComparison.Ordinal);
        Assert.Contains("already holds 'HNO 2019' for these years: importing this file as well counts both. Replace it with this import "
            + "(the Data page's replace option, the CLI's --replace), or withdraw it first.", all, StringComparison.Ordinal);

        var replaced = (await EquityCli.RunAsync(db.Path, "import", corrected, "--source", "HNO 2019", "--replace")).AssertSuccess();
        Assert.Contains($"Replaced batch {first.Id}.", replaced.StdOut, StringComparison.Ordinal);
        var batch = Assert.Single(BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut));
        Assert.NotEqual(first.Id, batch.Id);
    }

    [RealDataFact]
    public async Task The_2022_3w_workbook_says_how_many_repeated_rows_were_merged_into_how_many_activities()
    {
        // OCHA 3W Jan-Apr 2022: 4,839 activity rows (SOURCES.md), each activity repeated for its months.
        var path = RealData.File("irq_3w_jan_to_apr_2022_longtable_20220518.xlsx");
        using var db = new TempDatabase("import");

        var dryRun = (await EquityCli.RunAsync(db.Path, "import", path, "--dry-run")).AssertSuccess();
        AssertCount(dryRun.StdOut, "Rows read", 4839);
        Assert.Contains("Merged: 898 organisation-activity rows after merging 3,941 repeated rows of the same organisation, place and activity",
            dryRun.StdOut, StringComparison.Ordinal);

        var result = (await EquityCli.RunAsync(db.Path, "import", path)).AssertSuccess();
        AssertCount(result.StdOut, "Rows written", 898);
        Assert.Contains("Merged: 898 organisation-activity rows after merging 3,941 repeated rows", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Duplicate", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnrecognisableFileWithoutKindFailsAndSaysWhatWasExpected()
    {
        using var db = new TempDatabase("import");
        var result = (await EquityCli.RunAsync(db.Path, "import", db.File("odd.csv", "colour,shape\nred,round\n"))).AssertFailure();
        Assert.Contains("No recognisable header", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--kind", result.StdErr, StringComparison.Ordinal);
    }

    private static void AssertCount(string stdout, string label, int expected)
    {
        var match = Regex.Match(stdout, $@"{Regex.Escape(label)}\s*:\s*([\d,]+)", RegexOptions.IgnoreCase);
        Assert.True(match.Success, $"'{label}' not printed:\n{stdout}");
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal));
    }

    /// <summary>The error line (stderr, else stdout) that mentions <paramref name="row"/>.</summary>
    private static string ErrorLine(CliResult result, string row)
    {
        var line = Lines(result.StdErr).Concat(Lines(result.StdOut))
            .FirstOrDefault(l => Regex.IsMatch(l, $@"\b{Regex.Escape(row)}\b", RegexOptions.IgnoreCase));
        Assert.True(line is not null, $"No error mentions {row}.\n{result}");
        Assert.Contains(line, Lines(result.StdErr)); // errors go to stderr
        return line;
    }
}
