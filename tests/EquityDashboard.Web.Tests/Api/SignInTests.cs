using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Accounts;
using EquityDashboard.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests.Api;

/// <summary>Sign-in through the real pipeline: the form, the cookie, lockout after five wrong passwords, and reading without an account switched off.</summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    private const string Password = "a long enough password";
    private readonly EquityAppFactory _factory = new(seed: false);

    public async Task InitializeAsync() =>
        await _factory.Services.GetRequiredService<AccountService>()
            .AddAsync(new Actor("setup", Roles.Admin), "dm@example.org", Roles.DataManager, null, Password);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/sign-in");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the sign-in form carries an antiforgery token");
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "sign-in",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    private async Task<List<string>> ActionsAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContextAsync();
        return await db.Audit.OrderBy(e => e.Id).Select(e => e.Action + "|" + e.Actor).ToListAsync();
    }

    [Fact]
    public async Task Signing_in_sets_a_cookie_that_the_pages_recognise()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await PostSignInAsync(client, "dm@example.org", Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("equity.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("dm@example.org (data-manager)", await client.GetStringAsync("/data"), StringComparison.Ordinal);
        Assert.Equal("sign-in|dm@example.org", (await ActionsAsync()).Last());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_each_failure_is_audited()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 4; i++)
            Assert.Contains("Wrong e-mail or password.", await (await PostSignInAsync(client, "dm@example.org", "wrong password " + i)).Content.ReadAsStringAsync(),
                StringComparison.Ordinal);
        var fifth = await (await PostSignInAsync(client, "dm@example.org", "wrong password 5")).Content.ReadAsStringAsync();
        Assert.Contains("This account is locked", fifth, StringComparison.Ordinal);
        // Locked: even the right password is refused now.
        var right = await (await PostSignInAsync(client, "dm@example.org", Password)).Content.ReadAsStringAsync();
        Assert.Contains("This account is locked", right, StringComparison.Ordinal);

        var actions = await ActionsAsync();
        Assert.Equal(4, actions.Count(a => a == "sign-in-failed|anonymous"));
        Assert.Contains("lockout|dm@example.org", actions);
        Assert.DoesNotContain("sign-in|dm@example.org", actions);
    }

    [Fact]
    public async Task Without_anonymous_reading_every_page_and_api_call_needs_sign_in()
    {
        await using var closed = _factory.WithWebHostBuilder(b => b.UseSetting("Access:AnonymousRead", "false"));
        var client = closed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/gaps?year=2019")).StatusCode);
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // The sign-in page, its stylesheet and the health check stay open.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        var token = await closed.Services.GetRequiredService<AccountService>()
            .CreateTokenAsync(new Actor("setup", Roles.Admin), "dm@example.org", "reader");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/gaps?year=2019");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_posts_past_the_limit_get_429()
    {
        await using var limited = _factory.WithWebHostBuilder(b => b.UseSetting("Access:SignInAttemptsPerMinute", "2"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await PostSignInAsync(client, "dm@example.org", "wrong password 1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignInAsync(client, "dm@example.org", "wrong password 2")).StatusCode);
        var third = await PostSignInAsync(client, "dm@example.org", Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("wait a minute", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    [Fact]
    public async Task With_no_account_a_one_time_link_creates_the_first_admin()
    {
        await using var empty = new EquityAppFactory(seed: false);
        var client = empty.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.GetAsync("/healthz"); // starts the app, which logs the link once
        string? logged = null;
        for (var i = 0; i < 100 && logged is null; i++)
        {
            logged = empty.Logs.Entries.LastOrDefault(e => e.Message.Contains("/account/setup?token=", StringComparison.Ordinal))?.Message;
            if (logged is null) await Task.Delay(50);
        }
        Assert.NotNull(logged);
        Assert.Single(empty.Logs.Entries, e => e.Message.Contains("/account/setup?token=", StringComparison.Ordinal));
        var token = Regex.Match(logged, "token=([0-9a-f]+)").Groups[1].Value;

        var wrong = await client.GetStringAsync("/account/setup?token=0000");
        Assert.Contains("This set-up link is not valid", wrong, StringComparison.Ordinal);
        var page = await client.GetStringAsync($"/account/setup?token={token}");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
            ["_handler"] = "setup",
            ["Input.Email"] = "first@example.org",
            ["Input.Password"] = Password,
            ["token"] = token,
        };
        var created = await client.PostAsync($"/account/setup?token={token}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var accounts = await empty.Services.GetRequiredService<AccountService>().ListAsync();
        Assert.Equal(("first@example.org", Roles.Admin), (Assert.Single(accounts).Email, accounts[0].Role));
        // Spent: the link works once.
        Assert.Contains("This set-up link is not valid", await client.GetStringAsync($"/account/setup?token={token}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data", "/data")]
    [InlineData("https://evil.example.org/", "/")]
    [InlineData("//evil.example.org/", "/")]
    [InlineData("/\t/evil.example.org/", "/")]
    public void Only_a_local_return_address_is_followed(string returnUrl, string expected) =>
        Assert.Equal(expected, EquityDashboard.Web.Components.Pages.Account.SignIn.SafeReturn(returnUrl));
}
