using EquityDashboard.Infrastructure.Import.Tabular;

namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>
/// Where a table's header is: its row, the HXL hashtag row under it (or standing alone), and
/// the first data row. Title rows above the header are skipped.
/// </summary>
internal sealed class HeaderInfo
{
    public required TabularSheet Sheet { get; init; }
    /// <summary>Header titles, trimmed (empty when the file has only a hashtag row).</summary>
    public required string[] Titles { get; init; }
    /// <summary>Parsed HXL tags per column, or null when the table has no hashtag row.</summary>
    public HxlTag?[]? Tags { get; init; }
    public int HeaderRow { get; init; }
    /// <summary>Rows (by spreadsheet row number) before this one are header/title rows.</summary>
    public int FirstDataRow { get; init; }
    public int Width => Math.Max(Titles.Length, Tags?.Length ?? 0);

    /// <summary>Index of the first column whose title matches one of the names (case, space and punctuation insensitive).</summary>
    public int Column(params string[] names)
    {
        for (var i = 0; i < Titles.Length; i++)
            foreach (var n in names)
                if (Fold(Titles[i]) == Fold(n)) return i;
        return -1;
    }

    public string TitleOf(int index) =>
        index < Titles.Length && Titles[index].Length > 0 ? Titles[index]
        : Tags is not null && index < Tags.Length && Tags[index] is { } t ? t.Text
        : $"column {index + 1}";

    internal static string Fold(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
