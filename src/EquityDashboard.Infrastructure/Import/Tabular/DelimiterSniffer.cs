namespace EquityDashboard.Infrastructure.Import.Tabular;

/// <summary>
/// Guesses the field delimiter of a delimited text file from its first lines.
/// </summary>
/// <remarks>
/// Each candidate (',', ';', tab, '|') is counted per record with CSV quoting applied for that
/// candidate: a double quote opens a quoted field only at the start of a field, so delimiters inside
/// <c>"Ninewa, Mosul"</c> do not count, and a quoted field left open at the end of a line continues on
/// the next one. A candidate must occur in the header record; among those, the one whose per-record
/// count equals the header's count in the largest share of records wins, ties going to the larger
/// header count and then to the order above. With no candidate in the header the result is ','.
/// </remarks>
internal static class DelimiterSniffer
{
    /// <summary>The delimiter returned when nothing better is found.</summary>
    public const char Default = ',';

    /// <summary>Maximum number of non-empty lines examined.</summary>
    public const int MaxLines = 20;

    /// <summary>How many title lines above the header are looked past.</summary>
    public const int MaxTitleLines = 5;

    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>
    /// Picks the delimiter of the file whose first lines are <paramref name="firstLines"/> (header
    /// first). Blank lines are ignored and at most <see cref="MaxLines"/> non-empty lines are used.
    /// </summary>
    public static char Detect(IReadOnlyList<string> firstLines)
    {
        ArgumentNullException.ThrowIfNull(firstLines);

        var lines = new List<string>(Math.Min(firstLines.Count, MaxLines));
        foreach (var line in firstLines)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            lines.Add(line);
            if (lines.Count == MaxLines)
                break;
        }
        if (lines.Count == 0)
            return Default;

        // Title lines may sit above the header ("Iraq HNO 2021" or "Iraq, people in need"):
        // try the header at each of the first few lines and keep the most consistent reading,
        // preferring the earliest start when readings are equally good.
        var best = Default;
        var bestConsistency = -1.0;
        var bestHeaderCount = 0;
        for (var start = 0; start < Math.Min(MaxTitleLines + 1, lines.Count); start++)
        {
            var rest = lines.GetRange(start, lines.Count - start);
            foreach (var candidate in Candidates)
            {
                var counts = CountPerRecord(rest, candidate);
                var headerCount = counts[0];
                if (headerCount == 0)
                    continue;

                var matching = counts.Count(c => c == headerCount);
                var consistency = (double)matching / counts.Count;
                if (consistency > bestConsistency || (consistency == bestConsistency && start == 0 && headerCount > bestHeaderCount))
                {
                    best = candidate;
                    bestConsistency = consistency;
                    bestHeaderCount = headerCount;
                }
            }
        }
        return best;
    }

    /// <summary>
    /// Counts <paramref name="delimiter"/> outside quoted fields for each record, where a record spans
    /// several lines when a quoted field is still open at a line's end.
    /// </summary>
    private static List<int> CountPerRecord(List<string> lines, char delimiter)
    {
        var counts = new List<int>(lines.Count);
        var count = 0;
        var inQuotes = false;
        foreach (var line in lines)
        {
            // A new line always begins a new field (either a new record or the continuation of a quoted one).
            var atFieldStart = !inQuotes;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (inQuotes)
                {
                    if (c != '"')
                        continue;
                    if (i + 1 < line.Length && line[i + 1] == '"')
                        i++; // escaped quote inside a quoted field
                    else
                        inQuotes = false;
                }
                else if (c == delimiter)
                {
                    count++;
                    atFieldStart = true;
                }
                else if (c == '"' && atFieldStart)
                {
                    inQuotes = true;
                    atFieldStart = false;
                }
                else if (c is not (' ' or '\r'))
                {
                    // Leading spaces may precede an opening quote; anything else makes the quote literal.
                    atFieldStart = false;
                }
            }

            if (!inQuotes)
            {
                counts.Add(count);
                count = 0;
            }
        }
        if (inQuotes)
            counts.Add(count); // unterminated quote: keep what was counted so far
        return counts;
    }
}
