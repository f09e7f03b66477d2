using EquityDashboard.Infrastructure.Accounts;
using EquityDashboard.Web.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EquityDashboard.Web.EndToEnd.Tests;

/// <summary>
/// Single sign-on in Chromium against a real OpenID Connect provider: the sign-in page's link,
/// the provider's own login and consent pages, back to the app signed in as a local account
/// with the role from the provider's claim. On the app's pages, no console error or warning and
/// no Content-Security-Policy violation along the way.
/// </summary>
[Collection(SingleSignOnCollection.Name)]
public sealed class SingleSignOnTests(SingleSignOnFixture app, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_data_manager_from_the_provider_lands_back_signed_in_and_may_upload()
    {
        await using var page = await app.NewPageAsync(output);
        var problems = await WatchTheAppsPagesAsync(page);

        await SignInAtProviderAsync(page, "ana", "/data");

        await page.Page.Locator("[data-testid='data-page'][data-ready='true']").WaitForAsync();
        await Expect(page.Page.Locator("[data-testid=signed-in-as]")).ToHaveTextAsync("ana@agency.example (data-manager)");
        await Expect(page.Page.Locator("[data-testid=upload-section]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("data-signed-in-with-agency-id");

        await page.Page.GotoAsync("/account/profile");
        await Expect(page.Page.Locator("[data-testid=profile-who]")).ToHaveTextAsync("ana@agency.example, data-manager (clusters Health, WASH)");
        await page.ScreenshotAsync("profile");
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task An_admin_from_the_provider_finds_their_creation_and_sign_in_in_the_audit_trail()
    {
        await using var page = await app.NewPageAsync(output);
        var problems = await WatchTheAppsPagesAsync(page);

        await SignInAtProviderAsync(page, "carla", "/admin/audit");

        var table = page.Page.Locator("[data-testid=audit-table]");
        await Expect(page.Page.Locator("[data-testid=signed-in-as]")).ToHaveTextAsync("carla@agency.example (admin)");
        var created = table.Locator("tr[data-action=user-added]", new() { HasText = "carla@agency.example" });
        await Expect(created).ToContainTextAsync(ExternalSignIn.ActorName(app.Issuer));
        await Expect(created).ToContainTextAsync("carla@agency.example as admin, from single sign-on with Agency ID (subject carla)");
        await Expect(table.Locator("tr[data-action=sign-in]", new() { HasText = "carla@agency.example" }))
            .ToContainTextAsync("single sign-on with Agency ID");
        await page.ScreenshotAsync("audit-trail");
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task A_disabled_local_account_is_refused_with_the_message_on_the_sign_in_page()
    {
        await using var page = await app.NewPageAsync(output);
        var problems = await WatchTheAppsPagesAsync(page);

        await SignInAtProviderAsync(page, "dora", "/data");

        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/account/sign-in\?external=disabled"));
        await Expect(page.Page.Locator("[data-testid=sign-in-error]")).ToContainTextAsync("Your account here is disabled");
        await Expect(page.Page.Locator("[data-testid=sign-in-link]")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid=signed-in-as]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("refused-disabled");
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task Cancelling_on_the_providers_page_comes_back_with_a_message()
    {
        await using var page = await app.NewPageAsync(output);
        var problems = await WatchTheAppsPagesAsync(page);
        await page.Page.GotoAsync("/account/sign-in?ReturnUrl=%2Ftrends");
        await page.Page.ClickAsync("[data-testid=sign-in-external]");
        await page.Page.GetByText("[ Cancel ]").ClickAsync();

        await Expect(page.Page.Locator("[data-testid=sign-in-error]")).ToContainTextAsync("Sign-in with Agency ID was cancelled or refused.");
        await page.ScreenshotAsync("cancelled");
        Assert.Empty(problems);
    }

    /// <summary>From the app's sign-in page through the provider's login and consent pages, back to the app.</summary>
    private async Task SignInAtProviderAsync(DashboardPage page, string login, string returnTo)
    {
        await page.Page.GotoAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnTo)}");
        var link = page.Page.Locator("[data-testid=sign-in-external]");
        await Expect(link).ToHaveTextAsync($"Sign in with {SingleSignOnFixture.DisplayName}");
        await page.ScreenshotAsync("sign-in-page");
        await link.ClickAsync();

        // The provider's development login page: the login names the account, any password passes.
        await page.Page.Locator("input[name=login]").FillAsync(login);
        await page.Page.Locator("input[name=password]").FillAsync("anything");
        await page.ScreenshotAsync("provider-login");
        await page.Page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Page.Locator("input[name=prompt]")).ToHaveValueAsync("consent");
        await page.ScreenshotAsync("provider-consent");
        await page.Page.Locator("button[type=submit]").ClickAsync();
        await page.Page.WaitForURLAsync(url => url.StartsWith(app.Server.Address.ToString(), StringComparison.Ordinal)
            && !url.Contains("/signin-oidc", StringComparison.Ordinal) && !url.Contains("/account/sign-in/external", StringComparison.Ordinal));
        await page.ScreenshotAsync("back-at-the-app");
    }

    /// <summary>
    /// Collects console errors and warnings and CSP violations on the app's own pages (the
    /// provider's development pages are not the app's and load a web font that is not reachable).
    /// </summary>
    private async Task<List<string>> WatchTheAppsPagesAsync(DashboardPage page)
    {
        var origin = app.Server.Address.GetLeftPart(UriPartial.Authority);
        var problems = new List<string>();
        page.Page.Console += (_, message) =>
        {
            output.WriteLine($"console {message.Type} on {page.Page.Url}: {message.Text}");
            if (page.Page.Url.StartsWith(origin, StringComparison.Ordinal)
                && (message.Type is "error" or "warning" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)))
                problems.Add($"console {message.Type} on {page.Page.Url}: {message.Text} ({message.Location})");
        };
        // Reported as "<page address> <what was blocked>".
        await page.Page.ExposeFunctionAsync("__reportCspViolation", (string violation) =>
        {
            if (violation.StartsWith(origin + "/", StringComparison.Ordinal)) problems.Add($"CSP violation on {violation}");
        });
        await page.Page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.__reportCspViolation(
                    `${document.location.href} ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`));
            """);
        return problems;
    }
}
