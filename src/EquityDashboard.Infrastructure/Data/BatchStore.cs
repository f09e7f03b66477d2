using System.Globalization;
using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>What became of a withdrawal, restore or purge.</summary>
public enum BatchChange
{
    Done,
    NotFound,
    /// <summary>The batch is not in the state the change needs (withdrawing a withdrawn batch, purging one in use...).</summary>
    WrongState,
}

/// <summary>
/// Import batch history, and the changes to a batch after its import: withdrawal (a data manager;
/// its figures leave every view at once, its rows stay), restore and purge (an admin; purge deletes a
/// withdrawn batch for good). Each checks the caller's role here, on the server, and writes the audit
/// trail in the same transaction as the change.
/// </summary>
public sealed class BatchStore(IDbContextFactory<EquityDbContext> factory, ILogger<BatchStore>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<BatchStore>.Instance;

    public async Task<IReadOnlyList<ImportBatch>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Batches.AsNoTracking().OrderBy(b => b.Id).ToListAsync(ct);
    }

    /// <summary>Withdraws a batch in use: its figures leave every view; its rows stay for a restore.</summary>
    /// <exception cref="ForbiddenException">The actor is not a data manager or admin, or is limited to clusters the batch goes beyond.</exception>
    public async Task<BatchChange> WithdrawAsync(Actor actor, int batchId, CancellationToken ct = default)
    {
        if (!actor.CanWithdraw) throw new ForbiddenException("Withdrawing a batch needs the data-manager or admin role.");
        return await ChangeAsync(actor, batchId, AuditActions.Withdraw, b => !b.IsWithdrawn, async (db, b) =>
        {
            if (actor.Clusters is { Count: > 0 })
            {
                var others = (await BatchClustersAsync(db, batchId, ct)).Where(c => !actor.MayWriteCluster(c)).ToList();
                if (others.Count > 0)
                    throw new ForbiddenException($"Batch {batchId} holds rows of clusters you do not manage: {string.Join(", ", others.Select(c => c ?? "(cluster not given)"))}.");
            }
            await db.Batches.Where(x => x.Id == batchId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.WithdrawnAt, DateTimeOffset.UtcNow)
                .SetProperty(x => x.WithdrawnBy, actor.Name), ct);
        }, ct);
    }

    /// <summary>Brings a withdrawn batch back: the same rows, so the same figures as before.</summary>
    public async Task<BatchChange> RestoreAsync(Actor actor, int batchId, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) throw new ForbiddenException("Restoring a withdrawn batch needs the admin role.");
        return await ChangeAsync(actor, batchId, AuditActions.Restore, b => b.IsWithdrawn, (db, _) =>
            db.Batches.Where(x => x.Id == batchId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.WithdrawnAt, (DateTimeOffset?)null)
                .SetProperty(x => x.WithdrawnBy, (string?)null), ct), ct);
    }

    /// <summary>Deletes a withdrawn batch and its rows for good (the audit trail keeps its history).</summary>
    public async Task<BatchChange> PurgeAsync(Actor actor, int batchId, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) throw new ForbiddenException("Purging a batch needs the admin role.");
        return await ChangeAsync(actor, batchId, AuditActions.Purge, b => b.IsWithdrawn, (db, _) => DeleteBatchAsync(db, batchId, ct), ct);
    }

    private async Task<BatchChange> ChangeAsync(Actor actor, int batchId, string action, Func<ImportBatch, bool> allowed,
        Func<EquityDbContext, ImportBatch, Task> change, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null) return BatchChange.NotFound;
        if (!allowed(batch)) return BatchChange.WrongState;
        await change(db, batch);
        await AuditTrail.WriteAsync(db, actor.Name, action, batchId,
            string.Create(CultureInfo.InvariantCulture, $"{batch.FileName} ({batch.Kind.ToString().ToLowerInvariant()}, '{batch.SourceName}', {batch.RowsWritten:N0} row{(batch.RowsWritten == 1 ? "" : "s")})"), ct);
        await tx.CommitAsync(ct);
        _log.LogInformation("{Action} of batch {BatchId} by {Actor}", action, batchId, actor.Name);
        return BatchChange.Done;
    }

    /// <summary>The distinct clusters of a batch's rows (null for rows without one).</summary>
    private static async Task<List<string?>> BatchClustersAsync(EquityDbContext db, int batchId, CancellationToken ct)
    {
        var funding = await db.FundingTotals.Where(t => t.BatchId == batchId).Select(t => t.Cluster).Distinct().ToListAsync(ct);
        var presence = await db.Presence.Where(p => p.BatchId == batchId).Select(p => p.Cluster).Distinct().ToListAsync(ct);
        var need = await db.Need.Where(n => n.BatchId == batchId).Select(n => (string?)n.Cluster).Distinct().ToListAsync(ct);
        // Incidents and displacement belong to no cluster.
        var clusterless = await db.Incidents.AnyAsync(i => i.BatchId == batchId, ct) || await db.Displacement.AnyAsync(d => d.BatchId == batchId, ct);
        return funding.Concat(presence).Concat(need.Select(c => c == NeedFigure.Intersectoral ? null : c))
            .Concat(clusterless ? [null] : Array.Empty<string?>())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Deletes a batch and its records inside the caller's transaction; returns 1 if it existed.</summary>
    internal static async Task<int> DeleteBatchAsync(EquityDbContext db, int batchId, CancellationToken ct)
    {
        await db.FundingTotals.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.FundingDistrictTotals.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.Funding.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.Presence.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.Need.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.Incidents.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.Displacement.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        return await db.Batches.Where(b => b.Id == batchId).ExecuteDeleteAsync(ct);
    }
}
