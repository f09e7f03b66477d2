using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// Single sign-on onto local accounts: the provider's role claim decides the role at every
/// sign-in, the person is found by the link or the verified e-mail, and every change is audited.
/// </summary>
public sealed class ExternalSignInTests
{
    private const string Issuer = "https://login.agency.example";
    private static readonly Actor Admin = new("admin@example.org", Roles.Admin);

    private static ExternalIdentity Person(string subject, string? email, string[] roles, bool verified = true, string[]? clusters = null) =>
        new(Issuer, "Agency ID", subject, email, verified, roles, clusters ?? []);

    private static ExternalSignIn Service(TestDatabase db) => new(db.Services.GetRequiredService<IServiceScopeFactory>());

    private static async Task<List<string>> AuditAsync(TestDatabase db)
    {
        await using var ctx = db.NewContext();
        return await ctx.Audit.OrderBy(e => e.Id).Select(e => e.Action + "|" + e.Actor + "|" + e.Details).ToListAsync();
    }

    private static async Task<AccountRow> AccountAsync(TestDatabase db, string email) =>
        Assert.Single(await db.Services.GetRequiredService<AccountService>().ListAsync(), a => a.Email == email);

    [Theory]
    [InlineData(new[] { "viewer" }, Roles.Viewer)]
    [InlineData(new[] { "Data-Manager" }, Roles.DataManager)]
    [InlineData(new[] { "viewer", "ADMIN", "data-manager" }, Roles.Admin)]
    [InlineData(new[] { "data-manager", " viewer " }, Roles.DataManager)]
    [InlineData(new[] { "staff", "finance", "administrator" }, Roles.Viewer)]
    [InlineData(new string[0], Roles.Viewer)]
    public void The_highest_of_our_roles_among_the_claim_values_counts_and_none_makes_a_viewer(string[] values, string expected) =>
        Assert.Equal(expected, ExternalSignIn.HighestRole(values));

    [Fact]
    public void Clusters_come_repeated_or_separated_by_semicolons_once_each()
    {
        Assert.Equal(["Health", "WASH", "Education"], ExternalSignIn.ClusterList(["Health; WASH", "health", " Education ;"]));
        Assert.Null(ExternalSignIn.ClusterList([" ; "]));
    }

    [Fact]
    public async Task A_new_person_becomes_an_account_without_a_password_linked_to_the_provider_in_one_audited_change()
    {
        await using var db = await TestDatabase.CreateAsync();
        var result = await Service(db).ResolveAsync(Person("ana-1", "Ana@Agency.example", ["data-manager"], clusters: ["Health;WASH"]));

        Assert.True(result.Accepted);
        Assert.Equal(Roles.DataManager, result.Role);
        var account = await AccountAsync(db, "Ana@Agency.example");
        Assert.Equal(Roles.DataManager, account.Role);
        Assert.Equal(["Health", "WASH"], account.Clusters);
        await using var scope = db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EquityUser>>();
        var user = await users.FindByLoginAsync(Issuer, "ana-1");
        Assert.Equal(result.User!.Id, user?.Id);
        Assert.False(await users.HasPasswordAsync(user!));
        Assert.True(user!.EmailConfirmed);
        Assert.Equal(["user-added|oidc:login.agency.example|Ana@Agency.example as data-manager (clusters Health, WASH), from single sign-on with Agency ID (subject ana-1)"],
            await AuditAsync(db));
    }

    [Fact]
    public async Task The_role_follows_the_provider_at_every_sign_in_and_each_change_is_audited_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var service = Service(db);
        await service.ResolveAsync(Person("bo-1", "bo@agency.example", ["viewer"]));
        await service.ResolveAsync(Person("bo-1", "bo@agency.example", ["viewer"]));
        Assert.Single(await AuditAsync(db));

        var promoted = await service.ResolveAsync(Person("bo-1", "bo@agency.example", ["data-manager"], clusters: ["Health"]));
        Assert.Equal(Roles.DataManager, promoted.Role);
        var demoted = await service.ResolveAsync(Person("bo-1", "bo@agency.example", ["staff"], clusters: ["Health"]));
        Assert.Equal(Roles.Viewer, demoted.Role);

        var account = await AccountAsync(db, "bo@agency.example");
        Assert.Equal(Roles.Viewer, account.Role);
        // Clusters only limit a data manager; a viewer keeps none.
        Assert.Null(account.Clusters);
        Assert.Equal(
        [
            "role-changed|oidc:login.agency.example|bo@agency.example: viewer -> data-manager (clusters Health), from Agency ID's role claim",
            "role-changed|oidc:login.agency.example|bo@agency.example: data-manager -> viewer, from Agency ID's role claim",
        ], (await AuditAsync(db)).Skip(1));
    }

    [Fact]
    public async Task A_changed_cluster_list_alone_is_a_role_change_too()
    {
        await using var db = await TestDatabase.CreateAsync();
        var service = Service(db);
        await service.ResolveAsync(Person("cy-1", "cy@agency.example", ["data-manager"], clusters: ["Health"]));
        await service.ResolveAsync(Person("cy-1", "cy@agency.example", ["data-manager"], clusters: ["Health", "WASH"]));
        Assert.Equal(["Health", "WASH"], (await AccountAsync(db, "cy@agency.example")).Clusters);
        Assert.EndsWith("cy@agency.example: data-manager -> data-manager (clusters Health, WASH), from Agency ID's role claim", (await AuditAsync(db))[^1]);
    }

    [Fact]
    public async Task An_existing_account_is_linked_by_its_verified_email_then_found_by_the_link_even_if_the_email_changes()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Services.GetRequiredService<AccountService>().AddAsync(Admin, "dee@agency.example", Roles.DataManager, null, "a long enough password");
        var service = Service(db);

        var first = await service.ResolveAsync(Person("dee-1", "DEE@agency.example", ["data-manager"]));
        var later = await service.ResolveAsync(Person("dee-1", "dee.new@agency.example", ["data-manager"]));

        Assert.Equal(first.User!.Id, later.User!.Id);
        Assert.Single(await db.Services.GetRequiredService<AccountService>().ListAsync());
        Assert.Equal(["user-added", "login-linked"], (await AuditAsync(db)).Select(a => a.Split('|')[0]));
        Assert.Equal("login-linked|oidc:login.agency.example|dee@agency.example to Agency ID (subject dee-1)", (await AuditAsync(db))[1]);
    }

    [Fact]
    public async Task Without_a_verified_email_no_account_is_found_made_or_linked()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Services.GetRequiredService<AccountService>().AddAsync(Admin, "eve@agency.example", Roles.Admin, null, "a long enough password");
        var service = Service(db);

        Assert.Equal(ExternalRefusal.NoVerifiedEmail, (await service.ResolveAsync(Person("eve-1", "eve@agency.example", ["admin"], verified: false))).Refusal);
        Assert.Equal(ExternalRefusal.NoVerifiedEmail, (await service.ResolveAsync(Person("new-1", null, ["viewer"]))).Refusal);
        Assert.Single(await db.Services.GetRequiredService<AccountService>().ListAsync());
        Assert.Single(await AuditAsync(db));
    }

    [Fact]
    public async Task A_disabled_account_is_refused_and_left_as_it_was()
    {
        await using var db = await TestDatabase.CreateAsync();
        var accounts = db.Services.GetRequiredService<AccountService>();
        var service = Service(db);
        await service.ResolveAsync(Person("fay-1", "fay@agency.example", ["viewer"]));
        await accounts.AddAsync(Admin, "gus@agency.example", Roles.Viewer, null, "a long enough password");
        await accounts.DisableAsync(Admin, "fay@agency.example");
        await accounts.DisableAsync(Admin, "gus@agency.example");
        var before = await AuditAsync(db);

        // Linked already, and found by e-mail: both refused, neither promoted nor linked.
        var linked = await service.ResolveAsync(Person("fay-1", "fay@agency.example", ["admin"]));
        var byEmail = await service.ResolveAsync(Person("gus-1", "gus@agency.example", ["admin"]));

        Assert.Equal((ExternalRefusal.Disabled, "fay@agency.example"), (linked.Refusal!.Value, linked.User!.Email));
        Assert.Equal((ExternalRefusal.Disabled, "gus@agency.example"), (byEmail.Refusal!.Value, byEmail.User!.Email));
        Assert.Equal(Roles.Viewer, (await AccountAsync(db, "fay@agency.example")).Role);
        Assert.Equal(Roles.Viewer, (await AccountAsync(db, "gus@agency.example")).Role);
        Assert.Equal(before, await AuditAsync(db));
        await using var scope = db.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<EquityUser>>().FindByLoginAsync(Issuer, "gus-1"));
    }

    [Fact]
    public async Task An_email_already_linked_to_another_identity_at_the_provider_is_not_taken_over()
    {
        await using var db = await TestDatabase.CreateAsync();
        var service = Service(db);
        await service.ResolveAsync(Person("hal-1", "hal@agency.example", ["admin"]));

        // The provider gave the address to someone else: they do not get Hal's account.
        var other = await service.ResolveAsync(Person("hal-2", "hal@agency.example", ["admin"]));

        Assert.Equal(ExternalRefusal.LinkedToAnotherIdentity, other.Refusal);
        Assert.Single(await AuditAsync(db));
        await using var scope = db.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<EquityUser>>().FindByLoginAsync(Issuer, "hal-2"));
    }

    [Fact]
    public async Task The_same_subject_at_another_issuer_is_another_person()
    {
        await using var db = await TestDatabase.CreateAsync();
        var service = Service(db);
        var here = await service.ResolveAsync(Person("same", "ida@agency.example", ["viewer"]));
        var elsewhere = await service.ResolveAsync(Person("same", "ivo@other.example", ["viewer"]) with { Issuer = "https://login.other.example" });
        Assert.NotEqual(here.User!.Id, elsewhere.User!.Id);
    }

    [Fact]
    public void The_actor_is_the_issuers_host()
    {
        Assert.Equal("oidc:login.agency.example", ExternalSignIn.ActorName("https://login.agency.example/tenant/v2.0"));
        Assert.Equal("oidc:127.0.0.1:4100", ExternalSignIn.ActorName("http://127.0.0.1:4100"));
    }
}
