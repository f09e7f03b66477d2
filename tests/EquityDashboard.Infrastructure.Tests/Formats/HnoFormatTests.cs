using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Import.Formats;
using EquityDashboard.Infrastructure.Tests.RealData;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests.Formats;

/// <summary>
/// HNO / HRP people-in-need tables: admin1 and admin2 rows, district rows kept with their district
/// and their governorate's figure their sum (admin1 total wins, never double counted), categories,
/// intersectoral figures, blanks, the year, and the two real PiN files of ../shared/real-data
/// (neither holds Iraq governorate figures).
/// </summary>
public sealed class HnoFormatTests
{
    private const string Ninewa = "IQG15", Anbar = "IQG01", Erbil = "IQG11", Duhok = "IQG09";

    private static async Task<ImportReport> ImportOkAsync(TestDatabase db, ImportRequest request)
    {
        var report = await db.Importer.ImportAsync(request);
        Assert.True(report.Committed, $"not imported: {report.RefusedReason} {string.Join(" | ", report.Errors)}");
        Assert.Equal(0, report.ErrorCount);
        Assert.Equal("HNO", report.Format);
        Assert.Equal(RecordKind.Need, report.Kind);
        return report;
    }

    private static async Task<List<NeedFigure>> NeedAsync(TestDatabase db)
    {
        await using var ctx = db.NewContext();
        return await ctx.Need.AsNoTracking().ToListAsync();
    }

    /// <summary>A governorate's figures: its rows summed (districts and any row naming none), blank where no row reports one.</summary>
    private sealed record GovernorateNeed(long? PeopleInNeed, long? Targeted, long? Reached);

    private static GovernorateNeed Figure(List<NeedFigure> need, string pcode, string cluster, int year = 2022)
    {
        var rows = need.Where(n => n.GovernoratePcode == pcode && n.Cluster == cluster && n.Year == year).ToList();
        Assert.NotEmpty(rows);
        static long? Sum(IEnumerable<long?> values) => values.Any(v => v is not null) ? values.Sum() : null;
        return new GovernorateNeed(Sum(rows.Select(r => r.PeopleInNeed)), Sum(rows.Select(r => r.Targeted)), Sum(rows.Select(r => r.Reached)));
    }

    private static List<(string? District, long? PeopleInNeed)> Rows(List<NeedFigure> need, string pcode, string cluster) =>
        need.Where(n => n.GovernoratePcode == pcode && n.Cluster == cluster).OrderBy(n => n.Id).Select(n => (n.DistrictPcode, n.PeopleInNeed)).ToList();

    private static async Task AssertNothingWrittenAsync(TestDatabase db, ImportReport report)
    {
        Assert.False(report.Committed);
        Assert.Null(report.BatchId);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
    }

    [Fact]
    public async Task Admin1_table_with_hxl_row_outranks_the_plain_hxl_reading()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hno-admin1.csv",
            "Year,Admin 1 PCode,Admin 1 Name,Cluster,Population,In Need,Targeted,Affected,Reached",
            "#date+year,#adm1+code,#adm1+name,#sector+cluster,#population,#inneed,#targeted,#affected,#reached",
            "2022,IQG15,Ninewa,Intersectoral,3700000,\"1,234,567\",800000,2000000,",
            "2022,IQG15,Ninewa,Health,3700000,400000,250000,,100000",
            "2022,IQG01,Al-Anbar,,1800000,1 234 567,,,",
            "2022,IQG11,Erbil,Protection,2000000,150000.0,,,");

        var report = await ImportOkAsync(db, new ImportRequest(path));

        Assert.Equal(4, report.RowsWritten);
        var need = await NeedAsync(db);
        var ninewa = Figure(need, Ninewa, NeedFigure.Intersectoral);
        Assert.Equal(1_234_567L, ninewa.PeopleInNeed);
        Assert.Equal(800_000L, ninewa.Targeted);
        Assert.Null(ninewa.Reached);
        Assert.Equal(100_000L, Figure(need, Ninewa, "Health").Reached);
        Assert.Equal(1_234_567L, Figure(need, Anbar, NeedFigure.Intersectoral).PeopleInNeed);
        Assert.Equal(150_000L, Figure(need, Erbil, "Protection").PeopleInNeed);
        // Population and Affected are not need figures: said once, on the header.
        Assert.Contains(report.Warnings, w => w.Row == 1 && w.Column == "Affected");
    }

    [Fact]
    public async Task Admin1_table_without_hxl_row_is_read_by_its_titles()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hno-titles.csv",
            "Admin 1 PCode,Admin 1 Name,Sector,In Need,Targeted,Year",
            "IQG15,Ninewa,Inter-sectoral,1000000,600000,2021",
            "IQG09,Duhok,Shelter,50000,,2021");

        await ImportOkAsync(db, new ImportRequest(path));

        var need = await NeedAsync(db);
        Assert.Equal(2, need.Count);
        Assert.Equal(1_000_000L, Figure(need, Ninewa, NeedFigure.Intersectoral, 2021).PeopleInNeed);
        Assert.Equal(50_000L, Figure(need, Duhok, "Shelter", 2021).PeopleInNeed);
    }

    [Fact]
    public async Task Admin2_rows_keep_their_district_and_add_up_to_their_governorate()
    {
        await using var db = await TestDatabase.CreateAsync();
        // No Admin 1 columns: the governorate is the first five characters of the admin2 P-code.
        var path = db.WriteCsv("hno-admin2.csv",
            "Admin 2 PCode,Admin 2 Name,Cluster,In Need,Targeted,Reached",
            "#adm2+code,#adm2+name,#sector,#inneed,#targeted,#reached",
            "IQG15Q01,Al-Mosul,Health,\"1,000,000\",500000,",
            "IQG15Q02,Tel Afar,Health,250 000,,",
            "IQG15Q03,Sinjar,Health,1000.0,,",
            "IQG01Q01,Falluja,Health,70000,60000,",
            "IQG15Q01,Al-Mosul,,2000000,,",
            "IQG15Q02,Tel Afar,,300000,,");

        var report = await ImportOkAsync(db, new ImportRequest(path) { Year = 2020 });

        Assert.Equal(6, report.RowsRead);
        Assert.Equal(6, report.RowsWritten);
        Assert.Equal(6, report.Districts!.RowsInDistricts);
        var need = await NeedAsync(db);
        // Each district row is kept at its district (the P-code wins over the name written beside it).
        Assert.Equal([("IQG15Q01", 1_000_000L), ("IQG15Q02", 250_000L), ("IQG15Q03", 1_000L)], Rows(need, Ninewa, "Health"));
        var health = Figure(need, Ninewa, "Health", 2020);
        Assert.Equal(1_251_000L, health.PeopleInNeed);
        Assert.Equal(500_000L, health.Targeted); // one row reports it: the others are not zeros
        Assert.Null(health.Reached);             // nobody reports it: still blank, not 0
        Assert.Equal(70_000L, Figure(need, Anbar, "Health", 2020).PeopleInNeed);
        Assert.Equal(2_300_000L, Figure(need, Ninewa, NeedFigure.Intersectoral, 2020).PeopleInNeed);
        // The dashboard's figure for the governorate is the same sum.
        Assert.Equal(1_251_000L, (await db.TableAsync(2020, "Health")).Gov(Ninewa).Need);
        Assert.Equal(2_300_000L, (await db.TableAsync(2020)).Gov(Ninewa).Need);
        // Health was summed where Targeted is partly blank: PiN is complete, so no PiN warning.
        Assert.DoesNotContain(report.Warnings, w => w.Message.Contains("report no people in need", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin1_total_wins_over_admin2_rows_of_the_same_governorate_and_cluster()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hno-mixed.csv",
            "Year,Admin 1 PCode,Admin 1 Name,Admin 2 PCode,Admin 2 Name,Cluster,In Need",
            "2022,IQG15,Ninewa,IQG15Q01,Al-Mosul,Health,100000",     // row 2: admin2, replaced by row 5
            "2022,IQG15,Ninewa,IQG15Q02,Tel Afar,Health,50000",      // row 3: admin2, replaced by row 5
            "2022,IQG01,Al-Anbar,IQG01Q01,Falluja,Health,30000",     // row 4: Anbar has no admin1 row: summed
            "2022,IQG15,Ninewa,,,Health,120000",                     // row 5: admin1 total
            "2022,IQG01,Al-Anbar,IQG01Q02,Ramadi,Health,20000",      // row 6
            "2022,IQG15,Ninewa,IQG15Q01,Al-Mosul,Protection,10000",  // row 7: no admin1 Protection row
            "2022,IQG15,Ninewa,IQG15Q03,Sinjar,Health,5000");        // row 8: replaced by row 5

        var report = await ImportOkAsync(db, new ImportRequest(path));

        var need = await NeedAsync(db);
        Assert.Equal(4, need.Count);
        // Ninewa Health: the admin1 row alone, no district row beside it (nothing counted twice).
        Assert.Equal([((string?)null, (long?)120_000L)], Rows(need, Ninewa, "Health"));
        Assert.Equal([("IQG01Q01", 30_000L), ("IQG01Q02", 20_000L)], Rows(need, Anbar, "Health"));
        Assert.Equal(50_000L, Figure(need, Anbar, "Health").PeopleInNeed);
        Assert.Equal([("IQG15Q01", 10_000L)], Rows(need, Ninewa, "Protection"));
        var health = await db.TableAsync(2022, "Health");
        Assert.Equal(120_000L, health.Gov(Ninewa).Need);
        Assert.Equal(50_000L, health.Gov(Anbar).Need);
        var warning = Assert.Single(report.Warnings, w => w.Message == "admin1 total already present; admin2 rows not added");
        Assert.Equal(2, warning.Row);
    }

    [Fact]
    public async Task Subdistrict_rows_add_up_to_their_district_and_district_rows_win_over_them()
    {
        await using var db = await TestDatabase.CreateAsync();
        // No admin1 or admin2 columns: the governorate and the district come from the admin3 P-code.
        var path = db.WriteCsv("hno-admin3.csv",
            "Year,Admin 3 PCode,Admin 3 Name,Cluster,In Need",
            "2022,IQG15Q05N01,Mosul centre,Health,700",
            "2022,IQG15Q05N02,Hamam al-Alil,Health,300",
            "2022,IQG15Q07N01,Sinjar centre,Health,200",
            "2022,IQG13Q01N01,Hawiga centre,Health,50");
        await ImportOkAsync(db, new ImportRequest(path));
        var need = await NeedAsync(db);
        Assert.Equal([("IQG15Q05", 1000L), ("IQG15Q07", 200L)], Rows(need, Ninewa, "Health"));
        Assert.Equal([("IQG13Q01", 50L)], Rows(need, "IQG13", "Health"));
        Assert.Equal(1_200L, (await db.TableAsync(2022, "Health")).Gov(Ninewa).Need);

        // With district rows for the governorate and cluster, its sub-district rows are not added.
        await using var db2 = await TestDatabase.CreateAsync();
        var mixed = db2.WriteCsv("hno-admin2-admin3.csv",
            "Year,Admin 2 PCode,Admin 3 PCode,Cluster,In Need",
            "2022,IQG15Q05,IQG15Q05N01,Health,700",
            "2022,IQG15Q05,,Health,900",
            "2022,IQG15Q07,,Health,200");
        var report = await ImportOkAsync(db2, new ImportRequest(mixed));
        Assert.Equal([("IQG15Q05", 900L), ("IQG15Q07", 200L)], Rows(await NeedAsync(db2), Ninewa, "Health"));
        Assert.Single(report.Warnings, w => w.Row == 2 && w.Message == "admin2 total already present; admin3 rows not added");
    }

    [Fact]
    public async Task An_admin1_row_named_one_way_still_wins_over_admin2_rows_coded_another_way()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hno-spellings.csv",
            "Year,Admin 1 Name,Admin 2 PCode,Cluster,In Need",
            "2022,,IQG15Q01,Health,100000",
            "2022,Nineveh,,Health,90000",
            "2022,,IQG15Q02,Health,50000");

        var report = await ImportOkAsync(db, new ImportRequest(path));

        var need = await NeedAsync(db);
        Assert.Equal(90_000L, Assert.Single(need).PeopleInNeed);
        Assert.Equal(Ninewa, need[0].GovernoratePcode);
        Assert.Single(report.Warnings, w => w.Message == "admin1 total already present; admin2 rows not added");
    }

    [Fact]
    public async Task Intersectoral_rows_stay_apart_and_cluster_rows_are_never_summed_into_them()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hno-inter.csv",
            "Year,Admin 1 PCode,Admin 2 PCode,Cluster,In Need",
            "2022,IQG15,IQG15Q01,Health,400000",
            "2022,IQG15,IQG15Q01,Protection,300000",
            "2022,IQG15,IQG15Q01,Intersectoral,500000",
            "2022,IQG15,IQG15Q02,Multi-sector,100000",
            "2022,IQG15,IQG15Q03,All,50000",
            "2022,IQG15,IQG15Q04,,25000",
            "2022,IQG15,IQG15Q05,Inter-sectoral,1000",
            "2022,IQG11,IQG11Q01,Health,90000",
            "2022,IQG11,IQG11Q02,Health,10000");

        await ImportOkAsync(db, new ImportRequest(path));

        var need = await NeedAsync(db);
        Assert.Equal(676_000L, Figure(need, Ninewa, NeedFigure.Intersectoral).PeopleInNeed);
        Assert.Equal(400_000L, Figure(need, Ninewa, "Health").PeopleInNeed);
        Assert.Equal(300_000L, Figure(need, Ninewa, "Protection").PeopleInNeed);
        Assert.Equal(100_000L, Figure(need, Erbil, "Health").PeopleInNeed);
        // Erbil has cluster figures only: no intersectoral figure is made up from them.
        Assert.DoesNotContain(need, n => n.GovernoratePcode == Erbil && n.Cluster == NeedFigure.Intersectoral);
    }

    [Fact]
    public async Task Category_rows_are_summed_and_a_category_total_is_not_added_to_them()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hno-category.csv",
            "Year,Admin 1 PCode,Admin 1 Name,Cluster,Category,In Need,Targeted",
            "2022,IQG15,Ninewa,,IDPs in camp,100000,",
            "2022,IQG15,Ninewa,,IDPs out of camp,200000,",
            "2022,IQG15,Ninewa,,Returnees,300000,",
            "2022,IQG09,Duhok,,IDPs in camp,50000,40000",
            "2022,IQG09,Duhok,,Host community,10000,",
            "2022,IQG09,Duhok,,Total,60000,45000",
            "2022,IQG15,Ninewa,,Returnees,300000,");           // a repeat: not added again

        var report = await ImportOkAsync(db, new ImportRequest(path));

        var need = await NeedAsync(db);
        Assert.Equal(600_000L, Figure(need, Ninewa, NeedFigure.Intersectoral).PeopleInNeed);
        Assert.Null(Figure(need, Ninewa, NeedFigure.Intersectoral).Targeted);
        var duhok = Figure(need, Duhok, NeedFigure.Intersectoral);
        Assert.Equal(60_000L, duhok.PeopleInNeed);
        Assert.Equal(45_000L, duhok.Targeted);
        Assert.Contains(report.Warnings, w => w.Row == 5 && w.Message == "category total already present; category rows not added");
        Assert.Contains(report.Warnings, w => w.Row == 8 && w.Message.Contains("Repeats an earlier row", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Blank_figures_stay_blank_in_a_roll_up_and_a_partial_sum_is_flagged()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hno-blank.csv",
            "Year,Admin 1 PCode,Admin 2 PCode,Cluster,In Need,Targeted,Reached",
            "2022,IQG15,IQG15Q01,Health,,,",
            "2022,IQG15,IQG15Q02,Health,-,,",
            "2022,IQG01,IQG01Q01,Health,1000,,",
            "2022,IQG01,IQG01Q02,Health,,,",
            "2022,IQG11,,Health,,,");

        var report = await ImportOkAsync(db, new ImportRequest(path));

        var need = await NeedAsync(db);
        var ninewa = Figure(need, Ninewa, "Health");
        Assert.Null(ninewa.PeopleInNeed);
        Assert.Null(ninewa.Targeted);
        Assert.Null(ninewa.Reached);
        Assert.Null(Figure(need, Erbil, "Health").PeopleInNeed);
        Assert.Equal(1000L, Figure(need, Anbar, "Health").PeopleInNeed);
        Assert.Contains(report.Warnings, w => w.Row == 4 && w.Message.Contains("1 of the 2 rows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_table_without_a_year_column_takes_the_year_given_or_asks_for_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        string[] lines =
        [
            "Admin 1 PCode,Admin 1 Name,Cluster,In Need",
            "#adm1+code,#adm1+name,#sector,#inneed",
            "IQG15,Ninewa,,900000",
            "IQG01,Al-Anbar,,400000",
        ];
        var path = db.WriteCsv("hno-no-year.csv", lines);

        var refused = await db.Importer.ImportAsync(new ImportRequest(path));
        await AssertNothingWrittenAsync(db, refused);
        Assert.Equal("HNO", refused.Format);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(1, error.Row);
        Assert.Contains("--year", error.Message, StringComparison.Ordinal);

        await ImportOkAsync(db, new ImportRequest(path) { Year = 2019 });
        var need = await NeedAsync(db);
        Assert.All(need, n => Assert.Equal(2019, n.Year));
        Assert.Equal(900_000L, Figure(need, Ninewa, NeedFigure.Intersectoral, 2019).PeopleInNeed);
    }

    [Fact]
    public async Task A_rolled_up_figure_is_reported_at_its_first_contributing_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        // Two sub-districts of one district: one figure for the district, made of rows 3 and 5.
        var path = db.WriteCsv("hno-bad-year.csv",
            "Year,Admin 2 PCode,Admin 3 PCode,Cluster,In Need",
            "2022,IQG01Q01,IQG01Q01N01,Health,10",
            "1850,IQG15Q01,IQG15Q01N01,Health,100",
            "2022,IQG01Q02,IQG01Q02N01,Health,10",
            "1850,IQG15Q01,IQG15Q01N02,Health,200");

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        await AssertNothingWrittenAsync(db, report);
        var error = Assert.Single(report.Errors);
        Assert.Equal(3, error.Row);
        Assert.Equal("Year", error.Column);
    }

    [Fact]
    public async Task A_bad_number_in_a_roll_up_is_reported_at_its_own_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hno-bad-number.csv",
            "Year,Admin 2 PCode,Cluster,In Need",
            "2022,IQG15Q01,Health,100",
            "2022,IQG15Q02,Health,about 200");

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        await AssertNothingWrittenAsync(db, report);
        var error = Assert.Single(report.Errors);
        Assert.Equal(3, error.Row);
        Assert.Equal("In Need", error.Column);
        Assert.Equal("about 200", error.Value);
    }

    [Fact]
    public async Task Rows_of_other_countries_and_national_totals_are_skipped_and_counted()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("hno-region.csv",
            "Year,Admin 1 PCode,Admin 1 Name,Cluster,In Need",
            "2022,IQG15,Ninewa,,1000",
            "2022,SY02,Aleppo,,5000",
            "2022,JO01,Amman,,7000",
            "2022,,Total,,13000",
            "2022,IQG08,Baghdad,,2000");

        var report = await ImportOkAsync(db, new ImportRequest(path));

        Assert.Equal(2, report.RowsWritten);
        Assert.Equal(2, report.SkippedRows[HnoFormat.OutsideIraq]);
        Assert.Equal(1, report.SkippedRows[HnoFormat.NationalTotal]);
    }

    [Fact]
    public async Task The_projects_own_need_template_is_still_read_as_the_template()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportOkAsync("need.csv", RecordKind.Need,
            "year,governorate,cluster,people_in_need,targeted,reached",
            "2019,Ninewa,,100000,,",
            "2019,Ninewa,Health,40000,,");
        Assert.Equal("template", report.Format);
    }

    [RealDataFact]
    public async Task Real_global_hrp_table_by_country_is_recognised_and_refused()
    {
        // 42 plans with their 2022 national In Need totals (Iraq 2,454,198): no governorate at all, so
        // nothing in it can become a governorate figure. Refused whole, with or without --year.
        var path = RealDataFiles.File("hrp_inneed_interagency_response_plans_2022_hxl.csv");
        var rows = TestSupport.ReadCsv(path);
        Assert.Equal("2454198", Assert.Single(rows, r => r["iso alpha-3 codes"] == "IRQ")["in need"]);
        await using var db = await TestDatabase.CreateAsync();

        foreach (var year in new int?[] { null, 2022 })
        {
            var report = await db.Importer.ImportAsync(new ImportRequest(path) { Year = year });

            await AssertNothingWrittenAsync(db, report);
            Assert.Equal("HNO", report.Format);
            Assert.Equal(RecordKind.Need, report.Kind);
            var error = Assert.Single(report.Errors);
            Assert.Contains("by country or response plan", error.Message, StringComparison.Ordinal);
            Assert.Contains("per Iraqi governorate", error.Message, StringComparison.Ordinal);
        }
    }

    [RealDataFact]
    public async Task Real_ethiopia_admin3_table_writes_nothing_and_says_why()
    {
        // Three header rows (groups, names, HXL), 391 woredas with ET P-codes, clusters as column groups.
        var path = RealDataFiles.File("eth_drought_pin_targeted_reached_by_adm3_cluster_3header_hxl.csv");
        await using var db = await TestDatabase.CreateAsync();

        foreach (var year in new int?[] { null, 2022 })
        {
            var report = await db.Importer.ImportAsync(new ImportRequest(path) { Year = year });

            await AssertNothingWrittenAsync(db, report);
            Assert.Equal("HNO", report.Format);
            Assert.Equal(391, report.RowsRead);
            Assert.Equal(391, report.SkippedRows[HnoFormat.OutsideIraq]);
            var error = Assert.Single(report.Errors);
            Assert.Contains("No row of the file can be imported", error.Message, StringComparison.Ordinal);
            Assert.Contains("outside Iraq", error.Message, StringComparison.Ordinal);
        }
    }
}
