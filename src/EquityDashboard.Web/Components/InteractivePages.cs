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
}
