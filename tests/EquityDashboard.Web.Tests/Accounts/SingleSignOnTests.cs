using System.Net;
using System.Text.RegularExpressions;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Accounts;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Tests.Shared;
using EquityDashboard.Web.Tests.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests.Accounts;

/// <summary>
/// The app signed in to through a real OpenID Connect provider (oidc-provider in Node.js on
/// loopback), driven over HTTP the way a browser would: the app's start endpoint, the
/// provider's own login and consent pages, its form post back to /signin-oidc, the finish
/// endpoint, and the app's cookie afterwards.
/// </summary>
public sealed partial class SingleSignOnTests(SingleSignOnTests.ProviderAndApp env) : IClassFixture<SingleSignOnTests.ProviderAndApp>
{
    /// <summary>
    /// The provider with its test accounts, and the app configured to use it, in memory as
    /// https://localhost: the handler's correlation and nonce cookies are Secure (SameSite=None),
    /// and the test client, like a browser on a remote host, sends those only over https.
    /// </summary>
    public sealed class ProviderAndApp : IAsyncLifetime
    {
        public const string ClientId = "equity-tests", ClientSecret = "a client secret for the tests";
        public const string DisplayName = "Agency ID";
        public static readonly Uri AppBase = new("https://localhost");

        internal OidcTestProvider Provider { get; private set; } = null!;
        public EquityAppFactory App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Provider = await OidcTestProvider.StartAsync(ClientId, ClientSecret, [new Uri(AppBase, "/signin-oidc").ToString()],
            [
                OidcTestProvider.Account("ana", "ana@agency.example", "Ana", ["Data-Manager"], clusters: "Health; WASH"),
                OidcTestProvider.Account("bo", "bo@agency.example", "Bo", ["viewer", "ADMIN"]),
                OidcTestProvider.Account("cy", "cy@agency.example", "Cy", ["data-manager"]),
                OidcTestProvider.Account("dee", "dee@agency.example", "Dee", ["viewer"], emailVerified: false),
                OidcTestProvider.Account("eve", "eve@agency.example", "Eve", ["staff", "finance"]),
                OidcTestProvider.Account("fin", "fin@agency.example", "Fin", ["data-manager"]),
            ]);
            App = new EquityAppFactory(seed: false, settings: new Dictionary<string, string>
            {
                ["Authentication:Oidc:Authority"] = Provider.Issuer,
                ["Authentication:Oidc:ClientId"] = ClientId,
                ["Authentication:Oidc:ClientSecret"] = ClientSecret,
                ["Authentication:Oidc:ClustersClaim"] = "clusters",
                ["Authentication:Oidc:DisplayName"] = DisplayName,
                ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            });
            var accounts = App.Services.GetRequiredService<AccountService>();
            var setup = new Actor("setup", Roles.Admin);
            await accounts.AddAsync(setup, "bo@agency.example", Roles.Viewer, null, "a long enough password");
            await accounts.AddAsync(setup, "cy@agency.example", Roles.Viewer, null, "a long enough password");
            await accounts.DisableAsync(setup, "cy@agency.example");
            await accounts.AddAsync(setup, "fin@agency.example", Roles.DataManager, null, "a long enough password");
            await using var scope = App.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EquityUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("fin@agency.example"))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        public HttpClient NewBrowser() =>
            App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = AppBase });

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    private string Actor => ExternalSignIn.ActorName(env.Provider.Issuer);

    [Fact]
    public async Task The_sign_in_page_links_to_the_start_endpoint_with_the_provider_name()
    {
        var page = await env.NewBrowser().GetStringAsync("/account/sign-in?ReturnUrl=%2Fdata");
        var link = ExternalLink().Match(page);
        Assert.True(link.Success, "the page has the single sign-on link");
        Assert.Equal("account/sign-in/external?returnUrl=%2Fdata", WebUtility.HtmlDecode(Href().Match(link.Groups["tag"].Value).Groups[1].Value));
        Assert.Contains("Sign in with Agency ID", link.Groups["text"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_person_gets_a_local_account_with_the_role_and_clusters_from_the_provider_and_is_signed_in()
    {
        var browser = env.NewBrowser();
        var start = await browser.GetAsync("/account/sign-in/external?returnUrl=%2Fdata");
        var authorize = Assert.IsType<Uri>(start.Headers.Location);
        // The handler pushed the request (PAR, which the provider offers): the browser carries only its reference.
        // The provider refuses a request without a PKCE challenge, so the sign-in below also proves PKCE.
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.StartsWith(env.Provider.Issuer + "/", authorize.ToString(), StringComparison.Ordinal);
        Assert.Equal(ProviderAndApp.ClientId, query["client_id"]);
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", query["request_uri"].ToString(), StringComparison.Ordinal);

        var back = await ProviderFlow.CompleteAsync(browser, authorize, "ana");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/data", back.Headers.Location!.OriginalString);
        Assert.Contains("ana@agency.example (data-manager)", await browser.GetStringAsync("/data"), StringComparison.Ordinal);
        Assert.Contains("ana@agency.example, data-manager (clusters Health, WASH)", await browser.GetStringAsync("/account/profile"), StringComparison.Ordinal);

        var account = Assert.Single(await env.App.Services.GetRequiredService<AccountService>().ListAsync(), a => a.Email == "ana@agency.example");
        Assert.Equal(Roles.DataManager, account.Role);
        Assert.Equal(["Health", "WASH"], account.Clusters);
        await using var scope = env.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EquityUser>>();
        // Linked by the provider's issuer and the person's subject.
        var user = await users.FindByLoginAsync(env.Provider.Issuer, "ana");
        Assert.Equal("ana@agency.example", user?.Email);
        Assert.False(await users.HasPasswordAsync(user!));

        var audit = await AuditAsync("ana@agency.example");
        Assert.Equal([$"user-added|{Actor}", "sign-in|ana@agency.example"], audit.Select(e => $"{e.Action}|{e.Actor}"));
        Assert.Contains("as data-manager (clusters Health, WASH), from single sign-on with Agency ID", audit[0].Details, StringComparison.Ordinal);
        Assert.Equal("single sign-on with Agency ID", audit[1].Details);
    }

    [Fact]
    public async Task An_existing_account_is_linked_by_its_verified_email_and_takes_the_highest_role_the_provider_gives()
    {
        var browser = env.NewBrowser();
        var back = await ProviderFlow.StartAndCompleteAsync(browser, "bo", "/admin/audit");
        Assert.Equal("/admin/audit", back.Headers.Location!.OriginalString);
        var audit = await browser.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Contains("bo@agency.example (admin)", await audit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var entries = await AuditAsync("bo@agency.example");
        Assert.Equal(["user-added", "login-linked", "role-changed", "sign-in"], entries.Select(e => e.Action));
        Assert.Equal("bo@agency.example: viewer -> admin, from Agency ID's role claim", entries[2].Details);
        Assert.All(entries.Skip(1).Take(2), e => Assert.Equal(Actor, e.Actor));

        // The same person again: found by the link, nothing changes but another sign-in.
        await ProviderFlow.StartAndCompleteAsync(env.NewBrowser(), "bo", "/");
        Assert.Equal(["user-added", "login-linked", "role-changed", "sign-in", "sign-in"], (await AuditAsync("bo@agency.example")).Select(e => e.Action));
    }

    [Fact]
    public async Task A_disabled_local_account_is_refused_with_a_message_and_no_sign_in_cookie()
    {
        var browser = env.NewBrowser();
        var back = await ProviderFlow.StartAndCompleteAsync(browser, "cy", "/data");
        Assert.Equal("/account/sign-in?external=disabled&ReturnUrl=%2Fdata", back.Headers.Location!.OriginalString);
        Assert.DoesNotContain(back.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("equity.auth=", StringComparison.Ordinal));
        var page = await browser.GetStringAsync(back.Headers.Location.OriginalString);
        Assert.Contains("Your account here is disabled", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sign-in-link\"", await browser.GetStringAsync("/data"), StringComparison.Ordinal);

        var entries = await AuditAsync("cy@agency.example");
        Assert.Equal("sign-in-failed|anonymous|cy@agency.example: account disabled (single sign-on)", $"{entries[^1].Action}|{entries[^1].Actor}|{entries[^1].Details}");
        // Refused before any change: still a viewer, no link, no role change.
        Assert.DoesNotContain(entries, e => e.Action is "login-linked" or "role-changed");
        var account = Assert.Single(await env.App.Services.GetRequiredService<AccountService>().ListAsync(), a => a.Email == "cy@agency.example");
        Assert.Equal(Roles.Viewer, account.Role);
    }

    [Fact]
    public async Task Without_a_verified_email_no_account_is_made()
    {
        var back = await ProviderFlow.StartAndCompleteAsync(env.NewBrowser(), "dee", "/");
        Assert.Equal("/account/sign-in?external=no-email&ReturnUrl=%2F", back.Headers.Location!.OriginalString);
        Assert.DoesNotContain(await env.App.Services.GetRequiredService<AccountService>().ListAsync(), a => a.Email == "dee@agency.example");
    }

    [Fact]
    public async Task A_password_lockout_does_not_stop_a_single_sign_on()
    {
        var browser = env.NewBrowser();
        var back = await ProviderFlow.StartAndCompleteAsync(browser, "fin", "/data");
        Assert.Equal("/data", back.Headers.Location!.OriginalString);
        Assert.Contains("fin@agency.example (data-manager)", await browser.GetStringAsync("/data"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Role_names_that_are_not_ours_make_a_viewer()
    {
        var browser = env.NewBrowser();
        await ProviderFlow.StartAndCompleteAsync(browser, "eve", "/");
        Assert.Contains("eve@agency.example (viewer)", await browser.GetStringAsync("/data"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_at_the_provider_comes_back_to_the_sign_in_page_with_a_message()
    {
        var browser = env.NewBrowser();
        var start = await browser.GetAsync("/account/sign-in/external?returnUrl=%2Ftrends");
        var back = await ProviderFlow.CancelAsync(browser, start.Headers.Location!);
        Assert.Equal("/account/sign-in?external=cancelled&ReturnUrl=%2Ftrends", back.Headers.Location!.OriginalString);
        var page = await browser.GetStringAsync(back.Headers.Location.OriginalString);
        Assert.Contains("Sign-in with Agency ID was cancelled or refused.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_answer_to_the_callback_shows_a_message_not_an_error_page()
    {
        var browser = env.NewBrowser();
        var forged = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "made-up", ["state"] = "made-up",
        }));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("/account/sign-in?external=failed&ReturnUrl=%2F", forged.Headers.Location!.OriginalString);
        Assert.Contains("Sign-in with Agency ID did not complete.", await browser.GetStringAsync(forged.Headers.Location.OriginalString), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/\t/evil.example/")]
    public async Task The_return_address_is_only_ever_local(string returnUrl)
    {
        var back = await ProviderFlow.StartAndCompleteAsync(env.NewBrowser(), "eve", returnUrl);
        Assert.Equal("/", back.Headers.Location!.OriginalString);
        // The finish endpoint called directly with a foreign address sends back to this site too.
        var direct = await env.NewBrowser().GetAsync($"/account/sign-in/external/finish?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal("/account/sign-in?external=failed&ReturnUrl=%2F", direct.Headers.Location!.OriginalString);
    }

    private async Task<List<AuditEvent>> AuditAsync(string email)
    {
        await using var db = await env.App.Services.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContextAsync();
        var all = await db.Audit.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        return all.Where(e => e.Actor == email || (e.Details ?? "").Contains(email, StringComparison.Ordinal)).ToList();
    }

    [GeneratedRegex("(?<tag><a [^>]*data-testid=\"sign-in-external\"[^>]*>)(?<text>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex ExternalLink();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
