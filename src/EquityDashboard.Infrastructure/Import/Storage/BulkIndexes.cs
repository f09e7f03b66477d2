using Microsoft.Data.Sqlite;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>
/// For large imports: drops a table's secondary indexes inside the import's transaction and
/// recreates them from their saved definitions once the rows are in. Building an index once
/// over sorted data is much cheaper than updating it row by row; and since SQLite DDL is
/// transactional, a failed or cancelled import leaves the indexes exactly as they were.
/// </summary>
internal sealed class BulkIndexes
{
    /// <summary>Files at least this large are imported with indexes suspended (settable for tests).</summary>
    internal static long ThresholdBytes { get; set; } = 8L * 1024 * 1024;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly List<string> _definitions = [];

    private BulkIndexes(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static BulkIndexes Suspend(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        var suspended = new BulkIndexes(connection, transaction);
        var names = new List<string>();
        using (var read = suspended.Command("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL"))
        {
            read.Parameters.AddWithValue("$t", table);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
                suspended._definitions.Add(reader.GetString(1));
            }
        }
        foreach (var name in names)
        {
            using var drop = suspended.Command($"DROP INDEX \"{name.Replace("\"", "\"\"")}\"");
            drop.ExecuteNonQuery();
        }
        return suspended;
    }

    public void Restore()
    {
        foreach (var sql in _definitions)
        {
            using var create = Command(sql);
            create.ExecuteNonQuery();
        }
        _definitions.Clear();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }
}
