using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Cli;

/// <summary>
/// Builds the services for one command: the same settings file as the web app
/// (appsettings.json, then environment variables: Database:Provider and ConnectionStrings:Default),
/// and the SQLite file named by --db or the configured database.
/// </summary>
internal static class CliHost
{
    public static async Task<ServiceProvider> StartAsync(FileInfo? db, CancellationToken ct, bool allowDemoSeed = true)
    {
        var provider = Build(db);
        // The default database is seeded on first use; a database named with --db starts empty.
        var seed = db is null && allowDemoSeed ? (bool?)null : false;
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seed, ct);
        return provider;
    }

    /// <summary>The services on the database, which is left as it is (no migration, no seed).</summary>
    public static ServiceProvider Build(FileInfo? db) => new ServiceCollection().AddEquityDashboard(Configuration(db)).BuildServiceProvider();

    /// <summary>
    /// The settings: appsettings.json next to the CLI, then environment variables; --db names a
    /// SQLite file, whatever database is configured.
    /// </summary>
    public static IConfiguration Configuration(FileInfo? db)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables();
        if (db is not null)
        {
            builder.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.Sqlite),
                ["ConnectionStrings:Default"] = DataPaths.ForFile(db.FullName),
            });
        }
        return builder.Build();
    }
}
