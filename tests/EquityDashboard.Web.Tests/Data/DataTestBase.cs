using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Web.Components.Pages.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests.Data;

/// <summary>The real importer, batch store and upload storage on a temporary SQLite file and temporary folders.</summary>
public abstract class DataTestBase : MudTestBase
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    protected const string NeedHeader = "year,governorate,cluster,people_in_need,targeted,reached";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ed-data-{Guid.NewGuid():N}");

    /// <summary>Where the page keeps uploads during a test: must be empty whenever no upload is pending.</summary>
    protected string UploadRoot => Path.Combine(_folder, "uploads");

    /// <summary>Upload limit for the test, in MB.</summary>
    protected virtual int MaxUploadMegabytes => 100;

    public override async Task InitializeAsync()
    {
        Directory.CreateDirectory(UploadRoot);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Equity:SeedDemoData"] = "false",
                ["Equity:MaxUploadMegabytes"] = MaxUploadMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        Ctx.Services.AddEquityDashboard(configuration, DataPaths.ForFile(Path.Combine(_folder, "equity.db")));
        Ctx.Services.AddSingleton(new UploadStorage(UploadRoot));
        await Ctx.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemoData: false);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    protected static string Csv(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>Writes the text to a file of that name in the test folder and returns its path.</summary>
    protected async Task<string> WriteFileAsync(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    /// <summary>Runs the real importer on a file written from the text (a dry run unless said otherwise).</summary>
    protected async Task<ImportReport> ImportAsync(string name, string text, bool dryRun = true, RecordKind? kind = null,
        string? source = null, bool skipInvalid = false)
    {
        var path = await WriteFileAsync(name, text);
        return await Ctx.Services.GetRequiredService<ImportService>().ImportAsync(
            new ImportRequest(path, kind) { DryRun = dryRun, SourceName = source, SkipInvalid = skipInvalid });
    }

    protected async Task<(int Batches, int Need)> CountRowsAsync()
    {
        var factory = Ctx.Services.GetRequiredService<IDbContextFactory<EquityDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return (await db.Batches.CountAsync(), await db.Need.CountAsync());
    }

    /// <summary>The folders and files left under the upload root.</summary>
    protected string[] UploadLeftovers() => Directory.GetFileSystemEntries(UploadRoot, "*", SearchOption.AllDirectories);

    protected static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
