using EquityDashboard.Tests.Shared;
using System.Text;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>Row counts of every data table, to prove that a failed import wrote nothing.</summary>
internal sealed record TableCounts(int Batches, int Funding, int Presence, int Need, int Incidents, int Aliases)
{
    public static readonly TableCounts Empty = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// A real database with the production service registrations: a SQLite file in its own temporary
/// folder, or on a PostgreSQL run (<c>EQUITY_TEST_PROVIDER=PostgreSQL</c>) a database of its own on
/// the test server (<see cref="TestStore"/>). CSV files written by a test go into the folder;
/// everything is deleted on dispose.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly TestStore _store;

    private TestDatabase(string folder, TestStore store, ServiceProvider services)
    {
        Folder = folder;
        _store = store;
        Services = services;
    }

    public string Folder { get; }

    /// <summary>The SQLite file (tests about SQLite itself only: <see cref="SqliteFactAttribute"/>).</summary>
    public string DbPath => _store.SqlitePath ?? throw new InvalidOperationException("This run's database is PostgreSQL, not a SQLite file.");

    public bool IsPostgreSql => _store.IsPostgreSql;

    /// <summary>The configuration that names this database, for a second set of services on it (another process).</summary>
    public IReadOnlyDictionary<string, string?> StoreSettings => _store.Settings;

    public ServiceProvider Services { get; }

    public ImportService Importer => Services.GetRequiredService<ImportService>();
    public EquityService Equity => Services.GetRequiredService<EquityService>();
    public BatchStore BatchStore => Services.GetRequiredService<BatchStore>();
    public DatabaseInitializer Initializer => Services.GetRequiredService<DatabaseInitializer>();

    /// <summary>Schema + gazetteer; with <paramref name="seed"/> also the demo data of the repo's seeds/ folder.</summary>
    /// <param name="settings">Extra settings (e.g. thresholds), as configuration keys.</param>
    public static async Task<TestDatabase> CreateAsync(bool seed = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = TestFolder.Create("ed");
        TestStore store;
        try
        {
            store = TestStore.Create(Path.Combine(folder, $"ed-{Guid.NewGuid():N}.db"));
        }
        catch
        {
            TestFolder.Delete(folder);
            throw;
        }
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Equity:SeedFolder"] = TestSupport.SeedFolder,
                ["Equity:SeedDemoData"] = "false",
            })
            .AddInMemoryCollection(store.Settings)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddEquityDashboard(configuration)
            .BuildServiceProvider();
        var db = new TestDatabase(folder, store, services);
        try
        {
            await db.Initializer.InitializeAsync(seedDemoData: seed);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        return db;
    }

    /// <summary>Services of another process on the same database (the CLI while the web app runs).</summary>
    public ServiceProvider OtherProcess() => new ServiceCollection()
        .AddEquityDashboard(new ConfigurationBuilder().AddInMemoryCollection(StoreSettings).Build())
        .BuildServiceProvider();

    public EquityDbContext NewContext() =>
        Services.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContext();

    /// <summary>Writes a UTF-8 (no BOM) CSV with "\n" line ends (and a final one) and returns its path.</summary>
    public string WriteCsv(string fileName, params string[] lines)
    {
        var path = Path.Combine(Folder, fileName);
        File.WriteAllText(path, lines.Length == 0 ? string.Empty : string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    public Task<ImportReport> ImportAsync(string path, RecordKind kind, bool dryRun = false, string? source = null) =>
        Importer.ImportAsync(new ImportRequest(path, kind) { DryRun = dryRun, SourceName = source });

    /// <summary>Writes the lines to <paramref name="fileName"/> and imports them.</summary>
    public Task<ImportReport> ImportLinesAsync(string fileName, RecordKind kind, params string[] lines) =>
        ImportAsync(WriteCsv(fileName, lines), kind);

    /// <summary>Imports and asserts the batch was committed without errors.</summary>
    public async Task<ImportReport> ImportOkAsync(string fileName, RecordKind kind, params string[] lines)
    {
        var report = await ImportLinesAsync(fileName, kind, lines);
        Assert.True(report.Committed,
            $"{fileName} did not import: {report.RefusedReason} {string.Join(" | ", report.Errors)}");
        Assert.Equal(0, report.ErrorCount);
        return report;
    }

    public Task<EquityTable> TableAsync(int year, string? cluster = null, string? donor = null) =>
        Equity.GetTableAsync(new EquityScope(year, cluster, donor));

    public async Task<TableCounts> CountsAsync()
    {
        await using var db = NewContext();
        return new TableCounts(
            await db.Batches.CountAsync(),
            await db.Funding.CountAsync(),
            await db.Presence.CountAsync(),
            await db.Need.CountAsync(),
            await db.Incidents.CountAsync(),
            await db.OrganisationAliases.CountAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _store.DisposeAsync();
        TestFolder.Delete(Folder);
    }
}

internal static class TestSupport
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EquityDashboard.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No EquityDashboard.sln above {AppContext.BaseDirectory}.");
    });

    public static string RepoRoot => Root.Value;
    public static string SeedFolder => Path.Combine(RepoRoot, "seeds");

    public static AreaFigures Gov(this EquityTable table, string pcode) => table.Governorates.Single(g => g.Key == pcode);
    public static AreaFigures Region(this EquityTable table, string region) => table.Regions.Single(r => r.Key == region);

    public static string[] FlagCodes(this AreaFigures f) => f.Flags.Select(x => x.Code).ToArray();

    /// <summary>A defined value within a relative tolerance of 1e-9.</summary>
    public static void Near(double expected, double? actual, string? what = null)
    {
        Assert.True(actual.HasValue, $"{what ?? "value"}: expected {expected}, got null");
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual!.Value) <= tolerance, $"{what ?? "value"}: expected {expected}, got {actual.Value}");
    }

    /// <summary>
    /// Reads a CSV file (header and data records as dictionaries) with the independent parser
    /// below, so tests never check the importer against itself.
    /// </summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var records = ParseCsv(File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF'));
        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
        return records.Skip(1)
            .Select(r => header.Select((h, i) => (h, v: i < r.Length ? r[i].Trim() : string.Empty)).ToDictionary(x => x.h, x => x.v))
            .ToList();
    }

    /// <summary>
    /// An independent RFC 4180 parser for tests: quoted fields (opened at the start of a field),
    /// doubled quotes, embedded line breaks; blank lines skipped.
    /// </summary>
    public static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var record = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    any = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    record.Add(field.ToString());
                    field.Clear();
                    if (!(record.Count == 1 && record[0].Length == 0)) records.Add([.. record]);
                    record.Clear();
                    any = false;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }
        if (any || field.Length > 0)
        {
            record.Add(field.ToString());
            records.Add([.. record]);
        }
        return records;
    }
}
