using System.Text.Json;
using EquityDashboard.Cli.Tests.Support;
using static EquityDashboard.Cli.Tests.Support.Outputs;

namespace EquityDashboard.Cli.Tests;

/// <summary>A database named with --db that does not exist yet is created empty: schema and gazetteer, no demo data.</summary>
public sealed class EmptyDatabaseTests
{
    [Fact]
    public async Task NewDatabaseHasTheGazetteerButNoData()
    {
        using var db = new TempDatabase("empty");
        Assert.False(File.Exists(db.Path));

        using var json = Json(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json"));
        Assert.True(File.Exists(db.Path), "the --db file should have been created");

        var root = json.RootElement;
        Assert.Equal(0m, Decimal(root, "totalFundingUsd"));
        Assert.Equal(0m, Decimal(root, "unallocatedUsd"));
        Assert.Equal(0, root.GetProperty("totalNeed").GetInt64());
        Assert.True(IsNull(root, "usdPerPin"));
        Assert.True(IsNull(root, "gini"));

        var govs = root.GetProperty("governorates").EnumerateArray().ToList();
        Assert.Equal(18, govs.Count); // the gazetteer is there
        Assert.All(govs, g =>
        {
            Assert.True(IsNull(g, "need"));
            Assert.Equal(0m, Decimal(g, "fundingUsd"));
            Assert.True(IsNull(g, "equityRatio"));
            Assert.Equal(0, g.GetProperty("orgs").GetInt32());
            Assert.Empty(FlagCodes(g));
        });
    }

    [Fact]
    public async Task NewDatabaseHasNoBatches()
    {
        using var db = new TempDatabase("empty");
        var result = (await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess();
        Assert.Empty(BatchesTable.Parse(result.StdOut));
        Assert.Contains("Id", result.StdOut, StringComparison.Ordinal); // the header is still printed
    }

    [Fact]
    public async Task NewDatabaseGapsCsvHasEmptyUndefinedValues()
    {
        using var db = new TempDatabase("empty");
        var rows = Csv(await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "csv"), GapsHeader);
        Assert.Equal(18, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(string.Empty, r["need"]);
            Assert.Equal(string.Empty, r["equity_ratio"]);
            Assert.Equal(string.Empty, r["flags"]);
            Assert.Equal(0m, CsvDecimal(r["funding_usd"]));
        });
    }

    [Fact]
    public async Task NewDatabaseHasNoTrends()
    {
        using var db = new TempDatabase("empty");
        using var json = Json(await EquityCli.RunAsync(db.Path, "trends", "--format", "json"));
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(0, json.RootElement.GetArrayLength());

        var csv = (await EquityCli.RunAsync(db.Path, "trends", "--format", "csv")).AssertSuccess();
        Assert.Equal(new[] { TrendsHeader }, Lines(csv.StdOut));
    }

    [Fact]
    public async Task DbOptionMayComeBeforeTheCommand()
    {
        using var db = new TempDatabase("empty");
        var result = (await EquityCli.RunRawAsync(["--db", db.Path, "gaps", "--year", "2019", "--format", "csv"])).AssertSuccess();
        Assert.Equal(GapsHeader, Lines(result.StdOut)[0]);
        Assert.True(File.Exists(db.Path));
    }
}
