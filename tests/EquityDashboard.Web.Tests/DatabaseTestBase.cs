using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Tests.Shared;
using EquityDashboard.Infrastructure.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests;

/// <summary>
/// A bUnit context whose pages use the real services on a database of their own (empty: schema and
/// gazetteer), a temporary SQLite file or on a PostgreSQL run a PostgreSQL database (<see cref="TestStore"/>).
/// </summary>
public abstract class DatabaseTestBase : MudTestBase
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    protected DatabaseTestBase()
    {
        Directory.CreateDirectory(Folder);
        _store = TestStore.Create(Path.Combine(Folder, "equity.db"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Equity:SeedDemoData"] = "false" })
            .AddInMemoryCollection(_store.Settings)
            .Build();
        Ctx.Services.AddSingleton<IConfiguration>(configuration);
        Ctx.Services.AddEquityDashboard(configuration);
        Ctx.Services.AddDashboardPages();
    }

    private readonly TestStore _store;

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), $"ed-web-{Guid.NewGuid():N}");

    protected NavigationManager Navigation => Ctx.Services.GetRequiredService<NavigationManager>();

    protected T Service<T>() where T : notnull => Ctx.Services.GetRequiredService<T>();

    public override async Task InitializeAsync() =>
        await Ctx.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemoData: false);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Writes a CSV into the test folder and imports it through the real importer; fails the test on any error.</summary>
    protected async Task<ImportReport> ImportAsync(string fileName, RecordKind kind, string csv)
    {
        var path = Path.Combine(Folder, fileName);
        await File.WriteAllTextAsync(path, csv);
        var report = await Service<ImportService>().ImportAsync(new ImportRequest(path, kind));
        Assert.True(report.Succeeded, string.Join(Environment.NewLine, report.Issues));
        return report;
    }

    protected static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
