using Microsoft.Data.Sqlite;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// Inserts rows of one table through a single prepared command inside the import's
/// transaction: no change tracking, one statement compiled once. A dry run validates only:
/// its writer inserts nothing.
/// </summary>
internal sealed class RecordWriter : IDisposable
{
    private readonly SqliteCommand? _command;
    private readonly SqliteParameter[] _parameters = [];

    public RecordWriter(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns, bool dryRun)
    {
        if (dryRun) return;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        _command.Prepare();
    }

    public void Insert(params object?[] values)
    {
        if (_command is null) return;
        for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command?.Dispose();
}
