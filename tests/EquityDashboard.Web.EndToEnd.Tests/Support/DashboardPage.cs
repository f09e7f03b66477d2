using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EquityDashboard.Web.EndToEnd.Tests.Support;

/// <summary>
/// A browser page on the test server. <see cref="OpenAsync"/> navigates, waits until the page
/// says it is interactive (<c>[data-ready=true]</c> on its root, set after the circuit is up)
/// and saves a screenshot. Errors the page throws and console errors (failed loads included)
/// are collected in <see cref="Errors"/>.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    public const string ReadySelector = "[data-ready='true']";

    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;
    private readonly string _test;
    private readonly List<string> _errors = [];
    private int _shots;

    internal DashboardPage(IBrowserContext context, IPage page, ITestOutputHelper output, string test)
    {
        _context = context;
        _output = output;
        _test = test;
        Page = page;
        page.PageError += (_, error) => _errors.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            // The browser's own probe for /favicon.ico is not something the page asked for.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
                _errors.Add($"console error: {message.Text} ({message.Location})");
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Opens <paramref name="path"/> (relative to the server), waits for readiness and takes a screenshot.</summary>
    /// <returns>The navigation response (status and headers of the document).</returns>
    public async Task<IResponse> OpenAsync(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        await Page.Locator(ReadySelector).First.WaitForAsync();
        await ScreenshotAsync(path.Trim('/').Length == 0 ? "home" : path);
        return response;
    }

    /// <summary>Signs in through the sign-in form (a static page) and waits for the page it returns to.</summary>
    public async Task SignInAsync(string email, string password = DashboardFixture.Password, string returnTo = "/data")
    {
        await Page.GotoAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnTo)}");
        await Page.FillAsync("input[data-testid=email]", email);
        await Page.FillAsync("input[data-testid=password]", password);
        await Page.ClickAsync("button[data-testid=sign-in]");
        await Page.Locator(ReadySelector).First.WaitForAsync();
        await ScreenshotAsync($"signed-in-{email}");
    }

    /// <summary>Saves a full-page screenshot (or one of <paramref name="element"/>) into <see cref="Artifacts.ScreenshotFolder"/> and prints its path.</summary>
    public async Task<string> ScreenshotAsync(string what, ILocator? element = null)
    {
        var path = Artifacts.ScreenshotPath(_test, $"{++_shots:00}-{what}");
        if (element is null) await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        else await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        _output.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus (as a keyboard user would reach it).</summary>
    public async Task TabToAsync(string selector)
    {
        var target = Page.Locator(selector).First;
        for (var i = 0; i < 120; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await Page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"Tab never reached {selector}.");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
