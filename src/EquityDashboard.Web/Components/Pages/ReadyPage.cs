using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace EquityDashboard.Web.Components.Pages;

/// <summary>
/// A page that says when it can be used: its root element carries <c>data-ready="@ReadyState"</c>,
/// so browser tests wait on it, not on sleeps. A page rendered on the server as plain HTML is
/// complete as sent ("true" at once); an interactive page turns "true" after its first render on
/// the live circuit, when its buttons work.
/// </summary>
public abstract class ReadyPage : ComponentBase
{
    private bool _ready;

    /// <remarks>
    /// Rendered for a request (the HTTP context is there) with no render mode: plain HTML, complete.
    /// An interactive page being prerendered has a render mode assigned, and waits for its circuit.
    /// </remarks>
    protected string ReadyState => _ready || (HttpContext is not null && AssignedRenderMode is null) ? "true" : "false";

    /// <summary>The request being rendered; null on a live circuit (and in component tests).</summary>
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        _ready = true;
        StateHasChanged();
    }
}
