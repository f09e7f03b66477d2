using EquityDashboard.Cli.Tests.Support;
using static EquityDashboard.Cli.Tests.Support.Outputs;

namespace EquityDashboard.Cli.Tests;

/// <summary>`gaps` scopes (baseline, region, cluster, donor) and argument errors, on the seeded demo data.</summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class GapsScopeTests(SeededDatabaseFixture seeded)
{
    [Theory]
    [InlineData("gaps", "--cluster", "Helth", "Unknown cluster 'Helth'. Clusters: CCCM, Education")]
    [InlineData("gaps", "--donor", "Nobody", "Unknown donor 'Nobody'. Donors: Donor A")]
    [InlineData("trends", "--cluster", "Helth", "Unknown cluster 'Helth'. Clusters: CCCM, Education")]
    [InlineData("trends", "--donor", "Nobody", "Unknown donor 'Nobody'. Donors: Donor A")]
    public async Task An_unknown_cluster_or_donor_is_refused_with_the_known_names(string command, string option, string value, string message)
    {
        string[] args = command == "gaps" ? [command, "--year", "2019", option, value] : [command, option, value];
        var run = await EquityCli.RunAsync(seeded.Db, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr);
        Assert.Equal(string.Empty, run.StdOut.Trim());
    }

    [Fact]
    public async Task Real_only_leaves_out_the_illustrative_batches_in_gaps_trends_and_export()
    {
        using var all = Json(await seeded.RunAsync("gaps", "--year", "2019", "--format", "json"));
        using var real = Json(await seeded.RunAsync("gaps", "--year", "2019", "--real-only", "--format", "json"));
        Assert.Equal("all", all.RootElement.GetProperty("scope").GetProperty("data").GetString());
        Assert.Equal("real", real.RootElement.GetProperty("scope").GetProperty("data").GetString());
        var allFunding = all.RootElement.GetProperty("totalFundingUsd").GetDecimal();
        var realFunding = real.RootElement.GetProperty("totalFundingUsd").GetDecimal();
        Assert.InRange(realFunding, 1, allFunding - 1);

        var table = await seeded.RunAsync("gaps", "--year", "2019", "--real-only");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Real figures only: every batch marked illustrative is left out.", table.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("ILLUSTRATIVE", table.StdOut, StringComparison.Ordinal);

        using var trends = Json(await seeded.RunAsync("trends", "--from", "2019", "--to", "2019", "--real-only", "--format", "json"));
        Assert.Equal(realFunding, trends.RootElement.EnumerateArray().Sum(r => r.GetProperty("fundingUsd").GetDecimal()));
    }

    [Fact]
    public async Task A_cluster_typed_in_another_case_gives_the_same_table()
    {
        var typed = await seeded.RunAsync("gaps", "--year", "2019", "--cluster", "hEALTH", "--format", "csv");
        var stored = await seeded.RunAsync("gaps", "--year", "2019", "--cluster", "Health", "--format", "csv");
        Assert.Equal(0, typed.ExitCode);
        Assert.Equal(stored.StdOut, typed.StdOut);
    }

    [Fact]
    public async Task PopulationBaselinePutsPopulationInTheNeedFields()
    {
        using var json = Json(await seeded.RunAsync("gaps", "--year", "2019", "--baseline", "population", "--format", "json"));
        var root = json.RootElement;
        Assert.Equal("population", root.GetProperty("scope").GetProperty("baseline").GetString());

        foreach (var g in Repo.Governorates)
            Assert.Equal(g.Population, Long(Governorate(root, g.Pcode), "need"));
        Assert.Equal(Repo.Governorates.Sum(g => g.Population), root.GetProperty("totalNeed").GetInt64());
        foreach (var region in Repo.RegionNames)
        {
            var population = Repo.Governorates.Where(g => g.Region == region).Sum(g => g.Population);
            var r = Region(root, region);
            Assert.Equal(population, Long(r, "need"));
            Assert.Equal((double)population / Repo.Governorates.Sum(g => g.Population), Double(r, "needShare")!.Value, 12);
        }
        // Population is always known, so no ratio is undefined.
        Assert.All(root.GetProperty("governorates").EnumerateArray(), g => Assert.False(IsNull(g, "equityRatio")));
    }

    [Fact]
    public async Task Idps_baseline_puts_the_seeds_idps_in_the_need_fields_and_names_the_round()
    {
        // IDPs per governorate, summed here from the seed's displacement file.
        var idps = File.ReadLines(Path.Combine(Repo.Root, "seeds", "displacement-2021-dtm.csv")).Skip(1)
            .Select(line => line.Split(','))
            .GroupBy(f => f[1]).ToDictionary(g => g.Key, g => g.Sum(f => long.Parse(f[^1], System.Globalization.CultureInfo.InvariantCulture)));
        using var json = Json(await seeded.RunAsync("gaps", "--year", "2021", "--baseline", "idps", "--format", "json"));
        var root = json.RootElement;
        Assert.Equal("idps", root.GetProperty("scope").GetProperty("baseline").GetString());
        Assert.Equal(idps.Values.Sum(), root.GetProperty("totalNeed").GetInt64());
        foreach (var g in Repo.Governorates)
            Assert.Equal(idps[g.Name], Long(Governorate(root, g.Pcode), "need"));
        Assert.StartsWith("IDPs: IOM DTM Iraq IDP master list, round 123 (2021) (batch ", root.GetProperty("baselineNote").GetString(), StringComparison.Ordinal);

        var table = await seeded.RunAsync("gaps", "--year", "2021", "--baseline", "idps");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Baseline: IDPs: IOM DTM Iraq IDP master list, round 123 (2021)", table.StdOut, StringComparison.Ordinal);
        Assert.Contains("USD per IDP", table.StdOut, StringComparison.Ordinal);

        // A year the round does not cover: no IDP figure, and the reason.
        using var other = Json(await seeded.RunAsync("gaps", "--year", "2019", "--baseline", "idps", "--format", "json"));
        Assert.Equal(0, other.RootElement.GetProperty("totalNeed").GetInt64());
        Assert.Equal("No IDP figures for 2019: the displacement list imported (IOM DTM Iraq IDP master list, round 123 (2021)) is for 2021.",
            other.RootElement.GetProperty("baselineNote").GetString());
        Assert.All(other.RootElement.GetProperty("governorates").EnumerateArray(), g => Assert.True(IsNull(g, "equityRatio")));
    }

    [Fact]
    public async Task PopulationBaselineCsvHasPopulationAsNeed()
    {
        var rows = Csv(await seeded.RunAsync("gaps", "--year", "2019", "--baseline", "population", "--format", "csv"), GapsHeader);
        Assert.Equal(18, rows.Count);
        foreach (var g in Repo.Governorates)
            Assert.Equal(g.Population, CsvLong(rows.Single(r => r["pcode"] == g.Pcode)["need"]));
    }

    [Fact]
    public async Task PinIsTheDefaultBaselineAndDiffersFromPopulation()
    {
        using var json = Json(await seeded.RunAsync("gaps", "--year", "2019", "--baseline", "pin", "--format", "json"));
        Assert.Equal("pin", json.RootElement.GetProperty("scope").GetProperty("baseline").GetString());
        var basrah = Repo.Governorates.Single(g => g.Pcode == "IQG02");
        Assert.NotEqual(basrah.Population, Long(Governorate(json.RootElement, "IQG02"), "need"));
    }

    [Fact]
    public async Task RegionSouthListsOnlyTheNineSouthernGovernorates()
    {
        var south = Repo.Governorates.Where(g => g.Region == "South").Select(g => g.Pcode).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(9, south.Count);

        var rows = Csv(await seeded.RunAsync("gaps", "--year", "2019", "--region", "South", "--format", "csv"), GapsHeader);
        Assert.Equal(south, rows.Select(r => r["pcode"]).Order(StringComparer.Ordinal).ToList());
        Assert.All(rows, r => Assert.Equal("South", r["region"]));

        using var json = Json(await seeded.RunAsync("gaps", "--year", "2019", "--region", "South", "--format", "json"));
        var root = json.RootElement;
        Assert.Equal("South", root.GetProperty("scope").GetProperty("region").GetString());
        Assert.Equal(south, root.GetProperty("governorates").EnumerateArray()
            .Select(g => g.GetProperty("pcode").GetString()!).Order(StringComparer.Ordinal).ToList());
        Assert.All(root.GetProperty("regions").EnumerateArray(), r => Assert.Equal("South", r.GetProperty("region").GetString()));
    }

    [Fact]
    public async Task RegionNamesAreAccepted()
    {
        foreach (var (region, count) in new[] { ("KRI", 3), ("North/Centre", 5), ("Baghdad", 1) })
        {
            var rows = Csv(await seeded.RunAsync("gaps", "--year", "2019", "--region", region, "--format", "csv"), GapsHeader);
            Assert.Equal(count, rows.Count);
            Assert.All(rows, r => Assert.Equal(region, r["region"]));
        }
    }

    [Fact]
    public async Task ClusterScopeUsesThatClustersNeedAndFunding()
    {
        using var json = Json(await seeded.RunAsync("gaps", "--year", "2019", "--cluster", "Health", "--format", "json"));
        var root = json.RootElement;
        Assert.Equal("Health", root.GetProperty("scope").GetProperty("cluster").GetString());

        var need = Repo.ExpectedClusterNeed(2019, "Health");
        Assert.NotEmpty(need);
        var (funding, unallocated) = Repo.ExpectedFunding(2019, cluster: "Health");
        foreach (var g in Repo.Governorates)
        {
            var actual = Governorate(root, g.Pcode);
            Assert.Equal(need.GetValueOrDefault(g.Pcode), Long(actual, "need"));
            Assert.True(funding[g.Pcode] == Decimal(actual, "fundingUsd"),
                $"{g.Pcode}: Health funding expected {funding[g.Pcode]}, got {Decimal(actual, "fundingUsd")}");
        }
        Assert.Equal(funding.Values.Sum(), Decimal(root, "totalFundingUsd"));
        Assert.Equal(unallocated, Decimal(root, "unallocatedUsd"));

        using var all = Json(await seeded.RunAsync("gaps", "--year", "2019", "--format", "json"));
        Assert.True(Decimal(root, "totalFundingUsd") < Decimal(all.RootElement, "totalFundingUsd"));
        Assert.True(root.GetProperty("totalNeed").GetInt64() < all.RootElement.GetProperty("totalNeed").GetInt64());
    }

    [Fact]
    public async Task ClusterScopeCsvMatchesJson()
    {
        var rows = Csv(await seeded.RunAsync("gaps", "--year", "2019", "--cluster", "Health", "--format", "csv"), GapsHeader);
        var need = Repo.ExpectedClusterNeed(2019, "Health");
        Assert.Equal(18, rows.Count);
        foreach (var r in rows)
            Assert.Equal(need.GetValueOrDefault(r["pcode"]), CsvLong(r["need"]));
    }

    [Fact]
    public async Task DonorScopeCountsOnlyThatDonorsFunding()
    {
        using var json = Json(await seeded.RunAsync("gaps", "--year", "2019", "--donor", "Donor A", "--format", "json"));
        var root = json.RootElement;
        Assert.Equal("Donor A", root.GetProperty("scope").GetProperty("donor").GetString());
        var (funding, unallocated) = Repo.ExpectedFunding(2019, donor: "Donor A");
        Assert.True(funding.Values.Sum() > 0, "the seeds should give Donor A some 2019 funding");
        foreach (var g in Repo.Governorates)
            Assert.Equal(funding[g.Pcode], Decimal(Governorate(root, g.Pcode), "fundingUsd"));
        Assert.Equal(unallocated, Decimal(root, "unallocatedUsd"));
    }

    [Fact]
    public async Task UnknownRegionFailsWithAMessage()
    {
        var result = (await seeded.RunAsync("gaps", "--year", "2019", "--region", "Atlantis", "--format", "csv")).AssertFailure();
        Assert.Contains("Atlantis", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("South", result.StdErr, StringComparison.Ordinal); // lists the valid names
        Assert.DoesNotContain("pcode,", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingYearIsTheDefaultYearOfTheSettings()
    {
        // The settings file the CLI shares with the web app names 2019 (Equity:DefaultYear).
        var json = (await seeded.RunAsync("gaps", "--format", "json")).AssertSuccess();
        Assert.Equal((await seeded.RunAsync("gaps", "--year", "2019", "--format", "json")).StdOut, json.StdOut);
    }

    [Fact]
    public async Task MissingYearIsTheConfiguredDefaultYear()
    {
        var run = (await EquityCli.RunRawAsync(["gaps", "--format", "csv", "--db", seeded.Db],
            new Dictionary<string, string> { ["Equity__DefaultYear"] = "2018" })).AssertSuccess();
        Assert.Equal((await seeded.RunAsync("gaps", "--year", "2018", "--format", "csv")).StdOut, run.StdOut);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1989")]
    [InlineData("2101")]
    public async Task AYearOutsideTheRangeFailsWithAMessage(string year)
    {
        var result = await seeded.RunAsync("gaps", "--year", year, "--format", "csv");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--year must be a year from 1990 to 2100, such as 2019; got '{year}'.", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("pcode,", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownBaselineFails()
    {
        var result = await seeded.RunAsync("gaps", "--year", "2019", "--baseline", "households", "--format", "csv");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--baseline must be 'pin' (people in need), 'population' or 'idps' (internally displaced people); got 'households'.", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryBadValueIsNamedAtOnce()
    {
        var result = await seeded.RunAsync("gaps", "--year", "x", "--region", "Atlantis", "--cluster", "Helth", "--format", "csv");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(3, Lines(result.StdErr).Length);
        Assert.Contains("got 'x'", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("Unknown region 'Atlantis'. Regions: North/Centre, Baghdad, KRI, South.", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("Unknown cluster 'Helth'.", result.StdErr, StringComparison.Ordinal);
    }
}
