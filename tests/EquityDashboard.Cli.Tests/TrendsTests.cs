using System.Globalization;
using System.Text.Json;
using EquityDashboard.Cli.Tests.Support;
using static EquityDashboard.Cli.Tests.Support.Outputs;

namespace EquityDashboard.Cli.Tests;

/// <summary>`trends` on the seeded demo data.</summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class TrendsTests(SeededDatabaseFixture seeded)
{
    private static readonly string[] TrendFields =
    [
        "region", "year", "fundingUsd", "need", "usdPerPin", "orgs", "yoyChange", "rawYoyChange", "commonSourcesFundingUsd",
        "commonSourcesPreviousFundingUsd", "sources", "sourcesStarted", "sourcesEnded", "coverageNote", "fundingFalling",
        "fundingFallingReason",
    ];

    private Task<CliResult> AllCsv() => seeded.RunAsync("trends", "--format", "csv");

    private static int Year(IReadOnlyDictionary<string, string> r) => int.Parse(r["year"], CultureInfo.InvariantCulture);

    [Fact]
    public async Task CsvHasExactHeaderAndOneRowPerRegionAndYear()
    {
        var result = await AllCsv();
        var rows = Csv(result, TrendsHeader);
        Assert.Equal(TrendsHeader, Lines(result.StdOut)[0]);
        Assert.NotEmpty(rows);

        var years = rows.Select(Year).Distinct().Order().ToList();
        Assert.Equal(Enumerable.Range(years[0], years[^1] - years[0] + 1), years);
        Assert.Equal(years.Count * 4, rows.Count);
        foreach (var year in years)
        {
            Assert.Equal(Repo.RegionNames.Order(StringComparer.Ordinal),
                rows.Where(r => Year(r) == year).Select(r => r["region"]).Order(StringComparer.Ordinal));
        }
        Assert.Contains(2019, years);
        Assert.Contains(2020, years);
    }

    [Fact]
    public async Task CsvNumbersParseWithTheInvariantCultureAndUndefinedIsEmpty()
    {
        var rows = Csv(await AllCsv(), TrendsHeader);
        foreach (var r in rows)
        {
            Assert.True(CsvDecimal(r["funding_usd"]) >= 0);
            CsvLong(r["need"]);
            CsvDouble(r["usd_per_pin"]);
            Assert.NotNull(CsvLong(r["orgs"]));
            CsvDouble(r["yoy_change"]);
            // No need, no USD per person in need.
            if (r["need"].Length == 0) Assert.Equal(string.Empty, r["usd_per_pin"]);
        }
        // The first year has nothing to compare against.
        var first = rows.Min(Year);
        Assert.All(rows.Where(r => Year(r) == first), r => Assert.Equal(string.Empty, r["yoy_change"]));
    }

    [Fact]
    public async Task KriFundingFellIn2018And2019And2020()
    {
        var rows = Csv(await AllCsv(), TrendsHeader);
        foreach (var year in new[] { 2018, 2019, 2020 })
        {
            var kri = rows.Single(r => r["region"] == "KRI" && Year(r) == year);
            var change = CsvDouble(kri["yoy_change"]);
            Assert.True(change < 0, $"KRI {year}: yoy_change should be negative, was '{kri["yoy_change"]}'");
        }
    }

    [Fact]
    public async Task JsonIsAnArrayWithTheCsvFieldsInCamelCase()
    {
        var rows = Csv(await AllCsv(), TrendsHeader);
        using var json = Json(await seeded.RunAsync("trends", "--format", "json"));
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(rows.Count, items.Count);
        foreach (var item in items)
            foreach (var f in TrendFields)
                Assert.True(item.TryGetProperty(f, out _), $"trend object lacks '{f}': {item}");

        foreach (var r in rows)
        {
            var item = items.Single(i => i.GetProperty("region").GetString() == r["region"]
                                         && i.GetProperty("year").GetInt32() == Year(r));
            Assert.Equal(CsvDecimal(r["funding_usd"]), Decimal(item, "fundingUsd"));
            Assert.Equal(CsvLong(r["need"]), Long(item, "need"));
            Assert.Equal(CsvDouble(r["usd_per_pin"]), Double(item, "usdPerPin"));
            Assert.Equal(CsvLong(r["orgs"]), Long(item, "orgs"));
            Assert.Equal(CsvDouble(r["yoy_change"]), Double(item, "yoyChange"));
        }
    }

    [Fact]
    public async Task FromAndToLimitTheYears()
    {
        var all = Csv(await AllCsv(), TrendsHeader);
        var rows = Csv(await seeded.RunAsync("trends", "--from", "2019", "--to", "2020", "--format", "csv"), TrendsHeader);
        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.InRange(Year(r), 2019, 2020));
        // The year-on-year change of the first listed year still compares with the year before.
        foreach (var r in rows)
        {
            var same = all.Single(a => a["region"] == r["region"] && a["year"] == r["year"]);
            Assert.Equal(same["yoy_change"], r["yoy_change"]);
            Assert.Equal(same["funding_usd"], r["funding_usd"]);
        }
    }

    [Fact]
    public async Task FromAfterToFails()
    {
        var result = (await seeded.RunAsync("trends", "--from", "2020", "--to", "2019", "--format", "csv")).AssertFailure();
        Assert.NotEqual(string.Empty, result.StdErr.Trim());
    }

    [Theory]
    [InlineData("--from", "x")]
    [InlineData("--to", "1989")]
    public async Task AYearOutsideTheRangeFails(string option, string value)
    {
        var result = await seeded.RunAsync("trends", option, value, "--format", "csv");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option} must be a year from 1990 to 2100, such as 2019; got '{value}'.", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut.Trim());
    }

    [Fact]
    public async Task TrendsAgreeWithTheGapsRegions()
    {
        var trends = Csv(await AllCsv(), TrendsHeader);
        using var gaps = Json(await seeded.RunAsync("gaps", "--year", "2019", "--format", "json"));
        foreach (var region in Repo.RegionNames)
        {
            var t = trends.Single(r => r["region"] == region && Year(r) == 2019);
            var g = Region(gaps.RootElement, region);
            Assert.Equal(Decimal(g, "fundingUsd"), CsvDecimal(t["funding_usd"]));
            Assert.Equal(Long(g, "need"), CsvLong(t["need"]));
            Assert.Equal(Double(g, "usdPerPin"), CsvDouble(t["usd_per_pin"]));
            Assert.Equal(Long(g, "orgs"), CsvLong(t["orgs"]));
            Assert.Equal(Double(g, "yoyChange"), CsvDouble(t["yoy_change"]));
        }
    }

    [Fact]
    public async Task ClusterScopeUsesThatClustersNeedAndFunding()
    {
        var rows = Csv(await seeded.RunAsync("trends", "--from", "2019", "--to", "2019", "--cluster", "Health", "--format", "csv"),
            TrendsHeader);
        var need = Repo.ExpectedClusterNeed(2019, "Health");
        var (funding, _) = Repo.ExpectedFunding(2019, cluster: "Health");
        foreach (var region in Repo.RegionNames)
        {
            var members = Repo.Governorates.Where(g => g.Region == region).Select(g => g.Pcode).ToList();
            var row = rows.Single(r => r["region"] == region);
            Assert.Equal(members.Sum(p => need.GetValueOrDefault(p) ?? 0), CsvLong(row["need"]));
            Assert.Equal(members.Sum(p => funding[p]), CsvDecimal(row["funding_usd"]));
        }
    }

    [Fact]
    public async Task DonorScopeCountsOnlyThatDonorsFunding()
    {
        var rows = Csv(await seeded.RunAsync("trends", "--from", "2019", "--to", "2019", "--donor", "Donor A", "--format", "csv"),
            TrendsHeader);
        var (funding, _) = Repo.ExpectedFunding(2019, donor: "Donor A");
        foreach (var region in Repo.RegionNames)
        {
            var expected = Repo.Governorates.Where(g => g.Region == region).Sum(g => funding[g.Pcode]);
            Assert.Equal(expected, CsvDecimal(rows.Single(r => r["region"] == region)["funding_usd"]));
        }
    }

    [Fact]
    public async Task TableFormatRuns()
    {
        var result = (await seeded.RunAsync("trends", "--from", "2019", "--to", "2020")).AssertSuccess();
        Assert.Contains("KRI", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBilateralSeriesEdgesAreCoverageChangesNotFundingChanges()
    {
        // The demo's bilateral file covers 2017–2020, the pooled-fund file 2015–2022.
        var rows = Csv(await AllCsv(), TrendsHeader);
        const string bilateral = "Illustrative: bilateral funding by governorate 2017–2020";
        Assert.All(rows.Where(r => Year(r) == 2017), r => Assert.Equal(bilateral, r["sources_started"]));
        Assert.All(rows.Where(r => Year(r) == 2021), r => Assert.Equal(bilateral, r["sources_ended"]));
        Assert.All(rows.Where(r => Year(r) is 2018 or 2019 or 2020 or 2022), r => Assert.Equal(string.Empty, r["coverage_note"]));
        foreach (var r in rows.Where(r => Year(r) is 2017 or 2021))
        {
            Assert.Contains(bilateral, r["coverage_note"], StringComparison.Ordinal);
            // The change is over the pooled fund alone: its funding of both years, not the totals.
            var common = CsvDecimal(r["common_sources_funding_usd"]);
            var previous = CsvDecimal(r["common_sources_previous_funding_usd"]);
            Assert.True(common < CsvDecimal(r["funding_usd"]) || Year(r) == 2021, $"{r["region"]} {Year(r)}: common {common}");
            if (previous > 0) Assert.Equal((double)((common - previous) / previous), CsvDouble(r["yoy_change"])!.Value, 9);
            // The flag follows the like-with-like change, whatever the raw step.
            Assert.Equal(CsvDouble(r["yoy_change"]) < -0.25 ? "true" : "false", r["funding_falling"]);
        }
        // North/Centre 2021: all funding fell by more than 90 % when the bilateral series ended; the pooled fund did not fall.
        var nc = rows.Single(r => r["region"] == "North/Centre" && Year(r) == 2021);
        Assert.True(CsvDouble(nc["raw_yoy_change"]) < -0.9);
        Assert.True(CsvDouble(nc["yoy_change"]) > 0);
        Assert.Equal("false", nc["funding_falling"]);
    }
}
