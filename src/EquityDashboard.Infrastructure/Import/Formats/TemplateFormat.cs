using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>The project's own template CSV: columns named exactly as in docs/data-formats.md, in any order.</summary>
internal sealed class TemplateFormat : SourceFormat
{
    public override string Name => "template";

    public override FormatMatch? Match(HeaderInfo header, RecordKind? kind, ImportRequest request)
    {
        var candidates = kind is { } k ? [k] : Enum.GetValues<RecordKind>();
        FormatMatch? best = null;
        foreach (var candidate in candidates)
        {
            var match = MatchKind(header, TemplateKind.For(candidate), explicitKind: kind is not null);
            if (match is not null && (best is null || match.Score > best.Score)) best = match;
        }
        return best ?? (kind is null ? NearMiss(header) : null);
    }

    /// <summary>
    /// A header of template columns that fits no kind completely: refused, naming the kind it
    /// looks like and the columns to add. Scored below any other reading of the header.
    /// </summary>
    private FormatMatch? NearMiss(HeaderInfo header)
    {
        var names = header.Titles.Select(t => t.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (KindGuess.FromTemplateColumns(names) is not { } guess) return null;
        var kind = TemplateKind.For(guess);
        if (names.Count(kind.Columns.Contains) < 2) return null;
        var missing = KindGuess.Missing(kind, names.Contains);
        return new FormatMatch(Name, guess, 0, null)
        {
            Problems = [new HeaderNote(missing[0], KindGuess.Message(guess, missing))],
        };
    }

    private FormatMatch? MatchKind(HeaderInfo header, TemplateKind kind, bool explicitKind)
    {
        var names = header.Titles.Select(t => t.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
            if (kind.Columns.Contains(names[i])) map.TryAdd(names[i], i);

        var problems = kind.RequiredColumns.Where(c => !map.ContainsKey(c))
            .Select(c => new HeaderNote(c, $"Required column '{c}' is missing from the header.")).ToList();
        problems.AddRange(kind.OneOfColumns.Where(g => !g.Any(map.ContainsKey))
            .Select(g => new HeaderNote(g[0], $"The header needs at least one of these columns: {string.Join(", ", g)}.")));
        // Without an explicit kind, only a complete header of two or more template columns counts.
        if (!explicitKind && (problems.Count > 0 || map.Count < 2)) return null;
        if (explicitKind && map.Count == 0 && header.HeaderRow > 1) return null;

        var warnings = names.Select((n, i) => (n, i)).Where(x => x.n.Length > 0 && !kind.Columns.Contains(x.n))
            .Select(x => new HeaderNote(header.Titles[x.i],
                $"Unknown column ignored (a {kind.Kind.ToString().ToLowerInvariant()} file has: {string.Join(", ", kind.Columns)})."))
            .ToList();
        var projector = new ColumnMapProjector(kind, header, map.Select(m => (m.Key, m.Value, (Func<string, string?>?)null)));
        return new FormatMatch(Name, kind.Kind, 10 * map.Count - problems.Count, projector)
        {
            Problems = problems,
            Warnings = warnings,
        };
    }
}
