using System.CommandLine;
using System.Globalization;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EquityDashboard.Cli.Commands;

/// <summary>
/// `db backup FILE`: an online copy of the SQLite database, checked by reopening it;
/// `db copy --to CONNECTION`: the SQLite database into an empty PostgreSQL one (docs/deploy.md).
/// </summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var command = new Command("db", "Operate on the database: back up a SQLite database, copy it into PostgreSQL");
        command.Subcommands.Add(Backup());
        command.Subcommands.Add(Copy());
        return command;
    }

    private static Command Backup()
    {
        var file = new Argument<FileInfo>("file") { Description = "The backup file to write (a SQLite database)" };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists" };
        var command = new Command("backup", "Copy the SQLite database (configured or --db) to FILE while the app may be running, and check the copy")
        {
            file, force,
        };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(file)!;
            await using var services = CliHost.Build(parse.GetValue(CommonOptions.Database));
            await using var db = await services.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContextAsync(ct);
            if (db.Database.GetDbConnection() is not SqliteConnection source)
            {
                Console.Error.WriteLine("db backup copies a SQLite database; the configured database is PostgreSQL: back it up with pg_dump (docs/deploy.md, \"Backup and restore\").");
                return 1;
            }
            var sourcePath = Path.GetFullPath(new SqliteConnectionStringBuilder(source.ConnectionString).DataSource);
            if (!File.Exists(sourcePath))
            {
                Console.Error.WriteLine($"There is no database at {sourcePath}.");
                return 1;
            }
            if (string.Equals(target.FullName, sourcePath, StringComparison.Ordinal))
            {
                Console.Error.WriteLine("The backup file is the database itself; name another file.");
                return 1;
            }
            if (target.Exists && !parse.GetValue(force))
            {
                Console.Error.WriteLine($"{target.FullName} exists; add --force to overwrite it.");
                return 1;
            }
            target.Directory?.Create();
            foreach (var f in new[] { target.FullName, target.FullName + "-wal", target.FullName + "-shm", target.FullName + "-journal" })
                File.Delete(f);

            await db.Database.OpenConnectionAsync(ct);
            Dictionary<string, long> counted;
            // The rows counted and the pages copied are one snapshot, even while the app writes.
            using (var snapshot = source.BeginTransaction(deferred: true))
            {
                counted = await CountsAsync(source, snapshot, Tables(db), ct);
                await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target.FullName, Pooling = false }.ToString());
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
            }

            await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder
                             { DataSource = target.FullName, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                await check.OpenAsync(ct);
                await using var integrity = check.CreateCommand();
                integrity.CommandText = "PRAGMA integrity_check";
                var verdict = (string?)await integrity.ExecuteScalarAsync(ct);
                var copied = await CountsAsync(check, null, counted.Keys, ct);
                var wrong = counted.Where(c => copied[c.Key] != c.Value).Select(c => $"{c.Key} {c.Value} in the database, {copied[c.Key]} in the copy").ToList();
                if (verdict != "ok" || wrong.Count > 0)
                {
                    Console.Error.WriteLine($"The backup {target.FullName} does not match the database: integrity {verdict}; {string.Join(", ", wrong)}.");
                    return 1;
                }
            }
            Console.WriteLine($"Backed up {sourcePath} to {target.FullName} ({new FileInfo(target.FullName).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes); "
                + "the copy reopened with integrity ok and the same rows:");
            PrintCounts(counted.Select(c => (c.Key, c.Value)));
            return 0;
        });
        return command;
    }

    private static Command Copy()
    {
        var to = new Option<string>("--to")
        {
            Description = "The empty PostgreSQL database, as a connection string (\"Host=...;Database=...;Username=...;Password=...\")",
            Required = true,
        };
        var command = new Command("copy", "Copy the SQLite database (configured or --db) into an empty PostgreSQL database, ids kept, and check the counts")
        {
            to,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var sourceServices = CliHost.Build(parse.GetValue(CommonOptions.Database));
            await using var source = await sourceServices.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContextAsync(ct);
            if (source.Database.GetDbConnection() is not SqliteConnection sqlite)
            {
                Console.Error.WriteLine("db copy reads a SQLite database; the configured database is not SQLite (name one with --db).");
                return 1;
            }
            var sourcePath = Path.GetFullPath(new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource);
            if (!File.Exists(sourcePath))
            {
                Console.Error.WriteLine($"There is no database at {sourcePath}.");
                return 1;
            }
            // Brings a database of an earlier version up to date, as every start does; never seeds it.
            await sourceServices.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemoData: false, ct);

            var targetSettings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "PostgreSQL",
                ["ConnectionStrings:Default"] = parse.GetValue(to),
            }).Build();
            await using var targetServices = new ServiceCollection().AddEquityDashboard(targetSettings).BuildServiceProvider();
            await using var target = await targetServices.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContextAsync(ct);
            try
            {
                if (await ForeignTablesAsync(target, ct) is { Count: > 0 } foreign)
                {
                    Console.Error.WriteLine($"The target database is not empty: it holds tables that are not EquityDashboard's ({string.Join(", ", foreign)}). Copy into a new, empty database.");
                    return 1;
                }
                await target.Database.MigrateAsync(ct);
                var copied = await DatabaseCopy.CopyAsync(source, target, ct);
                Console.WriteLine($"Copied {sourcePath} into PostgreSQL database {target.Database.GetDbConnection().Database}; rows per table (source = target):");
                PrintCounts(copied.Select(c => (c.Table, c.TargetRows)));
                return 0;
            }
            catch (DatabaseCopyException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
            catch (NpgsqlException ex)
            {
                Console.Error.WriteLine($"PostgreSQL refused the copy, nothing was written: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Tables in the target's schema that neither the model nor EF's migration history names.</summary>
    private static async Task<List<string>> ForeignTablesAsync(EquityDbContext target, CancellationToken ct)
    {
        var ours = Tables(target).Append("__EFMigrationsHistory").ToHashSet(StringComparer.Ordinal);
        var present = await target.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()").ToListAsync(ct);
        return present.Where(t => !ours.Contains(t)).Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Tables(EquityDbContext db) =>
        db.Model.GetRelationalModel().Tables.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

    private static async Task<Dictionary<string, long>> CountsAsync(SqliteConnection connection, SqliteTransaction? transaction, IEnumerable<string> tables,
        CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await command.ExecuteScalarAsync(ct))!;
        }
        return counts;
    }

    private static void PrintCounts(IEnumerable<(string Table, long Rows)> counts)
    {
        foreach (var (table, rows) in counts)
            Console.WriteLine($"  {table,-28} {rows.ToString("N0", CultureInfo.InvariantCulture),12}");
    }
}
