using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Accounts;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Infrastructure.Export;
using EquityDashboard.Infrastructure.Import;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// Withdrawing loses nothing: a batch's figures leave every view and come back identical; only an
/// admin's purge deletes. Every change checks the role on the server and is audited once, in its transaction.
/// </summary>
public sealed class WithdrawalAndAuditTests
{
    private static readonly Actor Manager = new("dm@example.org", Roles.DataManager);
    private static readonly Actor Admin = new("admin@example.org", Roles.Admin);
    private static readonly Actor Viewer = new("viewer@example.org", Roles.Viewer);

    private static async Task<string> GapsJsonAsync(TestDatabase db, int year) =>
        GapsDocument.From(await db.TableAsync(year)).ToJson();

    private static async Task<List<AuditEvent>> AuditAsync(TestDatabase db)
    {
        await using var ctx = db.NewContext();
        return await ctx.Audit.OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Withdrawal_takes_the_figures_out_and_restore_gives_back_the_same_figures()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var before = await GapsJsonAsync(db, 2019);
        var counts = await db.CountsAsync();
        var funding = (await db.BatchStore.ListAsync()).Single(b => b.Kind == RecordKind.Funding);

        Assert.Equal(BatchChange.Done, await db.BatchStore.WithdrawAsync(Manager, funding.Id));

        var withdrawn = await db.TableAsync(2019);
        Assert.Equal((0m, 0m), (withdrawn.TotalFundingUsd, withdrawn.UnallocatedUsd));
        Assert.Empty(await db.Equity.DonorsAsync());
        Assert.DoesNotContain(await db.Equity.SourcesForYearAsync(2019), b => b.Id == funding.Id);
        // Its rows stay.
        Assert.Equal(counts, await db.CountsAsync());
        var stored = (await db.BatchStore.ListAsync()).Single(b => b.Id == funding.Id);
        Assert.Equal(Manager.Name, stored.WithdrawnBy);
        Assert.NotNull(stored.WithdrawnAt);

        Assert.Equal(BatchChange.WrongState, await db.BatchStore.WithdrawAsync(Manager, funding.Id));
        Assert.Equal(BatchChange.Done, await db.BatchStore.RestoreAsync(Admin, funding.Id));
        Assert.Equal(before, await GapsJsonAsync(db, 2019));
        Assert.Equal(counts, await db.CountsAsync());
    }

    [Fact]
    public async Task Only_an_admin_restores_or_purges_and_only_a_withdrawn_batch_is_purged()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var need = (await db.BatchStore.ListAsync()).Single(b => b.Kind == RecordKind.Need);
        var counts = await db.CountsAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => db.BatchStore.WithdrawAsync(Viewer, need.Id));
        Assert.Equal(BatchChange.WrongState, await db.BatchStore.PurgeAsync(Admin, need.Id));
        Assert.Equal(BatchChange.Done, await db.BatchStore.WithdrawAsync(Manager, need.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => db.BatchStore.RestoreAsync(Manager, need.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => db.BatchStore.PurgeAsync(Manager, need.Id));
        Assert.Equal(counts, await db.CountsAsync());

        Assert.Equal(BatchChange.Done, await db.BatchStore.PurgeAsync(Admin, need.Id));
        Assert.Equal(counts with { Batches = counts.Batches - 1, Need = 0 }, await db.CountsAsync());
        Assert.Equal(BatchChange.NotFound, await db.BatchStore.RestoreAsync(Admin, need.Id));

        // Refused changes left no trace; each change is in the trail once, with its user.
        var trail = (await AuditAsync(db)).Where(e => e.BatchId == need.Id).Select(e => (e.Action, e.Actor)).ToList();
        Assert.Equal([(AuditActions.Import, "cli:" + Environment.UserName), (AuditActions.Withdraw, Manager.Name), (AuditActions.Purge, Admin.Name)], trail);
    }

    [Fact]
    public async Task An_import_records_who_made_it_and_a_viewer_cannot_import()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("need.csv", "year,governorate,people_in_need", "2019,Erbil,100");
        await Assert.ThrowsAsync<ForbiddenException>(() => db.Importer.ImportAsync(new ImportRequest(path) { Actor = Viewer }));
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());

        var report = await db.Importer.ImportAsync(new ImportRequest(path) { Actor = Manager });
        Assert.True(report.Committed);
        var batch = Assert.Single(await db.BatchStore.ListAsync());
        Assert.Equal(Manager.Name, batch.ImportedBy);
        var entry = Assert.Single(await AuditAsync(db));
        Assert.Equal((AuditActions.Import, Manager.Name, batch.Id), (entry.Action, entry.Actor, entry.BatchId));
        Assert.Contains(report.Sha256, entry.Details, StringComparison.Ordinal);
        Assert.Contains("need.csv", entry.Details, StringComparison.Ordinal);
        Assert.Contains("; 1 row;", entry.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RecordKind.Funding, "year,donor,cluster,governorate,amount_usd", "2019,Donor A,Health,Ninewa,100", "2019,Donor A,Protection,Basra,50", "Protection (1 row)")]
    [InlineData(RecordKind.Presence, "year,organisation,cluster,governorate", "2022,NRC,WASH,Ninewa", "2022,NRC,,Basra", "(cluster not given) (1 row)")]
    [InlineData(RecordKind.Need, "year,governorate,cluster,people_in_need", "2019,Ninewa,Health,100", "2019,Basra,,200", "(cluster not given) (1 row)")]
    public async Task A_data_manager_limited_to_clusters_is_refused_rows_of_others_and_nothing_is_written(
        RecordKind kind, string header, string own, string other, string named)
    {
        await using var db = await TestDatabase.CreateAsync();
        var limited = new Actor("health@example.org", Roles.DataManager, ["Health", "WASH"]);
        var report = await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("mixed.csv", header, own, other), kind)
        {
            Actor = limited,
            SkipInvalid = true,
        });

        Assert.False(report.Committed);
        var error = Assert.Single(report.Errors);
        Assert.StartsWith("You may import rows of Health, WASH only; this file also holds rows of " + named, error.Message, StringComparison.Ordinal);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
        Assert.Empty(await AuditAsync(db));

        // Their own cluster's rows alone import.
        var ok = await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("own.csv", header, own), kind) { Actor = limited });
        Assert.True(ok.Committed, string.Join(" | ", ok.Errors));
    }

    [Fact]
    public async Task The_audit_trail_refuses_changes_and_deletions()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Services.GetRequiredService<AuditTrail>().AddAsync("anonymous", AuditActions.SignInFailed, "x@example.org: wrong password");
        // Plain SQL past the app's services, as anyone with access to the database could send it.
        await using var ctx = db.NewContext();
        foreach (var sql in new[] { "UPDATE \"AuditEvents\" SET \"Actor\" = 'someone else'", "DELETE FROM \"AuditEvents\"" })
        {
            var ex = await Assert.ThrowsAnyAsync<DbException>(() => ctx.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
        }
        Assert.Equal("anonymous", Assert.Single(await AuditAsync(db)).Actor);
    }

    [Fact]
    public async Task A_withdrawn_files_second_import_is_refused_with_what_to_do()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("need.csv", "year,governorate,people_in_need", "2019,Erbil,100");
        var first = await db.Importer.ImportAsync(new ImportRequest(path));
        await db.BatchStore.WithdrawAsync(Manager, first.BatchId!.Value);

        var again = await db.Importer.ImportAsync(new ImportRequest(path));
        Assert.Contains("that batch is withdrawn: an admin can restore it", again.RefusedReason, StringComparison.Ordinal);
        var replaced = await db.Importer.ImportAsync(new ImportRequest(path) { Replace = true });
        Assert.True(replaced.Committed);
        Assert.Equal(AuditActions.Replace, (await AuditAsync(db)).Last().Action);
    }

    [Fact]
    public async Task Accounts_and_tokens_are_audited_and_a_revoked_or_disabled_token_stops_working()
    {
        await using var db = await TestDatabase.CreateAsync();
        var accounts = db.Services.GetRequiredService<AccountService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => accounts.AddAsync(Manager, "x@example.org", Roles.Admin, null, "a long enough password"));
        await Assert.ThrowsAsync<AccountException>(() => accounts.AddAsync(Admin, "x@example.org", Roles.Viewer, null, "short"));
        await accounts.AddAsync(Admin, "dm@example.org", Roles.DataManager, ["Health"], "a long enough password");

        var token = await accounts.CreateTokenAsync(Admin, "dm@example.org", "nightly import");
        Assert.StartsWith(AccountService.TokenPrefix, token, StringComparison.Ordinal);
        var found = await accounts.FindByTokenAsync(token);
        Assert.Equal(("dm@example.org", Roles.DataManager, "Health"), (found!.Value.User.Email, found.Value.Role, found.Value.User.Clusters));
        await using (var ctx = db.NewContext())
            Assert.DoesNotContain(await ctx.ApiTokens.Select(t => t.Hash).ToListAsync(), h => h.Contains(token[4..12], StringComparison.Ordinal));

        var id = Assert.Single(await accounts.TokensAsync("dm@example.org")).Id;
        await accounts.RevokeTokenAsync(Admin, "dm@example.org", id);
        Assert.Null(await accounts.FindByTokenAsync(token));

        var second = await accounts.CreateTokenAsync(Admin, "dm@example.org", "second");
        await accounts.SetRoleAsync(Admin, "dm@example.org", Roles.Viewer, null);
        Assert.Equal(Roles.Viewer, (await accounts.FindByTokenAsync(second))!.Value.Role);
        await accounts.DisableAsync(Admin, "dm@example.org");
        Assert.Null(await accounts.FindByTokenAsync(second));

        Assert.Equal([AuditActions.UserAdded, AuditActions.TokenCreated, AuditActions.TokenRevoked, AuditActions.TokenCreated,
                AuditActions.RoleChanged, AuditActions.UserDisabled],
            (await AuditAsync(db)).Select(e => e.Action));
        Assert.All(await AuditAsync(db), e => Assert.Equal(Admin.Name, e.Actor));
    }

    [Fact]
    public async Task A_token_used_many_times_a_minute_records_its_last_use_once_a_minute()
    {
        await using var db = await TestDatabase.CreateAsync();
        var accounts = db.Services.GetRequiredService<AccountService>();
        await accounts.AddAsync(Admin, "dm@example.org", Roles.DataManager, null, "a long enough password");
        var token = await accounts.CreateTokenAsync(Admin, "dm@example.org", "nightly import");
        async Task<DateTimeOffset?> LastUsedAsync()
        {
            await using var ctx = db.NewContext();
            return (await ctx.ApiTokens.SingleAsync()).LastUsedAt;
        }

        Assert.Null(await LastUsedAsync());
        await accounts.FindByTokenAsync(token);
        var first = await LastUsedAsync();
        Assert.NotNull(first);
        for (var i = 0; i < 5; i++) await accounts.FindByTokenAsync(token);
        Assert.Equal(first, await LastUsedAsync());

        // A minute later (made so by ageing the stored time), the next use is recorded.
        await using (var ctx = db.NewContext())
        {
            var stored = await ctx.ApiTokens.SingleAsync();
            stored.LastUsedAt = first!.Value - AccountService.LastUsedPrecision;
            await ctx.SaveChangesAsync();
        }
        await accounts.FindByTokenAsync(token);
        Assert.True(await LastUsedAsync() >= first);
    }

    [Fact]
    public async Task The_data_version_moves_with_every_change_to_the_figures_and_not_with_sign_ins()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var cache = db.Services.GetRequiredService<QueryCache>();
        var audit = db.Services.GetRequiredService<AuditTrail>();
        var funding = (await db.BatchStore.ListAsync()).Single(b => b.Kind == RecordKind.Funding);
        var seen = new List<DataVersion> { await cache.DataVersionAsync() };

        await audit.AddAsync("dm@example.org", AuditActions.SignIn, null);
        await audit.AddAsync("anonymous", AuditActions.SignInFailed, "x@example.org: wrong password");
        Assert.Equal(seen[0], await cache.DataVersionAsync());

        await db.BatchStore.WithdrawAsync(Manager, funding.Id);
        seen.Add(await cache.DataVersionAsync());
        await db.BatchStore.RestoreAsync(Admin, funding.Id);
        seen.Add(await cache.DataVersionAsync());
        await db.BatchStore.WithdrawAsync(Manager, funding.Id);
        await db.BatchStore.PurgeAsync(Admin, funding.Id);
        seen.Add(await cache.DataVersionAsync());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen[0].Batches - 1, seen[^1].Batches);
    }

    [Fact]
    public async Task A_change_in_another_process_is_seen_at_once_through_the_cache_stamp()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var funding = (await db.BatchStore.ListAsync()).Single(b => b.Kind == RecordKind.Funding);
        Assert.Equal(1_750_000m, (await db.TableAsync(2019)).TotalFundingUsd);
        // Another process: its own services on the same file (the CLI withdrawing while the web app runs).
        await using var other = db.OtherProcess();
        await other.GetRequiredService<BatchStore>().WithdrawAsync(Actor.Cli(), funding.Id);
        Assert.Equal(0m, (await db.TableAsync(2019)).TotalFundingUsd);
        await other.GetRequiredService<BatchStore>().RestoreAsync(Actor.Cli(), funding.Id);
        Assert.Equal(1_750_000m, (await db.TableAsync(2019)).TotalFundingUsd);
    }
}
