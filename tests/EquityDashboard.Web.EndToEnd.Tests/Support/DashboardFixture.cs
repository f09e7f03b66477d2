using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EquityDashboard.Web.EndToEnd.Tests.Support;

/// <summary>
/// One seeded server and one headless Chromium for a collection of browser tests. Each test
/// opens its own <see cref="DashboardPage"/> (a fresh browser context: no shared cookies or
/// storage). Nothing starts where browser tests are skipped (see <see cref="Browser.SkipReason"/>).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DashboardServer Server { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser was not started.");

    /// <summary>The password of every account the fixture makes.</summary>
    public const string Password = "a long enough password";
    public const string Viewer = "viewer@example.org", Manager = "dm@example.org", Admin = "admin@example.org", Locked = "locked@example.org";

    public async Task InitializeAsync()
    {
        if (Support.Browser.SkipReason is not null) return;
        Server.Start();
        var accounts = Server.Services.GetRequiredService<EquityDashboard.Infrastructure.Accounts.AccountService>();
        var setup = new EquityDashboard.Core.Records.Actor("setup", EquityDashboard.Core.Records.Roles.Admin);
        await accounts.AddAsync(setup, Viewer, EquityDashboard.Core.Records.Roles.Viewer, null, Password);
        await accounts.AddAsync(setup, Manager, EquityDashboard.Core.Records.Roles.DataManager, null, Password);
        await accounts.AddAsync(setup, Admin, EquityDashboard.Core.Records.Roles.Admin, null, Password);
        await accounts.AddAsync(setup, Locked, EquityDashboard.Core.Records.Roles.Viewer, null, Password);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Support.Browser.ExecutablePath,
            Args = Support.Browser.Args,
            Headless = true,
        });
    }

    /// <summary>A new page in its own context, with screenshots named after <paramref name="test"/>.</summary>
    public Task<DashboardPage> NewPageAsync(ITestOutputHelper output, [System.Runtime.CompilerServices.CallerMemberName] string test = "") =>
        NewPageAsync(output, 1440, 900, test);

    /// <summary>A new page in its own context on a screen of <paramref name="width"/> by <paramref name="height"/> CSS pixels.</summary>
    public async Task<DashboardPage> NewPageAsync(ITestOutputHelper output, int width, int height, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
        });
        return new DashboardPage(context, await context.NewPageAsync(), output, test);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard in a browser";
}
