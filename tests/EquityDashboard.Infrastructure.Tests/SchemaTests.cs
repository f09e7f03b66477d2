using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

public sealed class SchemaTests
{
    private static async Task<List<string>> QueryStringsAsync(TestDatabase db, string sql)
    {
        await using var ctx = db.NewContext();
        var connection = ctx.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var result = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        return result;
    }

    [Fact]
    public async Task Migrations_apply_to_a_fresh_file_with_gazetteer_and_integrity_ok()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.True(File.Exists(db.DbPath));

        await using (var ctx = db.NewContext())
        {
            Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await ctx.Database.GetAppliedMigrationsAsync());
            Assert.Equal(18, await ctx.Governorates.CountAsync());
            Assert.Equal(["Baghdad", "KRI", "North/Centre", "South"],
                (await ctx.Governorates.Select(g => g.Region).Distinct().ToListAsync()).Order(StringComparer.Ordinal));
        }

        Assert.Equal(["ok"], await QueryStringsAsync(db, "PRAGMA integrity_check"));
        Assert.Empty(await QueryStringsAsync(db, "PRAGMA foreign_key_check"));
        var tables = await QueryStringsAsync(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        foreach (var t in new[] { "FundingRecords", "FundingTotals", "Governorates", "ImportBatches", "NeedFigures", "OrganisationAliases", "PresenceRecords", "SecurityIncidents" })
            Assert.Contains(t, tables);

        // Initialising an existing file again is harmless.
        await db.Initializer.InitializeAsync(seedDemoData: false);
        Assert.Equal(["ok"], await QueryStringsAsync(db, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task Integrity_ok_after_imports_and_rollback()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var presence = (await db.BatchStore.ListAsync()).Single(b => b.Kind == Core.Records.RecordKind.Presence);
        Assert.True(await db.BatchStore.RollbackAsync(presence.Id));
        Assert.Equal(["ok"], await QueryStringsAsync(db, "PRAGMA integrity_check"));
        Assert.Empty(await QueryStringsAsync(db, "PRAGMA foreign_key_check"));
    }

    [Fact]
    public async Task Funding_aggregate_query_uses_an_index_on_year()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        await using var ctx = db.NewContext();
        var query = EquityQueries.CountedFunding(ctx, new EquityScope(2019), 2019)
            .GroupBy(f => f.GovernoratePcode)
            .Select(g => new { Pcode = g.Key, Total = g.Sum(f => (double)f.AmountUsd) });
        var connection = ctx.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var cmd = query.CreateDbCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + cmd.CommandText;
        var plan = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(reader.GetOrdinal("detail")));

        var text = string.Join("\n", plan);
        Assert.Contains("INDEX IX_FundingTotals_Year", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FundingRecords", text, StringComparison.Ordinal);
    }
}
