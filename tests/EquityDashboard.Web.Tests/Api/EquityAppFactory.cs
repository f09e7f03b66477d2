using EquityDashboard.Tests.Shared;
using System.Collections.Concurrent;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using EquityDashboard.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EquityDashboard.Web.Tests.Api;

/// <summary>
/// The real web app in memory on its own database (a temporary SQLite file, or on a PostgreSQL
/// run a database of its own: <see cref="TestStore"/>), set through configuration
/// (<c>Database:Provider</c>, <c>ConnectionStrings:Default</c>, <c>Equity:SeedDemoData</c>) the way an operator would.
/// The app's start-up creates the database and, when asked, seeds the demo data. Log
/// entries of every category are captured in <see cref="Logs"/>.
/// </summary>
public sealed class EquityAppFactory : WebApplicationFactory<Program>
{
    private readonly bool _seed;
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string>? _settings;

    /// <param name="seed">Load the demo data.</param>
    /// <param name="environment">The hosting environment (Production: the exception handler, no developer pages).</param>
    /// <param name="settings">More configuration, as an operator would set it.</param>
    public EquityAppFactory(bool seed, string environment = "Development", IReadOnlyDictionary<string, string>? settings = null)
    {
        _seed = seed;
        _environment = environment;
        _settings = settings;
        Folder = TestFolder.Create("ed-api");
        try
        {
            Store = TestStore.Create(Path.Combine(Folder, "equity.db"));
        }
        catch
        {
            TestFolder.Delete(Folder);
            throw;
        }
    }

    /// <summary>A folder of the test's own, for files it writes.</summary>
    public string Folder { get; }

    /// <summary>The app's database.</summary>
    internal TestStore Store { get; }
    public CapturedLogs Logs { get; } = new();

    public EquityService Equity => Services.GetRequiredService<EquityService>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in Store.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Equity:SeedDemoData", _seed ? "true" : "false");
        builder.UseSetting("Equity:SeedFolder", Path.Combine(RepoRoot, "seeds"));
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>Services of another process on the same database (the CLI while the web app runs).</summary>
    public ServiceProvider OtherProcess() => new ServiceCollection()
        .AddEquityDashboard(new ConfigurationBuilder().AddInMemoryCollection(Store.Settings).Build())
        .BuildServiceProvider();

    /// <summary>
    /// Makes the database unusable after start-up: the SQLite file is replaced by a folder, or the
    /// PostgreSQL database is dropped.
    /// </summary>
    public async Task BreakDatabaseAsync()
    {
        if (Store.IsPostgreSql)
        {
            await Store.DisposeAsync();
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Folder)) File.Delete(file);
        Directory.CreateDirectory(Store.SqlitePath!);
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

/// <summary>One log entry: category, event id, the rendered message and the template's named values.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values);

/// <summary>Keeps every log entry written through the app's loggers.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values));
        }
    }
}

/// <summary>One seeded app shared by the API test classes (seeding takes a few seconds).</summary>
public sealed class SeededApp : IAsyncLifetime
{
    public EquityAppFactory Factory { get; } = new(seed: true);

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SeededAppCollection : ICollectionFixture<SeededApp>
{
    public const string Name = "Seeded web app";
}
