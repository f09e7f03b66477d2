using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>Opens the writer for the database the context factory is configured for.</summary>
internal static class ImportWriters
{
    /// <param name="dryRun">Validate only: the writer answers the import's reads and writes nothing.</param>
    public static async Task<IImportWriter> OpenAsync(IDbContextFactory<EquityDbContext> factory, bool dryRun, CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        IImportWriter writer;
        switch (db.Database.GetDbConnection())
        {
            case SqliteConnection: writer = new SqliteImportWriter(db); break;
            case NpgsqlConnection: writer = new PostgresImportWriter(db); break;
            case var other:
                await db.DisposeAsync();
                throw new NotSupportedException($"The importer writes to SQLite or PostgreSQL, not {other.GetType().Name}.");
        }
        return dryRun ? new DryRunImportWriter(writer) : writer;
    }
}

/// <summary>A dry run's writer: the reads go to the database (in a transaction that is rolled back), the writes nowhere.</summary>
internal sealed class DryRunImportWriter(IImportWriter database) : IImportWriter
{
    private sealed class NoRows : IRowSink
    {
        public static readonly NoRows Instance = new();
        public void Add(params ReadOnlySpan<DbValue> values) { }
    }

    public Task<ImportBatch?> BeginAsync(string sha256, CancellationToken ct) => database.BeginAsync(sha256, ct);
    public Task DeleteBatchAsync(int batchId, CancellationToken ct) => Task.CompletedTask;
    /// <summary>The batch keeps id 0, which no stored batch has.</summary>
    public Task InsertBatchAsync(ImportBatch batch, CancellationToken ct) => Task.CompletedTask;
    public void SuspendIndexes(StoreShape table) { }
    public IRowSink Rows(StoreShape table) => NoRows.Instance;
    public void CompleteRows() { }
    public void RestoreIndexes() { }
    public Task<IReadOnlyList<(string Alias, string Canonical)>> OrganisationLinksAsync(CancellationToken ct) => database.OrganisationLinksAsync(ct);
    public Task SaveOrganisationLinksAsync(IReadOnlyList<(string Alias, string Canonical)> links, CancellationToken ct) => Task.CompletedTask;
    public Task<IReadOnlyList<int>> PooledFundAllocationBatchesAsync(int batchId, string fund, int year, CancellationToken ct) =>
        database.PooledFundAllocationBatchesAsync(batchId, fund, year, ct);
    public Task<(double Usd, int Flows, IReadOnlyList<int> Batches)> PooledFundFlowsAsync(int batchId, string fund, int year, CancellationToken ct) =>
        database.PooledFundFlowsAsync(batchId, fund, year, ct);
    public Task CompleteBatchAsync(ImportBatch batch, CancellationToken ct) => Task.CompletedTask;
    public Task WriteAuditAsync(string actor, string action, int batchId, string details, CancellationToken ct) => Task.CompletedTask;
    public Task CommitAsync(CancellationToken ct) => throw new InvalidOperationException("A dry run writes nothing and commits nothing.");
    public Task RollbackAsync(CancellationToken ct) => database.RollbackAsync(ct);
    public ValueTask DisposeAsync() => database.DisposeAsync();
}
