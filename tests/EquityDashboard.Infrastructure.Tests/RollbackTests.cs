using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

public sealed class RollbackTests
{
    [Fact]
    public async Task Rollback_removes_the_batch_and_its_records_and_leaves_other_batches()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var incidents = await db.ImportOkAsync("incidents.csv", RecordKind.Incidents,
            "date,governorate,type,count", "2019-01-04,Kirkuk,IED,", "2019-01-05,Diyala,IED,3");
        var revised = await db.ImportOkAsync("need-revised.csv", RecordKind.Need,
            "year,governorate,cluster,people_in_need,targeted,reached", "2019,Al-Anbar,,200000,,");
        var before = await db.CountsAsync();
        // 3 dataset batches + incidents + revised need; need rows 6 + 1; funding 17; presence 6; incidents 2.
        Assert.Equal(new TableCounts(5, 17, 6, 7, 2, before.Aliases), before);
        Assert.Equal(200_000, (await db.TableAsync(2019)).Gov("IQG01").Need);

        Assert.True(await db.BatchStore.RollbackAsync(revised.BatchId!.Value));
        Assert.Equal(before with { Batches = 4, Need = 6 }, await db.CountsAsync());
        // The earlier figure is back: Anbar 300,000, N = 500,000.
        var t = await db.TableAsync(2019);
        Assert.Equal(300_000, t.Gov("IQG01").Need);
        Assert.Equal(500_000, t.TotalNeed);

        Assert.True(await db.BatchStore.RollbackAsync(incidents.BatchId!.Value));
        Assert.Equal(before with { Batches = 3, Need = 6, Incidents = 0 }, await db.CountsAsync());
        Assert.False((await db.TableAsync(2019)).IncidentDataLoaded);

        var remaining = await db.BatchStore.ListAsync();
        Assert.Equal([RecordKind.Need, RecordKind.Funding, RecordKind.Presence], remaining.Select(b => b.Kind));
        await using var ctx = db.NewContext();
        var ids = remaining.Select(b => b.Id).ToList();
        Assert.True(await ctx.Funding.AllAsync(f => ids.Contains(f.BatchId)));
        Assert.True(await ctx.Need.AllAsync(n => ids.Contains(n.BatchId)));
        // Funding untouched: 1,750,000 allocated in 2019 as before.
        Assert.Equal(1_750_000m, t.TotalFundingUsd);
    }

    [Fact]
    public async Task Rollback_of_a_funding_batch_removes_its_money()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var funding = (await db.BatchStore.ListAsync()).Single(b => b.Kind == RecordKind.Funding);
        Assert.True(await db.BatchStore.RollbackAsync(funding.Id));
        var t = await db.TableAsync(2019);
        Assert.Equal((0m, 0m), (t.TotalFundingUsd, t.UnallocatedUsd));
        // Need and presence batches intact.
        Assert.Equal(500_000, t.TotalNeed);
        Assert.Equal(2, t.Gov("IQG15").Orgs);
    }

    [Fact]
    public async Task Unknown_or_already_rolled_back_batch_returns_false()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.False(await db.BatchStore.RollbackAsync(12345));

        var path = db.WriteCsv("need.csv", "year,governorate,cluster,people_in_need,targeted,reached", "2019,Erbil,,100,,");
        var report = await db.ImportAsync(path, RecordKind.Need);
        Assert.True(await db.BatchStore.RollbackAsync(report.BatchId!.Value));
        Assert.False(await db.BatchStore.RollbackAsync(report.BatchId!.Value));
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());

        // Once rolled back, the same file may be imported again.
        var again = await db.ImportAsync(path, RecordKind.Need);
        Assert.True(again.Committed, again.RefusedReason);
    }
}
