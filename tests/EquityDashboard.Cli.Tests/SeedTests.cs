using EquityDashboard.Cli.Tests.Support;
using static EquityDashboard.Cli.Tests.Support.Outputs;

namespace EquityDashboard.Cli.Tests;

/// <summary>`seed` and the seeding of the default database.</summary>
public sealed class SeedTests
{
    [Fact]
    public async Task SeedLoadsEveryManifestFileIntoAnEmptyDatabaseOnlyOnce()
    {
        using var db = new TempDatabase("seed");
        var seed = (await EquityCli.RunAsync(db.Path, "seed")).AssertSuccess();
        foreach (var entry in Repo.Manifest)
            Assert.Contains(entry.File, seed.StdOut, StringComparison.Ordinal);

        var batches = BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut);
        AssertListsTheManifest(batches);

        // seed only loads into an empty database.
        var again = (await EquityCli.RunAsync(db.Path, "seed")).AssertFailure();
        Assert.NotEqual(string.Empty, again.StdErr.Trim());
        Assert.Equal(batches.Count, BatchesTable.Parse((await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess().StdOut).Count);
    }

    [Fact]
    public async Task DefaultDatabaseIsSeededWithTheDemoDataOnFirstUse()
    {
        // No --db: the configured database, pointed at a temporary file (never data/equity.db).
        using var db = new TempDatabase("default");
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={db.Path}" };

        var result = (await EquityCli.RunRawAsync(["batches"], environment)).AssertSuccess();
        Assert.True(File.Exists(db.Path), "the configured database file should have been created");
        AssertListsTheManifest(BatchesTable.Parse(result.StdOut));

        var gaps = Csv(await EquityCli.RunRawAsync(["gaps", "--year", "2019", "--format", "csv"], environment), GapsHeader);
        Assert.All(gaps, r => Assert.NotEqual(string.Empty, r["need"]));
    }

    [Fact]
    public async Task DefaultDatabaseIsNotReseededAfterEveryBatchIsPurged()
    {
        // "Seeded with the demo data on first use": once the user has rolled back every
        // batch, the demo data must not come back by itself on the next command.
        using var db = new TempDatabase("default");
        var environment = TinySeedEnvironment(db);

        var first = BatchesTable.Parse((await EquityCli.RunRawAsync(["batches"], environment)).AssertSuccess().StdOut);
        var batch = Assert.Single(first); // first use: the (tiny) demo data is loaded
        var id = batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await EquityCli.RunRawAsync(["withdraw", id], environment)).AssertSuccess();
        (await EquityCli.RunRawAsync(["purge", id, "--yes"], environment)).AssertSuccess();

        var after = (await EquityCli.RunRawAsync(["batches"], environment)).AssertSuccess();
        Assert.True(BatchesTable.Parse(after.StdOut).Count == 0,
            $"The rolled-back demo data was loaded again by the next command:\n{after.StdOut}");
    }

    [Fact]
    public async Task SeedSucceedsOnAFreshDefaultDatabase()
    {
        // `seed` loads the demo data into an empty database; on a default database that has
        // never been used it should succeed, not report that the database is already full.
        using var db = new TempDatabase("default");
        var environment = TinySeedEnvironment(db);

        var result = await EquityCli.RunRawAsync(["seed"], environment);
        result.AssertSuccess();
        Assert.Single(BatchesTable.Parse((await EquityCli.RunRawAsync(["batches"], environment)).AssertSuccess().StdOut));
    }

    /// <summary>
    /// The default database pointed at <paramref name="db"/>, with a one-file seed folder
    /// (so a test can roll back all of the demo data in one step).
    /// </summary>
    private static Dictionary<string, string> TinySeedEnvironment(TempDatabase db)
    {
        var need = db.File("need-tiny.csv", "year,governorate,cluster,people_in_need\n2019,Ninewa,,100\n");
        db.File("manifest.json",
            """[ { "file": "need-tiny.csv", "kind": "need", "source": "Tiny demo", "illustrative": true } ]""");
        return new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={db.Path}",
            ["Equity__SeedFolder"] = Path.GetDirectoryName(need)!,
        };
    }

    private static void AssertListsTheManifest(IReadOnlyList<BatchesTable.Row> batches)
    {
        Assert.Equal(Repo.Manifest.Count, batches.Count);
        foreach (var entry in Repo.Manifest)
        {
            var batch = batches.SingleOrDefault(b => b.FileIs(entry.File));
            Assert.True(batch is not null, $"no batch for {entry.File}");
            Assert.True(batch.SourceContains(entry.Source), $"{entry.File}: source '{entry.Source}' not in '{batch.Source}'");
            Assert.Equal(entry.Kind.ToLowerInvariant(), batch.Kind);
        }
    }
}
