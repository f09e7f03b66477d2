using System.Reflection;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.Conventions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EquityDashboard.Infrastructure.Tests.Postgres;

/// <summary>
/// The PostgreSQL server of EQUITY_TEST_POSTGRES (a connection string whose user may CREATE
/// DATABASE). Tests needing it (<see cref="PostgresFactAttribute"/>) are skipped when it is unset,
/// except under CI=true, where they run and fail.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "EQUITY_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static string? SkipReason =>
        ConnectionString is null && !RealData.RealDataFiles.IsCi ? "PostgreSQL tests need EQUITY_TEST_POSTGRES (CI sets it)" : null;
}

/// <summary>A fact that needs a PostgreSQL server: skipped without EQUITY_TEST_POSTGRES, unless CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>
/// A fresh database (ed_&lt;guid&gt;) on the test server with the product's tables, made from the EF
/// model by EnsureCreated (test only: the app itself runs the PostgreSQL migrations), and the
/// gazetteer's areas; an <see cref="ImportService"/> writing to it. Dropped on dispose.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable, IDbContextFactory<EquityDbContext>
{
    private readonly string _admin;
    private readonly DbContextOptions<EquityDbContext> _options;

    private PostgresDatabase(string admin, string name, string connectionString, NameResolver resolver)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
        _options = new DbContextOptionsBuilder<EquityDbContext>().UseNpgsql(connectionString).UseModel(Model.Value).Options;
        Importer = new ImportService(this, resolver);
    }

    public string Name { get; }
    public string ConnectionString { get; }
    public ImportService Importer { get; }

    public EquityDbContext CreateDbContext() => new(_options);

    /// <summary>A new database with the schema and the areas of <paramref name="like"/>'s gazetteer, named by its importer's resolver.</summary>
    public static async Task<PostgresDatabase> CreateAsync(TestDatabase like)
    {
        var server = PostgresServer.ConnectionString
            ?? throw new InvalidOperationException("PostgreSQL tests need EQUITY_TEST_POSTGRES (CI sets it); CI=true makes its absence a failure.");
        // Databases are created and dropped from the maintenance database unless the setting names one.
        var builder = new NpgsqlConnectionStringBuilder(server);
        if (string.IsNullOrEmpty(builder.Database)) builder.Database = "postgres";
        var admin = builder.ToString();
        var name = $"ed_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new PostgresDatabase(admin, name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString(),
            like.Services.GetRequiredService<NameResolver>());
        try
        {
            await using var db = database.CreateDbContext();
            // The model's case-insensitive columns (SQLite's NOCASE) as a nondeterministic ICU collation.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE COLLATION \"NOCASE\" (provider = icu, locale = 'und-u-ks-level2', deterministic = false)");
            await db.Database.EnsureCreatedAsync();
            db.Areas.AddRange(DatabaseInitializer.AreasOf(like.Services.GetRequiredService<Gazetteer>()));
            await db.SaveChangesAsync();
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
        return database;
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var db = CreateDbContext();
        return await db.Database.ExecuteSqlRawAsync(sql);
    }

    public async Task<TableCounts> CountsAsync()
    {
        await using var db = CreateDbContext();
        return new TableCounts(await db.Batches.CountAsync(), await db.Funding.CountAsync(), await db.Presence.CountAsync(),
            await db.Need.CountAsync(), await db.Incidents.CountAsync(), await db.OrganisationAliases.CountAsync());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The product's model built with PostgreSQL's conventions. The context would otherwise run on
    /// the compiled model in Data/CompiledModel (found by its assembly attribute), which is SQLite's.
    /// Two things only SQLite reads as written are adjusted: the flows' id is SQLite's rowid (no value
    /// generation in the model), here an identity column; the partial index's filter names its
    /// column unquoted, which PostgreSQL would fold to lower case.
    /// </summary>
    private static readonly Lazy<IModel> Model = new(() =>
    {
        var builder = NpgsqlConventionSetBuilder.CreateModelBuilder();
        using (var context = new EquityDbContext(new DbContextOptionsBuilder<EquityDbContext>().UseNpgsql("Host=unused").Options))
            typeof(EquityDbContext).GetMethod("OnModelCreating", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(context, [builder]);
        builder.Entity<FundingRecord>().Property(x => x.Id).UseIdentityByDefaultColumn();
        builder.Entity<FundingRecord>().HasIndex(x => x.Year).HasDatabaseName("IX_FundingRecords_Year_Named")
            .HasFilter("\"NamedPcodes\" IS NOT NULL");
        return builder.FinalizeModel();
    });
}
