using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>Import batch history and rollback.</summary>
public sealed class BatchStore(IDbContextFactory<EquityDbContext> factory, ILogger<BatchStore>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<BatchStore>.Instance;

    public async Task<IReadOnlyList<ImportBatch>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Batches.AsNoTracking().OrderBy(b => b.Id).ToListAsync(ct);
    }

    /// <summary>Removes a batch and every record it brought in (one transaction). False when there is no such batch.</summary>
    public async Task<bool> RollbackAsync(int batchId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await DeleteBatchAsync(db, batchId, ct);
        await tx.CommitAsync(ct);
        if (removed > 0) _log.LogInformation("Rolled back batch {BatchId}", batchId);
        return removed > 0;
    }

    /// <summary>Deletes a batch and its records inside the caller's transaction; returns 1 if it existed.</summary>
    internal static async Task<int> DeleteBatchAsync(EquityDbContext db, int batchId, CancellationToken ct)
    {
        await db.FundingTotals.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.Funding.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.Presence.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.Need.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.Incidents.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        return await db.Batches.Where(b => b.Id == batchId).ExecuteDeleteAsync(ct);
    }
}
