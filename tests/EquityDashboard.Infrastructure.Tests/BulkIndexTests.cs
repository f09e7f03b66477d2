using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Import.Storage;
using EquityDashboard.Tests.Shared;
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

    private static async Task<List<string>> IndexesAsync(TestDatabase db, string table)
    {
        await using var ctx = db.NewContext();
        return await ctx.Database.SqlQueryRaw<string>(
                "SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = {0} AND sql IS NOT NULL ORDER BY name", table)
            .ToListAsync();
    }

    [Trait("Provider", "Sqlite")]
    [SqliteFact]
    public async Task Indexes_are_rebuilt_after_a_bulk_import_and_kept_after_a_failed_one()
    {
        await using var db = await TestDatabase.CreateAsync();
        var before = await IndexesAsync(db, "PresenceRecords");
        Assert.True(before.Count >= 3, string.Join(", ", before));
        const string header = "year,organisation,acronym,org_type,cluster,governorate,district,activity";

        await db.ImportOkAsync("ok.csv", RecordKind.Presence, header,
            "2019,Tigris Aid,,NNGO,WASH,Ninewa,,Water trucking",
            "2019,Tigris Aid,,NNGO,Health,Erbil,,Clinics");
        Assert.Equal(before, await IndexesAsync(db, "PresenceRecords"));
        Assert.Equal(1, (await db.TableAsync(2019)).Gov("IQG15").Orgs);

        var failed = await db.ImportLinesAsync("bad.csv", RecordKind.Presence, header,
            "2019,Tigris Aid,,NNGO,WASH,Ninewa,,Water trucking 2",
            "2019,Tigris Aid,,NNGO,WASH,Atlantis,,Water trucking 3");
        Assert.False(failed.Committed);
        Assert.Equal(before, await IndexesAsync(db, "PresenceRecords"));

        await using var ctx = db.NewContext();
        var check = await ctx.Database.SqlQueryRaw<string>("SELECT integrity_check AS Value FROM pragma_integrity_check").ToListAsync();
        Assert.Equal(["ok"], check);
    }

    [Trait("Provider", "Sqlite")]
    [SqliteFact]
    public async Task Funding_flows_keep_their_batch_and_multi_governorate_indexes_through_a_bulk_import()
    {
        await using var db = await TestDatabase.CreateAsync();
        string[] indexes = ["IX_FundingRecords_BatchId", "IX_FundingRecords_Year_Named"];
        Assert.Equal(indexes, await IndexesAsync(db, "FundingRecords"));
        await db.ImportOkAsync("ok.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
            "2019,,Donor A,,Health,Ninewa,1000,paid,,1",
            "2019,,Donor A,,Health,Erbil,500,paid,,2");
        Assert.Equal(indexes, await IndexesAsync(db, "FundingRecords"));
        Assert.Equal(1_500m, (await db.TableAsync(2019)).TotalFundingUsd);
    }

    [Fact]
    public async Task Bulk_presence_import_writes_through_the_background_writer_and_links_names()
    {
        await using var db = await TestDatabase.CreateAsync();
        var lines = new List<string> { "year,organisation,acronym,org_type,cluster,governorate,district,activity" };
        // 300 distinct activities of one organisation, named three ways, plus one other organisation.
        for (var i = 0; i < 300; i++)
        {
            var (name, acronym) = (i % 3) switch { 0 => ("Danish Refugee Council", "DRC"), 1 => ("", "drc"), _ => ("danish refugee council", "") };
            lines.Add($"2022,{name},{acronym},INGO,CCCM,Ninewa,,Activity {i}");
        }
        lines.Add("2022,Tigris Aid,,NNGO,WASH,Ninewa,,Water trucking");

        var report = await db.ImportOkAsync("bulk-3w.csv", RecordKind.Presence, [.. lines]);

        Assert.Equal(301, report.RowsWritten);
        var ninewa = (await db.TableAsync(2022)).Gov("IQG15");
        // Two organisations (DRC under three spellings, Tigris Aid); 301 distinct activities.
        Assert.Equal((2, 301), (ninewa.Orgs, ninewa.Activities));
    }
}
