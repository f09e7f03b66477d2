using Microsoft.AspNetCore.Components;

namespace EquityDashboard.Web.Components.Pages;

/// <summary>
/// A page that says when it is interactive: its root element carries <c>data-ready="@ReadyState"</c>,
/// which turns "true" after the first render on the live circuit, so browser tests wait on it, not on sleeps.
/// </summary>
public abstract class ReadyPage : ComponentBase
{
    private bool _ready;

    protected string ReadyState => _ready ? "true" : "false";

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        _ready = true;
        StateHasChanged();
    }
}
