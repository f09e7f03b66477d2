using EquityDashboard.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>
/// Inserts rows of one table inside the import's transaction through one prepared statement
/// driven with SQLite's own bind/step/reset calls (<see cref="SqliteNative"/>): no change
/// tracking, no per-row parameter objects or by-name binding, the statement compiled once.
/// Rows are handed to the import's <see cref="InsertPump"/>, and the statement is prepared and
/// run on the pump's thread, so the connection is only ever used by one thread at a time.
/// </summary>
internal sealed class RecordWriter : IRowSink, IDisposable
{
    private readonly sqlite3 _db;
    private readonly string _table;
    private readonly IReadOnlyList<string> _columns;
    private readonly InsertPump _pump;
    private sqlite3_stmt? _statement;
    private nint _pointer;

    public RecordWriter(SqliteConnection connection, string table, IReadOnlyList<string> columns, InsertPump pump)
    {
        _db = connection.Handle!;
        _table = table;
        _columns = columns;
        _pump = pump;
    }

    public int ColumnCount => _columns.Count;

    /// <summary>Queues one row, its values in the order of the writer's columns.</summary>
    public void Add(params ReadOnlySpan<DbValue> values)
    {
        if (values.Length != _columns.Count)
            throw new ArgumentException($"{_table} takes {_columns.Count} values, not {values.Length}.", nameof(values));
        _pump.Enqueue(this, values);
    }

    /// <summary>Binds and steps the statement now, on the calling (pump) thread; text lies in <paramref name="text"/>.</summary>
    internal unsafe void Execute(ReadOnlySpan<RowChunk.Slot> values, byte* text)
    {
        if (_statement is null)
        {
            var sql = $"INSERT INTO {EntitySql.Quote(_table)} ({string.Join(", ", _columns.Select(EntitySql.Quote))}) VALUES ({string.Join(", ", _columns.Select(_ => "?"))})";
            Check(raw.sqlite3_prepare_v2(_db, sql, out var prepared));
            _statement = prepared;
            _pointer = prepared.DangerousGetHandle();
        }
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            var index = i + 1;
            Check(value.Kind switch
            {
                DbValueKind.Text => SqliteNative.BindText(_pointer, index, text + value.Offset, value.Length),
                DbValueKind.Integer => SqliteNative.BindInt64(_pointer, index, value.Bits),
                DbValueKind.Real => SqliteNative.BindDouble(_pointer, index, BitConverter.Int64BitsToDouble(value.Bits)),
                _ => SqliteNative.BindNull(_pointer, index),
            });
        }
        var step = SqliteNative.Step(_pointer);
        SqliteNative.Reset(_pointer);
        if (step != raw.SQLITE_DONE) Check(step);
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            throw new SqliteException($"Writing {_table} failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
    }

    /// <summary>Finalises the statement; called once the pump has stopped.</summary>
    public void Dispose() => _statement?.Dispose();
}
