using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>Large imports suspend secondary indexes; they must always come back.</summary>
[Collection(nameof(BulkIndexTests))]
public sealed class BulkIndexTests : IDisposable
{
    private readonly long _saved = BulkIndexes.ThresholdBytes;

    public BulkIndexTests() => BulkIndexes.ThresholdBytes = 0; // every file counts as large

    public void Dispose() => BulkIndexes.ThresholdBytes = _saved;

    private static async Task<List<string>> FundingIndexesAsync(TestDatabase db)
    {
        await using var ctx = db.NewContext();
        return await ctx.Database.SqlQueryRaw<string>(
                "SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'FundingRecords' AND sql IS NOT NULL ORDER BY name")
            .ToListAsync();
    }

    [Fact]
    public async Task Indexes_are_rebuilt_after_a_bulk_import_and_kept_after_a_failed_one()
    {
        await using var db = await TestDatabase.CreateAsync();
        var before = await FundingIndexesAsync(db);
        Assert.NotEmpty(before);

        await db.ImportOkAsync("ok.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
            "2019,,Donor A,,Health,Ninewa,1000,paid,,1",
            "2019,,Donor A,,Health,Erbil,500,paid,,2");
        Assert.Equal(before, await FundingIndexesAsync(db));
        // 1,000 + 500 counted.
        Assert.Equal(1_500m, (await db.TableAsync(2019)).TotalFundingUsd);

        var failed = await db.ImportLinesAsync("bad.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
            "2019,,Donor A,,Health,Ninewa,1000,paid,,1",
            "2019,,Donor A,,Health,Atlantis,500,paid,,2");
        Assert.False(failed.Committed);
        Assert.Equal(before, await FundingIndexesAsync(db));

        await using var ctx = db.NewContext();
        var check = await ctx.Database.SqlQueryRaw<string>("SELECT integrity_check AS Value FROM pragma_integrity_check").ToListAsync();
        Assert.Equal(["ok"], check);
    }
}
