using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests.Postgres;

/// <summary>
/// A database of its own on the test server (<see cref="TestPostgres.CreateDatabase"/>) with the
/// production registrations on it, migrated by the app's initializer unless asked not to, and
/// dropped on dispose. <see cref="OtherInstance"/> gives more sets of services on the same
/// database, as a second web instance or the CLI has.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly TestPostgres.Database _database;
    private readonly List<ServiceProvider> _instances = [];

    private PostgresDatabase(TestPostgres.Database database)
    {
        _database = database;
        Services = OtherInstance();
    }

    public string ConnectionString => _database.ConnectionString;
    public ServiceProvider Services { get; }
    public DatabaseInitializer Initializer => Services.GetRequiredService<DatabaseInitializer>();
    public ImportService Importer => Services.GetRequiredService<ImportService>();

    public EquityDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContext();

    /// <summary>A new database, migrated with the gazetteer (no demo data) when <paramref name="initialise"/>.</summary>
    public static async Task<PostgresDatabase> CreateAsync(bool initialise = true)
    {
        var pg = new PostgresDatabase(TestPostgres.CreateDatabase());
        try
        {
            if (initialise) await pg.Initializer.InitializeAsync(seedDemoData: false);
        }
        catch
        {
            await pg.DisposeAsync();
            throw;
        }
        return pg;
    }

    /// <summary>Another set of services on the same database.</summary>
    public ServiceProvider OtherInstance()
    {
        var services = new ServiceCollection().AddEquityDashboard(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseSettings.ProviderKey] = "PostgreSQL",
                ["ConnectionStrings:Default"] = ConnectionString,
                ["Equity:SeedFolder"] = TestSupport.SeedFolder,
                ["Equity:SeedDemoData"] = "false",
            }).Build()).BuildServiceProvider();
        _instances.Add(services);
        return services;
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var db = NewContext();
        return await db.Database.ExecuteSqlRawAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var services in _instances) await services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
