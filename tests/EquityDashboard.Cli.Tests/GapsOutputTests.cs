using System.Text.Json;
using EquityDashboard.Cli.Tests.Support;
using static EquityDashboard.Cli.Tests.Support.Outputs;

namespace EquityDashboard.Cli.Tests;

/// <summary>The machine contracts of `gaps` (CSV and JSON) on the seeded demo data.</summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class GapsOutputTests(SeededDatabaseFixture seeded)
{
    private static readonly string[] NumericDoubleColumns =
        ["funding_share", "need_share", "equity_ratio", "usd_per_pin", "gap_to_parity_usd"];

    private static readonly string[] AreaFields =
    [
        "need", "fundingUsd", "fundingShare", "needShare", "equityRatio", "usdPerPin", "gapToParityUsd",
        "orgs", "activities", "yoyChange", "flags",
    ];

    private Task<CliResult> Csv2019() => seeded.RunAsync("gaps", "--year", "2019", "--format", "csv");

    private Task<CliResult> Json2019() => seeded.RunAsync("gaps", "--year", "2019", "--format", "json");

    [Fact]
    public async Task CsvHasExactHeaderAndOneRowPerGovernorate()
    {
        var result = await Csv2019();
        var rows = Csv(result, GapsHeader);

        Assert.Equal(GapsHeader, Lines(result.StdOut)[0]);
        Assert.Equal(18, rows.Count);
        var expected = Enumerable.Range(1, 18).Select(i => $"IQG{i:00}").ToList();
        Assert.Equal(expected, rows.Select(r => r["pcode"]).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task CsvNamesAndRegionsFollowTheGazetteer()
    {
        var rows = Csv(await Csv2019(), GapsHeader);
        foreach (var g in Repo.Governorates)
        {
            var row = rows.Single(r => r["pcode"] == g.Pcode);
            Assert.Equal(g.Name, row["governorate"]);
            Assert.Equal(g.Region, row["region"]);
        }
    }

    [Fact]
    public async Task CsvNumbersParseWithTheInvariantCulture()
    {
        var rows = Csv(await Csv2019(), GapsHeader);
        foreach (var r in rows)
        {
            Assert.NotNull(CsvLong(r["need"])); // every governorate has a 2019 PiN
            Assert.True(CsvDecimal(r["funding_usd"]) >= 0);
            foreach (var c in NumericDoubleColumns) CsvDouble(r[c]);
            Assert.NotNull(CsvLong(r["orgs"]));
            Assert.NotNull(CsvLong(r["activities"]));
        }
        // Unrounded: at least some shares carry more than the 2 decimals a person would see.
        Assert.Contains(rows, r => r["funding_share"].Length > 6);
    }

    [Fact]
    public async Task CsvFlagsSouthernGovernoratesUnderServedIn2019()
    {
        var rows = Csv(await Csv2019(), GapsHeader);
        static string[] Flags(IReadOnlyDictionary<string, string> r) => r["flags"].Split(';', StringSplitOptions.RemoveEmptyEntries);

        var basrah = rows.Single(r => r["pcode"] == "IQG02");
        Assert.Equal("Al-Basrah", basrah["governorate"]);
        Assert.Contains("under-served", Flags(basrah));

        var south = Repo.Governorates.Where(g => g.Region == "South").Select(g => g.Pcode).ToHashSet();
        Assert.Equal(9, south.Count);
        Assert.All(rows.Where(r => south.Contains(r["pcode"])), r => Assert.Contains("under-served", Flags(r)));
        Assert.All(rows.SelectMany(Flags), code =>
            Assert.Contains(code, new[] { "under-served", "over-concentrated", "no-presence", "funding-falling", "access-constrained" }));
    }

    [Fact]
    public async Task CsvLeavesUndefinedValuesEmpty()
    {
        // 2020 HNO: Al-Muthanna's PiN is not reported.
        var rows = Csv(await seeded.RunAsync("gaps", "--year", "2020", "--format", "csv"), GapsHeader);
        var muthanna = rows.Single(r => r["pcode"] == "IQG03");
        foreach (var c in new[] { "need", "need_share", "equity_ratio", "usd_per_pin", "gap_to_parity_usd" })
            Assert.True(muthanna[c].Length == 0, $"{c} should be empty, was '{muthanna[c]}'");
        Assert.Equal("0", muthanna["orgs"]);
    }

    [Fact]
    public async Task CsvFundingMatchesTheSeedFiles()
    {
        var rows = Csv(await Csv2019(), GapsHeader);
        var (expected, _) = Repo.ExpectedFunding(2019);
        foreach (var r in rows)
            Assert.True(expected[r["pcode"]] == CsvDecimal(r["funding_usd"]),
                $"{r["pcode"]}: expected {expected[r["pcode"]]}, CSV has {r["funding_usd"]}");
    }

    [Fact]
    public async Task CsvAndJsonCarryTheSameUnroundedFigures()
    {
        var rows = Csv(await Csv2019(), GapsHeader);
        using var json = Json(await Json2019());
        foreach (var r in rows)
        {
            var g = Governorate(json.RootElement, r["pcode"]);
            Assert.Equal(Long(g, "need"), CsvLong(r["need"]));
            Assert.Equal(Decimal(g, "fundingUsd"), CsvDecimal(r["funding_usd"]));
            Assert.Equal(Double(g, "fundingShare"), CsvDouble(r["funding_share"]));
            Assert.Equal(Double(g, "needShare"), CsvDouble(r["need_share"]));
            Assert.Equal(Double(g, "equityRatio"), CsvDouble(r["equity_ratio"]));
            Assert.Equal(Double(g, "usdPerPin"), CsvDouble(r["usd_per_pin"]));
            Assert.Equal(Double(g, "gapToParityUsd"), CsvDouble(r["gap_to_parity_usd"]));
            Assert.Equal(Long(g, "orgs"), CsvLong(r["orgs"]));
            Assert.Equal(Long(g, "activities"), CsvLong(r["activities"]));
            Assert.Equal(string.Join(';', FlagCodes(g)), r["flags"]);
            Assert.Equal(r["governorate"], g.GetProperty("governorate").GetString());
            Assert.Equal(r["region"], g.GetProperty("region").GetString());
        }
    }

    [Fact]
    public async Task JsonHasEveryTopLevelField()
    {
        using var json = Json(await Json2019());
        var root = json.RootElement;
        Assert.Equal(2019, root.GetProperty("year").GetInt32());
        var scope = root.GetProperty("scope");
        Assert.Equal(JsonValueKind.Object, scope.ValueKind);
        Assert.Equal("pin", scope.GetProperty("baseline").GetString());
        foreach (var f in new[] { "cluster", "donor", "region" })
            Assert.True(IsNull(scope, f), $"scope.{f} should be null without a filter");

        Assert.Equal(JsonValueKind.Number, root.GetProperty("totalFundingUsd").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("unallocatedUsd").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("totalNeed").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("usdPerPin").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("gini").ValueKind);
        Assert.Equal(18, root.GetProperty("governorates").GetArrayLength());
        Assert.Equal(Repo.RegionNames.Order(StringComparer.Ordinal),
            root.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("region").GetString()).Order(StringComparer.Ordinal));

        var gini = root.GetProperty("gini").GetDouble();
        Assert.InRange(gini, 0, 1);
    }

    [Fact]
    public async Task JsonGovernorateAndRegionObjectsHaveEveryField()
    {
        using var json = Json(await Json2019());
        foreach (var g in json.RootElement.GetProperty("governorates").EnumerateArray())
        {
            foreach (var f in new[] { "pcode", "governorate", "region" }.Concat(AreaFields))
                Assert.True(g.TryGetProperty(f, out _), $"governorate object lacks '{f}': {g}");
            AssertFlagObjects(g);
        }
        foreach (var r in json.RootElement.GetProperty("regions").EnumerateArray())
        {
            foreach (var f in new[] { "region" }.Concat(AreaFields))
                Assert.True(r.TryGetProperty(f, out _), $"region object lacks '{f}': {r}");
            AssertFlagObjects(r);
        }
    }

    [Fact]
    public async Task JsonFiguresAreConsistentFractionsAndTotals()
    {
        using var json = Json(await Json2019());
        var root = json.RootElement;
        var govs = root.GetProperty("governorates").EnumerateArray().ToList();

        Assert.Equal(Decimal(root, "totalFundingUsd"), govs.Sum(g => Decimal(g, "fundingUsd")));
        Assert.Equal(root.GetProperty("totalNeed").GetInt64(), govs.Sum(g => Long(g, "need") ?? 0));
        Assert.Equal(1.0, govs.Sum(g => Double(g, "fundingShare") ?? 0), 9);
        Assert.Equal(1.0, govs.Sum(g => Double(g, "needShare") ?? 0), 9);
        Assert.All(govs, g => Assert.InRange(Double(g, "fundingShare") ?? 0, 0, 1));

        var (expected, unallocated) = Repo.ExpectedFunding(2019);
        Assert.Equal(expected.Values.Sum(), Decimal(root, "totalFundingUsd"));
        Assert.Equal(unallocated, Decimal(root, "unallocatedUsd"));

        foreach (var region in Repo.RegionNames)
        {
            var r = Region(root, region);
            var members = govs.Where(g => g.GetProperty("region").GetString() == region).ToList();
            Assert.Equal(members.Sum(g => Decimal(g, "fundingUsd")), Decimal(r, "fundingUsd"));
            Assert.Equal(members.Sum(g => Long(g, "need") ?? 0), Long(r, "need"));
        }
    }

    [Fact]
    public async Task JsonHasNullWhereAValueIsUndefined()
    {
        using var json = Json(await seeded.RunAsync("gaps", "--year", "2020", "--format", "json"));
        var muthanna = Governorate(json.RootElement, "IQG03");
        Assert.Equal("Al-Muthanna", muthanna.GetProperty("governorate").GetString());
        foreach (var f in new[] { "need", "needShare", "equityRatio", "usdPerPin", "gapToParityUsd" })
            Assert.True(IsNull(muthanna, f), $"{f} should be null: {muthanna}");
        Assert.Equal(JsonValueKind.Number, muthanna.GetProperty("fundingUsd").ValueKind);
    }

    [Fact]
    public async Task CsvIsTheSameUnderAGermanLocale()
    {
        var expected = (await Csv2019()).AssertSuccess().StdOut;
        var german = new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" };
        var csv = (await EquityCli.RunRawAsync(["gaps", "--year", "2019", "--format", "csv", "--db", seeded.Db], german)).AssertSuccess();
        Assert.Equal(expected, csv.StdOut);
    }

    [Fact]
    public async Task TableFormatRuns()
    {
        var result = (await seeded.RunAsync("gaps", "--year", "2019")).AssertSuccess();
        Assert.Contains("Equity table", result.StdOut, StringComparison.Ordinal);
    }

    private static void AssertFlagObjects(JsonElement area)
    {
        Assert.Equal(JsonValueKind.Array, area.GetProperty("flags").ValueKind);
        foreach (var flag in area.GetProperty("flags").EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(flag.GetProperty("code").GetString()), $"flag without code: {flag}");
            Assert.False(string.IsNullOrWhiteSpace(flag.GetProperty("reason").GetString()), $"flag without reason: {flag}");
        }
    }
}
