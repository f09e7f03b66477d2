using System.Globalization;
using EquityDashboard.Infrastructure.Data;
using Npgsql;
using NpgsqlTypes;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>
/// Writes an import into PostgreSQL: each table's rows by binary COPY
/// (<see cref="NpgsqlConnection.BeginBinaryImport(string)"/>, every value written with the type
/// of its column as the EF model declares it), in the batch's transaction beside the batch row,
/// the links and the audit entry. A connection runs one COPY at a time: a table's COPY starts
/// with its first row and ends when another table's rows start or the rows are complete. A COPY
/// that is not completed is cancelled, and the transaction rolled back, so a failed or cancelled
/// import leaves nothing.
/// </summary>
/// <remarks>
/// Two imports of the same file: the transaction takes a transaction-level advisory lock on the
/// file's SHA-256 before it looks for an earlier batch of the file (<c>pg_advisory_xact_lock</c>),
/// so the second waits until the first commits or rolls back, then finds its batch and is refused.
/// Imports of different files take different locks and run side by side.
/// Indexes stay in place: dropping them would take an exclusive lock on the table, and every
/// reader of the other instances would wait for the import to end.
/// </remarks>
internal sealed class PostgresImportWriter(EquityDbContext db) : SqlImportWriter(db)
{
    private readonly Dictionary<StoreShape, CopySink> _sinks = [];
    private CopySink? _copying;

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
            _sinks[table] = sink = new CopySink(this, StoreTable.Of(Db.Model, table));
        return sink;
    }

    public override void CompleteRows()
    {
        _copying?.Complete();
        _copying = null;
    }

    protected override void StopRows()
    {
        _copying?.Cancel();
        _copying = null;
    }

    /// <summary>Makes <paramref name="sink"/> the table being copied, completing the COPY of another.</summary>
    private NpgsqlBinaryImporter Switch(CopySink sink)
    {
        _copying?.Complete();
        _copying = sink;
        return Npgsql.BeginBinaryImport($"COPY {sink.Table.Quoted} ({sink.Table.QuotedColumns}) FROM STDIN (FORMAT BINARY)");
    }

    /// <summary>How a column takes a value in binary COPY.</summary>
    private enum ColumnType { Integer, Bigint, Smallint, Double, Real, Numeric, Text, Varchar, Date, Boolean }

    private sealed class CopySink : IRowSink
    {
        private readonly PostgresImportWriter _writer;
        private readonly ColumnType[] _types;
        private NpgsqlBinaryImporter? _copy;

        public CopySink(PostgresImportWriter writer, StoreTable table)
        {
            _writer = writer;
            Table = table;
            _types = table.StoreTypes.Select((t, i) => TypeOf(table, i, t)).ToArray();
        }

        public StoreTable Table { get; }

        public void Add(params ReadOnlySpan<DbValue> values)
        {
            if (values.Length != _types.Length)
                throw new ArgumentException($"{Table.Name} takes {_types.Length} values, not {values.Length}.", nameof(values));
            var copy = _copy ??= _writer.Switch(this);
            copy.StartRow();
            for (var i = 0; i < values.Length; i++) Write(copy, i, values[i]);
        }

        private void Write(NpgsqlBinaryImporter copy, int column, DbValue value)
        {
            switch (value.Kind, _types[column])
            {
                case (DbValueKind.Null, _): copy.WriteNull(); break;
                case (DbValueKind.Integer, ColumnType.Integer): copy.Write(checked((int)value.Bits), NpgsqlDbType.Integer); break;
                case (DbValueKind.Integer, ColumnType.Bigint): copy.Write(value.Bits, NpgsqlDbType.Bigint); break;
                case (DbValueKind.Integer, ColumnType.Smallint): copy.Write(checked((short)value.Bits), NpgsqlDbType.Smallint); break;
                case (DbValueKind.Integer, ColumnType.Boolean): copy.Write(value.Bits != 0, NpgsqlDbType.Boolean); break;
                case (DbValueKind.Integer, ColumnType.Double): copy.Write((double)value.Bits, NpgsqlDbType.Double); break;
                case (DbValueKind.Integer, ColumnType.Numeric): copy.Write((decimal)value.Bits, NpgsqlDbType.Numeric); break;
                case (DbValueKind.Real, ColumnType.Double): copy.Write(BitConverter.Int64BitsToDouble(value.Bits), NpgsqlDbType.Double); break;
                case (DbValueKind.Real, ColumnType.Real): copy.Write((float)BitConverter.Int64BitsToDouble(value.Bits), NpgsqlDbType.Real); break;
                case (DbValueKind.Real, ColumnType.Numeric): copy.Write((decimal)BitConverter.Int64BitsToDouble(value.Bits), NpgsqlDbType.Numeric); break;
                case (DbValueKind.Text, ColumnType.Text): copy.Write(value.Text!, NpgsqlDbType.Text); break;
                case (DbValueKind.Text, ColumnType.Varchar): copy.Write(value.Text!, NpgsqlDbType.Varchar); break;
                case (DbValueKind.Date, ColumnType.Date): copy.Write(value.Date, NpgsqlDbType.Date); break;
                default:
                    throw new InvalidOperationException(
                        $"{Table.Name}.{Table.Columns[column]} is {Table.StoreTypes[column]}; the import has a {value.Kind.ToString().ToLowerInvariant()} for it.");
            }
        }

        public void Complete()
        {
            _copy?.Complete();
            _copy?.Dispose();
            _copy = null;
        }

        /// <summary>Disposing a COPY that was not completed cancels it: the server keeps none of its rows.</summary>
        public void Cancel()
        {
            var copy = _copy;
            _copy = null;
            copy?.Dispose();
        }

        private static ColumnType TypeOf(StoreTable table, int column, string storeType)
        {
            var type = storeType.ToLowerInvariant();
            var paren = type.IndexOf('(', StringComparison.Ordinal);
            return (paren < 0 ? type : type[..paren]).Trim() switch
            {
                "integer" or "int" or "int4" or "serial" => ColumnType.Integer,
                "bigint" or "int8" or "bigserial" => ColumnType.Bigint,
                "smallint" or "int2" => ColumnType.Smallint,
                "double precision" or "float8" => ColumnType.Double,
                "real" or "float4" => ColumnType.Real,
                "numeric" or "decimal" => ColumnType.Numeric,
                "text" => ColumnType.Text,
                "character varying" or "varchar" => ColumnType.Varchar,
                "date" => ColumnType.Date,
                "boolean" or "bool" => ColumnType.Boolean,
                _ => throw new NotSupportedException($"{table.Name}.{table.Columns[column]}: no binary COPY for the type {storeType}."),
            };
        }
    }
}
