using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Infrastructure.Queries;

/// <summary>An equity table, the same scope under the other baseline, and the findings written from both.</summary>
public sealed record ScopeFindings(EquityTable Table, EquityTable OtherBaseline, IReadOnlyList<Finding> Findings);

/// <summary>
/// The key findings of a scope (dashboard panel, briefing workbook). The inputs are read once:
/// they do not depend on the baseline, so the other baseline costs only a second computation.
/// </summary>
public sealed class FindingsService(EquityQueries queries, EquityCalculator calculator)
{
    public async Task<(EquityTable Table, IReadOnlyList<Finding> Findings)> GetAsync(EquityScope scope, CancellationToken ct)
    {
        var result = await GetWithOtherBaselineAsync(scope, ct);
        return (result.Table, result.Findings);
    }

    public async Task<ScopeFindings> GetWithOtherBaselineAsync(EquityScope scope, CancellationToken ct)
    {
        var inputs = await queries.LoadInputsAsync(scope, ct);
        var table = calculator.Compute(inputs);
        var otherScope = scope with { Baseline = scope.Baseline == Baseline.Pin ? Baseline.Population : Baseline.Pin };
        var other = calculator.Compute(inputs with { Scope = otherScope });
        return new ScopeFindings(table, other, FindingsWriter.Write(table, other));
    }
}
