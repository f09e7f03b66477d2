using System.Globalization;
using EquityDashboard.Infrastructure.Data;
using Npgsql;
using EquityDashboard.Infrastructure.Data.PostgreSql;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>
/// Writes an import into PostgreSQL: each table's rows by raw binary COPY on a second thread
/// (<see cref="CopyPump"/>, every value encoded with the type of its column as the EF model
/// declares it, <see cref="CopyFormat"/>), in the batch's transaction beside the batch row, the
/// links and the audit entry. A COPY that is not completed is cancelled, and the transaction
/// rolled back, so a failed or cancelled import leaves nothing.
/// </summary>
/// <remarks>
/// Two imports of the same file: the transaction takes a transaction-level advisory lock on the
/// file's SHA-256 before it looks for an earlier batch of the file (<c>pg_advisory_xact_lock</c>),
/// so the second waits until the first commits or rolls back, then finds its batch and is refused.
/// Imports of different files take different locks and run side by side.
/// Indexes stay in place: dropping them would take an exclusive lock on the table, and every
/// reader of the other instances would wait for the import to end. The tables filled by COPY have
/// no foreign keys here (<see cref="PostgreSqlEquityDbContext"/>): once the rows are in, one query
/// checks that every P-code the totals name is an area, as the keys would have.
/// </remarks>
internal sealed class PostgresImportWriter(EquityDbContext db) : SqlImportWriter(db)
{
    private readonly Dictionary<StoreShape, CopySink> _sinks = [];
    private CopyPump? _pump;

    private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

    /// <summary>The advisory lock's key for a file: the first 64 bits of its SHA-256.</summary>
    internal static long LockKey(string sha256) => unchecked((long)ulong.Parse(sha256.AsSpan(0, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    protected override async Task HoldFileAsync(string sha256, CancellationToken ct)
    {
        await using var command = Command("SELECT pg_advisory_xact_lock(@key)");
        EntitySql.Add(command, "@key", LockKey(sha256));
        await command.ExecuteNonQueryAsync(ct);
    }

    public override void SuspendIndexes(StoreShape table) { }

    public override void RestoreIndexes() { }

    public override IRowSink Rows(StoreShape table)
    {
        if (!_sinks.TryGetValue(table, out var sink))
            _sinks[table] = sink = new CopySink(_pump ??= new CopyPump(Npgsql), table, StoreTable.Of(Db.Model, table));
        return sink;
    }

    public override void CompleteRows()
    {
        _pump?.Drain();
        CheckAreas();
    }

    protected override void StopRows() => _pump?.Dispose();

    /// <summary>
    /// What the foreign keys to the areas would have refused: a P-code in this import's rows that is
    /// no area. The sinks note each distinct P-code of the checked columns as they encode the rows;
    /// here, in the import's transaction, they are looked up in the areas table.
    /// </summary>
    private void CheckAreas()
    {
        var named = _sinks.Values.SelectMany(s => s.Pcodes).ToHashSet(StringComparer.Ordinal);
        if (named.Count == 0) return;
        var areas = new EntitySql(Db.Model, typeof(AreaEntity));
        using var command = Command($"SELECT {areas[nameof(AreaEntity.Pcode)]} FROM {areas.Table}");
        using (var reader = command.ExecuteReader())
            while (reader.Read()) named.Remove(reader.GetString(0));
        if (named.Count > 0)
            throw new InvalidOperationException(
                $"The import names P-codes that are no area of the gazetteer: {string.Join(", ", named.Order(StringComparer.Ordinal))}; nothing was imported.");
    }

    private sealed class CopySink : IRowSink
    {
        private readonly CopyPump _pump;
        private readonly StoreTable _table;
        private readonly CopyType[] _types;
        /// <summary>The positions of the values that name an area (<see cref="PostgreSqlEquityDbContext.AreaColumnsCheckedOnImport"/>).</summary>
        private readonly int[] _areaColumns;

        public CopySink(CopyPump pump, StoreShape shape, StoreTable table)
        {
            _pump = pump;
            _table = table;
            _types = Enumerable.Range(0, table.Columns.Count).Select(i => CopyFormat.TypeOf(table, i)).ToArray();
            _areaColumns = PostgreSqlEquityDbContext.AreaColumnsCheckedOnImport
                .Where(c => c.Entity == shape.Entity).Select(c => shape.Properties.ToList().IndexOf(c.Property)).Where(i => i >= 0).ToArray();
        }

        /// <summary>The distinct P-codes the rows so far name in the checked columns.</summary>
        public HashSet<string> Pcodes { get; } = new(StringComparer.Ordinal);

        public void Add(params ReadOnlySpan<DbValue> values)
        {
            if (values.Length != _types.Length)
                throw new ArgumentException($"{_table.Name} takes {_types.Length} values, not {values.Length}.", nameof(values));
            foreach (var column in _areaColumns)
                if (values[column].Text is { } pcode) Pcodes.Add(pcode);
            var room = _pump.Reserve(_table, CopyFormat.MaxBytes(values));
            _pump.Advance(CopyFormat.Write(room, _table, _types, values));
        }
    }
}
