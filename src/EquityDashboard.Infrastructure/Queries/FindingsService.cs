using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Infrastructure.Queries;

/// <summary>
/// An equity table, the same scope under the baseline it is compared with (<see cref="FindingsService.OtherBaseline"/>), the scope's tables of the earlier years
/// (from the first year with data; empty when there are none) and the findings written from them.
/// </summary>
public sealed record ScopeFindings(EquityTable Table, EquityTable OtherBaseline, IReadOnlyList<EquityTable> EarlierYears,
    IReadOnlyList<Finding> Findings);

/// <summary>
/// The key findings of a scope (dashboard panel, briefing workbook), each marked when it rests on
/// illustrative data (<see cref="Provenance"/>). The inputs are read once (<see cref="EquityQueries"/>
/// keeps them): they do not depend on the baseline, so the other baseline costs only a second computation.
/// The earlier years (for a funding decline over several years) are the scope's tables of every
/// year from the first with data to the year before, read through the same cached queries.
/// The result is kept per scope until the data changes, like the tables it is written from.
/// </summary>
public sealed class FindingsService(EquityService equity, QueryCache cache)
{
    public async Task<(EquityTable Table, IReadOnlyList<Finding> Findings)> GetAsync(EquityScope scope, CancellationToken ct)
    {
        var result = await GetWithOtherBaselineAsync(scope, ct);
        return (result.Table, result.Findings);
    }

    public Task<ScopeFindings> GetWithOtherBaselineAsync(EquityScope scope, CancellationToken ct) =>
        cache.GetAsync((nameof(GetWithOtherBaselineAsync), scope), c => WriteAsync(scope, c), ct);

    private async Task<ScopeFindings> WriteAsync(EquityScope scope, CancellationToken ct)
    {
        var table = await equity.GetTableAsync(scope, ct);
        var other = await equity.GetTableAsync(scope with { Baseline = OtherBaseline(scope.Baseline) }, ct);
        var earlier = table.HasAnyData ? await EarlierYearsAsync(scope, ct) : [];
        return new ScopeFindings(table, other, earlier, Provenance.Mark(FindingsWriter.Write(table, other, earlier), table));
    }

    /// <summary>The baseline a table is compared with: population for people in need, people in need for the others.</summary>
    public static Baseline OtherBaseline(Baseline baseline) => baseline == Baseline.Pin ? Baseline.Population : Baseline.Pin;

    /// <summary>The scope's tables from the first year with data to the year before the scope's, oldest first.</summary>
    public async Task<IReadOnlyList<EquityTable>> EarlierYearsAsync(EquityScope scope, CancellationToken ct)
    {
        var years = await equity.YearsAsync(ct);
        if (years.Count == 0 || years[0] >= scope.Year) return [];
        return await equity.GetYearTablesAsync(scope, years[0], scope.Year - 1, ct);
    }
}
