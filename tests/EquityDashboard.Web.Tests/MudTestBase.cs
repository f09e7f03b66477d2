using Bunit;
using MudBlazor.Services;

namespace EquityDashboard.Web.Tests;

/// <summary>A bUnit context with MudBlazor services and loose JS interop, disposed asynchronously.</summary>
public abstract class MudTestBase : IAsyncLifetime
{
    protected MudTestBase()
    {
        Ctx = new BunitContext();
        Ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        Ctx.Services.AddMudServices();
    }

    protected BunitContext Ctx { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Ctx.DisposeAsync();
}
