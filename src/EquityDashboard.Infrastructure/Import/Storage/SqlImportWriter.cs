using System.Data.Common;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>
/// What every database's writer does alike, as plain parameterised SQL with the EF model's names
/// (<see cref="EntitySql"/>) in the batch's transaction: the batch row, the organisation links,
/// the audit entry and the import's few reads. Its subclasses put the rows in.
/// </summary>
internal abstract class SqlImportWriter(EquityDbContext db) : IImportWriter
{
    private readonly EntitySql _batches = new(db.Model, typeof(ImportBatch));
    private IDbContextTransaction? _transaction;

    protected EquityDbContext Db => db;
    /// <summary>The id of the batch being written, once <see cref="InsertBatchAsync"/> has inserted it.</summary>
    protected int BatchId { get; private set; }
    protected DbConnection Connection => db.Database.GetDbConnection();
    protected DbTransaction Transaction =>
        _transaction?.GetDbTransaction() ?? throw new InvalidOperationException("The import's transaction has not begun.");

    public async Task<ImportBatch?> BeginAsync(string sha256, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        _transaction = await db.Database.BeginTransactionAsync(ct);
        await HoldFileAsync(sha256, ct);
        return await FindBySha256Async(sha256, ct);
    }

    /// <summary>Keeps other imports of the same file from committing until this transaction ends.</summary>
    protected abstract Task HoldFileAsync(string sha256, CancellationToken ct);

    private async Task<ImportBatch?> FindBySha256Async(string sha256, CancellationToken ct)
    {
        var b = _batches;
        await using var command = Command($"""
            SELECT {b[nameof(ImportBatch.Id)]}, {b[nameof(ImportBatch.SourceName)]}, {b[nameof(ImportBatch.FileName)]},
                {b[nameof(ImportBatch.ImportedAt)]}, {b[nameof(ImportBatch.WithdrawnAt)]}
            FROM {b.Table} WHERE {b[nameof(ImportBatch.Sha256)]} = @sha ORDER BY {b[nameof(ImportBatch.Id)]} LIMIT 1
            """);
        b.Parameter(command, "@sha", nameof(ImportBatch.Sha256), sha256);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new ImportBatch
        {
            Id = b.FromStore<int>(nameof(ImportBatch.Id), reader, 0),
            SourceName = b.FromStore<string>(nameof(ImportBatch.SourceName), reader, 1)!,
            FileName = b.FromStore<string>(nameof(ImportBatch.FileName), reader, 2)!,
            Sha256 = sha256,
            ImportedAt = b.FromStore<DateTimeOffset>(nameof(ImportBatch.ImportedAt), reader, 3),
            WithdrawnAt = b.FromStore<DateTimeOffset?>(nameof(ImportBatch.WithdrawnAt), reader, 4),
        };
    }

    public Task DeleteBatchAsync(int batchId, CancellationToken ct) => BatchStore.DeleteBatchAsync(db, batchId, ct);

    public async Task InsertBatchAsync(ImportBatch batch, CancellationToken ct)
    {
        var b = _batches;
        (string Property, object? Value)[] values =
        [
            (nameof(ImportBatch.Kind), batch.Kind), (nameof(ImportBatch.SourceName), batch.SourceName),
            (nameof(ImportBatch.FileName), batch.FileName), (nameof(ImportBatch.Sha256), batch.Sha256),
            (nameof(ImportBatch.ImportedAt), batch.ImportedAt), (nameof(ImportBatch.RowsRead), 0),
            (nameof(ImportBatch.RowsWritten), 0), (nameof(ImportBatch.RowsSkipped), 0),
            (nameof(ImportBatch.Format), batch.Format), (nameof(ImportBatch.SheetName), batch.SheetName),
            (nameof(ImportBatch.IsIllustrative), batch.IsIllustrative), (nameof(ImportBatch.Money), batch.Money),
            (nameof(ImportBatch.PooledFund), batch.PooledFund), (nameof(ImportBatch.ImportedBy), batch.ImportedBy),
        ];
        await using var command = Command($"""
            INSERT INTO {b.Table} ({string.Join(", ", values.Select(v => b[v.Property]))})
            VALUES ({string.Join(", ", values.Select((_, i) => $"@p{i}"))}) RETURNING {b[nameof(ImportBatch.Id)]}
            """);
        for (var i = 0; i < values.Length; i++) b.Parameter(command, $"@p{i}", values[i].Property, values[i].Value);
        batch.Id = BatchId = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task CompleteBatchAsync(ImportBatch batch, CancellationToken ct)
    {
        var b = _batches;
        (string Property, object? Value)[] values =
        [
            (nameof(ImportBatch.RowsRead), batch.RowsRead), (nameof(ImportBatch.RowsWritten), batch.RowsWritten),
            (nameof(ImportBatch.RowsSkipped), batch.RowsSkipped), (nameof(ImportBatch.FirstYear), batch.FirstYear),
            (nameof(ImportBatch.LastYear), batch.LastYear), (nameof(ImportBatch.ReportJson), batch.ReportJson),
        ];
        await using var command = Command($"""
            UPDATE {b.Table} SET {string.Join(", ", values.Select((v, i) => $"{b[v.Property]} = @p{i}"))}
            WHERE {b[nameof(ImportBatch.Id)]} = @id
            """);
        for (var i = 0; i < values.Length; i++) b.Parameter(command, $"@p{i}", values[i].Property, values[i].Value);
        b.Parameter(command, "@id", nameof(ImportBatch.Id), batch.Id);
        await command.ExecuteNonQueryAsync(ct);
    }

    public abstract void SuspendIndexes(StoreShape table);
    public abstract IRowSink Rows(StoreShape table);
    public abstract void CompleteRows();
    public abstract void RestoreIndexes();

    public async Task<IReadOnlyList<(string Alias, string Canonical)>> OrganisationLinksAsync(CancellationToken ct)
    {
        var a = new EntitySql(db.Model, typeof(OrganisationAlias));
        await using var command = Command(
            $"SELECT {a[nameof(OrganisationAlias.AliasKey)]}, {a[nameof(OrganisationAlias.CanonicalKey)]} FROM {a.Table}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var links = new List<(string, string)>();
        while (await reader.ReadAsync(ct)) links.Add((reader.GetString(0), reader.GetString(1)));
        return links;
    }

    public async Task SaveOrganisationLinksAsync(IReadOnlyList<(string Alias, string Canonical)> links, CancellationToken ct)
    {
        var a = new EntitySql(db.Model, typeof(OrganisationAlias));
        var (alias, canonical) = (a[nameof(OrganisationAlias.AliasKey)], a[nameof(OrganisationAlias.CanonicalKey)]);
        await using var upsert = Command(
            $"INSERT INTO {a.Table} ({alias}, {canonical}) VALUES (@a, @c) ON CONFLICT ({alias}) DO UPDATE SET {canonical} = excluded.{canonical}");
        EntitySql.Add(upsert, "@a", null);
        EntitySql.Add(upsert, "@c", null);

        var p = new EntitySql(db.Model, typeof(PresenceRecord));
        var (orgKey, activityKey) = (p[nameof(PresenceRecord.OrganisationKey)], p[nameof(PresenceRecord.ActivityKey)]);
        // The activity key starts with the organisation key: swap that prefix.
        await using var rekey = Command(
            $"UPDATE {p.Table} SET {activityKey} = @c || substr({activityKey}, length({orgKey}) + 1), {orgKey} = @c WHERE {orgKey} = @a");
        EntitySql.Add(rekey, "@a", null);
        EntitySql.Add(rekey, "@c", null);

        foreach (var (member, root) in links)
        {
            upsert.Parameters[0].Value = member;
            upsert.Parameters[1].Value = root;
            await upsert.ExecuteNonQueryAsync(ct);
            if (member == root) continue;
            rekey.Parameters[0].Value = member;
            rekey.Parameters[1].Value = root;
            await rekey.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<IReadOnlyList<int>> PooledFundAllocationBatchesAsync(int batchId, string fund, int year, CancellationToken ct)
    {
        var (b, t) = (_batches, new EntitySql(db.Model, typeof(FundingTotal)));
        await using var command = Command($"""
            SELECT b.{b[nameof(ImportBatch.Id)]} FROM {b.Table} b
            WHERE b.{b[nameof(ImportBatch.Id)]} <> @batch AND b.{b[nameof(ImportBatch.Money)]} = @money
              AND b.{b[nameof(ImportBatch.PooledFund)]} = @fund AND b.{b[nameof(ImportBatch.WithdrawnAt)]} IS NULL
              AND EXISTS (SELECT 1 FROM {t.Table} t WHERE t.{t[nameof(FundingTotal.BatchId)]} = b.{b[nameof(ImportBatch.Id)]}
                          AND t.{t[nameof(FundingTotal.Year)]} = @year)
            ORDER BY b.{b[nameof(ImportBatch.Id)]}
            """);
        EntitySql.Add(command, "@batch", batchId);
        b.Parameter(command, "@money", nameof(ImportBatch.Money), FundingMoney.PooledFundAllocations);
        EntitySql.Add(command, "@fund", fund);
        EntitySql.Add(command, "@year", year);
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(b.FromStore<int>(nameof(ImportBatch.Id), reader, 0));
        return ids;
    }

    public async Task<(double Usd, int Flows, IReadOnlyList<int> Batches)> PooledFundFlowsAsync(int batchId, string fund, int year,
        CancellationToken ct)
    {
        var (b, t) = (_batches, new EntitySql(db.Model, typeof(FundingTotal)));
        // Counted flows: not pledges, boundary incoming or blank.
        await using var command = Command($"""
            SELECT t.{t[nameof(FundingTotal.BatchId)]}, SUM(t.{t[nameof(FundingTotal.AmountUsd)]}), SUM(t.{t[nameof(FundingTotal.Flows)]})
            FROM {t.Table} t
            WHERE t.{t[nameof(FundingTotal.BatchId)]} <> @batch AND t.{t[nameof(FundingTotal.PooledFund)]} = @fund
              AND t.{t[nameof(FundingTotal.Year)]} = @year AND t.{t[nameof(FundingTotal.Status)]} <> @pledge
              AND t.{t[nameof(FundingTotal.Boundary)]} IN (@incoming, @blank)
              AND t.{t[nameof(FundingTotal.BatchId)]} NOT IN (SELECT {b[nameof(ImportBatch.Id)]} FROM {b.Table} WHERE {b[nameof(ImportBatch.WithdrawnAt)]} IS NOT NULL)
            GROUP BY t.{t[nameof(FundingTotal.BatchId)]} ORDER BY t.{t[nameof(FundingTotal.BatchId)]}
            """);
        EntitySql.Add(command, "@batch", batchId);
        EntitySql.Add(command, "@fund", fund);
        EntitySql.Add(command, "@year", year);
        t.Parameter(command, "@pledge", nameof(FundingTotal.Status), FundingStatus.Pledge);
        t.Parameter(command, "@incoming", nameof(FundingTotal.Boundary), FlowBoundary.Incoming);
        t.Parameter(command, "@blank", nameof(FundingTotal.Boundary), FlowBoundary.Unspecified);
        var (usd, flows, batches) = (0.0, 0, new List<int>());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            batches.Add(t.FromStore<int>(nameof(FundingTotal.BatchId), reader, 0));
            usd += Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            flows += Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
        }
        return (usd, flows, batches);
    }

    public Task WriteAuditAsync(string actor, string action, int batchId, string details, CancellationToken ct) =>
        AuditTrail.WriteAsync(Connection, Transaction, db.Model, actor, action, batchId, details, ct);

    public Task CommitAsync(CancellationToken ct) =>
        (_transaction ?? throw new InvalidOperationException("The import's transaction has not begun.")).CommitAsync(ct);

    public Task RollbackAsync(CancellationToken ct) => _transaction?.RollbackAsync(ct) ?? Task.CompletedTask;

    /// <summary>Stops writing rows (after a failure or cancellation) before the transaction is rolled back.</summary>
    protected abstract void StopRows();

    public async ValueTask DisposeAsync()
    {
        try
        {
            StopRows();
        }
        finally
        {
            // A transaction neither committed nor rolled back is rolled back here.
            if (_transaction is not null) await _transaction.DisposeAsync();
            await db.DisposeAsync();
        }
    }

    protected DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = _transaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }
}
