using System.Text.Json;
using EquityDashboard.Cli.Tests.Support;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Cli.Tests;

/// <summary>A seeded SQLite file with an account, an API token and a withdrawn batch: every kind of table has rows.</summary>
internal static class Deployment
{
    public static async Task<TempDatabase> CreateAsync(string prefix)
    {
        var db = new TempDatabase(prefix);
        (await EquityCli.RunAsync(db.Path, "seed")).AssertSuccess();
        (await EquityCli.RunWithInputAsync(db.Path, "a long admin password\n", "users", "add", "admin@example.org", "--role", "admin", "--password-stdin"))
            .AssertSuccess();
        (await EquityCli.RunAsync(db.Path, "tokens", "create", "admin@example.org", "--name", "nightly")).AssertSuccess();
        (await EquityCli.RunAsync(db.Path, "withdraw", "2")).AssertSuccess();
        return db;
    }

    /// <summary>The app's services on a database, as the web app would open it.</summary>
    public static ServiceProvider Services(string provider, string connectionString) => new ServiceCollection()
        .AddEquityDashboard(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Default"] = connectionString,
            ["Equity:SeedDemoData"] = "false",
        }).Build())
        .BuildServiceProvider();

    /// <summary>Rows per table of the model, read through the app's own context.</summary>
    public static async Task<Dictionary<string, int>> CountsAsync(IServiceProvider services)
    {
        await using var ctx = await services.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContextAsync();
        return new Dictionary<string, int>
        {
            ["batches"] = await ctx.Batches.CountAsync(),
            ["funding"] = await ctx.Funding.CountAsync(),
            ["funding totals"] = await ctx.FundingTotals.CountAsync(),
            ["district totals"] = await ctx.FundingDistrictTotals.CountAsync(),
            ["presence"] = await ctx.Presence.CountAsync(),
            ["need"] = await ctx.Need.CountAsync(),
            ["incidents"] = await ctx.Incidents.CountAsync(),
            ["displacement"] = await ctx.Displacement.CountAsync(),
            ["aliases"] = await ctx.OrganisationAliases.CountAsync(),
            ["areas"] = await ctx.Areas.CountAsync(),
            ["users"] = await ctx.Users.CountAsync(),
            ["roles"] = await ctx.Roles.CountAsync(),
            ["user roles"] = await ctx.UserRoles.CountAsync(),
            ["user claims"] = await ctx.UserClaims.CountAsync(),
            ["audit"] = await ctx.Audit.CountAsync(),
            ["tokens"] = await ctx.ApiTokens.CountAsync(),
        };
    }
}

/// <summary>`db backup FILE`: an online copy of the SQLite database that opens with the same rows.</summary>
[Trait("Provider", "Sqlite")]
public sealed class DbBackupTests
{
    [Fact]
    public async Task A_backup_reopens_with_every_row_and_is_not_overwritten_without_force()
    {
        using var db = await Deployment.CreateAsync("backup");
        using var copy = new TempDatabase("backup-copy");

        var result = (await EquityCli.RunAsync(db.Path, "db", "backup", copy.Path)).AssertSuccess();
        Assert.Contains("integrity ok", result.StdOut, StringComparison.Ordinal);

        Dictionary<string, int> original, backup;
        await using (var services = Deployment.Services("Sqlite", DataPaths.ForFile(db.Path))) original = await Deployment.CountsAsync(services);
        await using (var services = Deployment.Services("Sqlite", DataPaths.ForFile(copy.Path))) backup = await Deployment.CountsAsync(services);
        SqliteConnection.ClearAllPools();
        Assert.Equal(original, backup);
        // Every table holds rows but the user claims, which the app's accounts do not use.
        Assert.All(original.Where(c => c.Key != "user claims"), c => Assert.True(c.Value > 0, $"the deployment has no {c.Key}"));
        // The copy is a database the CLI reads like the original.
        Assert.Equal((await EquityCli.RunAsync(db.Path, "gaps", "--year", "2019", "--format", "json")).AssertSuccess().StdOut,
            (await EquityCli.RunAsync(copy.Path, "gaps", "--year", "2019", "--format", "json")).AssertSuccess().StdOut);

        var written = File.GetLastWriteTimeUtc(copy.Path);
        var refused = (await EquityCli.RunAsync(db.Path, "db", "backup", copy.Path)).AssertFailure();
        Assert.Contains("--force", refused.StdErr, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy.Path));

        (await EquityCli.RunAsync(db.Path, "withdraw", "3")).AssertSuccess();
        (await EquityCli.RunAsync(db.Path, "db", "backup", copy.Path, "--force")).AssertSuccess();
        await using (var services = Deployment.Services("Sqlite", DataPaths.ForFile(copy.Path)))
        {
            var batches = await services.GetRequiredService<BatchStore>().ListAsync();
            Assert.True(batches.Single(b => b.Id == 3).IsWithdrawn, "the forced backup holds the later withdrawal");
        }
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Backing_up_a_missing_database_or_onto_itself_is_refused()
    {
        using var missing = new TempDatabase("backup-missing");
        using var copy = new TempDatabase("backup-copy");
        var none = (await EquityCli.RunAsync(missing.Path, "db", "backup", copy.Path)).AssertFailure();
        Assert.Contains("There is no database", none.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing.Path), "backup creates no database");
        Assert.False(File.Exists(copy.Path));

        using var db = new TempDatabase("backup-self");
        (await EquityCli.RunAsync(db.Path, "seed")).AssertSuccess();
        var self = (await EquityCli.RunAsync(db.Path, "db", "backup", db.Path, "--force")).AssertFailure();
        Assert.Contains("the database itself", self.StdErr, StringComparison.Ordinal);
    }
}

/// <summary>`db copy --to`: a SQLite deployment into an empty PostgreSQL database, with the same figures.</summary>
public sealed class DbCopyTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    [PostgreSqlFact]
    public async Task A_seeded_database_copies_into_postgresql_with_the_same_rows_and_figures_and_new_ids_continue()
    {
        using var db = await Deployment.CreateAsync("copy");
        await using var target = TestPostgres.CreateDatabase();

        var result = (await EquityCli.RunAsync(db.Path, "db", "copy", "--to", target.ConnectionString)).AssertSuccess();
        Assert.Contains("FundingRecords", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("AuditEvents", result.StdOut, StringComparison.Ordinal);

        await using var sqlite = Deployment.Services("Sqlite", DataPaths.ForFile(db.Path));
        await using var postgres = Deployment.Services("PostgreSQL", target.ConnectionString);
        Assert.Equal(await Deployment.CountsAsync(sqlite), await Deployment.CountsAsync(postgres));

        // The same figures from the copy: the table, the district table and the trends, withdrawn batch left out on both.
        var from = sqlite.GetRequiredService<EquityService>();
        var to = postgres.GetRequiredService<EquityService>();
        foreach (var year in new[] { 2019, 2021 })
        {
            var scope = new EquityScope(year);
            Assert.Equal(JsonSerializer.Serialize(await from.GetTableAsync(scope), Json), JsonSerializer.Serialize(await to.GetTableAsync(scope), Json));
            Assert.Equal(JsonSerializer.Serialize(await from.GetDistrictTableAsync(scope), Json),
                JsonSerializer.Serialize(await to.GetDistrictTableAsync(scope), Json));
        }
        Assert.Equal(JsonSerializer.Serialize(await from.GetTrendsAsync(), Json), JsonSerializer.Serialize(await to.GetTrendsAsync(), Json));
        var batches = await postgres.GetRequiredService<BatchStore>().ListAsync();
        Assert.True(batches.Single(b => b.Id == 2).IsWithdrawn);

        // The identity sequences continue after the copied ids: the app's next audit entry and batch get the next ids.
        var copiedAudit = (await Deployment.CountsAsync(postgres))["audit"];
        await postgres.GetRequiredService<AuditTrail>().AddAsync("test", AuditActions.SignInFailed, "after the copy");
        await using (var ctx = await postgres.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(copiedAudit + 1, await ctx.Audit.CountAsync());
            Assert.Equal("after the copy", (await ctx.Audit.OrderByDescending(e => e.Id).FirstAsync()).Details);
            var next = await ctx.Database.SqlQueryRaw<long>("SELECT nextval(pg_get_serial_sequence('\"ImportBatches\"', 'Id')) AS \"Value\"").SingleAsync();
            Assert.Equal(batches.Max(b => b.Id) + 1, next);
            // The flows' ids too: SQLite gives them the rowid, PostgreSQL an identity column.
            var flows = await ctx.Database.SqlQueryRaw<long>("SELECT nextval(pg_get_serial_sequence('\"FundingRecords\"', 'Id')) AS \"Value\"").SingleAsync();
            Assert.Equal(await ctx.Funding.MaxAsync(f => f.Id) + 1, flows);
        }
        SqliteConnection.ClearAllPools();
    }

    [PostgreSqlFact]
    public async Task A_target_that_holds_data_is_refused_and_left_as_it_was()
    {
        using var db = await Deployment.CreateAsync("copy-twice");
        await using var target = TestPostgres.CreateDatabase();
        (await EquityCli.RunAsync(db.Path, "db", "copy", "--to", target.ConnectionString)).AssertSuccess();
        await using var postgres = Deployment.Services("PostgreSQL", target.ConnectionString);
        var before = await Deployment.CountsAsync(postgres);

        var again = (await EquityCli.RunAsync(db.Path, "db", "copy", "--to", target.ConnectionString)).AssertFailure();
        Assert.Contains("not empty", again.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, await Deployment.CountsAsync(postgres));
        SqliteConnection.ClearAllPools();
    }
}
