using Bunit;
using EquityDashboard.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace EquityDashboard.Web.Tests.Pages;

/// <summary>data-ready on a live circuit: true only when the page has rendered and finished loading what its parameters ask for.</summary>
public sealed class ReadyPageTests : MudTestBase
{
    [Fact]
    public void A_page_still_loading_after_its_first_render_is_not_ready_until_its_data_arrives()
    {
        var load = new TaskCompletionSource<string>();
        var cut = Ctx.Render<SlowPage>(p => p.Add(c => c.Load, load.Task));

        // Blazor rendered it when the load first waited: the page is there, its data is not.
        Assert.Equal("loading", cut.Find("div").TextContent);
        Assert.Equal("false", cut.Find("div").GetAttribute("data-ready"));

        load.SetResult("figures");
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("div").GetAttribute("data-ready")));
        Assert.Equal("figures", cut.Find("div").TextContent);
    }

    [Fact]
    public void New_parameters_make_the_page_unready_while_it_loads_them()
    {
        var cut = Ctx.Render<SlowPage>(p => p.Add(c => c.Load, Task.FromResult("2019")));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("div").GetAttribute("data-ready")));

        var next = new TaskCompletionSource<string>();
        cut.Render(p => p.Add(c => c.Load, next.Task));
        Assert.Equal("false", cut.Find("div").GetAttribute("data-ready"));

        next.SetResult("2020");
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("div").GetAttribute("data-ready")));
        Assert.Equal("2020", cut.Find("div").TextContent);
    }

    private sealed class SlowPage : ReadyPage
    {
        private string _text = "loading";

        [Parameter] public Task<string> Load { get; set; } = Task.FromResult(string.Empty);

        protected override async Task OnParametersSetAsync() => _text = await Load;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "data-ready", ReadyState);
            builder.AddContent(2, _text);
            builder.CloseElement();
        }
    }
}
