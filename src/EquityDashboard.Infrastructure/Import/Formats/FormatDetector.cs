using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import.Tabular;

namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>A sheet, its header and the format chosen to read it.</summary>
internal sealed record DetectedTable(TabularSheet Sheet, HeaderInfo Header, FormatMatch Match);

/// <summary>
/// Finds the table in a file: the sheet (or the one named), the header row below any title
/// rows, the HXL row, and the best-fitting format; the kind comes from the format unless given.
/// </summary>
internal static class FormatDetector
{
    /// <summary>How many rows from the top are searched for the header.</summary>
    public const int HeaderSearchRows = 30;

    /// <summary>Every format in this assembly: a new format is a new <see cref="SourceFormat"/> subclass, nothing else.</summary>
    private static readonly SourceFormat[] Formats = typeof(SourceFormat).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(SourceFormat)) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (SourceFormat)Activator.CreateInstance(t)!)
        .ToArray();

    public static DetectedTable? Detect(IReadOnlyList<TabularSheet> sheets, ImportRequest request)
    {
        DetectedTable? best = null;
        foreach (var sheet in sheets)
        {
            var top = sheet.Rows().Take(HeaderSearchRows + 1).ToList();
            foreach (var header in Candidates(sheet, top))
                foreach (var format in Formats)
                {
                    var match = format.Match(header, request.Kind, request);
                    if (match is null) continue;
                    if (best is null || Rank(match).CompareTo(Rank(best.Match)) > 0) best = new DetectedTable(sheet, header, match);
                }
        }
        return best;
    }

    /// <summary>Complete matches before incomplete ones, then by score.</summary>
    private static (int, int, int) Rank(FormatMatch m) => (m.Refusal is null && m.Problems.Count == 0 ? 1 : 0, m.Problems.Count == 0 ? 1 : 0, m.Score);

    private static IEnumerable<HeaderInfo> Candidates(TabularSheet sheet, List<CsvRecord> top)
    {
        for (var i = 0; i < Math.Min(top.Count, HeaderSearchRows); i++)
        {
            var cells = top[i].Fields;
            if (HxlTag.ParseRow(cells) is { } ownTags)
            {
                // A hashtag row standing alone (no title row above it, or the row above is not a header).
                if (i == 0)
                    yield return new HeaderInfo { Sheet = sheet, Titles = [], Tags = ownTags, HeaderRow = top[i].Line, FirstDataRow = top[i].Line + 1 };
                continue;
            }
            var tags = i + 1 < top.Count ? HxlTag.ParseRow(top[i + 1].Fields) : null;
            yield return new HeaderInfo
            {
                Sheet = sheet,
                Titles = cells.Select(c => c.Trim().TrimStart('\uFEFF')).ToArray(),
                Tags = tags,
                HeaderRow = top[i].Line,
                FirstDataRow = tags is null ? top[i].Line + 1 : top[i + 1].Line + 1,
            };
        }
    }

    public static IEnumerable<TabularSheet> Select(IReadOnlyList<TabularSheet> sheets, string? sheetName)
    {
        if (sheetName is null) return sheets;
        return sheets.Where(s => string.Equals(s.Name.Trim(), sheetName.Trim(), StringComparison.OrdinalIgnoreCase)
            || (int.TryParse(sheetName, out var n) && s.Index == n - 1));
    }
}
