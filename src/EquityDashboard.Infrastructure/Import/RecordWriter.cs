using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// Inserts rows of one table inside the import's transaction through one prepared statement
/// driven with SQLite's own bind/step/reset calls (<see cref="SqliteNative"/>): no change
/// tracking, no per-row parameter objects or by-name binding, the statement compiled once.
/// Rows are handed to the import's <see cref="InsertPump"/>, and the statement is prepared and
/// run on the pump's thread, so the connection is only ever used by one thread at a time.
/// A dry run validates only: its writer inserts nothing.
/// </summary>
internal sealed class RecordWriter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly string _table;
    private readonly IReadOnlyList<string> _columns;
    private readonly InsertPump? _pump;
    private sqlite3_stmt? _statement;
    private nint _pointer;
    private byte[] _utf8 = new byte[1024];

    public RecordWriter(SqliteConnection connection, string table, IReadOnlyList<string> columns, bool dryRun, InsertPump? pump)
    {
        _db = connection.Handle!;
        _table = table;
        _columns = columns;
        _pump = dryRun ? null : pump ?? throw new ArgumentNullException(nameof(pump));
    }

    public void Insert(params object?[] values)
    {
        if (values.Length != _columns.Count)
            throw new ArgumentException($"{_table} takes {_columns.Count} values, not {values.Length}.", nameof(values));
        _pump?.Enqueue(this, values);
    }

    /// <summary>Binds and steps the statement now, on the calling (pump) thread.</summary>
    internal void Execute(object?[] values)
    {
        if (_statement is null)
        {
            var sql = $"INSERT INTO \"{_table}\" ({string.Join(", ", _columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", _columns.Select(_ => "?"))})";
            Check(raw.sqlite3_prepare_v2(_db, sql, out var prepared));
            _statement = prepared;
            _pointer = prepared.DangerousGetHandle();
        }
        for (var i = 0; i < values.Length; i++)
        {
            var index = i + 1;
            var rc = values[i] switch
            {
                null => SqliteNative.BindNull(_pointer, index),
                string s => BindText(index, s),
                int n => SqliteNative.BindInt64(_pointer, index, n),
                long n => SqliteNative.BindInt64(_pointer, index, n),
                double d => SqliteNative.BindDouble(_pointer, index, d),
                decimal m => SqliteNative.BindDouble(_pointer, index, (double)m),
                var other => throw new ArgumentException($"Unsupported value type {other.GetType().Name} for {_table}."),
            };
            Check(rc);
        }
        var step = SqliteNative.Step(_pointer);
        SqliteNative.Reset(_pointer);
        if (step != raw.SQLITE_DONE) Check(step);
    }

    /// <summary>Text goes through a reused UTF-8 buffer (SQLite copies it) rather than a new byte array per value.</summary>
    private int BindText(int index, string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length) _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        return SqliteNative.BindText(_pointer, index, _utf8.AsSpan(0, length));
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            throw new SqliteException($"Writing {_table} failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
    }

    /// <summary>Finalises the statement; called once the pump has stopped.</summary>
    public void Dispose() => _statement?.Dispose();
}
