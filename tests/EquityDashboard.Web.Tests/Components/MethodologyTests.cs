using System.Reflection;
using Bunit;
using EquityDashboard.Web.Components.Pages.Methodology;
using EquityDashboard.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests.Components;

public sealed class MethodologyTests : MudTestBase
{
    public MethodologyTests() => Ctx.Services.AddSingleton<MethodologyDocument>();

    public static TheoryData<string> Anchors()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(MethodologyAnchors).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetValue(null)!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Anchors))]
    public void Every_tooltip_anchor_is_a_heading_of_the_rendered_methodology(string anchor)
    {
        var cut = Ctx.Render<Methodology>();

        var heading = cut.Find($"#{anchor}");
        Assert.Matches("^H[23]$", heading.TagName);
    }

    [Fact]
    public void The_page_renders_the_docs_file_with_its_tables()
    {
        var cut = Ctx.Render<Methodology>();

        var docsTitle = File.ReadLines(Path.Combine(Infrastructure.Data.DataPaths.BaseDirectory, "docs", "methodology.md")).First().TrimStart('#', ' ');
        Assert.Equal(docsTitle, cut.Find("article h1").TextContent.Trim());
        Assert.NotEmpty(cut.FindAll("article table"));
        Assert.Contains("under-served", cut.Find("#flags ~ table").TextContent);
    }
}
