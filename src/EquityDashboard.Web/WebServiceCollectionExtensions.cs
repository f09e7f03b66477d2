using EquityDashboard.Infrastructure;
using EquityDashboard.Web.Components.Pages.Data;
using MudBlazor.Services;

namespace EquityDashboard.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>Everything the web app needs: the shared services, Blazor Server and MudBlazor.</summary>
    public static IServiceCollection AddEquityWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEquityDashboard(configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        // Registered through a factory so the container disposes it (deleting pending uploads) when the app stops.
        services.AddSingleton(_ => UploadStorage.ForInstance(Path.Combine(Path.GetTempPath(), "equitydashboard-uploads")));
        return services;
    }
}
