using System.Globalization;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests.RealData;

/// <summary>
/// The real IOM DTM Iraq IDP master list, round 123 (August-September 2021): sheet 'DTM Dataset', titles in
/// row 1, HXL tags in row 2, one row per location with English governorate and district names and no P-codes.
/// Its figures are checked against sums computed here from the sheet (read with <see cref="TestXlsx"/>, not the
/// product's reader), and against the round's own headline on its 'Round 123' and 'Summary' sheets.
/// </summary>
public sealed class DtmMasterListTests
{
    private const string WorkbookName = "irq_iom_dtm_idps_master_list_round_123.xlsx";
    private const string DataSheet = "DTM Dataset";
    private const int Locations = 2842;
    /// <summary>The round's headline: "DTM has identified 1,189,581 internally displaced persons" (sheet 'Round 123').</summary>
    private const long HeadlineIdps = 1_189_581;

    /// <summary>DTM's governorate spellings and their COD P-codes, written here rather than taken from the gazetteer.</summary>
    internal static readonly Dictionary<string, string> GovernoratePcodes = new(StringComparer.Ordinal)
    {
        ["Anbar"] = "IQG01", ["Basrah"] = "IQG02", ["Muthanna"] = "IQG03", ["Najaf"] = "IQG04", ["Qadissiya"] = "IQG05",
        ["Sulaymaniyah"] = "IQG06", ["Babylon"] = "IQG07", ["Baghdad"] = "IQG08", ["Dahuk"] = "IQG09", ["Diyala"] = "IQG10",
        ["Erbil"] = "IQG11", ["Kerbala"] = "IQG12", ["Kirkuk"] = "IQG13", ["Missan"] = "IQG14", ["Ninewa"] = "IQG15",
        ["Salah al-Din"] = "IQG16", ["Thi-Qar"] = "IQG17", ["Wassit"] = "IQG18",
    };

    /// <summary>
    /// DTM districts the 2019 COD does not have and that are no name of a COD district (seeds/districts-aliases.md,
    /// "Left unresolved"): their rows stay at the governorate.
    /// </summary>
    private static readonly (string Governorate, string District)[] NotInTheCod =
        [("Baghdad", "Abu Ghraib"), ("Baghdad", "Tarmia"), ("Erbil", "Mergasur"), ("Salah al-Din", "Al-Fares"), ("Wassit", "Al-Azezia")];

    private sealed record DtmRow(int Row, string Governorate, string District, long Individuals);

    /// <summary>The data rows, by the titles of row 1 (row 2 is the hashtag row).</summary>
    private static List<DtmRow> ReadSheet(string path)
    {
        var rows = TestXlsx.Rows(path, DataSheet);
        var titles = rows[0].Cells;
        int Column(string title)
        {
            var i = Array.IndexOf(titles, title);
            Assert.True(i >= 0, $"No '{title}' column in row 1 of '{DataSheet}'");
            return i;
        }
        int governorate = Column("Governorate"), district = Column("District"), individuals = Column("Individuals");
        Assert.StartsWith("#adm1", rows[1].Cells[governorate].Trim(), StringComparison.Ordinal);
        return rows.Skip(2).Where(r => r.Cells.Any(c => c.Trim().Length > 0))
            .Select(r => new DtmRow(r.Row, r.Cells[governorate].Trim(), r.Cells[district].Trim(),
                long.Parse(r.Cells[individuals], NumberStyles.None, CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static async Task<ImportReport> ImportOkAsync(TestDatabase db, ImportRequest request)
    {
        var report = await db.Importer.ImportAsync(request);
        Assert.True(report.Committed, $"{WorkbookName} did not import: {report.RefusedReason} {string.Join(" | ", report.Errors.Take(10))}");
        Assert.Equal(0, report.ErrorCount);
        return report;
    }

    [RealDataFact]
    public async Task Is_detected_as_displacement_for_the_year_of_its_round_without_kind_sheet_or_year()
    {
        var path = RealDataFiles.File(WorkbookName);
        Assert.Equal(Locations, ReadSheet(path).Count);

        await using var db = await TestDatabase.CreateAsync();
        var report = await ImportOkAsync(db, new ImportRequest(path));

        Assert.Equal(RecordKind.Displacement, report.Kind);
        Assert.Equal("IOM DTM master list", report.Format);
        Assert.Equal(DataSheet, report.SheetName);
        Assert.Equal((Locations, Locations, Locations), (report.RowsRead, report.RowsValid, report.RowsWritten));
        Assert.Empty(report.SkippedRows);
        // The year is the round's, and the report says where the workbook gives it.
        var year = Assert.Single(report.Warnings, w => w.Message.StartsWith("Year 2021 is the year of the round", StringComparison.Ordinal));
        Assert.Contains("sheet 'Round 123', row 10", year.Message, StringComparison.Ordinal);
        Assert.Contains("Round 123, covering the months of August and September 2021", year.Message, StringComparison.Ordinal);

        await using var ctx = db.NewContext();
        var batch = await ctx.Batches.SingleAsync();
        Assert.Equal((RecordKind.Displacement, 2021, 2021), (batch.Kind, batch.FirstYear, batch.LastYear));
        Assert.Equal(Locations, await ctx.Displacement.CountAsync(d => d.Year == 2021));
    }

    [RealDataFact]
    public async Task Kind_displacement_gives_the_same_reading_and_another_kind_does_not_take_the_file()
    {
        var path = RealDataFiles.File(WorkbookName);
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.Importer.ImportAsync(new ImportRequest(path, RecordKind.Displacement) { DryRun = true });
        Assert.Equal(("IOM DTM master list", RecordKind.Displacement, Locations, 0), (report.Format, report.Kind, report.RowsValid, report.ErrorCount));

        var need = await db.Importer.ImportAsync(new ImportRequest(path, RecordKind.Need) { DryRun = true });
        Assert.NotEqual("IOM DTM master list", need.Format);
        Assert.True(need.ErrorCount > 0);
        Assert.Equal(0, need.RowsValid);
    }

    [RealDataFact]
    public async Task Idps_per_governorate_equal_the_sheet_and_each_is_its_districts_plus_not_specified()
    {
        var path = RealDataFiles.File(WorkbookName);
        var rows = ReadSheet(path);
        Assert.Equal(GovernoratePcodes.Keys.Order(StringComparer.Ordinal), rows.Select(r => r.Governorate).Distinct().Order(StringComparer.Ordinal));
        var expected = rows.GroupBy(r => GovernoratePcodes[r.Governorate]).ToDictionary(g => g.Key, g => g.Sum(r => r.Individuals));
        var notSpecified = rows.Where(r => NotInTheCod.Contains((r.Governorate, r.District)))
            .GroupBy(r => GovernoratePcodes[r.Governorate]).ToDictionary(g => g.Key, g => g.Sum(r => r.Individuals));
        Assert.Equal(HeadlineIdps, expected.Values.Sum());
        // The Summary sheet says the same: "#Individuals 1189581".
        var summary = TestXlsx.Rows(path, "Summary").Single(r => r.Cells.Length > 1 && r.Cells[0] == "#Individuals");
        Assert.Equal(HeadlineIdps, long.Parse(summary.Cells[1], CultureInfo.InvariantCulture));

        await using var db = await TestDatabase.CreateAsync();
        await ImportOkAsync(db, new ImportRequest(path));
        await using var ctx = db.NewContext();
        var stored = await ctx.Displacement.AsNoTracking().Select(d => new { d.GovernoratePcode, d.DistrictPcode, d.Idps }).ToListAsync();
        var actual = stored.GroupBy(d => d.GovernoratePcode).ToDictionary(g => g.Key, g => g.Sum(d => d.Idps));

        Assert.Equal(18, actual.Count);
        var mismatches = expected.Where(kv => actual.GetValueOrDefault(kv.Key) != kv.Value)
            .Select(kv => $"{kv.Key}: sheet {kv.Value}, imported {actual.GetValueOrDefault(kv.Key)}").ToList();
        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
        Assert.Equal(HeadlineIdps, actual.Values.Sum());

        foreach (var (pcode, total) in expected)
        {
            var inDistricts = stored.Where(d => d.GovernoratePcode == pcode && d.DistrictPcode != null).Sum(d => d.Idps);
            var atGovernorate = stored.Where(d => d.GovernoratePcode == pcode && d.DistrictPcode == null).Sum(d => d.Idps);
            Assert.True(total == inDistricts + atGovernorate, $"{pcode}: {total} != {inDistricts} in districts + {atGovernorate} not specified");
            Assert.True(notSpecified.GetValueOrDefault(pcode) == atGovernorate,
                $"{pcode}: {atGovernorate} IDPs with no district, expected {notSpecified.GetValueOrDefault(pcode)} (the districts the COD lacks)");
            // Every district's IDPs are in a district of this governorate.
            Assert.All(stored.Where(d => d.GovernoratePcode == pcode && d.DistrictPcode != null), d => Assert.StartsWith(pcode + "Q", d.DistrictPcode!, StringComparison.Ordinal));
        }

        // Two names the COD spells otherwise, checked through to their districts.
        long Sheet(string governorate, string district) => rows.Where(r => r.Governorate == governorate && r.District == district).Sum(r => r.Individuals);
        Assert.Equal(Sheet("Dahuk", "Sumel"), stored.Where(d => d.DistrictPcode == "IQG09Q03").Sum(d => d.Idps));
        Assert.Equal(Sheet("Diyala", "Ba'quba"), stored.Where(d => d.DistrictPcode == "IQG10Q04").Sum(d => d.Idps));
    }

    [RealDataFact]
    public async Task The_report_lists_each_district_name_not_resolved_with_its_rows()
    {
        var path = RealDataFiles.File(WorkbookName);
        var rows = ReadSheet(path);
        var expected = NotInTheCod.Select(n => (n.District, GovernoratePcodes[n.Governorate],
            rows.Count(r => (r.Governorate, r.District) == n), rows.First(r => (r.Governorate, r.District) == n).Row)).ToList();

        await using var db = await TestDatabase.CreateAsync();
        var report = await ImportOkAsync(db, new ImportRequest(path));
        var districts = report.Districts!;
        var notSpecified = expected.Sum(e => e.Item3);
        Assert.Equal(68, notSpecified);
        Assert.Equal((Locations - notSpecified, notSpecified), (districts.RowsInDistricts, districts.RowsNotSpecified));
        Assert.Equal(
            expected.Select(e => (e.District, e.Item2, e.Item3)).OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.District, StringComparer.Ordinal),
            districts.Unresolved.Select(u => (u.Input, u.GovernoratePcode, u.Rows)));
        // One warning per name, on its first row.
        foreach (var (district, _, _, firstRow) in expected)
        {
            var warning = Assert.Single(report.Warnings, w => w.Column == "District" && w.Value == district);
            Assert.Equal(firstRow, warning.Row);
            Assert.Contains("counted at the governorate, district not specified", warning.Message, StringComparison.Ordinal);
        }
    }

    [RealDataFact]
    public async Task Under_the_idp_baseline_each_governorate_is_measured_by_the_sheets_idps()
    {
        var path = RealDataFiles.File(WorkbookName);
        var rows = ReadSheet(path);
        var expected = rows.GroupBy(r => GovernoratePcodes[r.Governorate]).ToDictionary(g => g.Key, g => g.Sum(r => r.Individuals));
        const string source = "IOM DTM Iraq IDP master list, round 123 (2021)";

        await using var db = await TestDatabase.CreateAsync();
        var report = await ImportOkAsync(db, new ImportRequest(path) { SourceName = source });
        // One governorate with funding, so that ratios are defined: Ninewa gets all of it.
        await db.ImportOkAsync("funding.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id",
            "2021,,Donor A,,,Ninewa,,1000000,paid,,1",
            "2021,,Donor A,,,Erbil,,500000,paid,,2");
        var t = await db.Equity.GetTableAsync(new Core.Metrics.EquityScope(2021, Baseline: Core.Metrics.Baseline.Idps));

        var total = expected.Values.Sum();
        Assert.Equal(HeadlineIdps, t.TotalNeed);
        Assert.Equal(total, t.TotalNeed);
        foreach (var g in t.Governorates)
        {
            Assert.Equal(expected[g.Key], g.Need);
            TestSupport.Near(expected[g.Key] / (double)total, g.NeedShare, $"IDP share {g.Key}");
        }
        var ninewa = t.Gov("IQG15");
        TestSupport.Near((1_000_000.0 / 1_500_000) / (expected["IQG15"] / (double)total), ninewa.EquityRatio, "r Ninewa");
        TestSupport.Near(1_000_000.0 / expected["IQG15"], ninewa.UsdPerPin, "USD per IDP, Ninewa");
        Assert.Equal($"IDPs: {source} (batch {report.BatchId}), the IDP individuals of its locations summed by district and governorate.", t.BaselineNote);

        // A year the round does not cover has no IDP figure, and says which year has.
        var other = await db.Equity.GetTableAsync(new Core.Metrics.EquityScope(2019, Baseline: Core.Metrics.Baseline.Idps));
        Assert.Equal($"No IDP figures for 2019: the displacement list imported ({source}) is for 2021.", other.BaselineNote);
    }

    [RealDataFact]
    public async Task Year_option_overrides_the_round_and_says_what_the_workbook_gives()
    {
        var path = RealDataFiles.File(WorkbookName);
        await using var db = await TestDatabase.CreateAsync();
        var report = await ImportOkAsync(db, new ImportRequest(path) { Year = 2022 });
        Assert.Contains(report.Warnings, w => w.Message.StartsWith("The workbook says its round is of 2021", StringComparison.Ordinal)
            && w.Message.Contains("imported as 2022", StringComparison.Ordinal));
        await using var ctx = db.NewContext();
        Assert.Equal(Locations, await ctx.Displacement.CountAsync(d => d.Year == 2022));
    }
}
