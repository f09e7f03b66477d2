using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>
/// Conservative kind detection: which kind a header looks like when it fits no kind completely,
/// and the message naming that kind and the columns to add (template title and HXL hashtag).
/// </summary>
internal static class KindGuess
{
    /// <summary>Template columns only one kind has: the signs of what a file is.</summary>
    private static readonly (RecordKind Kind, string[] Columns)[] TemplateSigns =
    [
        (RecordKind.Funding, ["donor", "recipient", "amount_usd", "status", "boundary", "source_id"]),
        (RecordKind.Presence, ["organisation", "acronym", "org_type", "district", "activity"]),
        (RecordKind.Need, ["people_in_need", "targeted", "reached"]),
        (RecordKind.Incidents, ["type", "count"]),
    ];

    /// <summary>
    /// The kind whose own columns the header has most of (at least one), or null when none or a tie:
    /// a header that fits no kind completely is then refused naming that kind.
    /// </summary>
    public static RecordKind? FromTemplateColumns(IReadOnlyCollection<string> names)
    {
        var counts = TemplateSigns.Select(s => (s.Kind, Count: s.Columns.Count(names.Contains)))
            .Where(x => x.Count > 0).OrderByDescending(x => x.Count).ToList();
        if (counts.Count == 0 || (counts.Count > 1 && counts[0].Count == counts[1].Count)) return null;
        return counts[0].Kind;
    }

    /// <summary>What is missing: a phrase, the template title(s) and the HXL hashtag(s) to add.</summary>
    private static (string What, string Template, string Hxl) Describe(RecordKind kind, string column) => (kind, column) switch
    {
        (RecordKind.Funding, "amount_usd") => ("an amount column", "\"amount_usd\"", "#value+usd"),
        (RecordKind.Funding, "donor") => ("a donor column", "\"donor\"", "#org+funder"),
        (RecordKind.Funding, "year" or "date") => ("a year or date column", "\"year\" or \"date\"", "#date+year or #date"),
        (_, "governorate") => ("a governorate column", "\"governorate\"", "#adm1+name or #adm1+code"),
        (RecordKind.Presence, "organisation" or "acronym") => ("an organisation column", "\"organisation\" or \"acronym\"", "#org+name or #org+acronym"),
        (RecordKind.Need, "people_in_need" or "targeted" or "reached") =>
            ("a people in need column", "\"people_in_need\", \"targeted\" or \"reached\"", "#inneed, #targeted or #reached"),
        (_, "year") => ("a year column", "\"year\"", "#date+year"),
        (_, "date") => ("a date column", "\"date\"", "#date"),
        _ => ($"a {column} column", $"\"{column}\"", "see docs/data-formats.md"),
    };

    /// <summary>
    /// E.g. <c>funding file without an amount column: add "amount_usd" or #value+usd.</c>;
    /// <paramref name="missing"/> holds the template column of each requirement not met (one per one-of group).
    /// </summary>
    public static string Message(RecordKind kind, IReadOnlyList<string> missing, bool yearOption = false)
    {
        var parts = missing.Select(c => Describe(kind, c)).Distinct().ToList();
        var what = string.Join(" and ", parts.Select(p => p.What));
        var add = string.Join("; ", parts.Select(p => $"add {p.Template} or {p.Hxl}"));
        var year = yearOption && missing.Any(c => c is "year" or "date") ? " (or give the reference year with --year)" : string.Empty;
        return $"{Name(kind)} file without {what}: {add}{year}. Give --kind if the file is another kind of data.";
    }

    public static string Name(RecordKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The requirements of the kind not met by the columns present: required columns, then one per one-of group.</summary>
    public static List<string> Missing(TemplateKind kind, Func<string, bool> has) =>
        [
            .. kind.RequiredColumns.Where(c => !has(c)),
            .. kind.OneOfColumns.Where(g => !g.Any(has)).Select(g => g[0]),
        ];
}
