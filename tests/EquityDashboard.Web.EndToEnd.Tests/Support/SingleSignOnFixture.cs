using System.Net;
using System.Net.Sockets;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Accounts;
using EquityDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EquityDashboard.Web.EndToEnd.Tests.Support;

/// <summary>
/// The app with single sign-on to a real OpenID Connect provider (oidc-provider in Node.js),
/// both on loopback over plain HTTP, and one headless Chromium. The provider must know the
/// app's redirect URI before it starts and the app its Authority, so the app's port is chosen
/// first. Pages reach only loopback addresses (the provider's development pages link a web font).
/// </summary>
public sealed class SingleSignOnFixture : IAsyncLifetime
{
    public const string ClientId = "equity-browser-tests", ClientSecret = "a client secret for the browser tests";
    public const string DisplayName = "Agency ID";
    public const string Disabled = "dora@agency.example";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private OidcTestProvider? _provider;
    private DashboardServer? _server;

    public DashboardServer Server => _server ?? throw new InvalidOperationException("The app was not started.");

    /// <summary>The provider's issuer.</summary>
    public string Issuer => _provider?.Issuer ?? throw new InvalidOperationException("The provider was not started.");

    public async Task InitializeAsync()
    {
        if (Browser.SkipReason is not null) return;
        var port = FreeLoopbackPort();
        _provider = await OidcTestProvider.StartAsync(ClientId, ClientSecret, [$"http://127.0.0.1:{port}/signin-oidc"],
        [
            OidcTestProvider.Account("ana", "ana@agency.example", "Ana", ["data-manager"], clusters: "Health;WASH"),
            OidcTestProvider.Account("carla", "carla@agency.example", "Carla", ["viewer", "admin"]),
            OidcTestProvider.Account("dora", Disabled, "Dora", ["data-manager"]),
        ]);
        _server = new DashboardServer(port, new Dictionary<string, string>
        {
            ["Authentication:Oidc:Authority"] = _provider.Issuer,
            ["Authentication:Oidc:ClientId"] = ClientId,
            ["Authentication:Oidc:ClientSecret"] = ClientSecret,
            ["Authentication:Oidc:ClustersClaim"] = "clusters",
            ["Authentication:Oidc:DisplayName"] = DisplayName,
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        });
        Server.Start();
        var accounts = Server.Services.GetRequiredService<AccountService>();
        var setup = new Actor("setup", Roles.Admin);
        await accounts.AddAsync(setup, Disabled, Roles.Viewer, null, DashboardFixture.Password);
        await accounts.DisableAsync(setup, Disabled);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Browser.ExecutablePath,
            Args = Browser.Args,
            Headless = true,
        });
    }

    /// <summary>A new page in its own context (no cookies at the app or the provider), with screenshots named after <paramref name="test"/>.</summary>
    public async Task<DashboardPage> NewPageAsync(ITestOutputHelper output, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser was not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
        });
        await context.RouteAsync("**/*", route =>
            new Uri(route.Request.Url).Host is "127.0.0.1" or "localhost" ? route.ContinueAsync() : route.AbortAsync());
        return new DashboardPage(context, await context.NewPageAsync(), output, test);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
    }

    /// <summary>A port free on loopback now (the app listens on it a moment later).</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SingleSignOnCollection : ICollectionFixture<SingleSignOnFixture>
{
    public const string Name = "Single sign-on in a browser";
}
