using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EquityDashboard.Infrastructure.Queries;

/// <summary>
/// Keeps query results until the data changes. Every change to the data is a batch imported,
/// replaced, withdrawn, restored or purged, and each writes an audit entry in its transaction, so
/// the batch count, the highest batch id and the highest id among those audit entries together
/// say whether anything changed, whichever process (web app or CLI) changed it; sign-ins and
/// account changes, also audited, leave it alone. That stamp is read on every call (indexed
/// aggregates) and is part of the cache key, so a stale result is never served.
/// </summary>
public sealed class QueryCache(IDbContextFactory<EquityDbContext> factory, IMemoryCache memory)
{
    /// <summary>Entries are counted, not sized: this many results at most.</summary>
    public const int Capacity = 500;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> load, CancellationToken ct = default)
    {
        var stamp = await StampAsync(ct);
        var cacheKey = (key, stamp);
        if (memory.TryGetValue(cacheKey, out T? cached)) return cached!;
        var value = await load(ct);
        memory.Set(cacheKey, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return value;
    }

    /// <summary>The version of the data, changed by every import, replacement, withdrawal, restore and purge.</summary>
    public async Task<DataVersion> DataVersionAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var changes = db.Audit.Where(e => AuditActions.DataChanges.Contains(e.Action));
        // One round trip while there are batches; an empty database asks the audit alone.
        var version = await db.Batches.GroupBy(_ => 1)
            .Select(g => new DataVersion(g.LongCount(), g.Max(b => b.Id), changes.Max(e => (long?)e.Id) ?? 0))
            .SingleOrDefaultAsync(ct);
        return version != default ? version : new DataVersion(0, 0, await changes.MaxAsync(e => (long?)e.Id, ct) ?? 0);
    }

    private Task<DataVersion> StampAsync(CancellationToken ct) => DataVersionAsync(ct);
}

/// <summary>What identifies one state of the data: the number of batches, the newest batch, the latest change.</summary>
public readonly record struct DataVersion(long Batches, long NewestBatch, long LatestChange)
{
    public override string ToString() => $"{Batches}.{NewestBatch}.{LatestChange}";
}
