using System.Collections.Concurrent;

namespace EquityDashboard.Cli.Tests.Support;

/// <summary>
/// One temporary database loaded with `seed`, shared by the test classes that only read
/// it. Outputs are cached per argument list, so several tests can check one run.
/// </summary>
public sealed class SeededDatabaseFixture : IAsyncLifetime
{
    private readonly TempDatabase _db = new("seeded");
    private readonly ConcurrentDictionary<string, Lazy<Task<CliResult>>> _cache = new();

    public string Db => _db.Path;

    public CliResult SeedResult { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        SeedResult = await EquityCli.RunAsync(Db, "seed");
        if (SeedResult.ExitCode != 0)
            throw new InvalidOperationException($"Seeding the shared test database failed.\n{SeedResult}");
    }

    /// <summary>Runs the CLI on the seeded database (once per distinct argument list).</summary>
    public Task<CliResult> RunAsync(params string[] args) =>
        _cache.GetOrAdd(string.Join('\u0001', args), _ => new Lazy<Task<CliResult>>(() => EquityCli.RunAsync(Db, args))).Value;

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The read-only test classes share one seeded database (seeding takes a few seconds).</summary>
[CollectionDefinition(Name)]
public sealed class SeededDatabaseCollection : ICollectionFixture<SeededDatabaseFixture>
{
    public const string Name = "seeded database";
}
