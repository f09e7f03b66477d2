using EquityDashboard.Tests.Shared;
using System.Net;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.EndToEnd.Tests.Support;

/// <summary>
/// The real web app (Development environment, so static web assets are served from the
/// build) behind Kestrel on a free loopback port, on its own database (a temporary SQLite file,
/// or on a PostgreSQL run a database of its own: <see cref="TestStore"/>) that the app's
/// start-up creates and seeds with the demo data.
/// </summary>
public sealed class DashboardServer : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="port">The loopback port (0: a free one).</param>
    /// <param name="settings">More configuration, as an operator would set it.</param>
    public DashboardServer(int port = 0, IReadOnlyDictionary<string, string>? settings = null)
    {
        Folder = TestFolder.Create("ed-e2e");
        try
        {
            Store = TestStore.Create(Path.Combine(Folder, "equity.db"));
        }
        catch
        {
            TestFolder.Delete(Folder);
            throw;
        }
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    public string Folder { get; }

    /// <summary>The app's database.</summary>
    internal TestStore Store { get; }

    /// <summary>The address Kestrel listens on (set by <see cref="Start"/>).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The app's own services, to compute expected figures on the same database.</summary>
    public EquityService Equity => Services.GetRequiredService<EquityService>();

    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Address = new Uri(addresses.Single());
        return Address;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Store.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Equity:SeedDemoData", "true");
        builder.UseSetting("Equity:SeedFolder", Path.Combine(RepoRoot, "seeds"));
        // Every browser test signs in from 127.0.0.1: the production limit (10 a minute per address) would
        // answer some of them 429 depending on their order. The limit itself is tested in Web.Tests (SignInTests).
        builder.UseSetting("Access:SignInAttemptsPerMinute", "1000");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Store.DisposeAsync();
        TestFolder.Delete(Folder);
    }

    /// <summary>The repository root (the folder holding EquityDashboard.sln), as the app resolves it.</summary>
    public static string RepoRoot => Infrastructure.Data.DataPaths.BaseDirectory;
}
