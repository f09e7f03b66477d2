using System.Data.Common;
using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>
/// Applies migrations, writes the gazetteer, and seeds the demo data into a newly created database.
/// SQLite's page size and journal mode are set on SQLite only.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<EquityDbContext> factory,
    Gazetteer gazetteer,
    DemoSeeder seeder,
    IOptions<EquityOptions> options,
    ILogger<DatabaseInitializer>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<DatabaseInitializer>.Instance;

    /// <summary>Page size of a database this app creates (SQLite's largest; its default is 4 KB).</summary>
    public const int PageSize = 65536;

    /// <summary>
    /// Gives a database that has no table yet <see cref="PageSize"/> pages. The data is written
    /// in bulk and read in scans, so large pages mean far fewer page writes, WAL frames and
    /// checkpoint copies: a million-row import commits in about 0.45 s instead of 0.75 s
    /// (benchmarks/README.md). An existing database keeps its page size.
    /// </summary>
    private static async Task UseLargePagesIfEmptyAsync(DbConnection connection, CancellationToken ct)
    {
        if (await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master", ct) != 0) return;
        // WAL from the start, so that the migrations' transactions commit without a sync each.
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA page_size={PageSize}; VACUUM; PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(ct);
    }

    // The start-up checks below use plain SQL: the same questions asked through EF would
    // compile LINQ queries and start its migrations machinery on every start (about 0.2 s),
    // which only a pending migration needs.

    /// <summary>The migrations recorded in EF's history table (none in a new database).</summary>
    private static async Task<HashSet<string>> AppliedMigrationsAsync(DbConnection connection, CancellationToken ct) =>
        await ScalarAsync(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryRepository.DefaultTableName}'", ct) == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : await StringsAsync(connection, $"SELECT MigrationId FROM \"{HistoryRepository.DefaultTableName}\"", ct);

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, CultureInfo.InvariantCulture);
    }

    private static async Task<HashSet<string>> StringsAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>
    /// Any PostgreSQL session holding this advisory lock is initialising the database: a second
    /// instance starting at the same moment waits, then finds the schema and the demo data there.
    /// </summary>
    private const long InitialisationLock = 0x45_71_75_69_74_79; // "Equity"

    /// <param name="seedDemoData">Seed a database created by this call; null follows the setting.</param>
    public async Task InitializeAsync(bool? seedDemoData = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var sqlite = db.Database.IsSqlite();
        // Only a database created now gets the demo data: one whose batches were all rolled
        // back by a user stays empty.
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        if (!sqlite) await ScalarAsync(connection, $"SELECT COUNT(*) FROM (SELECT pg_advisory_lock({InitialisationLock})) AS locked", ct);
        try
        {
            var applied = sqlite
                ? await AppliedMigrationsAsync(connection, ct)
                : (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var created = applied.Count == 0;
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (applied.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
            {
                // The migrations were squashed into one when the district level came (issue 16):
                // a database made before has a history this version cannot continue.
                throw new InvalidOperationException(
                    $"The database {connection.DataSource} was made by an earlier version of EquityDashboard (migration {unknown}), "
                    + "before the district level, and cannot be upgraded in place. Keep the file, create a new database with this "
                    + "version and import the source files again (docs/deploy.md, \"Upgrading\").");
            }
            if (created && sqlite) await UseLargePagesIfEmptyAsync(connection, ct);
            // Migrate only when something is pending: MigrateAsync takes a database-wide
            // migration lock, which costs about a second on every start otherwise.
            if (known.Any(m => !applied.Contains(m)))
            {
                await db.Database.MigrateAsync(ct);
                if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            var existing = await StringsAsync(connection, "SELECT \"Pcode\" FROM \"Areas\"", ct);
            foreach (var area in AreasOf(gazetteer).Where(a => !existing.Contains(a.Pcode))) db.Areas.Add(area);
            await db.SaveChangesAsync(ct);
            if (!created || !(seedDemoData ?? options.Value.SeedDemoData) || await db.Batches.AnyAsync(ct)) return;

            var folder = DataPaths.Resolve(options.Value.SeedFolder);
            _log.LogInformation("Empty database: seeding demo data from {Folder}", folder);
            // The seeder imports through contexts of its own; on PostgreSQL this session keeps the lock meanwhile.
            if (sqlite) await db.Database.CloseConnectionAsync();
            await seeder.SeedAsync(folder, ct);
        }
        finally
        {
            if (!sqlite) await ScalarAsync(connection, $"SELECT COUNT(*) FROM (SELECT pg_advisory_unlock({InitialisationLock})) AS unlocked", CancellationToken.None);
        }
    }

    /// <summary>The gazetteer's governorates, then their districts, as rows of the Areas table.</summary>
    internal static IEnumerable<AreaEntity> AreasOf(Gazetteer gazetteer)
    {
        foreach (var g in gazetteer.All)
        {
            yield return new AreaEntity
            {
                Pcode = g.Pcode, CountryIso3 = gazetteer.CountryIso3, Level = AreaEntity.GovernorateLevel, Name = g.Name, NameAr = g.NameAr,
                Region = g.Region, TileRow = g.TileRow, TileCol = g.TileCol, Population = g.Population, Aliases = string.Join('|', g.Aliases),
            };
        }
        foreach (var d in gazetteer.Districts)
        {
            yield return new AreaEntity
            {
                Pcode = d.Pcode, CountryIso3 = gazetteer.CountryIso3, Level = AreaEntity.DistrictLevel, ParentPcode = d.ParentPcode,
                Name = d.Name, NameAr = d.NameAr, Region = gazetteer[d.ParentPcode].Region, Aliases = string.Join('|', d.Aliases),
            };
        }
    }
}
