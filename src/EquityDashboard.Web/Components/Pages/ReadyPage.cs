using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace EquityDashboard.Web.Components.Pages;

/// <summary>
/// A page that says when it can be used: its root element carries <c>data-ready="@ReadyState"</c>,
/// so browser tests wait on it, not on sleeps. A page rendered on the server as plain HTML is
/// complete as sent ("true" at once); an interactive page turns "true" once it has rendered on the
/// live circuit, when its buttons work, and has finished loading what its parameters ask for.
/// </summary>
/// <remarks>
/// Blazor renders a page as soon as its <c>OnInitializedAsync</c> or <c>OnParametersSetAsync</c>
/// first waits, so the first render on the circuit may come before the data: on a database whose
/// reads are truly asynchronous (PostgreSQL) a page marked ready at its first render showed an empty
/// history for a moment. Loading is over when <see cref="ComponentBase.SetParametersAsync"/> has
/// completed, which awaits both.
/// </remarks>
public abstract class ReadyPage : ComponentBase
{
    private bool _rendered;
    private int _loading;

    /// <remarks>
    /// Rendered for a request (the HTTP context is there) with no render mode: plain HTML, complete.
    /// An interactive page being prerendered has a render mode assigned, and waits for its circuit.
    /// </remarks>
    protected string ReadyState => IsReady ? "true" : "false";

    /// <summary>Whether the page can be used: complete as plain HTML, or live on its circuit with its data loaded.</summary>
    protected bool IsReady => (_rendered && _loading == 0) || (HttpContext is not null && AssignedRenderMode is null);

    /// <summary>The request being rendered; null on a live circuit (and in component tests).</summary>
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        _loading++;
        try
        {
            await base.SetParametersAsync(parameters);
        }
        finally
        {
            _loading--;
        }
        if (_loading == 0 && _rendered) StateHasChanged();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        _rendered = true;
        if (_loading == 0) StateHasChanged();
    }
}
