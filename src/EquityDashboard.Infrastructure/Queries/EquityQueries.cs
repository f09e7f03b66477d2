using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Queries;

/// <summary>
/// What a scope's figures leave out of the store: <paramref name="LeftOutBatches"/>, the withdrawn
/// batches, and those marked illustrative in a "real figures only" view; and, for the year, reported flows from or
/// into each of <paramref name="FundsWithAllocations"/>, the pooled funds whose own allocations
/// the store holds for that year (their money is counted through those allocations, once).
/// </summary>
public sealed record DataFilter(IReadOnlyList<int> LeftOutBatches, IReadOnlyList<string> FundsWithAllocations)
{
    public static readonly DataFilter None = new([], []);
}

/// <summary>
/// Reads the engine's inputs for a scope with aggregate queries (GROUP BY in SQLite); rows
/// are never loaded one by one, except the need figures (one per governorate, or per district).
/// Funding is read from the import-time totals (FundingTotals), not from the flows. The district
/// inputs (<see cref="LoadDistrictInputsAsync"/>) are the same queries grouped by governorate and
/// district (funding from the district totals, or a cluster's or donor's flows), so a governorate's
/// figures are its districts' plus its rows naming no district.
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

    /// <summary>
    /// The district inputs of the scope (per district, and per governorate what names no district).
    /// Like <see cref="LoadInputsAsync"/>, they depend on year, cluster, donor and "real figures only"
    /// only, and are read once per state of the data.
    /// </summary>
    public Task<DistrictInputs> LoadDistrictInputsAsync(EquityScope scope, CancellationToken ct = default)
    {
        var shared = scope with { Region = null, Baseline = Baseline.Pin };
        return cache.GetAsync((nameof(DistrictInputs), shared), c => ReadDistrictInputsAsync(shared, c), ct);
    }

    /// <summary>What the figures of a year leave out (see <see cref="DataFilter"/>).</summary>
    public Task<DataFilter> FilterAsync(bool realOnly, int year, CancellationToken ct = default) =>
        cache.GetAsync((nameof(DataFilter), realOnly, year), async c =>
        {
            await using var db = await factory.CreateDbContextAsync(c);
            return await ReadFilterAsync(db, realOnly, year, c);
        }, ct);

    private static async Task<DataFilter> ReadFilterAsync(EquityDbContext db, bool realOnly, int year, CancellationToken ct)
    {
        var leftOut = await db.Batches.LeftOut(realOnly).Select(b => b.Id).ToListAsync(ct);
        var funds = await db.Batches.Counted(realOnly)
            .Where(b => b.Money == FundingMoney.PooledFundAllocations && b.PooledFund != null
                && db.FundingTotals.Any(t => t.BatchId == b.Id && t.Year == year))
            .Select(b => b.PooledFund!)
            .Distinct()
            .ToListAsync(ct);
        return leftOut.Count == 0 && funds.Count == 0 ? DataFilter.None : new DataFilter(leftOut, funds);
    }

    private async Task<EquityInputs> ReadInputsAsync(EquityScope scope, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var filter = await ReadFilterAsync(db, scope.RealOnly, scope.Year, ct);
        var previousFilter = await ReadFilterAsync(db, scope.RealOnly, scope.Year - 1, ct);

        var current = await FundingByGovernorateAsync(db, scope, scope.Year, filter, ct);
        var previous = await FundingByGovernorateAsync(db, scope, scope.Year - 1, previousFilter, ct);
        var coverage = await CoverageAsync(db, scope, filter, previousFilter, ct);
        var (bySource, previousBySource) = coverage.Changed
            ? (await FundingBySourceAsync(db, scope, scope.Year, filter, ct), await FundingBySourceAsync(db, scope, scope.Year - 1, previousFilter, ct))
            : (SourceSplit.Empty, SourceSplit.Empty);
        var pin = await PeopleInNeedAsync(db, scope, filter, ct);
        var pledged = (decimal)(await IncomingFunding(db, scope, scope.Year, filter)
            .Where(f => f.Status == FundingStatus.Pledge)
            .SumAsync(f => (double?)(double)f.AmountUsd, ct) ?? 0);
        var overlaps = await CountedThroughPooledFundAsync(db, scope, filter, ct);

        var presence = Presence(db, scope, filter);
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
                join g in db.Areas on p.GovernoratePcode equals g.Pcode
                group p.OrganisationKey by g.Region into r
                select new { Region = r.Key, Orgs = r.Distinct().Count() })
            .ToListAsync(ct);

        var leftOut = filter.LeftOutBatches;
        var presenceLoaded = await db.Presence.AnyAsync(p => p.Year == scope.Year && !leftOut.Contains(p.BatchId), ct);
        var incidentsQuery = db.Incidents.Where(i => i.Year == scope.Year && !leftOut.Contains(i.BatchId));
        Dictionary<string, int>? incidents = null;
        if (await incidentsQuery.AnyAsync(ct))
        {
            incidents = await incidentsQuery
                .GroupBy(i => i.GovernoratePcode)
                .Select(g => new { g.Key, Count = g.Sum(i => i.Count) })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        }

        var idps = (await IdpsAsync(db, scope.Year, filter, ct))
            .GroupBy(r => r.Governorate)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
        var lists = await DisplacementListsAsync(db, filter, ct);

        return new EquityInputs
        {
            Scope = scope,
            Funding = current.Where(kv => kv.Key is not null).ToDictionary(kv => kv.Key!, kv => kv.Value),
            PreviousFunding = previous.Where(kv => kv.Key is not null).ToDictionary(kv => kv.Key!, kv => kv.Value),
            Coverage = coverage,
            FundingBySource = bySource,
            PreviousFundingBySource = previousBySource,
            UnallocatedUsd = current.Where(kv => kv.Key is null).Sum(kv => kv.Value),
            PledgedUsd = pledged,
            CountedThroughPooledFund = overlaps,
            PeopleInNeed = pin,
            Orgs = perGovernorate.ToDictionary(x => x.Pcode, x => x.Orgs),
            Activities = perGovernorate.ToDictionary(x => x.Pcode, x => x.Activities),
            RegionOrgs = perRegion.ToDictionary(x => x.Region, x => x.Orgs),
            PresenceLoaded = presenceLoaded,
            Incidents = incidents,
            Idps = idps,
            DisplacementLists = lists,
        };
    }

    /// <summary>
    /// Which sources report the scope's year and the year before (<see cref="FundingCoverage"/>): the source
    /// names of the batches with counted funding in the year, of any cluster or donor, allocated or not,
    /// so a source that reports a year but gave the scope nothing there counts as reporting zero.
    /// </summary>
    private static async Task<FundingCoverage> CoverageAsync(EquityDbContext db, EquityScope scope, DataFilter filter,
        DataFilter previousFilter, CancellationToken ct) =>
        new(scope.Year, await SourcesAsync(db, scope, scope.Year, filter, ct), await SourcesAsync(db, scope, scope.Year - 1, previousFilter, ct));

    private static async Task<IReadOnlyList<string>> SourcesAsync(EquityDbContext db, EquityScope scope, int year, DataFilter filter, CancellationToken ct)
    {
        var batches = CountedFunding(db, scope with { Cluster = null, Donor = null }, year, filter).Select(f => f.BatchId).Distinct();
        var names = await db.Batches.Where(b => batches.Contains(b.Id)).Select(b => b.SourceName).ToListAsync(ct);
        return names.Select(n => n.Trim()).Distinct(FundingCoverage.Comparer).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The source name of every batch (trimmed), for splitting funding by source.</summary>
    private static async Task<Dictionary<int, string>> SourceNamesAsync(EquityDbContext db, CancellationToken ct) =>
        (await db.Batches.Where(b => b.Kind == RecordKind.Funding).Select(b => new { b.Id, b.SourceName }).ToListAsync(ct))
            .ToDictionary(b => b.Id, b => b.SourceName.Trim());

    /// <summary>The scope's counted funding of a year per governorate and source (allocated money only).</summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> FundingBySourceAsync(
        EquityDbContext db, EquityScope scope, int year, DataFilter filter, CancellationToken ct)
    {
        var names = await SourceNamesAsync(db, ct);
        var rows = await CountedFunding(db, scope, year, filter)
            .Where(f => f.GovernoratePcode != null)
            .GroupBy(f => new { f.GovernoratePcode, f.BatchId })
            .Select(g => new { g.Key.GovernoratePcode, g.Key.BatchId, Total = g.Sum(f => (double)f.AmountUsd) })
            .ToListAsync(ct);
        return SourceSplit.From(rows.Select(r => (r.GovernoratePcode!, names[r.BatchId], (decimal)r.Total)));
    }

    /// <summary>Every displacement list the filter keeps, once per year it has figures for (the source of the IDP baseline).</summary>
    private static async Task<IReadOnlyList<DisplacementList>> DisplacementListsAsync(EquityDbContext db, DataFilter filter, CancellationToken ct)
    {
        var leftOut = filter.LeftOutBatches;
        var rows = await db.Displacement
            .Where(d => !leftOut.Contains(d.BatchId))
            .Select(d => new { d.BatchId, d.Year })
            .Distinct()
            .Join(db.Batches, d => d.BatchId, b => b.Id, (d, b) => new { d.BatchId, b.SourceName, d.Year })
            .ToListAsync(ct);
        return rows.Select(r => new DisplacementList(r.BatchId, r.SourceName, r.Year))
            .OrderBy(l => l.Year).ThenBy(l => l.BatchId).ToList();
    }

    private async Task<DistrictInputs> ReadDistrictInputsAsync(EquityScope scope, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var filter = await ReadFilterAsync(db, scope.RealOnly, scope.Year, ct);
        var previousFilter = await ReadFilterAsync(db, scope.RealOnly, scope.Year - 1, ct);

        var current = await FundingByDistrictAsync(db, scope, scope.Year, filter, ct);
        var previous = await FundingByDistrictAsync(db, scope, scope.Year - 1, previousFilter, ct);
        var coverage = await CoverageAsync(db, scope, filter, previousFilter, ct);
        var (bySource, previousBySource) = coverage.Changed
            ? (await FundingByDistrictSourceAsync(db, scope, scope.Year, filter, ct), await FundingByDistrictSourceAsync(db, scope, scope.Year - 1, previousFilter, ct))
            : ([], []);
        var pin = await PeopleInNeedByDistrictAsync(db, scope, filter, ct);
        var presence = await Presence(db, scope, filter)
            .GroupBy(p => new { p.GovernoratePcode, p.DistrictPcode })
            .Select(g => new
            {
                g.Key.GovernoratePcode,
                g.Key.DistrictPcode,
                Orgs = g.Select(p => p.OrganisationKey).Distinct().Count(),
                Activities = g.Select(p => p.ActivityKey).Distinct().Count(),
            })
            .ToListAsync(ct);
        var leftOut = filter.LeftOutBatches;
        var incidents = (await db.Incidents.Where(i => i.Year == scope.Year && !leftOut.Contains(i.BatchId))
                .GroupBy(i => new { i.GovernoratePcode, i.DistrictPcode })
                .Select(g => new { g.Key.GovernoratePcode, g.Key.DistrictPcode, Count = g.Sum(i => i.Count) })
                .ToListAsync(ct))
            .Select(r => new AreaValue<int>(r.GovernoratePcode, r.DistrictPcode, r.Count)).ToList();
        var idps = await IdpsAsync(db, scope.Year, filter, ct);
        var orgs = presence.Select(r => new AreaValue<int>(r.GovernoratePcode, r.DistrictPcode, r.Orgs)).ToList();
        var activities = presence.Select(r => new AreaValue<int>(r.GovernoratePcode, r.DistrictPcode, r.Activities)).ToList();

        AreaAggregates Part(bool districts)
        {
            Dictionary<string, T> By<T>(IEnumerable<AreaValue<T>> rows) => rows
                .Where(r => (r.District is not null) == districts)
                .ToDictionary(r => districts ? r.District! : r.Governorate, r => r.Value);
            IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Split(List<SourceValue> rows) => SourceSplit.From(rows
                .Where(r => (r.District is not null) == districts)
                .Select(r => (districts ? r.District! : r.Governorate, r.Source, r.Usd)));
            return new AreaAggregates
            {
                Funding = By(current),
                PreviousFunding = By(previous),
                FundingBySource = Split(bySource),
                PreviousFundingBySource = Split(previousBySource),
                PeopleInNeed = By(pin.Select(r => new AreaValue<long?>(r.Governorate, r.District, r.Value))),
                Orgs = By(orgs),
                Activities = By(activities),
                Incidents = By(incidents),
                Idps = By(idps),
            };
        }
        return new DistrictInputs { Districts = Part(districts: true), NotSpecified = Part(districts: false) };
    }

    /// <summary>A figure of one governorate's rows naming one district, or (null district) naming none.</summary>
    private sealed record AreaValue<T>(string Governorate, string? District, T Value);

    /// <summary>
    /// Counted funding of the scope in a year per governorate and district (null: not specified);
    /// unallocated money left out. The same rules as the governorate figures: incoming or unspecified
    /// boundary, no pledges, the batches the view reads, the pooled-fund rule.
    /// </summary>
    /// <remarks>
    /// For all clusters and donors the district amounts are the import-time district totals
    /// (FundingDistrictTotals), and each governorate's part not specified is its governorate total
    /// less its districts' (the governorate totals hold every flow of the governorate, with or without
    /// a district), to the cent: both are sums of the same REAL amounts. The district totals keep no
    /// cluster or donor, so a cluster's or donor's view sums its flows by district instead, the part
    /// not specified included.
    /// </remarks>
    private static async Task<List<AreaValue<decimal>>> FundingByDistrictAsync(
        EquityDbContext db, EquityScope scope, int year, DataFilter filter, CancellationToken ct)
    {
        if (scope.Cluster is not null || scope.Donor is not null)
        {
            var flows = await CountedFlows(db, scope, year, filter)
                .Where(f => f.GovernoratePcode != null)
                .GroupBy(f => new { f.GovernoratePcode, f.DistrictPcode })
                .Select(g => new { g.Key.GovernoratePcode, g.Key.DistrictPcode, Total = g.Sum(f => (double)f.AmountUsd) })
                .ToListAsync(ct);
            return flows.Select(r => new AreaValue<decimal>(r.GovernoratePcode!, r.DistrictPcode, (decimal)r.Total)).ToList();
        }

        var districts = await CountedDistrictTotals(db, year, filter)
            .GroupBy(f => new { f.GovernoratePcode, f.DistrictPcode })
            .Select(g => new { g.Key.GovernoratePcode, g.Key.DistrictPcode, Total = g.Sum(f => (double)f.AmountUsd) })
            .ToListAsync(ct);
        var named = districts.GroupBy(d => d.GovernoratePcode).ToDictionary(g => g.Key, g => g.Sum(d => (decimal)d.Total));
        var governorates = await FundingByGovernorateAsync(db, scope, year, filter, ct);
        return districts.Select(r => new AreaValue<decimal>(r.GovernoratePcode, r.DistrictPcode, (decimal)r.Total))
            .Concat(governorates.Where(g => g.Key is not null).Select(g =>
            {
                var rest = Math.Round(g.Value - named.GetValueOrDefault(g.Key!), 2);
                return new AreaValue<decimal>(g.Key!, null, rest == 0 ? 0m : rest);
            }))
            .ToList();
    }

    /// <summary>One governorate's funding from one source naming one district, or (null district) naming none.</summary>
    private sealed record SourceValue(string Governorate, string? District, string Source, decimal Usd);

    /// <summary>
    /// <see cref="FundingByDistrictAsync"/> split by source: the same rules and the same two ways (district
    /// totals, or a cluster's or donor's flows), grouped by batch as well, each batch under its source name.
    /// </summary>
    private static async Task<List<SourceValue>> FundingByDistrictSourceAsync(
        EquityDbContext db, EquityScope scope, int year, DataFilter filter, CancellationToken ct)
    {
        var names = await SourceNamesAsync(db, ct);
        if (scope.Cluster is not null || scope.Donor is not null)
        {
            var flows = await CountedFlows(db, scope, year, filter)
                .Where(f => f.GovernoratePcode != null)
                .GroupBy(f => new { f.GovernoratePcode, f.DistrictPcode, f.BatchId })
                .Select(g => new { g.Key.GovernoratePcode, g.Key.DistrictPcode, g.Key.BatchId, Total = g.Sum(f => (double)f.AmountUsd) })
                .ToListAsync(ct);
            return flows.Select(r => new SourceValue(r.GovernoratePcode!, r.DistrictPcode, names[r.BatchId], (decimal)r.Total)).ToList();
        }

        var districts = await CountedDistrictTotals(db, year, filter)
            .GroupBy(f => new { f.GovernoratePcode, f.DistrictPcode, f.BatchId })
            .Select(g => new { g.Key.GovernoratePcode, g.Key.DistrictPcode, g.Key.BatchId, Total = g.Sum(f => (double)f.AmountUsd) })
            .ToListAsync(ct);
        var named = districts.GroupBy(d => (d.GovernoratePcode, d.BatchId)).ToDictionary(g => g.Key, g => g.Sum(d => (decimal)d.Total));
        var governorates = await CountedFunding(db, scope, year, filter)
            .Where(f => f.GovernoratePcode != null)
            .GroupBy(f => new { f.GovernoratePcode, f.BatchId })
            .Select(g => new { g.Key.GovernoratePcode, g.Key.BatchId, Total = g.Sum(f => (double)f.AmountUsd) })
            .ToListAsync(ct);
        return districts.Select(r => new SourceValue(r.GovernoratePcode, r.DistrictPcode, names[r.BatchId], (decimal)r.Total))
            .Concat(governorates.Select(g =>
            {
                var rest = Math.Round((decimal)g.Total - named.GetValueOrDefault((g.GovernoratePcode!, g.BatchId)), 2);
                return new SourceValue(g.GovernoratePcode!, null, names[g.BatchId], rest == 0 ? 0m : rest);
            }))
            .ToList();
    }

    /// <summary>The district totals counted in a year (no cluster or donor: the all-clusters, all-donors scope).</summary>
    private static IQueryable<FundingDistrictTotal> CountedDistrictTotals(EquityDbContext db, int year, DataFilter filter)
    {
        var query = db.FundingDistrictTotals.Where(f => f.Year == year && f.Status != FundingStatus.Pledge
            && (f.Boundary == FlowBoundary.Incoming || f.Boundary == FlowBoundary.Unspecified));
        if (filter.LeftOutBatches is { Count: > 0 } leftOut) query = query.Where(f => !leftOut.Contains(f.BatchId));
        if (filter.FundsWithAllocations is { Count: > 0 } funds) query = query.Where(f => f.PooledFund == null || !funds.Contains(f.PooledFund));
        return query;
    }

    /// <summary>The scope's counted flows of a year, by the rules of <see cref="CountedFunding"/>.</summary>
    private static IQueryable<FundingRecord> CountedFlows(EquityDbContext db, EquityScope scope, int year, DataFilter filter)
    {
        var query = db.Funding.Where(f => f.Year == year && f.Status != FundingStatus.Pledge
            && (f.Boundary == FlowBoundary.Incoming || f.Boundary == FlowBoundary.Unspecified));
        if (filter.LeftOutBatches is { Count: > 0 } leftOut) query = query.Where(f => !leftOut.Contains(f.BatchId));
        if (filter.FundsWithAllocations is { Count: > 0 } funds) query = query.Where(f => f.PooledFund == null || !funds.Contains(f.PooledFund));
        if (scope.Cluster is { } cluster) query = query.Where(f => f.Cluster == cluster);
        if (scope.Donor is { } donor) query = query.Where(f => f.Donor == donor);
        return query;
    }

    /// <summary>
    /// People in need of the scope per governorate and district (null: not specified), from the same
    /// batch as the governorate's figure (<see cref="PeopleInNeedAsync"/>: its newest), so the parts add
    /// up to it. A district the newest batch does not name has no figure (not reported).
    /// </summary>
    private static async Task<List<AreaValue<long>>> PeopleInNeedByDistrictAsync(EquityDbContext db, EquityScope scope, DataFilter filter, CancellationToken ct)
    {
        var cluster = scope.Cluster ?? NeedFigure.Intersectoral;
        var leftOut = filter.LeftOutBatches;
        var rows = await db.Need
            .Where(n => n.Year == scope.Year && n.Cluster == cluster && n.PeopleInNeed != null && !leftOut.Contains(n.BatchId))
            .GroupBy(n => new { n.GovernoratePcode, n.DistrictPcode, n.BatchId })
            .Select(g => new { g.Key.GovernoratePcode, g.Key.DistrictPcode, g.Key.BatchId, Pin = g.Sum(n => n.PeopleInNeed!.Value) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.GovernoratePcode)
            .SelectMany(g =>
            {
                var newest = g.Max(r => r.BatchId);
                return g.Where(r => r.BatchId == newest).Select(r => new AreaValue<long>(r.GovernoratePcode, r.DistrictPcode, r.Pin));
            })
            .ToList();
    }

    /// <summary>
    /// Internally displaced people of the year per governorate and district (null: not specified). A
    /// displacement list is a count of every location at one time, so two lists of one year are not
    /// added: a governorate's figures come from the newest list (batch) that names it, as its need does.
    /// </summary>
    private static async Task<List<AreaValue<long>>> IdpsAsync(EquityDbContext db, int year, DataFilter filter, CancellationToken ct)
    {
        var leftOut = filter.LeftOutBatches;
        var rows = await db.Displacement
            .Where(d => d.Year == year && !leftOut.Contains(d.BatchId))
            .GroupBy(d => new { d.GovernoratePcode, d.DistrictPcode, d.BatchId })
            .Select(g => new { g.Key.GovernoratePcode, g.Key.DistrictPcode, g.Key.BatchId, Idps = g.Sum(d => d.Idps) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.GovernoratePcode)
            .SelectMany(g =>
            {
                var newest = g.Max(r => r.BatchId);
                return g.Where(r => r.BatchId == newest).Select(r => new AreaValue<long>(r.GovernoratePcode, r.DistrictPcode, r.Idps));
            })
            .ToList();
    }

    /// <summary>
    /// Counted funding of the scope in a year: incoming flows that are not pledges, less what the
    /// filter leaves out (<paramref name="filter"/> must be the one of <paramref name="year"/>).
    /// </summary>
    internal static IQueryable<FundingTotal> CountedFunding(EquityDbContext db, EquityScope scope, int year, DataFilter filter) =>
        IncomingFunding(db, scope, year, filter).Where(f => f.Status != FundingStatus.Pledge);

    /// <summary>Flows of the scope's cluster and donor in a year, incoming or unspecified boundary (internal and outgoing count nowhere).</summary>
    private static IQueryable<FundingTotal> IncomingFunding(EquityDbContext db, EquityScope scope, int year, DataFilter filter)
    {
        var query = ScopeFunding(db, scope, year, filter);
        if (filter.FundsWithAllocations is { Count: > 0 } funds)
            query = query.Where(f => f.PooledFund == null || !funds.Contains(f.PooledFund));
        return query;
    }

    /// <summary>The scope's incoming flows of the year in the batches the view reads, the pooled-fund rule not applied.</summary>
    private static IQueryable<FundingTotal> ScopeFunding(EquityDbContext db, EquityScope scope, int year, DataFilter filter)
    {
        var query = db.FundingTotals.Where(f => f.Year == year
            && (f.Boundary == FlowBoundary.Incoming || f.Boundary == FlowBoundary.Unspecified));
        if (filter.LeftOutBatches is { Count: > 0 } leftOut) query = query.Where(f => !leftOut.Contains(f.BatchId));
        if (scope.Cluster is { } cluster) query = query.Where(f => f.Cluster == cluster);
        if (scope.Donor is { } donor) query = query.Where(f => f.Donor == donor);
        return query;
    }

    /// <summary>The counted flows the pooled-fund rule leaves out of the scope's year, per fund.</summary>
    private static async Task<IReadOnlyList<PooledFundOverlap>> CountedThroughPooledFundAsync(
        EquityDbContext db, EquityScope scope, DataFilter filter, CancellationToken ct)
    {
        if (filter.FundsWithAllocations is not { Count: > 0 } funds) return [];
        var rows = await ScopeFunding(db, scope, scope.Year, filter)
            .Where(f => f.Status != FundingStatus.Pledge && f.PooledFund != null && funds.Contains(f.PooledFund))
            .GroupBy(f => f.PooledFund!)
            .Select(g => new { Fund = g.Key, Usd = g.Sum(f => (double)f.AmountUsd), Flows = g.Sum(f => f.Flows) })
            .ToListAsync(ct);
        return rows.Select(r => new PooledFundOverlap(r.Fund, (decimal)r.Usd, r.Flows)).OrderBy(o => o.Fund, StringComparer.Ordinal).ToList();
    }

    private static async Task<List<KeyValuePair<string?, decimal>>> FundingByGovernorateAsync(
        EquityDbContext db, EquityScope scope, int year, DataFilter filter, CancellationToken ct)
    {
        var rows = await CountedFunding(db, scope, year, filter)
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
    private static async Task<Dictionary<string, long?>> PeopleInNeedAsync(EquityDbContext db, EquityScope scope, DataFilter filter, CancellationToken ct)
    {
        var cluster = scope.Cluster ?? NeedFigure.Intersectoral;
        var leftOut = filter.LeftOutBatches;
        var rows = await db.Need
            .Where(n => n.Year == scope.Year && n.Cluster == cluster && n.PeopleInNeed != null && !leftOut.Contains(n.BatchId))
            .Select(n => new { n.GovernoratePcode, n.BatchId, n.PeopleInNeed })
            .ToListAsync(ct);
        // The newest batch's figure per governorate: the sum of its rows there, so a file by
        // district gives its districts' sum (with any row of the governorate naming no district).
        return rows.GroupBy(r => r.GovernoratePcode)
            .ToDictionary(g => g.Key, g =>
            {
                var newest = g.Max(r => r.BatchId);
                return (long?)g.Where(r => r.BatchId == newest).Sum(r => r.PeopleInNeed!.Value);
            });
    }

    private static IQueryable<PresenceRecord> Presence(EquityDbContext db, EquityScope scope, DataFilter filter)
    {
        var leftOut = filter.LeftOutBatches;
        var query = db.Presence.Where(p => p.Year == scope.Year && !leftOut.Contains(p.BatchId));
        if (scope.Cluster is { } cluster) query = query.Where(p => p.Cluster == cluster);
        return query;
    }
}
