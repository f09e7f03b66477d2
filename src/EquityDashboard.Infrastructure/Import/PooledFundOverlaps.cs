using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import.Storage;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// Tells the import report when a funding batch and the store hold the same money twice: FTS
/// flows from or into a pooled fund, and the fund's own allocations for the same year
/// (docs/methodology.md, "Money reported twice"). Whichever batch comes second says so; the
/// queries then count the allocations and leave the flows out.
/// </summary>
internal static class PooledFundOverlaps
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    public static async Task ReportAsync(IImportWriter store, ImportBatch batch,
        IReadOnlyCollection<int> years, IReadOnlyDictionary<(string Fund, int Year), (double Usd, int Flows)> fundFlows,
        ImportReport report, CancellationToken ct)
    {
        if (batch.Money == FundingMoney.ReportedFlows && fundFlows.Count > 0)
        {
            foreach (var ((fund, year), (usd, flows)) in fundFlows.OrderBy(f => f.Key.Fund, StringComparer.Ordinal).ThenBy(f => f.Key.Year))
            {
                var allocations = await store.PooledFundAllocationBatchesAsync(batch.Id, fund, year, ct);
                if (allocations.Count == 0) continue;
                report.PooledFundNotes.Add(string.Create(En,
                    $"{year}: {new PooledFundOverlap(fund, (decimal)usd, flows).Describe()} The fund's allocations for {year} are in batch {string.Join(", ", allocations)}."));
            }
        }
        else if (batch.Money == FundingMoney.PooledFundAllocations && batch.PooledFund is { } fund)
        {
            foreach (var year in years.Order())
            {
                var (usd, flows, batches) = await store.PooledFundFlowsAsync(batch.Id, fund, year, ct);
                if (flows == 0) continue;
                report.PooledFundNotes.Add(string.Create(En,
                    $"{year}: batch {string.Join(", ", batches)} holds FTS flows from or into the {fund}. With these allocations, {new PooledFundOverlap(fund, (decimal)usd, flows).Describe()}"));
            }
        }
    }
}
