using Npgsql;

namespace EquityDashboard.Tests.Shared;

/// <summary>
/// The database the store, API, web and browser test fixtures run on. Without
/// <c>EQUITY_TEST_PROVIDER</c> it is a SQLite file, as a developer's machine runs the app; with
/// <c>EQUITY_TEST_PROVIDER=PostgreSQL</c> it is a database of its own (<c>ed_&lt;guid&gt;</c>) on the
/// server <c>EQUITY_TEST_POSTGRES</c> names, dropped on dispose. Either way the app is given the
/// store as an operator would: <see cref="Settings"/> (<c>Database:Provider</c>,
/// <c>ConnectionStrings:Default</c>), and runs its own migrations on it. Linked into the test projects.
/// </summary>
internal sealed class TestStore : IAsyncDisposable, IDisposable
{
    private readonly TestPostgres.Database? _postgres;

    private TestStore(string? sqlitePath, TestPostgres.Database? postgres)
    {
        SqlitePath = sqlitePath;
        _postgres = postgres;
        ConnectionString = postgres?.ConnectionString ?? Infrastructure.Data.DataPaths.ForFile(sqlitePath!);
    }

    /// <summary>True when this run's fixtures use PostgreSQL (<c>EQUITY_TEST_PROVIDER=PostgreSQL</c>).</summary>
    public static bool PostgreSqlRun =>
        string.Equals(Environment.GetEnvironmentVariable(TestPostgres.ProviderVariable), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The store for one fixture: <paramref name="sqlitePath"/> on a SQLite run, else a new PostgreSQL database.</summary>
    public static TestStore Create(string sqlitePath) =>
        PostgreSqlRun ? new TestStore(null, TestPostgres.CreateDatabase()) : new TestStore(sqlitePath, null);

    public bool IsPostgreSql => _postgres is not null;

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqlitePath { get; }

    public string ConnectionString { get; }

    /// <summary>The configuration that selects this store, as keys.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = IsPostgreSql ? "PostgreSQL" : "Sqlite",
        ["ConnectionStrings:Default"] = ConnectionString,
    };

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => _postgres?.Dispose();
}

/// <summary>The PostgreSQL server of the tests: <c>EQUITY_TEST_POSTGRES</c>, whose user may create databases.</summary>
internal static class TestPostgres
{
    public const string ServerVariable = "EQUITY_TEST_POSTGRES";
    public const string ProviderVariable = "EQUITY_TEST_PROVIDER";
    public const string MissingServer = "PostgreSQL tests need EQUITY_TEST_POSTGRES (CI sets it)";

    /// <summary>The server's connection string, or null when the variable is unset.</summary>
    public static string? Server =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Why PostgreSQL-only tests are skipped here, or null when they run: they skip only when no
    /// server is named and CI is not "true" (under CI a missing server fails them).
    /// </summary>
    public static string? SkipReason =>
        Server is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? MissingServer
            : null;

    /// <summary>Creates an empty database with a random name <c>ed_&lt;guid&gt;</c> on the server.</summary>
    public static Database CreateDatabase()
    {
        var server = Server ?? throw new InvalidOperationException(
            $"{MissingServer}: set it to a connection string whose user may CREATE DATABASE, e.g. "
            + "\"Host=127.0.0.1;Port=5432;Username=equity;Password=equity\".");
        var name = $"ed_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(Maintenance(server)))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        return new Database(server, name);
    }

    /// <summary>The server's own database, where CREATE and DROP DATABASE run (never pooled).</summary>
    private static string Maintenance(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;

    /// <summary>One test database; disposing drops it, closing any connection still open to it.</summary>
    public sealed class Database : IAsyncDisposable, IDisposable
    {
        private readonly string _server;
        private int _dropped;

        internal Database(string server, string name)
        {
            _server = server;
            Name = name;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        }

        public string Name { get; }

        public string ConnectionString { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _dropped, 1) == 1) return;
            using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
            using var connection = new NpgsqlConnection(Maintenance(_server));
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// A test about SQLite itself (its file, pragmas, the file's crash safety, <c>--db</c>): it also carries
/// <c>[Trait("Provider", "Sqlite")]</c>, and is skipped on a PostgreSQL run.
/// </summary>
internal sealed class SqliteFactAttribute : FactAttribute
{
    public const string SkipOnPostgreSql = "About SQLite itself: skipped on the PostgreSQL run (EQUITY_TEST_PROVIDER=PostgreSQL)";

    public SqliteFactAttribute()
    {
        if (TestStore.PostgreSqlRun) Skip = SkipOnPostgreSql;
    }
}

/// <inheritdoc cref="SqliteFactAttribute"/>
internal sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestStore.PostgreSqlRun) Skip = SqliteFactAttribute.SkipOnPostgreSql;
    }
}

/// <summary>
/// A test of PostgreSQL behaviour: skipped with <see cref="TestPostgres.MissingServer"/> when no server is
/// named outside CI; under CI=true it runs, and fails without a server.
/// </summary>
internal sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason) Skip = reason;
    }
}
