using EquityDashboard.Infrastructure;
using EquityDashboard.Web.Accounts;
using EquityDashboard.Web.Api;
using EquityDashboard.Web.Components.Pages.Data;
using EquityDashboard.Web.Services;
using MudBlazor.Services;

namespace EquityDashboard.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>Everything the web app needs: the shared services, Blazor Server and MudBlazor, the API and its health check.</summary>
    public static IServiceCollection AddEquityWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEquityDashboard(configuration);
        services.AddEquityAccounts(configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddDashboardPages();
        services.AddProblemDetails();
        services.AddOpenApi(OpenApiSetup.Configure);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>The services the pages use on top of the shared ones (also used by component tests).</summary>
    public static IServiceCollection AddDashboardPages(this IServiceCollection services)
    {
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<MethodologyDocument>();
        services.AddSingleton(_ => Components.Shared.Map.MapGeometry.Default);
        services.AddSingleton<Accounts.UploadThrottle>();
        // Registered through a factory so the container disposes it (deleting pending uploads) when the app stops.
        services.AddSingleton(_ => UploadStorage.ForInstance(Path.Combine(Path.GetTempPath(), "equitydashboard-uploads")));
        return services;
    }
}
