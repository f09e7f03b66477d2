using EquityDashboard.Core.Geography;
using EquityDashboard.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Data.PostgreSql;
using EquityDashboard.Infrastructure.Export.Briefing;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Infrastructure;

public static class ServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=data/equity.db";

    /// <summary>
    /// Registers the store, importer, engine and services. The database is <c>Database:Provider</c>
    /// (<see cref="DatabaseSettings"/>) and the connection string <c>ConnectionStrings:Default</c>
    /// unless <paramref name="connectionString"/> is given.
    /// </summary>
    public static IServiceCollection AddEquityDashboard(this IServiceCollection services, IConfiguration configuration, string? connectionString = null)
    {
        var provider = DatabaseSettings.ProviderOf(configuration);
        var cs = connectionString ?? configuration.GetConnectionString("Default");
        if (provider == DatabaseProvider.Sqlite)
            AddSqlite(services, DataPaths.NormaliseConnectionString(cs ?? DefaultConnectionString));
        else
            AddPostgreSql(services, string.IsNullOrWhiteSpace(cs)
                ? throw new InvalidOperationException($"{DatabaseSettings.ProviderKey} is PostgreSQL: set ConnectionStrings:Default to the server's connection string, e.g. \"Host=db.example.org;Database=equity;Username=equity;Password=...\".")
                : cs);

        services.Configure<EquityOptions>(configuration.GetSection(EquityOptions.Section));
        services.Configure<EquityThresholds>(configuration.GetSection(EquityThresholds.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EquityThresholds>>().Value);
        services.AddSingleton(GazetteerSource.Default);
        services.AddSingleton<NameResolver>();
        services.AddSingleton<EquityCalculator>();
        services.AddMemoryCache(o => o.SizeLimit = QueryCache.Capacity);
        services.AddSingleton<QueryCache>();
        services.AddSingleton<EquityQueries>();
        services.AddSingleton<EquityService>();
        services.AddSingleton<ScopeReader>();
        services.AddSingleton<BreakdownService>();
        services.AddSingleton<FindingsService>();
        services.AddSingleton<BriefingService>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<BatchStore>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AccountService>();
        AddAccounts(services);
        return services;
    }

    /// <summary>
    /// SQLite runs on the compiled model in Data/CompiledModel. Comparing the model with the
    /// migrations on every start would rebuild the full model; SchemaTests does that check.
    /// </summary>
    private static void AddSqlite(IServiceCollection services, string connectionString) =>
        services.AddDbContextFactory<EquityDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor())
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));

    /// <summary>
    /// PostgreSQL: contexts of <see cref="PostgreSqlEquityDbContext"/> (its own migrations and its own
    /// compiled model in Data/PostgreSql/CompiledModel, which EF Core finds by itself), handed out as
    /// <see cref="EquityDbContext"/>. The scoped context that Identity's stores take comes from the
    /// same factory (registered first, so EF's own registration, which would construct the SQLite
    /// type, is not added). PostgreSqlSchemaTests checks the model against the migrations.
    /// </summary>
    private static void AddPostgreSql(IServiceCollection services, string connectionString)
    {
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContext());
        services.AddDbContextFactory<EquityDbContext, PostgreSqlContextFactory>(o => o.UseNpgsql(connectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
    }

    /// <summary>Lockout after this many failed sign-ins in a row.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>
    /// ASP.NET Core Identity on the product's database: the user store and password rules the CLI and
    /// the web app share (the web app adds cookie sign-in on top).
    /// </summary>
    private static void AddAccounts(IServiceCollection services)
    {
        services.AddIdentityCore<EquityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EquityDbContext>();
    }
}
