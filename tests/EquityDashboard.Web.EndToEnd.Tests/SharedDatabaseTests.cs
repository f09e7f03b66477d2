using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EquityDashboard.Tests.Shared;
using EquityDashboard.Web.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace EquityDashboard.Web.EndToEnd.Tests;

/// <summary>
/// Several instances, one PostgreSQL database: two web app processes and the CLI as processes,
/// all configured by environment variables alone, on one fresh database. What one of them
/// commits, the others answer on their very next request; imports started together by two CLI
/// processes land once per distinct file.
/// </summary>
[Trait("Provider", "PostgreSQL")]
public sealed class SharedDatabaseTests(ITestOutputHelper output)
{
    private const string Header = "year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id";
    private const string Admin = "admin@example.org";

    [PostgreSqlFact]
    public async Task Two_web_instances_and_the_CLI_see_each_others_commits_and_concurrent_imports_land_once_per_file()
    {
        await using var database = TestPostgres.CreateDatabase();
        var folder = TestFolder.Create("ed-shared");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Database__Provider"] = "PostgreSQL",
                ["ConnectionStrings__Default"] = database.ConnectionString,
                ["Equity__SeedDemoData"] = "false",
                ["Equity__SeedFolder"] = Path.Combine(DashboardServer.RepoRoot, "seeds"),
            };
            var cli = new CliProcess(environment, folder, output);

            // Both instances start at once on the empty database: one migrates it, neither fails.
            var (webA, webB) = await StartBothAsync(environment);
            await using var a = webA;
            await using var b = webB;
            Assert.Equal(0m, await TotalFundingAsync(a));
            Assert.Equal(0m, await TotalFundingAsync(b));

            (await cli.RunAsync("a long enough password", "users", "add", Admin, "--role", "admin", "--password-stdin")).Succeeded();
            var token = (await cli.RunAsync(null, "tokens", "create", Admin, "--name", "shared-database test")).Succeeded()
                .StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
            foreach (var web in new[] { a, b }) web.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            // An import committed by the CLI is in both instances' next answer.
            var first = WriteFunding(folder, "first.csv", seed: 1, rows: 3_000);
            var imported = (await cli.RunAsync(null, "import", first.Path, "--kind", "funding", "--source", "first")).Succeeded();
            var firstBatch = BatchId(imported);
            Assert.Equal(first.TotalUsd, await TotalFundingAsync(a));
            Assert.Equal(first.TotalUsd, await TotalFundingAsync(b));
            Assert.Equal(first.PerGovernorate, await FundingPerGovernorateAsync(b));

            // A withdrawal through instance A's API is in instance B's next answer (and A's).
            using (var withdrawn = await a.Client.DeleteAsync($"/api/batches/{firstBatch}"))
                Assert.True(withdrawn.StatusCode == HttpStatusCode.OK, await withdrawn.Content.ReadAsStringAsync());
            Assert.Equal(0m, await TotalFundingAsync(b));
            Assert.Equal(0m, await TotalFundingAsync(a));
            Assert.Equal("withdrawn", (await BatchesAsync(b)).Single(x => x.Id == firstBatch).Status);

            // Two CLI processes importing different files at once: both commit, two new batches, the totals summed.
            var second = WriteFunding(folder, "second.csv", seed: 2, rows: 20_000);
            var third = WriteFunding(folder, "third.csv", seed: 3, rows: 20_000);
            var different = await Task.WhenAll(
                cli.RunAsync(null, "import", second.Path, "--kind", "funding", "--source", "second"),
                cli.RunAsync(null, "import", third.Path, "--kind", "funding", "--source", "third"));
            Assert.All(different, run => run.Succeeded());
            var newBatches = different.Select(BatchId).ToList();
            Assert.Equal(2, newBatches.Distinct().Count());
            var batches = await BatchesAsync(a);
            Assert.Equal(3, batches.Count);
            Assert.All(newBatches, id => Assert.Equal(("in-use", 20_000), batches.Where(x => x.Id == id).Select(x => (x.Status, x.Rows)).Single()));
            Assert.Equal(second.TotalUsd + third.TotalUsd, await TotalFundingAsync(a));
            Assert.Equal(second.TotalUsd + third.TotalUsd, await TotalFundingAsync(b));

            // Two CLI processes importing the same file at once: one batch, a clear refusal for the other.
            var fourth = WriteFunding(folder, "fourth.csv", seed: 4, rows: 20_000);
            var same = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                cli.RunAsync(null, "import", fourth.Path, "--kind", "funding", "--source", "fourth")));
            var landed = Assert.Single(same, run => run.ExitCode == 0);
            var refused = Assert.Single(same, run => run.ExitCode != 0);
            Assert.Contains($"Refused: fourth.csv was already imported as batch {BatchId(landed)}", refused.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("Written as batch", refused.StdOut, StringComparison.Ordinal);
            Assert.Equal(4, (await BatchesAsync(b)).Count);
            Assert.Equal(second.TotalUsd + third.TotalUsd + fourth.TotalUsd, await TotalFundingAsync(a));
            Assert.Equal(second.TotalUsd + third.TotalUsd + fourth.TotalUsd, await TotalFundingAsync(b));
        }
        finally
        {
            TestFolder.Delete(folder);
        }
    }

    /// <summary>Starts two instances at once; if either fails, the other is stopped too.</summary>
    private async Task<(WebProcess A, WebProcess B)> StartBothAsync(IReadOnlyDictionary<string, string> environment)
    {
        var starting = new[] { "web A", "web B" }.Select(name => WebProcess.StartAsync(name, environment, output)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully)) await started.Result.DisposeAsync();
            throw;
        }
        return (starting[0].Result, starting[1].Result);
    }

    /// <summary>A template funding file of <paramref name="rows"/> paid, incoming flows of 2019, each in one governorate, and its sums.</summary>
    private static (string Path, decimal TotalUsd, IReadOnlyDictionary<string, decimal> PerGovernorate) WriteFunding(
        string folder, string name, int seed, int rows)
    {
        (string Name, string Pcode)[] places = [("Ninewa", "IQG15"), ("Al-Anbar", "IQG01"), ("Baghdad", "IQG08"), ("Duhok", "IQG09"), ("Basra", "IQG02")];
        string[] donors = ["Donor A", "Donor B", "Donor C"];
        var perGovernorate = new Dictionary<string, decimal>();
        var lines = new List<string>(rows + 1) { Header };
        for (var i = 1; i <= rows; i++)
        {
            var place = places[(i * 3 + seed) % places.Length];
            var usd = 1_000m + (i * 7_919 + seed * 104_729) % 400_000 + i % 100 / 100m;
            perGovernorate[place.Pcode] = perGovernorate.GetValueOrDefault(place.Pcode) + usd;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"2019,2019-{1 + i % 12:00}-{1 + i % 28:00},{donors[i % donors.Length]},Partner {i % 17},{(i % 2 == 0 ? "Health" : "WASH")},{place.Name},,{usd:0.00},paid,incoming,F{seed}-{i}"));
        }
        var path = System.IO.Path.Combine(folder, name);
        File.WriteAllLines(path, lines);
        return (path, perGovernorate.Values.Sum(), perGovernorate);
    }

    private static int BatchId(CliRun run)
    {
        var line = run.StdOut.Split('\n').Select(l => l.Trim()).SingleOrDefault(l => l.StartsWith("Written as batch ", StringComparison.Ordinal));
        Assert.True(line is not null, run.ToString());
        return int.Parse(line["Written as batch ".Length..].TrimEnd('.'), CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> GapsAsync(WebProcess web)
    {
        using var response = await web.Client.GetAsync("/api/gaps?year=2019");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static async Task<decimal> TotalFundingAsync(WebProcess web) => (await GapsAsync(web)).GetProperty("totalFundingUsd").GetDecimal();

    private static async Task<IReadOnlyDictionary<string, decimal>> FundingPerGovernorateAsync(WebProcess web) =>
        (await GapsAsync(web)).GetProperty("governorates").EnumerateArray()
            .Where(g => g.GetProperty("fundingUsd").GetDecimal() != 0)
            .ToDictionary(g => g.GetProperty("pcode").GetString()!, g => g.GetProperty("fundingUsd").GetDecimal());

    private static async Task<List<(int Id, string Status, int Rows)>> BatchesAsync(WebProcess web)
    {
        using var response = await web.Client.GetAsync("/api/batches");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.EnumerateArray()
            .Select(x => (x.GetProperty("id").GetInt32(), x.GetProperty("status").GetString()!, x.GetProperty("rowsWritten").GetInt32()))
            .ToList();
    }
}
