using EquityDashboard.Core.Geography;
using EquityDashboard.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Data;
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
    /// Registers the store, importer, engine and services. The connection string is
    /// <c>ConnectionStrings:Default</c> unless <paramref name="connectionString"/> is given.
    /// </summary>
    public static IServiceCollection AddEquityDashboard(this IServiceCollection services, IConfiguration configuration, string? connectionString = null)
    {
        var cs = DataPaths.NormaliseConnectionString(
            connectionString ?? configuration.GetConnectionString("Default") ?? DefaultConnectionString);
        // The context runs on the compiled model in Data/CompiledModel. Comparing the model with
        // the migrations on every start would rebuild the full model; SchemaTests does that check.
        services.AddDbContextFactory<EquityDbContext>(o => o.UseSqlite(cs).AddInterceptors(new SqlitePragmaInterceptor())
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));

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
