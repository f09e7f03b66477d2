using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Queries;

/// <summary>
/// Reads the engine's inputs for a scope with aggregate queries (GROUP BY in SQLite); rows
/// are never loaded one by one, except the handful of need figures (one per governorate).
/// Funding is read from the import-time totals (FundingTotals), not from the flows.
/// </summary>
public sealed class EquityQueries(IDbContextFactory<EquityDbContext> factory, QueryCache cache)
{
    /// <summary>
    /// The engine's inputs for the scope. They depend on year, cluster and donor only (region and
    /// baseline act in the calculator), so views that differ by those share one cached read.
    /// </summary>
    public async Task<EquityInputs> LoadInputsAsync(EquityScope scope, CancellationToken ct = default)
    {
        var shared = scope with { Region = null, Baseline = Baseline.Pin };
        var inputs = await cache.GetAsync(shared, c => ReadInputsAsync(shared, c), ct);
        return inputs with { Scope = scope };
    }

    private async Task<EquityInputs> ReadInputsAsync(EquityScope scope, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);

        var current = await FundingByGovernorateAsync(db, scope, scope.Year, ct);
        var previous = await FundingByGovernorateAsync(db, scope, scope.Year - 1, ct);
        var pin = await PeopleInNeedAsync(db, scope, ct);
        var pledged = (decimal)(await IncomingFunding(db, scope, scope.Year)
            .Where(f => f.Status == FundingStatus.Pledge)
            .SumAsync(f => (double?)(double)f.AmountUsd, ct) ?? 0);

        var presence = Presence(db, scope);
        var perGovernorate = await presence
            .GroupBy(p => p.GovernoratePcode)
            .Select(g => new
            {
                Pcode = g.Key,
                Orgs = g.Select(p => p.OrganisationKey).Distinct().Count(),
                Activities = g.Select(p => p.ActivityKey).Distinct().Count(),
            })
            .ToListAsync(ct);
        var perRegion = await (
                from p in presence
                join g in db.Governorates on p.GovernoratePcode equals g.Pcode
                group p.OrganisationKey by g.Region into r
                select new { Region = r.Key, Orgs = r.Distinct().Count() })
            .ToListAsync(ct);

        var presenceLoaded = await db.Presence.AnyAsync(p => p.Year == scope.Year, ct);
        var incidentsQuery = db.Incidents.Where(i => i.Year == scope.Year);
        Dictionary<string, int>? incidents = null;
        if (await incidentsQuery.AnyAsync(ct))
        {
            incidents = await incidentsQuery
                .GroupBy(i => i.GovernoratePcode)
                .Select(g => new { g.Key, Count = g.Sum(i => i.Count) })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        }

        return new EquityInputs
        {
            Scope = scope,
            Funding = current.Where(kv => kv.Key is not null).ToDictionary(kv => kv.Key!, kv => kv.Value),
            PreviousFunding = previous.Where(kv => kv.Key is not null).ToDictionary(kv => kv.Key!, kv => kv.Value),
            UnallocatedUsd = current.Where(kv => kv.Key is null).Sum(kv => kv.Value),
            PledgedUsd = pledged,
            PeopleInNeed = pin,
            Orgs = perGovernorate.ToDictionary(x => x.Pcode, x => x.Orgs),
            Activities = perGovernorate.ToDictionary(x => x.Pcode, x => x.Activities),
            RegionOrgs = perRegion.ToDictionary(x => x.Region, x => x.Orgs),
            PresenceLoaded = presenceLoaded,
            Incidents = incidents,
        };
    }

    /// <summary>Counted funding of the scope in a year: incoming flows that are not pledges.</summary>
    internal static IQueryable<FundingTotal> CountedFunding(EquityDbContext db, EquityScope scope, int year) =>
        IncomingFunding(db, scope, year).Where(f => f.Status != FundingStatus.Pledge);

    /// <summary>Flows of the scope's cluster and donor in a year, incoming or unspecified boundary (internal and outgoing count nowhere).</summary>
    private static IQueryable<FundingTotal> IncomingFunding(EquityDbContext db, EquityScope scope, int year)
    {
        var query = db.FundingTotals.Where(f => f.Year == year
            && (f.Boundary == FlowBoundary.Incoming || f.Boundary == FlowBoundary.Unspecified));
        if (scope.Cluster is { } cluster) query = query.Where(f => f.Cluster == cluster);
        if (scope.Donor is { } donor) query = query.Where(f => f.Donor == donor);
        return query;
    }

    private static async Task<List<KeyValuePair<string?, decimal>>> FundingByGovernorateAsync(
        EquityDbContext db, EquityScope scope, int year, CancellationToken ct)
    {
        var rows = await CountedFunding(db, scope, year)
            .GroupBy(f => f.GovernoratePcode)
            .Select(g => new { Pcode = g.Key, Total = g.Sum(f => (double)f.AmountUsd) })
            .ToListAsync(ct);
        return rows.Select(r => new KeyValuePair<string?, decimal>(r.Pcode, (decimal)r.Total)).ToList();
    }

    /// <summary>
    /// People in need of the scope (intersectoral, or the cluster's) per governorate. Where
    /// several batches report the same governorate, the most recent import wins; cluster
    /// figures are never summed into an intersectoral one.
    /// </summary>
    private static async Task<Dictionary<string, long?>> PeopleInNeedAsync(EquityDbContext db, EquityScope scope, CancellationToken ct)
    {
        var cluster = scope.Cluster ?? NeedFigure.Intersectoral;
        var rows = await db.Need
            .Where(n => n.Year == scope.Year && n.Cluster == cluster && n.PeopleInNeed != null)
            .Select(n => new { n.GovernoratePcode, n.BatchId, n.PeopleInNeed })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.GovernoratePcode)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.BatchId)!.PeopleInNeed);
    }

    private static IQueryable<PresenceRecord> Presence(EquityDbContext db, EquityScope scope)
    {
        var query = db.Presence.Where(p => p.Year == scope.Year);
        if (scope.Cluster is { } cluster) query = query.Where(p => p.Cluster == cluster);
        return query;
    }
}
