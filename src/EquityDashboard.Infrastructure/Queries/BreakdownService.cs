using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Queries;

/// <summary>People in need and counted funding of one cluster (cluster PiN, never the intersectoral figure).</summary>
public sealed record ClusterRow(string Cluster, long? PeopleInNeed, decimal FundingUsd, int Orgs);

/// <summary>Counted funding from one donor to one governorate; <see cref="Pcode"/> null is unallocated money.</summary>
public sealed record DonorFlowRow(string Donor, string? Pcode, decimal FundingUsd);

/// <summary>One organisation working in a cluster in a governorate, with its distinct activities.</summary>
public sealed record PresenceRow(string Pcode, string Organisation, string? OrgType, string Cluster, int Activities);

/// <summary>
/// A governorate's row of the equity table of one year, with its incidents, its change on the year before
/// (over the sources reporting both years, and over all funding) and the funding sources reporting the year
/// (see <see cref="TrendRow"/>).
/// </summary>
public sealed record GovernorateYearRow(int Year, decimal FundingUsd, long? PeopleInNeed, double? UsdPerPin,
    double? EquityRatio, int Orgs, int? Incidents, double? YoyChange = null, double? RawYoyChange = null,
    IReadOnlyList<string>? Sources = null, IReadOnlyList<string>? SourcesStarted = null, IReadOnlyList<string>? SourcesEnded = null,
    string? CoverageNote = null, bool FundingFalling = false);

public sealed record IncidentRow(int Year, string Type, int Count);

/// <summary>Counted funding given to several governorates that names one of them (unallocated, never split).</summary>
public sealed record AlsoNamedFunding(decimal FundingUsd, int Flows);

/// <summary>Everything the governorate page, its API and its briefing show, for one scope.</summary>
public sealed record GovernorateDetail(
    Governorate Governorate,
    EquityTable Table,
    AreaFigures Figures,
    IReadOnlyList<ClusterRow> Clusters,
    IReadOnlyList<DonorFlowRow> Donors,
    IReadOnlyList<PresenceRow> Presence,
    IReadOnlyList<GovernorateYearRow> Trend,
    IReadOnlyList<IncidentRow> Incidents,
    IReadOnlyList<ImportBatch> Sources,
    AlsoNamedFunding AlsoNamed);

/// <summary>
/// Breakdowns of a scope by cluster, donor and organisation, national, for the scope's region,
/// or for one governorate. Funding follows the same counting rules as the equity table
/// (incoming, not pledged, of the scope's cluster and donor), so the parts add up to it.
/// </summary>
public sealed class BreakdownService(IDbContextFactory<EquityDbContext> factory, EquityService equity, EquityQueries queries, Gazetteer gazetteer)
{
    /// <summary>Label of funding or presence that names no cluster.</summary>
    public const string UnspecifiedCluster = "(cluster not given)";

    /// <summary>
    /// Need, funding and organisations per cluster. Nationally (no region, no governorate) the
    /// funding includes unallocated money; for a region or governorate only money located there.
    /// </summary>
    public async Task<IReadOnlyList<ClusterRow>> ClustersAsync(EquityScope scope, string? pcode = null, CancellationToken ct = default)
    {
        var places = Places(scope, pcode);
        var filter = await queries.FilterAsync(scope.RealOnly, scope.Year, ct);
        var leftOut = filter.LeftOutBatches;
        await using var db = await factory.CreateDbContextAsync(ct);

        var needRows = await db.Need
            .Where(n => n.Year == scope.Year && n.Cluster != NeedFigure.Intersectoral && n.PeopleInNeed != null && !leftOut.Contains(n.BatchId))
            .Where(n => scope.Cluster == null || n.Cluster == scope.Cluster)
            .Where(n => places == null || places.Contains(n.GovernoratePcode))
            .Select(n => new { n.GovernoratePcode, n.Cluster, n.BatchId, n.PeopleInNeed })
            .ToListAsync(ct);
        // The latest batch wins per governorate and cluster, as in the equity table: the sum of its rows
        // there, so a table by district gives its districts' sum (with any row naming no district).
        var need = needRows
            .GroupBy(n => (n.GovernoratePcode, Cluster: n.Cluster.ToUpperInvariant()))
            .Select(g =>
            {
                var newest = g.Max(n => n.BatchId);
                return (g.First(n => n.BatchId == newest).Cluster, PeopleInNeed: g.Where(n => n.BatchId == newest).Sum(n => n.PeopleInNeed!.Value));
            })
            .GroupBy(n => n.Cluster, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(n => n.PeopleInNeed), StringComparer.OrdinalIgnoreCase);

        var funding = (await EquityQueries.CountedFunding(db, scope, scope.Year, filter)
                .Where(f => places == null || (f.GovernoratePcode != null && places.Contains(f.GovernoratePcode)))
                .GroupBy(f => f.Cluster)
                .Select(g => new { Cluster = g.Key, Total = g.Sum(f => (double)f.AmountUsd) })
                .ToListAsync(ct))
            .GroupBy(r => r.Cluster ?? UnspecifiedCluster, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (decimal)g.Sum(r => r.Total), StringComparer.OrdinalIgnoreCase);

        var orgs = (await PresenceQuery(db, scope, places, filter)
                .Select(p => new { p.Cluster, p.OrganisationKey })
                .Distinct()
                .ToListAsync(ct))
            .GroupBy(p => p.Cluster ?? UnspecifiedCluster, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(p => p.OrganisationKey).Distinct().Count(), StringComparer.OrdinalIgnoreCase);

        return need.Keys.Concat(funding.Keys).Concat(orgs.Keys)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => new ClusterRow(c, need.TryGetValue(c, out var n) ? n : null,
                funding.GetValueOrDefault(c), orgs.GetValueOrDefault(c)))
            .OrderByDescending(r => r.FundingUsd).ThenByDescending(r => r.PeopleInNeed ?? 0)
            .ThenBy(r => r.Cluster, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Counted funding per donor and governorate (unallocated money has no P-code), largest first.</summary>
    public async Task<IReadOnlyList<DonorFlowRow>> DonorFlowsAsync(EquityScope scope, string? pcode = null, CancellationToken ct = default)
    {
        var places = Places(scope, pcode);
        var filter = await queries.FilterAsync(scope.RealOnly, scope.Year, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await EquityQueries.CountedFunding(db, scope, scope.Year, filter)
            .Where(f => places == null || (f.GovernoratePcode != null && places.Contains(f.GovernoratePcode)))
            .GroupBy(f => new { f.Donor, f.GovernoratePcode })
            .Select(g => new { g.Key.Donor, g.Key.GovernoratePcode, Total = g.Sum(f => (double)f.AmountUsd) })
            .ToListAsync(ct);
        return rows.Select(r => new DonorFlowRow(r.Donor, r.GovernoratePcode, (decimal)r.Total))
            .OrderByDescending(r => r.FundingUsd).ThenBy(r => r.Donor, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Pcode)
            .ToList();
    }

    /// <summary>Organisations per governorate and cluster (merged across acronym and full name).</summary>
    public async Task<IReadOnlyList<PresenceRow>> PresenceAsync(EquityScope scope, string? pcode = null, CancellationToken ct = default)
    {
        var places = Places(scope, pcode);
        var filter = await queries.FilterAsync(scope.RealOnly, scope.Year, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await PresenceQuery(db, scope, places, filter)
            .GroupBy(p => new { p.GovernoratePcode, p.OrganisationKey, p.Cluster })
            .Select(g => new
            {
                g.Key.GovernoratePcode,
                g.Key.Cluster,
                g.Key.OrganisationKey,
                OrgType = g.Max(p => p.OrgType),
                Activities = g.Select(p => p.ActivityKey).Distinct().Count(),
            })
            .ToListAsync(ct);
        // One display name per organisation: the longest spelling, so a full name wins over an acronym.
        var names = (await PresenceQuery(db, scope, places, filter)
                .Select(p => new { p.OrganisationKey, p.Organisation })
                .Distinct()
                .ToListAsync(ct))
            .GroupBy(p => p.OrganisationKey)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Organisation)
                .OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).First());
        return rows
            .Select(r => new PresenceRow(r.GovernoratePcode, names[r.OrganisationKey], r.OrgType, r.Cluster ?? UnspecifiedCluster, r.Activities))
            .OrderBy(r => r.Pcode, StringComparer.Ordinal)
            .ThenBy(r => r.Organisation, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Cluster, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>One governorate's figures and breakdowns for the scope; null when the P-code is not in the gazetteer.</summary>
    public async Task<GovernorateDetail?> GovernorateAsync(string pcode, EquityScope scope, CancellationToken ct = default)
    {
        if (!gazetteer.TryGet(pcode, out var governorate)) return null;
        // The region filter would hide the governorate itself: the table is national.
        var national = scope with { Region = null };
        var table = await equity.GetTableAsync(national, ct);
        var figures = table.Governorates.Single(g => g.Key == governorate.Pcode);

        var clusters = await ClustersAsync(national, governorate.Pcode, ct);
        var donors = await DonorFlowsAsync(national, governorate.Pcode, ct);
        var presence = await PresenceAsync(national, governorate.Pcode, ct);
        var trend = await TrendAsync(governorate.Pcode, national, ct);

        var alsoNamed = await AlsoNamedAsync(governorate.Pcode, national, ct);
        var leftOut = (await queries.FilterAsync(scope.RealOnly, scope.Year, ct)).LeftOutBatches;
        await using var db = await factory.CreateDbContextAsync(ct);
        var incidents = (await db.Incidents
                .Where(i => i.GovernoratePcode == governorate.Pcode && !leftOut.Contains(i.BatchId))
                .GroupBy(i => new { i.Year, i.Type })
                .Select(g => new { g.Key.Year, g.Key.Type, Count = g.Sum(i => i.Count) })
                .ToListAsync(ct))
            .Select(r => new IncidentRow(r.Year, r.Type, r.Count))
            .OrderBy(r => r.Year).ThenByDescending(r => r.Count).ThenBy(r => r.Type, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var sources = await equity.SourcesForGovernorateAsync(governorate.Pcode, scope.Year, scope.RealOnly, ct);

        return new GovernorateDetail(governorate, table, figures, clusters, donors, presence, trend, incidents, sources, alsoNamed);
    }

    /// <summary>The governorate's row of the equity table in every year from the first to the last with data.</summary>
    private async Task<IReadOnlyList<GovernorateYearRow>> TrendAsync(string pcode, EquityScope scope, CancellationToken ct) =>
        (await equity.GetYearTablesAsync(scope, ct: ct))
            .Select(table => (table.Scope.Year, table.Coverage, Row: table.Governorates.Single(g => g.Key == pcode)))
            .Select(t => new GovernorateYearRow(t.Year, t.Row.FundingUsd, t.Row.PeopleInNeed, t.Row.UsdPerPin, t.Row.EquityRatio,
                t.Row.Orgs, t.Row.Incidents, t.Row.YoyChange, t.Row.RawYoyChange,
                t.Coverage?.Sources ?? [], t.Coverage?.Started ?? [], t.Coverage?.Ended ?? [],
                t.Row.CoverageNote ?? t.Coverage?.Note, t.Row.HasFlag(FlagCodes.FundingFalling)))
            .ToList();

    /// <summary>The P-codes a breakdown is limited to: one governorate, the scope's region, or none (national).</summary>
    private List<string>? Places(EquityScope scope, string? pcode)
    {
        if (pcode is not null) return [pcode];
        if (scope.Region is not { } region) return null;
        return gazetteer.InRegion(region).Select(g => g.Pcode).ToList();
    }

    private static IQueryable<PresenceRecord> PresenceQuery(EquityDbContext db, EquityScope scope, List<string>? places, DataFilter filter)
    {
        var leftOut = filter.LeftOutBatches;
        return db.Presence.Where(p => p.Year == scope.Year
            && (scope.Cluster == null || p.Cluster == scope.Cluster)
            && (places == null || places.Contains(p.GovernoratePcode))
            && !leftOut.Contains(p.BatchId));
    }

    /// <summary>
    /// Counted funding of the scope given to several governorates, one of them <paramref name="pcode"/>:
    /// unallocated (in no governorate's total), but the governorate page says it was named.
    /// Read from the flows (the totals do not keep the names), through their partial index.
    /// </summary>
    public async Task<AlsoNamedFunding> AlsoNamedAsync(string pcode, EquityScope scope, CancellationToken ct = default)
    {
        var filter = await queries.FilterAsync(scope.RealOnly, scope.Year, ct);
        var (leftOut, funds) = (filter.LeftOutBatches, filter.FundsWithAllocations);
        // Whole codes only: IQG02 is not named by a flow naming the district IQG02Q01.
        var whole = $";{pcode};";
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Funding
            .Where(f => f.Year == scope.Year && f.NamedPcodes != null && (";" + f.NamedPcodes + ";").Contains(whole)
                && f.Status != FundingStatus.Pledge
                && (f.Boundary == FlowBoundary.Incoming || f.Boundary == FlowBoundary.Unspecified)
                && (scope.Cluster == null || f.Cluster == scope.Cluster)
                && (scope.Donor == null || f.Donor == scope.Donor)
                && !leftOut.Contains(f.BatchId)
                && (f.PooledFund == null || !funds.Contains(f.PooledFund)))
            .GroupBy(_ => 1)
            .Select(g => new { Usd = g.Sum(f => (double)f.AmountUsd), Flows = g.Count() })
            .ToListAsync(ct);
        return rows is [var total] ? new AlsoNamedFunding((decimal)total.Usd, total.Flows) : new AlsoNamedFunding(0, 0);
    }
}
