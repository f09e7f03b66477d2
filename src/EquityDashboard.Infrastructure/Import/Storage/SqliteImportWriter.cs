using EquityDashboard.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>
/// Writes an import into SQLite: each table's rows through one prepared statement driven natively
/// (<see cref="RecordWriter"/>) on a second thread (<see cref="InsertPump"/>), so reading the file
/// and SQLite's work overlap; a large file's secondary indexes dropped and rebuilt once
/// (<see cref="BulkIndexes"/>). The transaction is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's
/// default), so it holds the database's write lock from its start: two imports cannot both find a
/// file new, and one waits for the other (the busy timeout) or fails, never commits beside it.
/// </summary>
internal sealed class SqliteImportWriter(EquityDbContext db) : SqlImportWriter(db)
{
    private readonly Dictionary<StoreShape, RecordWriter> _writers = [];
    private InsertPump? _pump;
    private BulkIndexes? _suspended;

    private SqliteConnection Sqlite => (SqliteConnection)Connection;

    protected override Task HoldFileAsync(string sha256, CancellationToken ct) => Task.CompletedTask;

    public override void SuspendIndexes(StoreShape table) =>
        _suspended = BulkIndexes.Suspend(Sqlite, (SqliteTransaction)Transaction, StoreTable.Of(Db.Model, table).Name);

    public override IRowSink Rows(StoreShape table)
    {
        if (!_writers.TryGetValue(table, out var writer))
        {
            var store = StoreTable.Of(Db.Model, table);
            _writers[table] = writer = new RecordWriter(Sqlite, store.Name, store.Columns, _pump ??= new InsertPump());
        }
        return writer;
    }

    public override void CompleteRows() => _pump?.Drain();

    public override void RestoreIndexes()
    {
        _suspended?.Restore();
        _suspended = null;
    }

    protected override void StopRows()
    {
        _pump?.Dispose();
        foreach (var writer in _writers.Values) writer.Dispose();
        _writers.Clear();
    }
}
