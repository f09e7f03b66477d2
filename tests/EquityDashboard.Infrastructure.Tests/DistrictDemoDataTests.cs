using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Tests.RealData;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// The demo data (seeds/) by district: every governorate of every year is its districts plus its part
/// not specified, under every baseline. What names a district is what the seed files say, read here
/// independently: people in need never (the need files are by governorate); funding only in 2017 and
/// 2021 (the IHF's allocations by district); the 2022 3W in every row; IDPs of 2021 (DTM round 123)
/// except five districts the COD lacks. With the public files beside the project, the 3W's partners per
/// district and the DTM's IDPs per governorate are checked against those files too.
/// </summary>
public sealed class DistrictDemoDataTests(SeededDatabaseFixture fixture) : IClassFixture<SeededDatabaseFixture>
{
    private static List<Dictionary<string, string>> Seed(string file) => TestSupport.ReadCsv(Path.Combine(TestSupport.SeedFolder, file));

    private static readonly Dictionary<(string Governorate, string District), string> DistrictPcodes =
        Seed("districts.csv").ToDictionary(d => (Gazetteer(d["parent_pcode"]), d["name"]), d => d["pcode"]);

    private static string Gazetteer(string pcode) => Data.GazetteerSource.Default[pcode].Name;

    [Fact]
    public async Task Every_governorate_of_every_year_is_its_districts_plus_not_specified()
    {
        var equity = fixture.Db.Equity;
        var orgsInDistricts = 0;
        foreach (var year in await equity.YearsAsync())
        {
            foreach (var baseline in Enum.GetValues<Baseline>())
            {
                var scope = new EquityScope(year, Baseline: baseline);
                var governorates = await equity.GetTableAsync(scope);
                var national = await equity.GetDistrictTableAsync(scope);
                Assert.Equal(governorates.TotalFundingUsd, national.ScopeFundingUsd);
                foreach (var ns in national.NotSpecified)
                {
                    var gov = governorates.Gov(ns.GovernoratePcode);
                    var districts = national.Districts.Where(d => d.ParentPcode == ns.GovernoratePcode).ToList();
                    Assert.True(Math.Abs(gov.FundingUsd - districts.Sum(d => d.FundingUsd) - ns.FundingUsd) <= 0.01m,
                        $"{year} {ns.GovernoratePcode}: {gov.FundingUsd} is not its districts' {districts.Sum(d => d.FundingUsd)} + {ns.FundingUsd}");
                    if (baseline != Baseline.Population)
                        Assert.Equal(gov.Need, SumReported(districts.Select(d => d.Need).Append(ns.Need)));
                    Assert.Equal(gov.Incidents, ns.Incidents + districts.Sum(d => d.Incidents ?? 0));
                    var parts = districts.Select(d => d.Orgs).Append(ns.Orgs).ToList();
                    Assert.InRange(gov.Orgs, parts.Max(), parts.Sum());
                    Assert.Equal(gov.Activities, districts.Sum(d => d.Activities) + ns.Activities);
                    orgsInDistricts += districts.Sum(d => d.Orgs);
                }
                // People in need are by governorate in every need file: no district has any.
                if (baseline == Baseline.Pin)
                {
                    Assert.Equal(0, national.TotalNeed);
                    Assert.Equal(governorates.TotalNeed, national.NotSpecifiedNeed);
                }
            }
        }
        Assert.True(orgsInDistricts > 0, "the demo 3W names districts");
    }

    private static long? SumReported(IEnumerable<long?> values) =>
        values.Any(v => v is not null) ? values.Sum(v => v ?? 0) : null;

    [Fact]
    public async Task Funding_names_districts_in_2017_and_2021_as_the_IHF_file_does()
    {
        var ihf = Seed("funding-ihf-2015-2022.csv");
        var byDistrict = ihf.Where(r => r["district"].Length > 0).ToList();
        Assert.Equal(["2017", "2021"], byDistrict.Select(r => r["year"]).Distinct().Order(StringComparer.Ordinal));

        foreach (var year in await fixture.Db.Equity.YearsAsync())
        {
            var national = await fixture.Db.Equity.GetDistrictTableAsync(new EquityScope(year));
            var expected = byDistrict.Where(r => r["year"] == year.ToString(CultureInfo.InvariantCulture))
                .GroupBy(r => DistrictPcodes[(r["governorate"], r["district"])])
                .ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(r["amount_usd"], CultureInfo.InvariantCulture)));
            var actual = national.Districts.Where(d => d.FundingUsd != 0).ToDictionary(d => d.Key, d => d.FundingUsd);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            Assert.All(expected, kv => Assert.True(Math.Abs(kv.Value - actual[kv.Key]) <= 0.01m, $"{year} {kv.Key}: file {kv.Value}, product {actual[kv.Key]}"));
        }
        // The fund's money of 2021 is counted once: its district rows add up to its year, and every 2021 row names a district.
        var t2021 = await fixture.Db.Equity.GetDistrictTableAsync(new EquityScope(2021));
        var ihf2021 = ihf.Where(r => r["year"] == "2021").Sum(r => decimal.Parse(r["amount_usd"], CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(ihf2021 - t2021.TotalFundingUsd) <= 0.01m, $"2021: file {ihf2021}, districts {t2021.TotalFundingUsd}");
        Assert.True(Math.Abs(t2021.NotSpecifiedFundingUsd) <= 0.01m);
    }

    [Fact]
    public async Task Idps_of_2021_are_the_displacement_file_by_district_and_the_only_year_with_idps()
    {
        var rows = Seed("displacement-2021-dtm.csv");
        var table = await fixture.Db.Equity.GetDistrictTableAsync(new EquityScope(2021, Baseline: Baseline.Idps));
        var named = rows.Where(r => r["district"].Length > 0)
            .GroupBy(r => DistrictPcodes[(r["governorate"], r["district"])]).ToDictionary(g => g.Key, g => g.Sum(r => long.Parse(r["idps"], CultureInfo.InvariantCulture)));
        Assert.Equal(named.Values.Sum(), table.TotalNeed);
        Assert.All(table.Districts, d => Assert.Equal(named.TryGetValue(d.Key, out var n) ? n : null, d.Need));
        Assert.Equal(rows.Where(r => r["district"].Length == 0).Sum(r => long.Parse(r["idps"], CultureInfo.InvariantCulture)), table.NotSpecifiedNeed);
        Assert.StartsWith("IDPs: IOM DTM Iraq IDP master list, round 123 (2021) (batch ", table.Notes[0], StringComparison.Ordinal);

        var other = await fixture.Db.Equity.GetTableAsync(new EquityScope(2019, Baseline: Baseline.Idps));
        Assert.Equal(0, other.TotalNeed);
        Assert.Equal("No IDP figures for 2019: the displacement list imported (IOM DTM Iraq IDP master list, round 123 (2021)) is for 2021.", other.BaselineNote);
    }

    [RealDataFact]
    public async Task Partners_per_district_of_the_demo_equal_the_3W_workbooks_distinct_partners_per_ADM2()
    {
        var rows = ThreeWWorkbookTests.ReadWorkbook(RealDataFiles.File(ThreeWWorkbookTests.WorkbookName));
        var partners = new ThreeWWorkbookTests.Partners(rows.Select(r => (r.Acronym, r.FullName)));
        var expected = rows.GroupBy(r => r.DistrictPcode)
            .ToDictionary(g => g.Key, g => g.Select(r => partners.Of(r.Acronym, r.FullName)).Distinct().Count());

        var table = await fixture.Db.Equity.GetDistrictTableAsync(new EquityScope(2022));
        var mismatches = table.Districts.Where(d => d.Orgs != expected.GetValueOrDefault(d.Key))
            .Select(d => $"{d.Key}: workbook {expected.GetValueOrDefault(d.Key)}, demo {d.Orgs}").ToList();
        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
        Assert.All(table.NotSpecified, ns => Assert.Equal(0, ns.Orgs));   // every 3W row names its district
    }

    [RealDataFact]
    public async Task Idps_per_governorate_of_the_demo_equal_the_DTM_sheet()
    {
        var rows = TestXlsx.Rows(RealDataFiles.File("irq_iom_dtm_idps_master_list_round_123.xlsx"), "DTM Dataset");
        int governorate = Array.IndexOf(rows[0].Cells, "Governorate"), individuals = Array.IndexOf(rows[0].Cells, "Individuals");
        var expected = rows.Skip(2).Where(r => r.Cells.Any(c => c.Trim().Length > 0))
            .GroupBy(r => DtmMasterListTests.GovernoratePcodes[r.Cells[governorate].Trim()])
            .ToDictionary(g => g.Key, g => g.Sum(r => long.Parse(r.Cells[individuals], CultureInfo.InvariantCulture)));
        Assert.Equal(18, expected.Count);

        var table = await fixture.Db.Equity.GetTableAsync(new EquityScope(2021, Baseline: Baseline.Idps));
        Assert.All(table.Governorates, g => Assert.Equal(expected[g.Key], g.Need));
        Assert.All(table.Governorates, g => TestSupport.Near(expected[g.Key] / (double)expected.Values.Sum(), g.NeedShare, g.Key));
    }
}
