using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// Every funding figure is read from FundingTotals, written by the importer beside the flows.
/// The totals must always equal the flows summed, whatever happened to the batches.
/// </summary>
public sealed class FundingTotalsTests
{
    private const string Header = "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id";

    private sealed record Group(int BatchId, int Year, string? Pcode, string? Cluster, string Donor, string Status, string Boundary, double Amount, int Flows);

    private sealed record Row(int BatchId, int Year, string? Pcode, string? Cluster, string Donor, FundingStatus Status, FlowBoundary Boundary,
        decimal Amount, int Flows);

    /// <summary>
    /// The flows summed per batch and key, and the stored totals, in the same order (exact spelling
    /// kept: grouped here by ordinal comparison, whatever the database's collation).
    /// </summary>
    private static async Task<(List<Group> Flows, List<Group> Totals)> BothAsync(TestDatabase db)
    {
        await using var ctx = db.NewContext();
        var flows = await ctx.Funding
            .Select(f => new Row(f.BatchId, f.Year, f.GovernoratePcode, f.Cluster, f.Donor, f.Status, f.Boundary, f.AmountUsd, 1))
            .ToListAsync();
        var totals = await ctx.FundingTotals
            .Select(t => new Row(t.BatchId, t.Year, t.GovernoratePcode, t.Cluster, t.Donor, t.Status, t.Boundary, t.AmountUsd, t.Flows))
            .ToListAsync();
        return (Grouped(flows), Grouped(totals));
    }

    private static List<Group> Grouped(List<Row> rows) => rows
        .GroupBy(r => (r.BatchId, r.Year, r.Pcode, r.Cluster, r.Donor, r.Status, r.Boundary))
        .Select(g => new Group(g.Key.BatchId, g.Key.Year, g.Key.Pcode, g.Key.Cluster, g.Key.Donor, g.Key.Status.ToString(), g.Key.Boundary.ToString(),
            Math.Round((double)g.Sum(r => r.Amount), 2), g.Sum(r => r.Flows)))
        .OrderBy(g => g.BatchId).ThenBy(g => g.Year).ThenBy(g => g.Pcode, StringComparer.Ordinal).ThenBy(g => g.Cluster, StringComparer.Ordinal)
        .ThenBy(g => g.Donor, StringComparer.Ordinal).ThenBy(g => g.Status, StringComparer.Ordinal).ThenBy(g => g.Boundary, StringComparer.Ordinal)
        .ToList();

    private static async Task AssertTotalsMatchFlowsAsync(TestDatabase db)
    {
        var (flows, totals) = await BothAsync(db);
        Assert.Equal(flows, totals);
    }

    [Fact]
    public async Task Totals_equal_the_flows_after_imports_replace_and_rollback()
    {
        await using var db = await TestDatabase.CreateAsync();
        var first = await db.ImportOkAsync("a.csv", RecordKind.Funding, Header,
            "2019,,Donor A,,Health,Ninewa,1000.10,paid,,1",
            "2019,,Donor A,,Health,Ninewa,2000.20,paid,,2",
            "2019,,donor a,,health,Nineveh,5,paid,,3", // other spelling: own total, same figures
            "2019,,Donor A,,Health,Ninewa,300,pledge,,4",
            "2019,,Donor B,,,Iraq,400,commitment,incoming,5",
            "2019,,Donor B,,WASH,Ninewa;Erbil,50,,internal,6",
            "2018,2018-03-01,Donor B,,WASH,Basra,70,paid,incoming,7");
        var (flows, totals) = await BothAsync(db);
        Assert.Equal(flows, totals);
        // Seven flows in six totals: the two paid Health flows of Donor A in Ninewa share one.
        Assert.Equal(6, totals.Count);
        Assert.Equal(7, totals.Sum(t => t.Flows));
        Assert.Contains(totals, t => t is { Donor: "Donor A", Cluster: "Health", Pcode: "IQG15", Status: "Paid", Flows: 2, Amount: 3000.30 });

        var second = await db.ImportOkAsync("b.csv", RecordKind.Funding, Header, "2019,,Donor C,,Food Security,Erbil,9000,paid,,1");
        // The same file again, swapped for its first batch.
        var path = Path.Combine(db.Folder, "a.csv");
        var replaced = await db.Importer.ImportAsync(new ImportRequest(path, RecordKind.Funding) { Replace = true });
        Assert.True(replaced.Committed);
        Assert.Equal(first.BatchId, replaced.ReplacedBatchId);
        await AssertTotalsMatchFlowsAsync(db);

        await db.BatchStore.WithdrawAsync(Actor.Cli(), second.BatchId!.Value);
        Assert.Equal(BatchChange.Done, await db.BatchStore.PurgeAsync(Actor.Cli(), second.BatchId!.Value));
        await AssertTotalsMatchFlowsAsync(db);
        await using var ctx = db.NewContext();
        Assert.Equal([replaced.BatchId!.Value], await ctx.FundingTotals.Select(t => t.BatchId).Distinct().ToListAsync());
        // The figures the engine reads: 2019 counted in governorates = 1,000.10 + 2,000.20 + 5.
        Assert.Equal(3_005.30m, Math.Round((await db.TableAsync(2019)).TotalFundingUsd, 2));
    }

    [Fact]
    public async Task Skipped_rows_are_not_in_the_totals_and_a_failed_import_writes_none()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("mixed.csv", Header,
            "2019,,Donor A,,Health,Ninewa,1000,paid,,1",
            "2019,,Donor A,,Health,Atlantis,500,paid,,2",
            "2019,,Donor A,,Health,Ninewa,-3,paid,,3");
        var failed = await db.Importer.ImportAsync(new ImportRequest(path, RecordKind.Funding));
        Assert.False(failed.Committed);
        await using (var ctx = db.NewContext())
            Assert.Equal(0, await ctx.FundingTotals.CountAsync());

        var skipped = await db.Importer.ImportAsync(new ImportRequest(path, RecordKind.Funding) { SkipInvalid = true });
        Assert.True(skipped.Committed);
        await using (var ctx = db.NewContext())
        {
            var total = Assert.Single(await ctx.FundingTotals.ToListAsync());
            Assert.Equal((1_000m, 1), (total.AmountUsd, total.Flows));
        }
        await AssertTotalsMatchFlowsAsync(db);
    }

    [Fact]
    public async Task Seeded_database_has_totals_for_every_flow_and_no_broken_reference()
    {
        await using var db = await TestDatabase.CreateAsync(seed: true);
        await AssertTotalsMatchFlowsAsync(db);
        await using var ctx = db.NewContext();
        Assert.True(await ctx.FundingTotals.CountAsync() > 0);
        // The flows have no foreign key to the governorates (the totals do); every P-code must still be one.
        var pcodes = await ctx.Areas.Select(g => g.Pcode).ToListAsync();
        Assert.True(await ctx.Funding.AllAsync(f => f.GovernoratePcode == null || pcodes.Contains(f.GovernoratePcode)));
        Assert.True(await ctx.Funding.AllAsync(f => f.DistrictPcode == null || pcodes.Contains(f.DistrictPcode)));
        // PostgreSQL checks every foreign key as rows are written; SQLite checks them when asked.
        if (!db.IsPostgreSql)
            Assert.Empty(await ctx.Database.SqlQueryRaw<string>("SELECT \"table\" AS Value FROM pragma_foreign_key_check").ToListAsync());
    }

    [Trait("Provider", "Sqlite")]
    [SqliteFact]
    public async Task A_database_made_before_the_migrations_were_squashed_is_refused_by_name_and_left_as_it_was()
    {
        await using var db = await TestDatabase.CreateAsync();
        // A file whose history ends in a migration this version no longer has (the squash of issue 16).
        await using (var ctx = db.NewContext())
        {
            await ctx.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (MigrationId, ProductVersion) VALUES ('20261203120836_AuditActionIndex', '10.0.0')");
        }
        var before = await db.CountsAsync();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Initializer.InitializeAsync());
        Assert.Contains("made by an earlier version", refused.Message, StringComparison.Ordinal);
        Assert.Contains("20261203120836_AuditActionIndex", refused.Message, StringComparison.Ordinal);
        Assert.Contains(db.DbPath, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.CountsAsync());
        SqliteConnection.ClearAllPools();
    }
}
