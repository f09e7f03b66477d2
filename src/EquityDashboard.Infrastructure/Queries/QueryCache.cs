using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Data.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EquityDashboard.Infrastructure.Queries;

/// <summary>
/// Keeps query results until the data changes. Every change to the data is a batch imported,
/// replaced, withdrawn, restored or purged, and each writes an audit entry in its transaction, so
/// the batch count, the highest batch id and the highest id among those audit entries together
/// say whether anything changed, whichever process (web app or CLI) changed it; sign-ins and
/// account changes, also audited, leave it alone. That stamp is part of the cache key, so a stale
/// result is never served.
/// </summary>
/// <remarks>
/// The stamp is read again (indexed aggregates) only when the database file has had a commit
/// since it was last read: SQLite's <c>PRAGMA data_version</c>, asked on one connection kept
/// open for it, changes whenever another connection, of this process or another, commits. So a
/// page that makes a dozen queries asks the file a dozen times for one number, not for the stamp.
/// On PostgreSQL, which has no such counter, each lookup reads the one-row stamp table instead
/// (a primary-key read): two web instances and the CLI on one server see each other's commits
/// on their next query.
/// </remarks>
public sealed class QueryCache(IDbContextFactory<EquityDbContext> factory, IMemoryCache memory) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _probe;
    private long _seenCommits = -1;
    private DataVersion _version;

    /// <summary>Entries are counted, not sized: this many results at most.</summary>
    public const int Capacity = 500;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> load, CancellationToken ct = default)
    {
        var stamp = await DataVersionAsync(ct);
        var cacheKey = (key, stamp);
        if (memory.TryGetValue(cacheKey, out T? cached)) return cached!;
        var value = await load(ct);
        memory.Set(cacheKey, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return value;
    }

    /// <summary>The version of the data, changed by every import, replacement, withdrawal, restore and purge.</summary>
    public async Task<DataVersion> DataVersionAsync(CancellationToken ct = default)
    {
        var commits = CommitsSeen();
        lock (_gate)
        {
            if (commits is not null && commits == _seenCommits) return _version;
        }
        // Read after the commit counter: the stamp is at least as new as the count it is kept with.
        var version = await ReadVersionAsync(ct);
        if (commits is not null)
        {
            lock (_gate)
            {
                _seenCommits = commits.Value;
                _version = version;
            }
        }
        return version;
    }

    /// <summary>SQLite's commit counter as this process's probe connection sees it; null for another database.</summary>
    private long? CommitsSeen()
    {
        lock (_gate)
        {
            if (_probe is null)
            {
                using var db = factory.CreateDbContext();
                if (!db.Database.IsSqlite()) return null;
                _probe = new SqliteConnection(db.Database.GetConnectionString());
                _probe.Open();
            }
            using var command = _probe.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return (long)command.ExecuteScalar()!;
        }
    }

    private async Task<DataVersion> ReadVersionAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db is PostgreSqlEquityDbContext) return await StampAsync(db, ct);
        var changes = db.Audit.Where(e => AuditActions.DataChanges.Contains(e.Action));
        // One round trip while there are batches; an empty database asks the audit alone.
        var version = await db.Batches.GroupBy(_ => 1)
            .Select(g => new DataVersion(g.LongCount(), g.Max(b => b.Id), changes.Max(e => (long?)e.Id) ?? 0))
            .SingleOrDefaultAsync(ct);
        return version != default ? version : new DataVersion(0, 0, await changes.MaxAsync(e => (long?)e.Id, ct) ?? 0);
    }

    /// <summary>
    /// PostgreSQL: the data stamp (<see cref="DataStamp"/>), raised at the commit of every change to
    /// a batch by whichever instance or CLI made it, with the batches' count and newest id, in one
    /// round trip. Audit ids would not do there: they are drawn at insert, not at commit, so a
    /// change committed after a later-numbered one would leave the highest id as it was.
    /// </summary>
    private static Task<DataVersion> StampAsync(EquityDbContext db, CancellationToken ct) =>
        db.Set<DataStamp>().Where(s => s.Id == DataStamp.RowId)
            .Select(s => new DataVersion(db.Batches.LongCount(), db.Batches.Max(b => (long?)b.Id) ?? 0, s.Version))
            .SingleAsync(ct);

    public void Dispose()
    {
        lock (_gate)
        {
            _probe?.Dispose();
            _probe = null;
        }
    }
}

/// <summary>What identifies one state of the data: the number of batches, the newest batch, the latest change (on PostgreSQL, the data stamp).</summary>
public readonly record struct DataVersion(long Batches, long NewestBatch, long LatestChange)
{
    public override string ToString() => $"{Batches}.{NewestBatch}.{LatestChange}";
}
