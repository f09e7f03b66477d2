using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// Inserts rows of one table inside the import's transaction through one prepared statement
/// driven with SQLite's own bind/step/reset calls: no change tracking, no per-row parameter
/// objects or by-name binding, the statement compiled once. A dry run validates only: its
/// writer inserts nothing.
/// </summary>
internal sealed class RecordWriter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt? _statement;
    private readonly string _table;

    public RecordWriter(SqliteConnection connection, string table, IReadOnlyList<string> columns, bool dryRun)
    {
        _db = connection.Handle!;
        _table = table;
        if (dryRun) return;
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Insert(params object?[] values)
    {
        if (_statement is null) return;
        for (var i = 0; i < values.Length; i++)
        {
            var index = i + 1;
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(_statement, index),
                string s => raw.sqlite3_bind_text(_statement, index, s),
                int n => raw.sqlite3_bind_int64(_statement, index, n),
                long n => raw.sqlite3_bind_int64(_statement, index, n),
                double d => raw.sqlite3_bind_double(_statement, index, d),
                decimal m => raw.sqlite3_bind_double(_statement, index, (double)m),
                var other => throw new ArgumentException($"Unsupported value type {other.GetType().Name} for {_table}."),
            };
            Check(rc);
        }
        var step = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE) Check(step);
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            throw new SqliteException($"Writing {_table} failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
    }

    public void Dispose() => _statement?.Dispose();
}
