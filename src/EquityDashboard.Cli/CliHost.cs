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
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables();
        // --db always names a SQLite file, whatever database is configured.
        if (db is not null) builder.AddInMemoryCollection([new(DatabaseSettings.ProviderKey, nameof(DatabaseProvider.Sqlite))]);
        var configuration = builder.Build();

        var services = new ServiceCollection();
        services.AddEquityDashboard(configuration, db is null ? null : DataPaths.ForFile(db.FullName));
        var provider = services.BuildServiceProvider();

        // The default database is seeded on first use; a database named with --db starts empty.
        var seed = db is null && allowDemoSeed ? (bool?)null : false;
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seed, ct);
        return provider;
    }
}
