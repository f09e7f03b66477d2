using Microsoft.Data.Sqlite;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// Inserts rows of one table inside the import's transaction with prepared multi-row INSERT
/// statements (<see cref="RowsPerStatement"/> rows each): no change tracking, each statement
/// compiled once, and far fewer round trips than one statement per row. Rows are buffered;
/// <see cref="Flush"/> writes the rest. A dry run validates only: its writer inserts nothing.
/// </summary>
internal sealed class RecordWriter : IDisposable
{
    public const int RowsPerStatement = 64;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _table;
    private readonly IReadOnlyList<string> _columns;
    private readonly bool _dryRun;
    private readonly object?[][] _pending = new object?[RowsPerStatement][];
    private int _count;
    private SqliteCommand? _full;
    private SqliteParameter[] _fullParameters = [];

    public RecordWriter(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns, bool dryRun)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _columns = columns;
        _dryRun = dryRun;
    }

    public void Insert(params object?[] values)
    {
        if (_dryRun) return;
        _pending[_count++] = values;
        if (_count < RowsPerStatement) return;
        if (_full is null) (_full, _fullParameters) = Prepare(RowsPerStatement);
        Execute(_full, _fullParameters, RowsPerStatement);
    }

    /// <summary>Writes the buffered rows.</summary>
    public void Flush()
    {
        if (_count == 0) return;
        var (command, parameters) = Prepare(_count);
        using (command) Execute(command, parameters, _count);
    }

    private void Execute(SqliteCommand command, SqliteParameter[] parameters, int rows)
    {
        var width = _columns.Count;
        for (var r = 0; r < rows; r++)
        {
            var values = _pending[r];
            for (var c = 0; c < width; c++) parameters[r * width + c].Value = values[c] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
        Array.Clear(_pending, 0, rows);
        _count = 0;
    }

    private (SqliteCommand, SqliteParameter[]) Prepare(int rows)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var width = _columns.Count;
        var tuples = Enumerable.Range(0, rows)
            .Select(r => "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => $"$p{r * width + c}")) + ")");
        command.CommandText =
            $"INSERT INTO \"{_table}\" ({string.Join(", ", _columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", tuples)}";
        var parameters = Enumerable.Range(0, rows * width)
            .Select(i => command.Parameters.Add(new SqliteParameter($"$p{i}", null)))
            .ToArray();
        command.Prepare();
        return (command, parameters);
    }

    public void Dispose() => _full?.Dispose();
}
