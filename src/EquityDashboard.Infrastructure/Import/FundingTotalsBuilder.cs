using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// Sums the flows an import writes per year, governorate, cluster, donor, status and boundary,
/// and writes those totals (FundingTotals) at the end of the batch. Keys are compared exactly
/// as written; spellings that differ only in case become separate totals, which the NOCASE
/// columns then treat as one in filters and DISTINCT, as they did for the flows.
/// </summary>
internal sealed class FundingTotalsBuilder
{
    private static readonly string[] Insert =
        ["BatchId", "Year", "GovernoratePcode", "Cluster", "Donor", "Status", "Boundary", "AmountUsd", "Flows"];

    private readonly Dictionary<Key, (double Amount, int Flows)> _totals = [];

    private readonly record struct Key(int Year, string? Pcode, string? Cluster, string Donor, FundingStatus Status, FlowBoundary Boundary);

    public void Add(int year, string? pcode, string? cluster, string donor, FundingStatus status, FlowBoundary boundary, double amount)
    {
        var key = new Key(year, pcode, cluster, donor, status, boundary);
        _totals[key] = _totals.TryGetValue(key, out var sum) ? (sum.Amount + amount, sum.Flows + 1) : (amount, 1);
    }

    /// <summary>
    /// Queues the totals in the order of the gaps index (year, governorate, status, boundary,
    /// amount), so SQLite adds to that index and the batch index at their ends rather than all
    /// over them: writing the 132,000 totals of the benchmark took 1.0 s in hash order, 0.6 s sorted.
    /// </summary>
    public void Write(ImportContext context)
    {
        if (_totals.Count == 0) return;
        var writer = context.Writer("FundingTotals", Insert);
        var ordered = _totals
            .Select(t => (t.Key, Status: t.Key.Status.ToString(), Boundary: t.Key.Boundary.ToString(), t.Value.Amount, t.Value.Flows))
            .OrderBy(t => t.Key.Year).ThenBy(t => t.Key.Pcode, StringComparer.Ordinal)
            .ThenBy(t => t.Status, StringComparer.Ordinal).ThenBy(t => t.Boundary, StringComparer.Ordinal).ThenBy(t => t.Amount);
        foreach (var (k, status, boundary, amount, flows) in ordered)
            writer.Insert(context.BatchId, k.Year, k.Pcode, k.Cluster, k.Donor, status, boundary, amount, flows);
        _totals.Clear();
    }
}
