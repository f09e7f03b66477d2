using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>Takes the rows of one table, each as its values in the order of the table's <see cref="StoreShape"/>.</summary>
internal interface IRowSink
{
    void Add(params ReadOnlySpan<DbValue> values);
}

/// <summary>
/// Where an import's checked rows go: one writer per database (<see cref="ImportWriters.Open"/>).
/// The import pipeline reads and validates the file and sums the totals; the writer opens the
/// batch's transaction, takes the rows of each table through its <see cref="IRowSink"/>s, and
/// writes the batch row, the organisation links and the audit entry beside them, so that the
/// batch is committed whole or not at all. Disposing a writer that has not committed rolls back.
/// </summary>
internal interface IImportWriter : IAsyncDisposable
{
    /// <summary>
    /// Begins the batch's transaction and returns the batch already imported from a file with this
    /// SHA-256, if any. From here until commit or rollback, no other import can commit a batch of
    /// the same file, so the answer stays true.
    /// </summary>
    Task<ImportBatch?> BeginAsync(string sha256, CancellationToken ct);

    /// <summary>Deletes a batch and its rows (a replaced import).</summary>
    Task DeleteBatchAsync(int batchId, CancellationToken ct);

    /// <summary>Inserts the batch (its counts still zero) and sets its id.</summary>
    Task InsertBatchAsync(ImportBatch batch, CancellationToken ct);

    /// <summary>
    /// For a large file: lets the writer drop the table's secondary indexes while its rows go in,
    /// to rebuild them in <see cref="RestoreIndexes"/>; a writer may keep them instead.
    /// </summary>
    void SuspendIndexes(StoreShape table);

    /// <summary>The sink for a table's rows (records or totals). Rows may be written later, on another thread.</summary>
    IRowSink Rows(StoreShape table);

    /// <summary>Waits until every row given to a sink is written; rethrows a write's failure.</summary>
    void CompleteRows();

    /// <summary>Rebuilds indexes dropped by <see cref="SuspendIndexes"/> (after <see cref="CompleteRows"/>).</summary>
    void RestoreIndexes();

    /// <summary>The organisation links stored so far: (alias key, canonical key).</summary>
    Task<IReadOnlyList<(string Alias, string Canonical)>> OrganisationLinksAsync(CancellationToken ct);

    /// <summary>Stores the links (alias key, canonical key) and re-keys the presence rows of every batch whose key was an alias.</summary>
    Task SaveOrganisationLinksAsync(IReadOnlyList<(string Alias, string Canonical)> links, CancellationToken ct);

    /// <summary>Other batches holding a pooled fund's allocations with money in the year (not withdrawn).</summary>
    Task<IReadOnlyList<int>> PooledFundAllocationBatchesAsync(int batchId, string fund, int year, CancellationToken ct);

    /// <summary>Counted flows from or into a pooled fund in the year in other batches (not withdrawn): USD, flows and the batches.</summary>
    Task<(double Usd, int Flows, IReadOnlyList<int> Batches)> PooledFundFlowsAsync(int batchId, string fund, int year, CancellationToken ct);

    /// <summary>Stores the batch's counts, years and report once its rows are written.</summary>
    Task CompleteBatchAsync(ImportBatch batch, CancellationToken ct);

    /// <summary>Adds the import's audit entry.</summary>
    Task WriteAuditAsync(string actor, string action, int batchId, string details, CancellationToken ct);

    Task CommitAsync(CancellationToken ct);

    Task RollbackAsync(CancellationToken ct);
}
