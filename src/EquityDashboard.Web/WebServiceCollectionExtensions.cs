using EquityDashboard.Infrastructure;
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
        return services;
    }
}
