using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Import.Formats;
using EquityDashboard.Infrastructure.Tests.RealData;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests.Formats;

/// <summary>
/// CBPF pooled-fund tables: the CBPF Data Hub budgets by fund, year and admin1 (fund_adm1) and the
/// project x location x cluster budgets (ProjectSummaryAggV2). Totals after import are checked
/// against the files' own totals, computed here independently of the importer.
/// </summary>
public sealed class CbpfFormatTests
{
    private const string FundAdm1 = "cbpf_fund_adm1_budget_by_admin1.csv";
    private const string Agg2017 = "cbpf_allocations_overview/ProjectSummaryAggV2_2017.csv";
    private const string Summary2017 = "cbpf_allocations_overview/ProjectSummaryV2_2017.csv";

    private static decimal Dec(string s) => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static async Task<List<FundingRecord>> FundingAsync(TestDatabase db)
    {
        await using var ctx = db.NewContext();
        return await ctx.Funding.AsNoTracking().ToListAsync();
    }

    private static async Task<ImportReport> ImportOkAsync(TestDatabase db, ImportRequest request, string format)
    {
        var report = await db.Importer.ImportAsync(request);
        Assert.True(report.Committed, $"not imported: {report.RefusedReason} {string.Join(" | ", report.Errors.Take(10))}");
        Assert.Equal(0, report.ErrorCount);
        Assert.Equal(format, report.Format);
        Assert.Equal(RecordKind.Funding, report.Kind);
        return report;
    }

    private static void Near(decimal expected, decimal actual, decimal tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected}, got {actual}");

    [RealDataFact]
    public async Task Fund_adm1_imports_the_iraq_fund_with_the_files_totals_per_year()
    {
        var path = RealDataFiles.File(FundAdm1);
        var rows = TestSupport.ReadCsv(path);
        var iraq = rows.Where(r => r["pooledfundid"] == "49").ToList();
        var expectedPerYear = iraq.GroupBy(r => int.Parse(r["allocationyear"], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum(r => Dec(r["adminlocation1budget"])));
        var written = iraq.Count(r => r["fundtype"] == "2" && Dec(r["adminlocation1budget"]) != 0);
        await using var db = await TestDatabase.CreateAsync();

        var report = await ImportOkAsync(db, new ImportRequest(path), "CBPF fund_adm1");

        Assert.Equal(rows.Count, report.RowsRead);
        Assert.Equal(153, written);
        Assert.Equal(written, report.RowsWritten);
        Assert.Equal(rows.Count - iraq.Count, report.SkippedRows[PooledFunds.OtherFund]);
        Assert.Equal(iraq.Count(r => r["fundtype"] == "1"), report.SkippedRows[PooledFunds.CerfRow]);
        var funding = await FundingAsync(db);
        Assert.All(funding, f =>
        {
            Assert.Equal(PooledFunds.IraqFundName, f.Donor);
            Assert.Equal(FundingStatus.Paid, f.Status);
            Assert.NotNull(f.GovernoratePcode); // every spelling (Nineveh, Dahuk, Al Anbar, An Najaf, Wasit, ...) resolved
        });
        var actualPerYear = funding.GroupBy(f => f.Year).ToDictionary(g => g.Key, g => g.Sum(f => f.AmountUsd));
        Assert.Equal(expectedPerYear.Where(kv => kv.Value != 0).Select(kv => kv.Key).Order(), actualPerYear.Keys.Order());
        foreach (var (year, expected) in expectedPerYear.Where(kv => kv.Value != 0))
            Near(expected, actualPerYear[year], 0.01m, $"IHF {year}");

        // The reference README's IHF totals, USD millions, 2015-2022.
        decimal[] readme = [22.3m, 88.3m, 76.5m, 36.6m, 82.4m, 27.6m, 25.4m, 8.4m];
        for (var i = 0; i < readme.Length; i++)
            Near(readme[i], Math.Round(actualPerYear[2015 + i] / 1_000_000m, 1), 0m, $"README total {2015 + i}");
    }

    [RealDataFact]
    public async Task Fund_adm1_totals_per_governorate_match_the_reference_table()
    {
        // ../shared/reference/ihf-allocations-by-governorate.csv: the same fund_adm1 rows, summed per
        // governorate after resolving the name variants to P-codes.
        var reference = TestSupport.ReadCsv(RealDataFiles.Reference("ihf-allocations-by-governorate.csv"))
            .ToDictionary(r => (int.Parse(r["year"], CultureInfo.InvariantCulture), r["pcode"]), r => Dec(r["budget_usd"]));
        await using var db = await TestDatabase.CreateAsync();
        await ImportOkAsync(db, new ImportRequest(RealDataFiles.File(FundAdm1)), "CBPF fund_adm1");

        var actual = (await FundingAsync(db)).GroupBy(f => (f.Year, f.GovernoratePcode!))
            .ToDictionary(g => g.Key, g => g.Sum(f => f.AmountUsd));
        Assert.Equal(reference.Keys.Order(), actual.Keys.Order());
        foreach (var (key, expected) in reference)
            Near(expected, actual[key], 0.01m, $"{key.Item1} {key.Item2}");
    }

    [Fact]
    public async Task Fund_adm1_reads_the_pooled_fund_asked_for()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("fund_adm1.csv",
            "PooledFundId,AllocationSourceId,AllocationYear,AdminLocation1,AdminLocation1Latitude,AdminLocation1Longitude,AdminLocation1Budget,FundType",
            "49,1,2019,Nineveh,36.3,43.1,1000.5,2",
            "50,1,2019,Nineveh,36.3,43.1,2000,2",
            "50,2,2019,Dahuk,36.8,42.9,300.25,2",
            "50,3,2019,Erbil,36.1,44.0,0,1",
            "Venezuela (Bolivarian Republic of),4,2025,Zulia,9.8,-72.0,0,1");

        var report = await ImportOkAsync(db, new ImportRequest(path) { PooledFundId = 50 }, "CBPF fund_adm1");

        Assert.Equal(2, report.RowsWritten);
        Assert.Equal(2, report.SkippedRows[PooledFunds.OtherFund]);
        Assert.Equal(1, report.SkippedRows[PooledFunds.CerfRow]);
        var funding = await FundingAsync(db);
        Assert.All(funding, f => Assert.Equal("Pooled fund 50 (CBPF)", f.Donor));
        Assert.Equal(2000m, funding.Single(f => f.GovernoratePcode == "IQG15").AmountUsd);
        Assert.Equal(300.25m, funding.Single(f => f.GovernoratePcode == "IQG09").AmountUsd);
    }

    [RealDataFact]
    public async Task Project_summary_2017_imports_iraq_by_governorate_and_cluster_with_the_files_total()
    {
        var path = RealDataFiles.File(Agg2017);
        var rows = TestSupport.ReadCsv(path);
        var iraq = rows.Where(r => r["pfid"] == "72").ToList();
        Assert.Equal(276, iraq.Count);
        // Independently: each Iraq row's per-cluster budgets (|||-separated, in ClstAgg order).
        var parts = iraq.SelectMany(r => r["clstagg"].Split("|||").Zip(r["admlocclustbdg1"].Split("|||"),
                (cluster, budget) => (Gov: r["admloc1"], Cluster: cluster, Budget: Dec(budget))))
            .ToList();
        var expectedTotal = parts.Sum(p => p.Budget);
        await using var db = await TestDatabase.CreateAsync();

        var report = await ImportOkAsync(db, new ImportRequest(path), "CBPF project summary");

        Assert.Equal(rows.Count, report.RowsRead);
        Assert.Equal(rows.Count - iraq.Count, report.SkippedRows[PooledFunds.OtherFund]);
        Assert.Equal(iraq.Count(r => r["admlocclustbdg1"].Split("|||").All(b => Dec(b) == 0)), report.SkippedRows[PooledFunds.ZeroBudget]);
        Assert.Equal(parts.Count(p => p.Budget != 0), report.RowsWritten);
        var funding = await FundingAsync(db);
        Assert.All(funding, f =>
        {
            Assert.Equal(2017, f.Year);
            Assert.Equal(PooledFunds.IraqFundName, f.Donor);
            Assert.NotNull(f.GovernoratePcode);
            Assert.NotNull(f.Cluster);
        });
        Near(expectedTotal, funding.Sum(f => f.AmountUsd), 0.01m, "Iraq 2017 total");
        // The same money three other ways: project budgets (ProjectSummaryV2, PrgBdg), fund_adm1 2017, the README.
        var projects = TestSupport.ReadCsv(RealDataFiles.File(Summary2017)).Where(r => r["pfid"] == "72").Sum(r => Dec(r["prgbdg"]));
        Near(projects, expectedTotal, 5m, "ProjectSummaryV2 2017 PrgBdg");
        var fundAdm1 = TestSupport.ReadCsv(RealDataFiles.File(FundAdm1))
            .Where(r => r["pooledfundid"] == "49" && r["allocationyear"] == "2017").Sum(r => Dec(r["adminlocation1budget"]));
        Near(fundAdm1, expectedTotal, 0.01m, "fund_adm1 2017");
        Assert.Equal(76.5m, Math.Round(expectedTotal / 1_000_000m, 1));

        // Per governorate and cluster id (cluster ids named as in MstClusters.csv).
        var clusterNames = TestSupport.ReadCsv(RealDataFiles.File("cbpf_allocations_overview/MstClusters.csv"))
            .ToDictionary(r => r["clustid"], r => r["clustnm"]);
        var resolver = new NameResolver(GazetteerSource.Default);
        var expected = parts.GroupBy(p => (resolver.Resolve(p.Gov).Pcode!, clusterNames[p.Cluster]))
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Budget));
        var actual = funding.GroupBy(f => (f.GovernoratePcode!, f.Cluster!)).ToDictionary(g => g.Key, g => g.Sum(f => f.AmountUsd));
        Assert.Equal(expected.Where(kv => kv.Value != 0).Select(kv => kv.Key).Order(), actual.Keys.Order());
        foreach (var (key, value) in actual) Near(expected[key], value, 0.01m, key.ToString());

        // A project in two clusters: one row per cluster with the file's own figures.
        var split = funding.Where(f => f.SourceId == "IRQ-17/3884/R/NFIs-P/UN/6876").ToList();
        Assert.Equal(4, split.Count);
        Assert.Equal(536375.83m + 134093.957m, split.Where(f => f.Cluster == "Emergency Shelter and NFI").Sum(f => f.AmountUsd));
        Assert.Equal(59597.314m + 14899.329m, split.Where(f => f.Cluster == "Protection").Sum(f => f.AmountUsd));
        Assert.All(split, f => Assert.Equal("IQG15", f.GovernoratePcode));
    }

    [RealDataTheory]
    [InlineData(2017, "cbpf_allocations_overview/ProjectSummaryAggV2_2017.csv")]
    [InlineData(2021, "cbpf_allocations_overview/ProjectSummaryAggV2_2021.csv")]
    public async Task Project_summary_budgets_per_district_equal_the_files_sums_and_governorates_still_add_up(int year, string file)
    {
        var path = RealDataFiles.File(file);
        var places = new SeedPlaces();
        // Independently: the Iraq rows (PFId 72, the importer's default fund), each row's whole budget
        // (its per-cluster figures added) at its AdmLoc1 and AdmLoc2.
        var iraq = TestSupport.ReadCsv(path).Where(r => r["pfid"] == "72")
            .Select(r => (Gov: places.Governorate(r["admloc1"]), District: r["admloc2"].Trim(),
                Budget: r["admlocclustbdg1"].Split("|||").Sum(Dec)))
            .ToList();
        var named = iraq.Where(r => r.District.Length > 0).ToList();
        var unplaced = named.Where(r => places.District(r.Gov, r.District) is null).Select(r => $"{r.Gov} {r.District}").Distinct().ToList();
        Assert.True(unplaced.Count == 0, $"AdmLoc2 spellings the seed gazetteer does not list: {string.Join(", ", unplaced)}");
        var expectedDistricts = named.GroupBy(r => places.District(r.Gov, r.District)!)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Budget));
        var expectedNotSpecified = iraq.Where(r => r.District.Length == 0).GroupBy(r => r.Gov)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Budget));
        var expectedGovernorates = iraq.GroupBy(r => r.Gov).ToDictionary(g => g.Key, g => g.Sum(r => r.Budget));

        await using var db = await TestDatabase.CreateAsync();
        var report = await ImportOkAsync(db, new ImportRequest(path), "CBPF project summary");

        // Every AdmLoc2 spelling resolved: none left at its governorate for want of a name.
        var districts = Assert.IsType<DistrictSummary>(report.Districts);
        Assert.Empty(districts.Unresolved);
        var funding = await FundingAsync(db);
        Assert.All(funding, f => Assert.Equal(year, f.Year));
        Assert.All(funding.Where(f => f.DistrictPcode is not null), f => Assert.StartsWith(f.GovernoratePcode + "Q", f.DistrictPcode, StringComparison.Ordinal));
        var actualDistricts = funding.Where(f => f.DistrictPcode is not null).GroupBy(f => f.DistrictPcode!)
            .ToDictionary(g => g.Key, g => g.Sum(f => f.AmountUsd));
        Assert.Equal(expectedDistricts.Where(kv => kv.Value != 0).Select(kv => kv.Key).Order(), actualDistricts.Keys.Order());
        foreach (var (district, usd) in actualDistricts) Near(expectedDistricts[district], usd, 0.01m, $"{year} {district}");
        foreach (var (gov, usd) in expectedNotSpecified)
            Near(usd, funding.Where(f => f.GovernoratePcode == gov && f.DistrictPcode is null).Sum(f => f.AmountUsd), 0.01m, $"{year} {gov} not specified");

        // The governorate totals are as before districts were read: each governorate's districts plus
        // its budgets naming none, in the flows, in the batch's funding totals and in the equity table.
        await using var ctx = db.NewContext();
        var totals = await ctx.FundingTotals.AsNoTracking().ToListAsync();
        var table = await db.TableAsync(year);
        foreach (var (gov, usd) in expectedGovernorates)
        {
            var inDistricts = expectedDistricts.Where(kv => kv.Key.StartsWith(gov + "Q", StringComparison.Ordinal)).Sum(kv => kv.Value);
            Near(usd, inDistricts + expectedNotSpecified.GetValueOrDefault(gov), 0.01m, $"{year} {gov}: districts + not specified");
            Near(usd, funding.Where(f => f.GovernoratePcode == gov).Sum(f => f.AmountUsd), 0.01m, $"{year} {gov} flows");
            Near(usd, totals.Where(t => t.GovernoratePcode == gov).Sum(t => t.AmountUsd), 0.01m, $"{year} {gov} funding totals");
            Near(usd, table.Gov(gov).FundingUsd, 0.01m, $"{year} {gov} equity table");
        }
    }

    private const string AggHeader =
        "PFId,PrjCode,ClstAgg,ClstPrct,AdmLocTypeIdAgg,AdmLoc1,AdmLoc2,AdmLoc3,AdmLoc4,AdmLoc5,AdmLoc6,"
        + "AdmLocBenClustAgg1,AdmLocBenClustAgg2,AdmLocBenClustAgg3,AdmLocBenClustAgg4,AdmLocBenClustAgg5,AdmLocBenClustAgg6,"
        + "AdmLocCord1,AdmLocCord2,AdmLocCord3,AdmLocCord4,AdmLocCord5,AdmLocCord6,"
        + "AdmLocClustBdg1,AdmLocClustBdg2,AdmLocClustBdg3,AdmLocClustBdg4,AdmLocClustBdg5,AdmLocClustBdg6,AYr";

    private static string AggRow(int fund, string project, string clusters, string percents, string gov, string budget) =>
        $"{fund},{project},{clusters},{percents},37##,{gov},,,,,,1##2##3##4,,,,,,\"36.3,43.1\",,,,,,{budget},,,,,,2021";

    [Fact]
    public async Task Project_summary_splits_a_single_budget_only_by_the_files_own_percentages()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("ProjectSummaryAggV2_2021.csv",
            AggHeader,
            AggRow(72, "P1", "3|||10", "70.00|||30.00", "Ninewa", "1000.000"),   // one budget, percentages: 700 + 300
            AggRow(72, "P2", "7|||11", "", "Al-Anbar", "500.000"),                // no percentages: not split
            AggRow(72, "P3", "7|||11", "50.00|||50.00", "Erbil", "0.000|||80.5"), // zero share left out
            AggRow(72, "P4", "7", "100.00", "Duhok", "0.000"),                    // zero budget: skipped
            AggRow(15, "SUD", "12", "100.00", "Central Darfur", "7000.771"));     // another fund

        // 49 is Iraq's id in the other CBPF source: it means Iraq (72) here too.
        var report = await ImportOkAsync(db, new ImportRequest(path) { PooledFundId = 49 }, "CBPF project summary");

        Assert.Equal(1, report.SkippedRows[PooledFunds.OtherFund]);
        Assert.Equal(1, report.SkippedRows[PooledFunds.ZeroBudget]);
        var funding = await FundingAsync(db);
        Assert.Equal(4, funding.Count);
        Assert.Equal(700m, funding.Single(f => f.SourceId == "P1" && f.Cluster == "Education").AmountUsd);
        Assert.Equal(300m, funding.Single(f => f.SourceId == "P1" && f.Cluster == "Protection").AmountUsd);
        var unsplit = funding.Single(f => f.SourceId == "P2");
        Assert.Null(unsplit.Cluster);
        Assert.Equal(500m, unsplit.AmountUsd);
        Assert.Contains(report.Warnings, w => w.Row == 3 && w.Message.Contains("not split", StringComparison.Ordinal));
        Assert.Equal(80.5m, funding.Single(f => f.SourceId == "P3").AmountUsd);
        Assert.Equal("Water, Sanitation and Hygiene", funding.Single(f => f.SourceId == "P3").Cluster);
    }

    [Fact]
    public async Task Project_summary_with_budgets_that_do_not_match_the_clusters_is_an_error()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("ProjectSummaryAggV2_bad.csv",
            AggHeader,
            AggRow(72, "P1", "3|||10|||11", "", "Ninewa", "1.0|||2.0"));

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        Assert.False(report.Committed);
        var error = Assert.Single(report.Errors);
        Assert.Equal(2, error.Row);
        Assert.Equal("AdmLocClustBdg1", error.Column);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
    }
}
