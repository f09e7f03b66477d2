using EquityDashboard.Web.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EquityDashboard.Web.EndToEnd.Tests;

/// <summary>
/// Every page under the app's Content-Security-Policy in Chromium: no console error or warning,
/// no <c>securitypolicyviolation</c>, the circuit over a WebSocket (connect-src 'self' covers
/// ws:), and the Data page interactive.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SecurityPolicyTests(DashboardFixture app, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Every_page_works_under_the_policy_without_console_messages_or_violations()
    {
        await using var page = await app.NewPageAsync(output);
        var problems = new List<string>();
        page.Page.Console += (_, message) =>
        {
            output.WriteLine($"console {message.Type}: {message.Text}");
            if (message.Type is "error" or "warning" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                problems.Add($"console {message.Type}: {message.Text} ({message.Location})");
        };
        await page.Page.ExposeFunctionAsync("__reportCspViolation", (string violation) => problems.Add($"CSP violation: {violation}"));
        await page.Page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`));
            """);
        var sockets = new List<string>();
        page.Page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        async Task CheckAsync(string path, string? readySelector = null)
        {
            IResponse response;
            if (readySelector is null) response = await page.OpenAsync(path);
            else
            {
                // The account pages are plain forms rendered on the server: no data-ready to wait on.
                response = await page.Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
                await page.Page.Locator(readySelector).WaitForAsync();
                await page.ScreenshotAsync(path);
            }
            var policy = await response.HeaderValueAsync("content-security-policy");
            Assert.True(policy?.Contains("script-src 'self';", StringComparison.Ordinal) == true, $"{path}: {policy}");
            // The dashboard's stylesheet applied (it sets no inline style the policy would block): the app bar has its primary colour.
            var appBar = await page.Page.Locator("header.appbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
            Assert.Equal("rgb(31, 78, 121)", appBar);
        }

        foreach (var path in new[] { "/", "/trends", "/governorate/IQG02", "/methodology" }) await CheckAsync(path);
        await CheckAsync("/account/sign-in", "[data-testid='sign-in-form']");
        await page.SignInAsync(DashboardFixture.Admin, returnTo: "/data");
        await CheckAsync("/account/profile", "[data-testid='profile-who']");
        await CheckAsync("/admin/audit", "[data-testid='audit-table']");
        await CheckAsync("/data");

        // The Data page is interactive: a MudSelect opens its list (a popover placed by MudBlazor's script).
        await page.Page.Locator("[data-testid='data-page'][data-ready='true']").WaitForAsync();
        await page.Page.Locator("[data-testid='kind']").ClickAsync();
        await page.Page.GetByRole(AriaRole.Option, new() { Name = "Detect from the file" }).WaitForAsync();
        await page.ScreenshotAsync("data-kind-open");

        Assert.Contains(sockets, url => url.StartsWith("ws://", StringComparison.Ordinal) && url.Contains("/_blazor", StringComparison.Ordinal));
        Assert.Empty(problems);
        Assert.Empty(page.Errors);
    }
}
