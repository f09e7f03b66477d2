using System.Text.Json;
using System.Text.Json.Serialization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Data.PostgreSql;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Infrastructure.Tests.Postgres;
using EquityDashboard.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>The PostgreSQL provider settings and model; no server needed.</summary>
public sealed class PostgreSqlModelTests
{
    private static IConfiguration Settings(string? provider) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [DatabaseSettings.ProviderKey] = provider })
        .Build();

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSql)]
    [InlineData(" postgresql ", DatabaseProvider.PostgreSql)]
    public void The_provider_setting_is_read_in_any_case_and_defaults_to_sqlite(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseSettings.ProviderOf(Settings(value)));

    [Fact]
    public void An_unknown_provider_is_refused_with_the_known_ones()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.ProviderOf(Settings("mysql")));
        Assert.Contains("Sqlite or PostgreSQL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSQL_without_a_connection_string_is_refused_at_registration()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEquityDashboard(Settings("PostgreSQL")));
        Assert.Contains("ConnectionStrings:Default", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Registered(string provider, string connectionString) => new ServiceCollection()
        .AddEquityDashboard(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = provider,
            ["ConnectionStrings:Default"] = connectionString,
        }).Build())
        .BuildServiceProvider();

    [Fact]
    public void The_factory_and_the_scoped_context_give_the_PostgreSQL_context_on_its_own_model()
    {
        using var services = Registered("PostgreSQL", "Host=127.0.0.1;Database=not_contacted");
        using var fromFactory = services.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContext();
        Assert.IsType<PostgreSqlEquityDbContext>(fromFactory);
        Assert.True(fromFactory.Database.IsNpgsql());
        Assert.IsNotType<Data.CompiledModel.EquityDbContextModel>(fromFactory.Model);
        using var scope = services.CreateScope();
        // Identity's stores take the scoped context: it must be the PostgreSQL one too.
        Assert.IsType<PostgreSqlEquityDbContext>(scope.ServiceProvider.GetRequiredService<EquityDbContext>());
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_its_model()
    {
        using var services = Registered("PostgreSQL", "Host=127.0.0.1;Database=not_contacted");
        using var db = services.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changed since the last PostgreSQL migration: add one (README, \"Changing the database model\").");
    }

    /// <summary>PostgreSQL, as SQLite, starts on a compiled model (Data/PostgreSql/CompiledModel): it must be the configured one.</summary>
    [Fact]
    public void The_PostgreSQL_compiled_model_matches_its_configured_model()
    {
        using var services = Registered("PostgreSQL", "Host=127.0.0.1;Database=not_contacted");
        using var db = services.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContext();
        Assert.IsType<Data.PostgreSql.CompiledModel.PostgreSqlEquityDbContextModel>(db.Model);
        var configured = db.GetService<IDesignTimeModel>().Model;
        Assert.Equal(SchemaTests.Schema(configured.GetRelationalModel()), SchemaTests.Schema(db.Model.GetRelationalModel()));
    }

    /// <summary>
    /// The tables an import fills by COPY have no foreign keys on PostgreSQL; the P-code columns whose
    /// keys to the areas SQLite keeps are the ones the PostgreSQL importer checks itself.
    /// </summary>
    [Fact]
    public void The_tables_filled_by_COPY_have_no_foreign_keys_and_their_area_columns_are_checked_by_the_importer()
    {
        using var sqlite = Registered("Sqlite", "Data Source=:memory:");
        using var pg = Registered("PostgreSQL", "Host=127.0.0.1;Database=not_contacted");
        using var a = sqlite.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContext();
        using var b = pg.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContext();
        Type[] copied = [typeof(FundingRecord), typeof(FundingTotal), typeof(FundingDistrictTotal)];
        var model = b.GetService<IDesignTimeModel>().Model;
        Assert.All(copied, t => Assert.Empty(model.FindEntityType(t)!.GetForeignKeys()));
        var sqliteAreaKeys = copied
            .SelectMany(t => a.GetService<IDesignTimeModel>().Model.FindEntityType(t)!.GetForeignKeys())
            .Where(f => f.PrincipalEntityType.ClrType == typeof(AreaEntity))
            .Select(f => $"{f.DeclaringEntityType.ClrType.Name}.{f.Properties.Single().Name}");
        Assert.Equal(sqliteAreaKeys.Order(StringComparer.Ordinal),
            PostgreSqlEquityDbContext.AreaColumnsCheckedOnImport.Select(c => $"{c.Entity.Name}.{c.Property}").Order(StringComparer.Ordinal));
    }

    /// <summary>Rows copy between the providers as they are: the same tables, columns and value conversions.</summary>
    [Fact]
    public void Both_providers_have_the_same_tables_columns_and_stored_types()
    {
        using var sqlite = Registered("Sqlite", "Data Source=:memory:");
        using var pg = Registered("PostgreSQL", "Host=127.0.0.1;Database=not_contacted");
        using var a = sqlite.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContext();
        using var b = pg.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContext();

        Assert.Equal(Columns(a.GetService<IDesignTimeModel>().Model), Columns(b.GetService<IDesignTimeModel>().Model).Where(c => !c.StartsWith(DataStamp.Table + ".", StringComparison.Ordinal)));
        var ticks = b.Model.FindEntityType(typeof(ImportBatch))!.FindProperty(nameof(ImportBatch.ImportedAt))!;
        Assert.Equal("bigint", ticks.GetColumnType());
        var kind = b.Model.FindEntityType(typeof(ImportBatch))!.FindProperty(nameof(ImportBatch.Kind))!;
        Assert.Equal(typeof(string), kind.GetProviderClrType());
        var donor = b.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(FundingTotal))!.FindProperty(nameof(FundingTotal.Donor))!;
        Assert.Equal(PostgreSqlEquityDbContext.NoCase, donor.GetCollation());
    }

    /// <summary>Each column as "table.column: CLR type stored", sorted.</summary>
    private static List<string> Columns(IModel model) =>
        model.GetRelationalModel().Tables
            .SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name}: {c.ProviderClrType.Name}{(c.IsNullable ? "?" : "")}"))
            .Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// The store on a real PostgreSQL server (EQUITY_TEST_POSTGRES): each test has a database of its
/// own, migrated by the app's initializer and dropped afterwards.
/// </summary>
[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlStoreTests
{
    private static readonly Actor Admin = new("admin@example.org", Roles.Admin);

    [PostgreSqlFact]
    public async Task Migrating_a_fresh_database_makes_the_schema_the_roles_and_the_gazetteer()
    {
        await using var pg = await PostgresDatabase.CreateAsync();
        await using var db = pg.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(18, await db.Areas.CountAsync(a => a.Level == AreaEntity.GovernorateLevel));
        Assert.Equal(101, await db.Areas.CountAsync(a => a.Level == AreaEntity.DistrictLevel));
        Assert.Equal(["role-admin:admin", "role-data-manager:data-manager", "role-viewer:viewer"],
            await db.Roles.OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Name).ToListAsync());

        // A second start, as a second instance or the CLI would make it, changes nothing.
        await pg.Initializer.InitializeAsync(seedDemoData: false);
        Assert.Equal(119, await db.Areas.CountAsync());
    }

    [PostgreSqlFact]
    public async Task Two_instances_starting_at_once_on_an_empty_database_migrate_it_once()
    {
        await using var pg = await PostgresDatabase.CreateAsync(initialise: false);
        var second = pg.OtherInstance();
        await Task.WhenAll(
            pg.Initializer.InitializeAsync(seedDemoData: false),
            second.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemoData: false));
        await using var db = pg.NewContext();
        // Each migration applied once, by whichever instance took the migration lock first.
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(119, await db.Areas.CountAsync());
    }

    [PostgreSqlFact]
    public async Task The_audit_trail_refuses_changes_and_deletions_with_the_SQLite_messages()
    {
        await using var pg = await PostgresDatabase.CreateAsync();
        await pg.Services.GetRequiredService<AuditTrail>().AddAsync("admin@example.org", AuditActions.SignIn, "from a test");
        var entries = await pg.Services.GetRequiredService<AuditTrail>().ListAsync(new AuditQuery(Actor: "admin@example.org"));
        Assert.Equal("from a test", Assert.Single(entries).Details);

        await using var db = pg.NewContext();
        var changed = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Actor\" = 'someone else'"));
        Assert.Equal("The audit trail is append-only: entries cannot be changed.", changed.MessageText);
        var deleted = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\""));
        Assert.Equal("The audit trail is append-only: entries cannot be deleted.", deleted.MessageText);
        var truncated = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEvents\""));
        Assert.Equal("The audit trail is append-only: entries cannot be deleted.", truncated.MessageText);
        Assert.Equal(1, await db.Audit.CountAsync());
    }

    [PostgreSqlFact]
    public async Task The_same_rows_give_the_same_figures_as_on_SQLite()
    {
        await using var pg = await PostgresDatabase.CreateAsync();
        await using var sqlite = await TestDatabase.CreateAsync();
        await using (var db = pg.NewContext()) await AddRowsAsync(db);
        await using (var db = sqlite.NewContext()) await AddRowsAsync(db);
        var onPg = pg.Services.GetRequiredService<EquityService>();
        var onSqlite = sqlite.Equity;

        foreach (var scope in new[]
                 {
                     new EquityScope(2019), new EquityScope(2019, Cluster: "HEALTH"), new EquityScope(2019, Donor: "donor a"),
                     new EquityScope(2019, Region: "South"), new EquityScope(2019, RealOnly: true), new EquityScope(2020),
                 })
        {
            Assert.Equal(Json(await onSqlite.GetTableAsync(scope)), Json(await onPg.GetTableAsync(scope)));
        }
        var table = await onPg.GetTableAsync(new EquityScope(2019));
        // Ninewa 1,000,000.5 + 250,000.25 from two donors; Basra 500,000; the 2020 budget year and the pledge elsewhere.
        Assert.Equal(1_750_000.75m, table.TotalFundingUsd);
        // "Health" and "health" are one cluster on both, as SQLite's NOCASE makes them.
        Assert.Equal(1_000_000.5m, (await onPg.GetTableAsync(new EquityScope(2019, Cluster: "HEALTH"))).TotalFundingUsd);
        // Which spelling stands for a cluster written in two cases is whichever the database meets first, on either.
        Assert.Equal(await onSqlite.ClustersAsync(), await onPg.ClustersAsync(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(await onSqlite.DonorsAsync(), await onPg.DonorsAsync());
        Assert.Equal(await onSqlite.YearsAsync(), await onPg.YearsAsync());
        Assert.Equal(Json(await onSqlite.GetTrendsAsync()), Json(await onPg.GetTrendsAsync()));
        Assert.Equal(Json(await onSqlite.GetDistrictTableAsync(new EquityScope(2019), "IQG15")),
            Json(await onPg.GetDistrictTableAsync(new EquityScope(2019), "IQG15")));
        var breakdownPg = pg.Services.GetRequiredService<BreakdownService>();
        var breakdownSqlite = sqlite.Services.GetRequiredService<BreakdownService>();
        Assert.Equal(Json(await breakdownSqlite.ClustersAsync(new EquityScope(2019))), Json(await breakdownPg.ClustersAsync(new EquityScope(2019))));
        Assert.Equal(Json(await breakdownSqlite.DonorFlowsAsync(new EquityScope(2019))), Json(await breakdownPg.DonorFlowsAsync(new EquityScope(2019))));
    }

    /// <summary>
    /// The totals have no foreign key to the areas here: the importer checks their P-codes before it
    /// commits. An area missing from the table (deleted by hand) refuses the import and leaves nothing.
    /// </summary>
    [PostgreSqlFact]
    public async Task An_import_naming_a_P_code_missing_from_the_areas_table_is_refused_and_leaves_nothing()
    {
        await using var pg = await PostgresDatabase.CreateAsync();
        await using (var db = pg.NewContext())
            await db.Areas.Where(a => a.Pcode == "IQG15Q05").ExecuteDeleteAsync();
        var path = Path.Combine(Path.GetTempPath(), $"ed-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, """
            year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id
            2019,2019-03-01,Donor A,NGO,Health,Ninewa,Al-Mosul,1000,paid,incoming,a1
            2019,2019-03-02,Donor A,NGO,Health,Al-Basrah,,2000,paid,incoming,a2
            """);
        try
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => pg.Importer.ImportAsync(new ImportRequest(path, RecordKind.Funding)));
            Assert.Contains("IQG15Q05", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("IQG15,", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
        await using var check = pg.NewContext();
        Assert.Equal(0, await check.Batches.CountAsync());
        Assert.Equal(0, await check.Funding.CountAsync());
        Assert.Equal(0, await check.FundingTotals.CountAsync());
        Assert.Equal(0, await check.FundingDistrictTotals.CountAsync());
    }

    [PostgreSqlFact]
    public async Task A_withdrawal_by_another_instance_moves_the_stamp_and_is_seen_on_the_next_query()
    {
        await using var pg = await PostgresDatabase.CreateAsync();
        await using (var db = pg.NewContext()) await AddRowsAsync(db);
        var cache = pg.Services.GetRequiredService<QueryCache>();
        var equity = pg.Services.GetRequiredService<EquityService>();
        Assert.Equal(1_750_000.75m, (await equity.GetTableAsync(new EquityScope(2019))).TotalFundingUsd);
        var before = await cache.DataVersionAsync();
        Assert.Equal(before, await cache.DataVersionAsync());

        // Another web instance or the CLI: its own services, the same database.
        var other = pg.OtherInstance();
        var store = other.GetRequiredService<BatchStore>();
        var funding = (await store.ListAsync()).Single(b => b.Kind == RecordKind.Funding);
        Assert.Equal(BatchChange.Done, await store.WithdrawAsync(Admin, funding.Id));
        var withdrawn = await cache.DataVersionAsync();
        Assert.NotEqual(before, withdrawn);
        Assert.Equal(0m, (await equity.GetTableAsync(new EquityScope(2019))).TotalFundingUsd);

        Assert.Equal(BatchChange.Done, await store.RestoreAsync(Admin, funding.Id));
        Assert.NotEqual(withdrawn, await cache.DataVersionAsync());
        Assert.Equal(1_750_000.75m, (await equity.GetTableAsync(new EquityScope(2019))).TotalFundingUsd);

        // Each change wrote its audit entry in its own transaction.
        var audit = await pg.Services.GetRequiredService<AuditTrail>().ListAsync(new AuditQuery());
        Assert.Equal([AuditActions.Restore, AuditActions.Withdraw], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(funding.Id, e.BatchId));
    }

    [PostgreSqlFact]
    public async Task Sign_ins_leave_the_stamp_alone_and_a_rolled_back_change_does_not_move_it()
    {
        await using var pg = await PostgresDatabase.CreateAsync();
        await using (var db = pg.NewContext()) await AddRowsAsync(db);
        var cache = pg.Services.GetRequiredService<QueryCache>();
        var before = await cache.DataVersionAsync();
        await pg.Services.GetRequiredService<AuditTrail>().AddAsync("viewer@example.org", AuditActions.SignIn, null);
        await using (var db = pg.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Batches.ExecuteUpdateAsync(s => s.SetProperty(b => b.WithdrawnBy, "nobody"));
            await tx.RollbackAsync();
        }
        Assert.Equal(before, await cache.DataVersionAsync());
    }

    [PostgreSqlFact]
    public async Task Accounts_are_kept_by_Identity_on_PostgreSQL()
    {
        await using var pg = await PostgresDatabase.CreateAsync();
        var accounts = pg.Services.GetRequiredService<Accounts.AccountService>();
        await accounts.AddAsync(Admin, "dm@example.org", Roles.DataManager, ["Health"], "a long enough password");
        var row = Assert.Single(await accounts.ListAsync());
        Assert.Equal(("dm@example.org", Roles.DataManager), (row.Email, row.Role));
        await using var scope = pg.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Accounts.EquityUser>>();
        var user = await users.FindByEmailAsync("DM@example.org");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, "a long enough password"));
        Assert.Contains(await pg.Services.GetRequiredService<AuditTrail>().ListAsync(new AuditQuery(Action: AuditActions.UserAdded)),
            e => e.Details!.StartsWith("dm@example.org as data-manager", StringComparison.Ordinal));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    /// <summary>
    /// A funding batch and a need batch of 2019 (and one flow of 2020), written through EF as the
    /// importer's tables hold them: totals per governorate, cluster, donor and status.
    /// </summary>
    private static async Task AddRowsAsync(EquityDbContext db)
    {
        var at = new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
        var funding = new ImportBatch { Kind = RecordKind.Funding, SourceName = "OCHA FTS", FileName = "fts.csv", Sha256 = new string('a', 64), ImportedAt = at, FirstYear = 2019, LastYear = 2020 };
        var need = new ImportBatch { Kind = RecordKind.Need, SourceName = "HNO", FileName = "hno.csv", Sha256 = new string('b', 64), ImportedAt = at, FirstYear = 2019, LastYear = 2019 };
        db.Batches.AddRange(funding, need);
        await db.SaveChangesAsync();
        FundingTotal Total(int year, string? pcode, string? cluster, string donor, decimal usd, FundingStatus status = FundingStatus.Paid) =>
            new() { BatchId = funding.Id, Year = year, GovernoratePcode = pcode, Cluster = cluster, Donor = donor, Status = status, Boundary = FlowBoundary.Incoming, AmountUsd = usd, Flows = 1 };
        db.FundingTotals.AddRange(
            Total(2019, "IQG15", "Health", "Donor A", 1_000_000.5m),
            Total(2019, "IQG15", "Shelter", "Donor B", 250_000.25m),
            Total(2019, "IQG02", "Protection", "donor a", 500_000m),
            Total(2019, null, "health", "Donor B", 75_000m),
            Total(2019, "IQG02", "Health", "Donor C", 40_000m, FundingStatus.Pledge),
            Total(2020, "IQG15", "Health", "Donor A", 300_000m));
        NeedFigure Need(string pcode, string cluster, long pin) => new() { BatchId = need.Id, Year = 2019, GovernoratePcode = pcode, Cluster = cluster, PeopleInNeed = pin };
        db.Need.AddRange(
            Need("IQG15", NeedFigure.Intersectoral, 400_000), Need("IQG02", NeedFigure.Intersectoral, 100_000),
            Need("IQG08", NeedFigure.Intersectoral, 250_000), Need("IQG15", "Health", 150_000), Need("IQG02", "health", 60_000));
        await db.SaveChangesAsync();
    }
}
