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
        Assert.Contains("under-served", cut.Find("#flags ~ .table-scroll table").TextContent);
    }

    [Fact]
    public void Each_table_scrolls_in_a_focusable_region_named_after_its_section()
    {
        var cut = Ctx.Render<Methodology>();

        var tables = cut.FindAll("article table");
        Assert.All(tables, t =>
        {
            var region = t.ParentElement!;
            Assert.Equal(("DIV", "region", "0"), (region.TagName, region.GetAttribute("role"), region.GetAttribute("tabindex")));
            Assert.Contains("table-scroll", region.ClassList);
            Assert.StartsWith("Table", region.GetAttribute("aria-label"), StringComparison.Ordinal);
        });
        var html = MethodologyDocument.WrapTables("<h2 id=\"a\">Money &amp; <em>need</em></h2><table><tr><td>1</td></tr></table><p>x</p><table></table><h3>Next</h3><table></table>");
        Assert.Equal("<h2 id=\"a\">Money &amp; <em>need</em></h2>"
            + "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table: Money &amp; need\"><table><tr><td>1</td></tr></table></div><p>x</p>"
            + "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table 2: Money &amp; need\"><table></table></div><h3>Next</h3>"
            + "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table: Next\"><table></table></div>", html);
    }
}
