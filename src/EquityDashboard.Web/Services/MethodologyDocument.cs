using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;

namespace EquityDashboard.Web.Services;

/// <summary>
/// docs/methodology.md (embedded at build time) rendered to HTML once. Each table sits in a region
/// named after its section that scrolls sideways on a narrow screen and takes the keyboard's focus.
/// </summary>
public sealed partial class MethodologyDocument
{
    private readonly Lazy<string> _html = new(Render);

    public string Html => _html.Value;

    private static string Render()
    {
        using var stream = typeof(MethodologyDocument).Assembly.GetManifestResourceStream("methodology.md")
            ?? throw new InvalidOperationException("The methodology document is not embedded in the web assembly.");
        using var reader = new StreamReader(stream);
        var pipeline = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseAutoIdentifiers()
            .UseEmphasisExtras()
            .DisableHtml()
            .Build();
        return WrapTables(Markdown.ToHtml(reader.ReadToEnd(), pipeline));
    }

    /// <summary>Puts every table of <paramref name="html"/> in a scrolling region labelled with the heading above it.</summary>
    public static string WrapTables(string html)
    {
        var result = new StringBuilder(html.Length + 1024);
        var heading = "Methodology";
        var inSection = 0;
        var last = 0;
        foreach (Match m in HeadingOrTable().Matches(html))
        {
            result.Append(html, last, m.Index - last);
            last = m.Index + m.Length;
            if (m.Groups["heading"].Success)
            {
                heading = WebUtility.HtmlDecode(Tags().Replace(m.Groups["heading"].Value, "")).Trim();
                inSection = 0;
                result.Append(m.Value);
            }
            else if (m.Value == "</table>")
            {
                result.Append("</table></div>");
            }
            else
            {
                var label = ++inSection == 1 ? $"Table: {heading}" : $"Table {inSection}: {heading}";
                result.Append($"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{WebUtility.HtmlEncode(label)}\">").Append(m.Value);
            }
        }
        return result.Append(html, last, html.Length - last).ToString();
    }

    [GeneratedRegex(@"<h[1-6][^>]*>(?<heading>.*?)</h[1-6]>|<table>|</table>", RegexOptions.Singleline)]
    private static partial Regex HeadingOrTable();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
