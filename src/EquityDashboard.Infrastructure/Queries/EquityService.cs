using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Queries;

/// <summary>
/// The one entry point views use: equity tables, trends and the lists behind filters.
/// Every figure comes from <see cref="EquityCalculator"/>; no view computes its own.
/// </summary>
public sealed class EquityService(IDbContextFactory<EquityDbContext> factory, EquityQueries queries, EquityCalculator calculator,
    QueryCache cache, Gazetteer gazetteer)
{
    /// <summary>
    /// The scope's table, computed once per state of the data (tables are immutable and shared), its
    /// figures that rest on illustrative batches marked against the same scope on real data only
    /// (<see cref="Provenance"/>).
    /// </summary>
    public Task<EquityTable> GetTableAsync(EquityScope scope, CancellationToken ct = default) =>
        cache.GetAsync((nameof(GetTableAsync), scope), async c =>
        {
            var table = calculator.Compute(await queries.LoadInputsAsync(scope, c));
            return scope.RealOnly ? table : Provenance.Mark(table, await GetTableAsync(scope with { RealOnly = true }, c));
        }, ct);

    /// <summary>
    /// The scope's district table: the districts of <paramref name="governoratePcode"/> (shares of its
    /// figures that name a district), or with none every district of the country (shares of the national
    /// figures that name a district); what names no district apart, per governorate. Computed once per
    /// scope, governorate and state of the data, from the same cached governorate inputs as
    /// <see cref="GetTableAsync"/> and the district inputs, marked as it is (<see cref="Provenance"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="governoratePcode"/> is not a governorate's P-code.</exception>
    public Task<DistrictTable> GetDistrictTableAsync(EquityScope scope, string? governoratePcode = null, CancellationToken ct = default)
    {
        string? pcode = null;
        if (governoratePcode is not null)
        {
            pcode = gazetteer.TryGet(governoratePcode.Trim(), out var g) ? g.Pcode
                : throw new ArgumentException($"'{governoratePcode}' is not a governorate P-code.", nameof(governoratePcode));
        }
        return cache.GetAsync((nameof(GetDistrictTableAsync), scope, pcode), async c =>
        {
            var table = calculator.ComputeDistricts(await queries.LoadInputsAsync(scope, c), await queries.LoadDistrictInputsAsync(scope, c), pcode);
            return scope.RealOnly ? table : Provenance.Mark(table, await GetDistrictTableAsync(scope with { RealOnly = true }, pcode, c));
        }, ct);
    }

    /// <summary>Region figures per year; by default over every year that has funding, need or presence.</summary>
    public async Task<IReadOnlyList<TrendRow>> GetTrendsAsync(int? from = null, int? to = null, string? cluster = null,
        string? donor = null, bool realOnly = false, CancellationToken ct = default) =>
        (await GetYearTablesAsync(new EquityScope(0, cluster, donor, RealOnly: realOnly), from, to, ct))
            .SelectMany(table => table.Regions.Select(r =>
                new TrendRow(r.Key, table.Scope.Year, r.FundingUsd, r.Need, r.UsdPerPin, r.Orgs, r.YoyChange,
                    r.RawYoyChange, r.CommonSourcesFundingUsd, r.CommonSourcesPreviousFundingUsd,
                    table.Coverage?.Sources ?? [], table.Coverage?.Started ?? [], table.Coverage?.Ended ?? [],
                    r.CoverageNote ?? table.Coverage?.Note, r.HasFlag(FlagCodes.FundingFalling),
                    r.Flags.FirstOrDefault(f => f.Code == FlagCodes.FundingFalling)?.Reason)))
            .ToList();

    /// <summary>
    /// The scope's table for each year from <paramref name="from"/> to <paramref name="to"/>
    /// (by default every year with funding, need or presence); the scope's own year is ignored.
    /// </summary>
    public async Task<IReadOnlyList<EquityTable>> GetYearTablesAsync(EquityScope scope, int? from = null, int? to = null,
        CancellationToken ct = default)
    {
        var years = await YearsAsync(ct);
        if (years.Count == 0 && (from is null || to is null)) return [];
        var tables = new List<EquityTable>();
        for (var year = from ?? years.Min(); year <= (to ?? years.Max()); year++)
        {
            tables.Add(await GetTableAsync(scope with { Year = year }, ct));
        }
        return tables;
    }

    /// <summary>Years with any funding, need or presence, ascending.</summary>
    public Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default) =>
        cache.GetAsync(nameof(YearsAsync), ReadYearsAsync, ct);

    private async Task<IReadOnlyList<int>> ReadYearsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var withdrawn = await WithdrawnAsync(db, ct);
        var funding = await db.FundingTotals.Where(f => !withdrawn.Contains(f.BatchId)).Select(f => f.Year).Distinct().ToListAsync(ct);
        var need = await db.Need.Where(n => !withdrawn.Contains(n.BatchId)).Select(n => n.Year).Distinct().ToListAsync(ct);
        var presence = await db.Presence.Where(p => !withdrawn.Contains(p.BatchId)).Select(p => p.Year).Distinct().ToListAsync(ct);
        return funding.Concat(need).Concat(presence).Distinct().Order().ToList();
    }

    /// <summary>The latest year with both counted funding and intersectoral people in need, else the latest year with data.</summary>
    public Task<int?> LatestCompleteYearAsync(CancellationToken ct = default) =>
        cache.GetAsync(nameof(LatestCompleteYearAsync), ReadLatestCompleteYearAsync, ct);

    private async Task<int?> ReadLatestCompleteYearAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var withdrawn = await WithdrawnAsync(db, ct);
        var needYears = db.Need.Where(n => n.Cluster == NeedFigure.Intersectoral && n.PeopleInNeed != null && !withdrawn.Contains(n.BatchId)).Select(n => n.Year);
        var both = await db.FundingTotals.Where(f => needYears.Contains(f.Year) && !withdrawn.Contains(f.BatchId)).Select(f => (int?)f.Year).MaxAsync(ct);
        return both ?? (await YearsAsync(ct)).Cast<int?>().LastOrDefault();
    }

    public Task<IReadOnlyList<string>> ClustersAsync(CancellationToken ct = default) =>
        cache.GetAsync(nameof(ClustersAsync), ReadClustersAsync, ct);

    private async Task<IReadOnlyList<string>> ReadClustersAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var withdrawn = await WithdrawnAsync(db, ct);
        var need = await db.Need.Where(n => n.Cluster != NeedFigure.Intersectoral && !withdrawn.Contains(n.BatchId)).Select(n => n.Cluster).Distinct().ToListAsync(ct);
        var funding = await db.FundingTotals.Where(f => f.Cluster != null && !withdrawn.Contains(f.BatchId)).Select(f => f.Cluster!).Distinct().ToListAsync(ct);
        return need.Concat(funding).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public Task<IReadOnlyList<string>> DonorsAsync(CancellationToken ct = default) =>
        cache.GetAsync(nameof(DonorsAsync), ReadDonorsAsync, ct);

    private async Task<IReadOnlyList<string>> ReadDonorsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var withdrawn = await WithdrawnAsync(db, ct);
        return (await db.FundingTotals.Where(f => !withdrawn.Contains(f.BatchId)).Select(f => f.Donor).Distinct().ToListAsync(ct))
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The ids of withdrawn batches: their rows are in no figure, list or filter choice.</summary>
    private static Task<List<int>> WithdrawnAsync(EquityDbContext db, CancellationToken ct) =>
        db.Batches.LeftOut(realOnly: false).Select(b => b.Id).ToListAsync(ct);

    /// <summary>Batches that bring records for the year (the provenance of a table, including the previous year's funding).</summary>
    public Task<IReadOnlyList<ImportBatch>> SourcesForYearAsync(int year, bool realOnly = false, CancellationToken ct = default) =>
        cache.GetAsync((nameof(SourcesForYearAsync), year, realOnly), c => SourcesAsync([year], [year - 1, year], realOnly, c), ct);

    /// <summary>Batches that bring records for any of the years.</summary>
    public Task<IReadOnlyList<ImportBatch>> SourcesForYearsAsync(IReadOnlyCollection<int> years, bool realOnly = false, CancellationToken ct = default) =>
        SourcesAsync(years, years, realOnly, ct);

    /// <summary>
    /// Batches behind one governorate's page for the year: its funding of the year and the year
    /// before, its need and presence of the year, and its incidents of any year (the page lists them all).
    /// </summary>
    public Task<IReadOnlyList<ImportBatch>> SourcesForGovernorateAsync(string pcode, int year, bool realOnly = false, CancellationToken ct = default) =>
        cache.GetAsync((nameof(SourcesForGovernorateAsync), pcode, year, realOnly),
            c => SourcesAsync([year], [year - 1, year], realOnly, c, pcode, incidentsOfAnyYear: true), ct);

    /// <remarks>
    /// Batches whose year range covers one of the years are candidates; each is then checked for a
    /// record in those years (and of the governorate, when one is given) with an EXISTS that stops at
    /// the first row, instead of listing the batch of every record.
    /// </remarks>
    private async Task<IReadOnlyList<ImportBatch>> SourcesAsync(IReadOnlyCollection<int> years, IReadOnlyCollection<int> fundingYears,
        bool realOnly, CancellationToken ct, string? pcode = null, bool incidentsOfAnyYear = false)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var batches = await db.Batches.AsNoTracking().Counted(realOnly)
            .OrderBy(b => b.Id).ToListAsync(ct);
        var sources = new List<ImportBatch>();
        foreach (var b in batches)
        {
            var anyYear = incidentsOfAnyYear && b.Kind == RecordKind.Incidents;
            var wanted = (b.Kind == RecordKind.Funding ? fundingYears : years)
                .Where(y => b.FirstYear <= y && y <= b.LastYear).ToList();
            if (wanted.Count == 0 && !anyYear) continue;
            var used = b.Kind switch
            {
                RecordKind.Funding => await db.FundingTotals.AnyAsync(f => f.BatchId == b.Id && wanted.Contains(f.Year)
                    && (pcode == null || f.GovernoratePcode == pcode), ct),
                RecordKind.Need => await db.Need.AnyAsync(n => n.BatchId == b.Id && wanted.Contains(n.Year)
                    && (pcode == null || n.GovernoratePcode == pcode), ct),
                RecordKind.Presence => await db.Presence.AnyAsync(p => p.BatchId == b.Id && wanted.Contains(p.Year)
                    && (pcode == null || p.GovernoratePcode == pcode), ct),
                RecordKind.Displacement => await db.Displacement.AnyAsync(d => d.BatchId == b.Id && wanted.Contains(d.Year)
                    && (pcode == null || d.GovernoratePcode == pcode), ct),
                _ => await db.Incidents.AnyAsync(i => i.BatchId == b.Id && (anyYear || wanted.Contains(i.Year))
                    && (pcode == null || i.GovernoratePcode == pcode), ct),
            };
            if (used) sources.Add(b);
        }
        return sources;
    }
}
