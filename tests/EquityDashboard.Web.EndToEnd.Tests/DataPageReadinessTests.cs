using EquityDashboard.Web.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EquityDashboard.Web.EndToEnd.Tests;

/// <summary>
/// The Data page as sent before its circuit is up (what a slow link shows for seconds): its upload
/// controls disabled under a "Connecting…" status, so nobody clicks buttons that do nothing yet;
/// once the page is live (data-ready), the same controls work.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DataPageReadinessTests(DashboardFixture app, ITestOutputHelper output)
{
    private static readonly string[] Controls =
        ["[data-testid=choose-file]", "[data-testid=upload-section] input[type=file]", "input[data-testid=source-name]", "input[data-testid=skip-invalid]", "input[data-testid=replace]"];

    [BrowserFact]
    public async Task Until_the_circuit_is_live_the_upload_controls_are_disabled_with_a_connecting_status()
    {
        // Without scripts the browser shows the prerendered HTML and never connects.
        await using (var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
                     { BaseURL = app.Server.Address.ToString(), JavaScriptEnabled = false }))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page);
            var response = await page.GotoAsync("/data");
            Assert.Contains("data-ready=\"false\"", await response!.TextAsync(), StringComparison.Ordinal);

            var status = page.Locator("[data-testid=connection-status]");
            await Expect(status).ToHaveAttributeAsync("role", "status");
            await Expect(status).ToContainTextAsync("Connecting…");
            await Expect(status).ToBeVisibleAsync();
            foreach (var control in Controls) await Expect(page.Locator(control).First).ToBeDisabledAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath(nameof(DataPageReadinessTests), "data-prerendered"), FullPage = true });
        }

        // With them, the page connects: ready, the status empty, the same controls enabled.
        await using var live = await app.NewPageAsync(output);
        await live.SignInAsync(DashboardFixture.Manager, returnTo: "/data");
        await live.Page.Locator("[data-testid=data-page][data-ready=true]").WaitForAsync();
        await Expect(live.Page.Locator("[data-testid=connection-status]")).ToBeEmptyAsync();
        await Expect(live.Page.Locator("[data-testid=connecting]")).ToHaveCountAsync(0);
        foreach (var control in Controls) await Expect(live.Page.Locator(control).First).ToBeEnabledAsync();
        await live.ScreenshotAsync("data-live");
        Assert.True(live.Errors.Count == 0, string.Join("\n", live.Errors));
    }

    /// <summary>The sign-in form is a plain HTML form: it works without scripts.</summary>
    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString("/data")}");
        await page.FillAsync("input[data-testid=email]", DashboardFixture.Manager);
        await page.FillAsync("input[data-testid=password]", DashboardFixture.Password);
        await page.ClickAsync("button[data-testid=sign-in]");
        await page.Locator("[data-testid=data-page]").WaitForAsync();
    }
}
