using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;

namespace EquityDashboard.Web.Components;

/// <summary>Which pages run on a live circuit: those that declare an interactive render mode.</summary>
public static class InteractivePages
{
    /// <summary>True when the request is for a page with an interactive render mode.</summary>
    public static bool Handles(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type is { } page && IsInteractive(page);

    public static bool IsInteractive(Type page) =>
        Attribute.GetCustomAttribute(page, typeof(RenderModeAttribute), inherit: true) is RenderModeAttribute { Mode: not null };

    /// <summary>
    /// An endpoint convention: a page without an interactive render mode is rendered as if the app
    /// had none, so it persists no component state. Otherwise every plain page would serialise and
    /// encrypt the state a circuit could resume from (an antiforgery token and all) into a comment
    /// no script reads: about a kilobyte and a fifth of the render's CPU, for nothing.
    /// </summary>
    /// <remarks>
    /// The framework reads the render modes an endpoint allows from its last
    /// <c>ConfiguredRenderModesMetadata</c> and persists nothing when that list is empty; the type is
    /// internal, so it is made by name here, and startup fails at once if a framework update renames it.
    /// </remarks>
    public static void PersistNoStateOnPlainPages(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<ComponentTypeMetadata>().FirstOrDefault()?.Type is { } page && !IsInteractive(page))
        {
            endpoint.Metadata.Add(NoRenderModes.Value);
        }
    }

    private static readonly Lazy<object> NoRenderModes = new(() =>
    {
        var type = typeof(RazorComponentsEndpointConventionBuilder).Assembly
            .GetType("Microsoft.AspNetCore.Components.Endpoints.ConfiguredRenderModesMetadata", throwOnError: true)!;
        return Activator.CreateInstance(type, [Array.Empty<IComponentRenderMode>()])!;
    });
}
