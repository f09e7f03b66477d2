using Markdig;

namespace EquityDashboard.Web.Services;

/// <summary>docs/methodology.md (embedded at build time) rendered to HTML once.</summary>
public sealed class MethodologyDocument
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
        return Markdown.ToHtml(reader.ReadToEnd(), pipeline);
    }
}
