using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Data.CompiledModel;
using EquityDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

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

    /// <summary>
    /// The app runs on the compiled model in Data/CompiledModel (it starts about 0.3 s sooner),
    /// and start-up does not compare the model with the migrations (PendingModelChangesWarning
    /// is ignored there). Both checks live here instead: a model change needs a migration and
    /// a regenerated compiled model (README, "Changing the database model").
    /// </summary>
    // SQLite's compiled model; PostgreSqlSchemaTests checks PostgreSQL's model against its migrations.
    [Trait("Provider", "Sqlite")]
    [SqliteFact]
    public async Task The_compiled_model_and_the_migrations_match_the_configured_model()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var ctx = db.NewContext();
        Assert.IsType<EquityDbContextModel>(ctx.Model);

        var configured = ctx.GetService<IDesignTimeModel>().Model;
        Assert.IsNotType<EquityDbContextModel>(configured);
        // The read-optimised model cannot go through the migrations differ: compare the schemas.
        Assert.Equal(Schema(configured.GetRelationalModel()), Schema(ctx.Model.GetRelationalModel()));
        Assert.False(ctx.Database.HasPendingModelChanges(), "The model has changed since the last migration: add one.");
    }

    /// <summary>Tables, columns (type, nullability), keys, foreign keys and indexes, one line each (collations are not kept in a compiled model).</summary>
    internal static List<string> Schema(IRelationalModel model) =>
        model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(t =>
            new[] { $"table {t.Name}" }
            .Concat(t.Columns.Select(c => $"  column {c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}"))
            .Concat(t.UniqueConstraints.Select(k => $"  key {k.Name} ({string.Join(", ", k.Columns.Select(c => c.Name))})"))
            .Concat(t.ForeignKeyConstraints.Select(f =>
                $"  foreign key {f.Name} ({string.Join(", ", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}"))
            .Concat(t.Indexes.Select(i => $"  index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")}"))
            .Order(StringComparer.Ordinal))
        .ToList();

    [Trait("Provider", "Sqlite")]
    [SqliteFact]
    public async Task Migrations_apply_to_a_fresh_file_with_gazetteer_and_integrity_ok()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.True(File.Exists(db.DbPath));

        await using (var ctx = db.NewContext())
        {
            Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await ctx.Database.GetAppliedMigrationsAsync());
            Assert.Equal(18, await ctx.Areas.CountAsync(a => a.Level == AreaEntity.GovernorateLevel));
            Assert.Equal(101, await ctx.Areas.CountAsync(a => a.Level == AreaEntity.DistrictLevel));
            Assert.Equal(9, await ctx.Areas.CountAsync(a => a.ParentPcode == "IQG15"));
            Assert.Equal(["Baghdad", "KRI", "North/Centre", "South"],
                (await ctx.Areas.Select(g => g.Region).Distinct().ToListAsync()).Order(StringComparer.Ordinal));
        }

        Assert.Equal(["ok"], await QueryStringsAsync(db, "PRAGMA integrity_check"));
        Assert.Empty(await QueryStringsAsync(db, "PRAGMA foreign_key_check"));
        Assert.Equal([DatabaseInitializer.PageSize.ToString(CultureInfo.InvariantCulture)], await QueryStringsAsync(db, "PRAGMA page_size"));
        Assert.Equal(["wal"], await QueryStringsAsync(db, "PRAGMA journal_mode"));
        var tables = await QueryStringsAsync(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        foreach (var t in new[] { "Areas", "DisplacementFigures", "FundingRecords", "FundingTotals", "ImportBatches", "NeedFigures", "OrganisationAliases", "PresenceRecords", "SecurityIncidents" })
            Assert.Contains(t, tables);

        // Initialising an existing file again is harmless.
        await db.Initializer.InitializeAsync(seedDemoData: false);
        Assert.Equal(["ok"], await QueryStringsAsync(db, "PRAGMA integrity_check"));
    }

    [Trait("Provider", "Sqlite")]
    [SqliteFact]
    public async Task Integrity_ok_after_imports_withdrawal_and_purge()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var presence = (await db.BatchStore.ListAsync()).Single(b => b.Kind == Core.Records.RecordKind.Presence);
        Assert.Equal(BatchChange.Done, await db.BatchStore.WithdrawAsync(Core.Records.Actor.Cli(), presence.Id));
        Assert.Equal(BatchChange.Done, await db.BatchStore.PurgeAsync(Core.Records.Actor.Cli(), presence.Id));
        Assert.Equal(["ok"], await QueryStringsAsync(db, "PRAGMA integrity_check"));
        Assert.Empty(await QueryStringsAsync(db, "PRAGMA foreign_key_check"));
    }

    [Trait("Provider", "Sqlite")]
    [SqliteFact]
    public async Task Funding_aggregate_query_uses_an_index_on_year()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        await using var ctx = db.NewContext();
        // Real figures only, with a pooled fund's allocations in the year: the index still covers the read.
        var filter = new DataFilter([999], ["Iraq Humanitarian Fund"]);
        var query = EquityQueries.CountedFunding(ctx, new EquityScope(2019, RealOnly: true), 2019, filter)
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
        Assert.Contains("COVERING INDEX IX_FundingTotals_Year", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FundingRecords", text, StringComparison.Ordinal);
    }
}
