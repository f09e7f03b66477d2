using EquityDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EquityDashboard.Infrastructure.Queries;

/// <summary>
/// Keeps query results until the data changes. Every change to the data is a batch imported,
/// replaced, withdrawn, restored or purged, and each writes an audit entry in its transaction, so
/// the batch count, the highest batch id and the highest audit id together say whether anything
/// changed, whichever process (web app or CLI) changed it. That stamp is read on
/// every call (one indexed aggregate) and is part of the cache key, so a stale result is never served.
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

    private async Task<(long Count, long MaxId, long AuditId)> StampAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var stamp = await db.Database.SqlQueryRaw<Stamp>(
                "SELECT (SELECT COUNT(*) FROM ImportBatches) AS Count, (SELECT IFNULL(MAX(Id), 0) FROM ImportBatches) AS MaxId, "
                + "(SELECT IFNULL(MAX(Id), 0) FROM AuditEvents) AS AuditId")
            .SingleAsync(ct);
        return (stamp.Count, stamp.MaxId, stamp.AuditId);
    }

    private sealed record Stamp(long Count, long MaxId, long AuditId);
}
