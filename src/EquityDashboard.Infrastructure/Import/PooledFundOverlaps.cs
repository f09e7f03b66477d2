using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using Microsoft.Data.Sqlite;

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

    /// <summary>Counted flows: not pledges, boundary incoming or blank (as stored: the enum names).</summary>
    private const string Counted = "t.Status <> 'Pledge' AND t.Boundary IN ('Incoming', 'Unspecified')";

    public static async Task ReportAsync(SqliteConnection connection, SqliteTransaction transaction, ImportBatch batch,
        IReadOnlyCollection<int> years, IReadOnlyDictionary<(string Fund, int Year), (double Usd, int Flows)> fundFlows,
        ImportReport report, CancellationToken ct)
    {
        if (batch.Money == FundingMoney.ReportedFlows && fundFlows.Count > 0)
        {
            foreach (var ((fund, year), (usd, flows)) in fundFlows.OrderBy(f => f.Key.Fund, StringComparer.Ordinal).ThenBy(f => f.Key.Year))
            {
                var allocations = await AllocationBatchesAsync(connection, transaction, batch.Id, fund, year, ct);
                if (allocations.Count == 0) continue;
                report.PooledFundNotes.Add(string.Create(En,
                    $"{year}: {new PooledFundOverlap(fund, (decimal)usd, flows).Describe()} The fund's allocations for {year} are in batch {string.Join(", ", allocations)}."));
            }
        }
        else if (batch.Money == FundingMoney.PooledFundAllocations && batch.PooledFund is { } fund)
        {
            foreach (var year in years.Order())
            {
                var (usd, flows, batches) = await ReportedFlowsAsync(connection, transaction, batch.Id, fund, year, ct);
                if (flows == 0) continue;
                report.PooledFundNotes.Add(string.Create(En,
                    $"{year}: batch {string.Join(", ", batches)} holds FTS flows from or into the {fund}. With these allocations, {new PooledFundOverlap(fund, (decimal)usd, flows).Describe()}"));
            }
        }
    }

    /// <summary>Other batches holding the fund's allocations with money in the year.</summary>
    private static async Task<List<int>> AllocationBatchesAsync(SqliteConnection connection, SqliteTransaction transaction,
        int batchId, string fund, int year, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, """
            SELECT b.Id FROM ImportBatches b
            WHERE b.Id <> $batch AND b.Money = 'PooledFundAllocations' AND b.PooledFund = $fund AND b.WithdrawnAt IS NULL
              AND EXISTS (SELECT 1 FROM FundingTotals t WHERE t.BatchId = b.Id AND t.Year = $year)
            ORDER BY b.Id
            """, batchId, fund, year);
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt32(0));
        return ids;
    }

    /// <summary>Counted flows of other batches tagged with the fund in the year, and those batches.</summary>
    private static async Task<(double Usd, int Flows, List<int> Batches)> ReportedFlowsAsync(SqliteConnection connection,
        SqliteTransaction transaction, int batchId, string fund, int year, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, $"""
            SELECT t.BatchId, SUM(t.AmountUsd), SUM(t.Flows) FROM FundingTotals t
            WHERE t.BatchId <> $batch AND t.PooledFund = $fund AND t.Year = $year AND {Counted}
              AND t.BatchId NOT IN (SELECT Id FROM ImportBatches WHERE WithdrawnAt IS NOT NULL)
            GROUP BY t.BatchId ORDER BY t.BatchId
            """, batchId, fund, year);
        var (usd, flows, batches) = (0.0, 0, new List<int>());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            batches.Add(reader.GetInt32(0));
            usd += reader.GetDouble(1);
            flows += reader.GetInt32(2);
        }
        return (usd, flows, batches);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, int batchId, string fund, int year)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$batch", batchId);
        command.Parameters.AddWithValue("$fund", fund);
        command.Parameters.AddWithValue("$year", year);
        return command;
    }
}
