using EquityDashboard.Core.Records;
using Microsoft.Data.Sqlite;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// The importer's three statements on ImportBatches, as plain SQL on its connection: EF would
/// compile a query and its change-tracking pipeline for them on every run of the CLI (about
/// 0.15 s of a command's start). Columns are stored as ImportBatchConfiguration maps them:
/// the kind as its name, the time as UTC ticks.
/// </summary>
internal static class BatchRows
{
    /// <summary>The batch already imported from a file with this SHA-256, if any.</summary>
    public static async Task<ImportBatch?> FindBySha256Async(SqliteConnection connection, string sha256, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, SourceName, FileName, ImportedAt, WithdrawnAt FROM ImportBatches WHERE Sha256 = $sha ORDER BY Id LIMIT 1";
        command.Parameters.AddWithValue("$sha", sha256);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new ImportBatch
        {
            Id = reader.GetInt32(0),
            SourceName = reader.GetString(1),
            FileName = reader.GetString(2),
            Sha256 = sha256,
            ImportedAt = new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
            WithdrawnAt = reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
        };
    }

    /// <summary>Inserts the batch (its counts still zero) and sets its id.</summary>
    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, ImportBatch batch, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO ImportBatches (Kind, SourceName, FileName, Sha256, ImportedAt, RowsRead, RowsWritten, RowsSkipped, Format, SheetName,
                IsIllustrative, Money, PooledFund, ImportedBy)
            VALUES ($kind, $source, $file, $sha, $at, 0, 0, 0, $format, $sheet, $illustrative, $money, $fund, $by) RETURNING Id
            """;
        command.Parameters.AddWithValue("$kind", batch.Kind.ToString());
        command.Parameters.AddWithValue("$source", batch.SourceName);
        command.Parameters.AddWithValue("$file", batch.FileName);
        command.Parameters.AddWithValue("$sha", batch.Sha256);
        command.Parameters.AddWithValue("$at", batch.ImportedAt.UtcTicks);
        command.Parameters.AddWithValue("$format", (object?)batch.Format ?? DBNull.Value);
        command.Parameters.AddWithValue("$sheet", (object?)batch.SheetName ?? DBNull.Value);
        command.Parameters.AddWithValue("$illustrative", batch.IsIllustrative);
        command.Parameters.AddWithValue("$money", batch.Money.ToString());
        command.Parameters.AddWithValue("$fund", (object?)batch.PooledFund ?? DBNull.Value);
        command.Parameters.AddWithValue("$by", (object?)batch.ImportedBy ?? DBNull.Value);
        batch.Id = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stores the batch's counts, years and report once its rows are written.</summary>
    public static async Task CompleteAsync(SqliteConnection connection, SqliteTransaction transaction, ImportBatch batch, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE ImportBatches SET RowsRead = $read, RowsWritten = $written, RowsSkipped = $skipped,
                FirstYear = $first, LastYear = $last, ReportJson = $report
            WHERE Id = $id
            """;
        command.Parameters.AddWithValue("$read", batch.RowsRead);
        command.Parameters.AddWithValue("$written", batch.RowsWritten);
        command.Parameters.AddWithValue("$skipped", batch.RowsSkipped);
        command.Parameters.AddWithValue("$first", (object?)batch.FirstYear ?? DBNull.Value);
        command.Parameters.AddWithValue("$last", (object?)batch.LastYear ?? DBNull.Value);
        command.Parameters.AddWithValue("$report", (object?)batch.ReportJson ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", batch.Id);
        await command.ExecuteNonQueryAsync(ct);
    }
}
