using System.Diagnostics;
using System.Globalization;
using System.Text;
using EquityDashboard.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EquityDashboard.Cli.Tests;

/// <summary>
/// An import killed half-way (SIGKILL: no finally blocks, no rollback) leaves a sound database
/// with nothing of the import in it: the batch and its rows live in one transaction that never
/// committed, and SQLite's WAL recovery ignores the uncommitted frames.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int Rows = 300_000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(45);

    private static readonly string[] Governorates =
        ["Ninewa", "Al-Anbar", "Erbil", "Duhok", "Baghdad", "Kirkuk", "Diyala", "Salah Al-Din", "Al-Basrah", "Babil"];

    [Fact]
    public async Task Import_killed_halfway_leaves_an_intact_database_without_the_batch()
    {
        using var db = new TempDatabase("crash");
        var csv = WriteBigFundingFile(db);
        var csvBytes = new FileInfo(csv).Length;
        var wal = db.Path + "-wal";

        // Create the schema first (a quick command), so the indexes the import may suspend
        // (large files are imported with FundingRecords' indexes dropped inside the transaction)
        // can be compared after the crash.
        (await EquityCli.RunAsync(db.Path, "batches")).AssertSuccess();
        var indexesBefore = await FundingIndexesAsync(db.Path);
        Assert.NotEmpty(indexesBefore);

        // The import's transaction spills its pages into the -wal file as it goes (for this file
        // the WAL ends at roughly 2.4 times the CSV's size, index builds included). Once the WAL
        // holds half the CSV's size the import is well under way and its uncommitted frames are on disk.
        var killAt = csvBytes / 2;

        using var process = StartImport(db.Path, csv);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long walAtKill;
        try
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    Assert.Fail($"The import ended (exit code {process.ExitCode}) before the WAL reached {killAt:N0} bytes " +
                                $"({WalSize(wal):N0}); nothing was killed.\n--- stdout:\n{await stdout}\n--- stderr:\n{await stderr}");
                }
                if (WalSize(wal) >= killAt) break;
                if (clock.Elapsed > Budget)
                    Assert.Fail($"The WAL did not reach {killAt:N0} bytes within {Budget.TotalSeconds} s (it is {WalSize(wal):N0}).");
                await Task.Delay(20);
            }

            walAtKill = WalSize(wal);
            process.Kill(); // SIGKILL on Linux
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(exited.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            }
        }
        await Task.WhenAll(stdout, stderr);

        Assert.NotEqual(0, process.ExitCode);
        Assert.DoesNotContain("Written as batch", await stdout, StringComparison.Ordinal);
        Assert.True(walAtKill >= killAt, $"WAL at kill: {walAtKill:N0}");

        await using (var connection = Open(db.Path))
        {
            await connection.OpenAsync();
            Assert.Equal("ok", await ScalarAsync<string>(connection, "PRAGMA integrity_check;"));
            Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM ImportBatches;"));
            Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM FundingRecords;"));
            // What was committed before the import began (schema and gazetteer) survived recovery.
            Assert.Equal(18L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM Areas WHERE Level = 1;"));
        }
        Assert.Equal(indexesBefore, await FundingIndexesAsync(db.Path));
    }

    private static SqliteConnection Open(string path) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
    }.ToString());

    /// <summary>Name and definition of every explicit index on FundingRecords.</summary>
    private static async Task<List<string>> FundingIndexesAsync(string path)
    {
        await using var connection = Open(path);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'FundingRecords' AND sql IS NOT NULL ORDER BY name;";
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }

    private static long WalSize(string wal)
    {
        try
        {
            var info = new FileInfo(wal);
            return info.Exists ? info.Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>A valid template funding file of <see cref="Rows"/> rows, next to the database (deleted with it).</summary>
    private static string WriteBigFundingFile(TempDatabase db)
    {
        var path = db.File("big.csv", string.Empty);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        writer.Write("year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id\n");
        for (var i = 0; i < Rows; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"2019,2019-{i % 12 + 1:00}-{i % 28 + 1:00},Donor {i % 8},Recipient {i % 50},Cluster {i % 10},{Governorates[i % Governorates.Length]},{1000 + i % 5000}.50,paid,incoming,CS-{i:000000}\n"));
        }
        return path;
    }

    /// <summary>`equity --db &lt;db&gt; import &lt;csv&gt; --kind funding` as a process (see <see cref="EquityCli.Start"/>).</summary>
    private static Process StartImport(string dbPath, string csv) =>
        EquityCli.Start(["--db", dbPath, "import", csv, "--kind", "funding"]);
}
