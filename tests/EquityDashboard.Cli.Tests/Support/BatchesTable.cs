namespace EquityDashboard.Cli.Tests.Support;

/// <summary>
/// Reads the rows of the `batches` table (a Spectre.Console table that wraps long cells
/// onto continuation lines at the 80-column width of a redirected console).
/// </summary>
public static class BatchesTable
{
    public sealed record Row(int Id, string Kind, string Source, string File)
    {
        /// <summary>True when the (wrapped) source cell holds <paramref name="source"/>, whitespace ignored.</summary>
        public bool SourceContains(string source) => Squash(Source).Contains(Squash(source), StringComparison.Ordinal);

        public bool FileIs(string file) => Squash(File) == Squash(file);
    }

    public static IReadOnlyList<Row> Parse(string stdout)
    {
        var lines = stdout.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var separator = Array.FindIndex(lines, l => l.StartsWith('├'));
        if (separator < 0) return []; // header only: no batches
        var cells = new List<List<string>>();
        foreach (var line in lines.Skip(separator + 1))
        {
            if (!line.StartsWith('│')) continue;
            var parts = line.Split('│').Select(p => p.Trim()).ToArray()[1..^1];
            if (parts.Length < 4) continue;
            if (parts[0].Length > 0) cells.Add(parts.ToList());
            else if (cells.Count > 0)
                for (var i = 0; i < parts.Length && i < cells[^1].Count; i++)
                    if (parts[i].Length > 0) cells[^1][i] += " " + parts[i];
        }
        return cells.Select(c => new Row(int.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture),
            Squash(c[1]), c[2], c[3])).ToList();
    }

    private static string Squash(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
