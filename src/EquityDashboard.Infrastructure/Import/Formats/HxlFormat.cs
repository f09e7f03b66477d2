using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>
/// Any table with an HXL hashtag row: columns are found by hashtag and attributes (any order,
/// any case, spaces ignored), whatever their titles.
/// </summary>
internal sealed class HxlFormat : SourceFormat
{
    public override string Name => "HXL";

    public override FormatMatch? Match(HeaderInfo header, RecordKind? kind, ImportRequest request)
    {
        if (header.Tags is not { } tags) return null;
        var inferred = kind ?? Infer(tags);
        if (inferred is null) return null;
        var map = Map(tags, inferred.Value);
        if (map.Count == 0) return null;

        var template = TemplateKind.For(inferred.Value);
        var columns = map.SelectMany(m => m.Value.Select(v => (m.Key, v.Index, v.Convert))).ToList();
        var constants = new List<(string, string)>();
        var problems = new List<HeaderNote>();
        var hasYear = map.ContainsKey("year") || (inferred == RecordKind.Funding && map.ContainsKey("date")) || inferred == RecordKind.Incidents;
        if (!hasYear)
        {
            if (request.Year is { } y) constants.Add(("year", y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            else problems.Add(new HeaderNote(null, "The table has no year or date column (#date+year or #date); give the reference year (--year)."));
        }
        foreach (var required in template.RequiredColumns.Where(c => c != "year" && !map.ContainsKey(c)))
            problems.Add(new HeaderNote(required, $"No HXL column for '{required}' ({Expected(inferred.Value, required)})."));
        foreach (var group in template.OneOfColumns.Where(g => g.All(c => c != "year") && !g.Any(map.ContainsKey)))
            problems.Add(new HeaderNote(group[0], $"No HXL column for any of {string.Join(", ", group)}."));
        if (kind is null && problems.Count > 0)
        {
            // Detected, not asked for: one message naming the kind the tags look like and what to add.
            var missing = KindGuess.Missing(template, c => map.ContainsKey(c) || (c == "year" && (hasYear || request.Year is not null)));
            if (!hasYear && request.Year is null && !missing.Contains("year")) missing.Insert(0, "year");
            problems = [new HeaderNote(missing[0], KindGuess.Message(inferred.Value, missing, yearOption: true))];
        }

        var used = map.Values.SelectMany(v => v).Select(v => v.Index).ToHashSet();
        var warnings = tags.Select((t, i) => (t, i)).Where(x => x.t is not null && !used.Contains(x.i))
            .Select(x => new HeaderNote(header.TitleOf(x.i), $"HXL tag {x.t!.Text} is not used for {inferred.Value.ToString().ToLowerInvariant()} data; column ignored."))
            .ToList();

        return new FormatMatch(Name, inferred.Value, 100 + 10 * map.Count - problems.Count,
            new ColumnMapProjector(template, header, columns, constants))
        {
            Problems = problems,
            Warnings = warnings,
        };
    }

    /// <summary>The kind the hashtags describe: money is funding, #inneed is need, organisations are presence, events are incidents.</summary>
    private static RecordKind? Infer(HxlTag?[] tags)
    {
        bool Any(Func<HxlTag, bool> p) => tags.Any(t => t is not null && p(t));
        if (Any(t => t.Hashtag == "value" && !t.Has("pct") && !t.Has("required"))) return RecordKind.Funding;
        if (Any(t => t.Hashtag is "inneed" or "targeted")) return RecordKind.Need;
        if (Any(t => t.Hashtag == "event") || Any(t => t.Is("affected", "killed"))) return RecordKind.Incidents;
        // Organisations that work somewhere (not donors), or activities: presence, even without #adm1
        // (then refused for the missing governorate rather than not recognised).
        var presence = Map(tags, RecordKind.Presence);
        if (presence.ContainsKey("organisation") || presence.ContainsKey("acronym") || presence.ContainsKey("activity")) return RecordKind.Presence;
        // A donor without an amount is a funding file missing its amount, not a 3W file.
        if (Any(t => t.Is("org", "funder") || t.Is("org", "donor"))) return RecordKind.Funding;
        return null;
    }

    private static string Expected(RecordKind kind, string column) => (kind, column) switch
    {
        (RecordKind.Funding, "amount_usd") => "#value+usd",
        (RecordKind.Funding, "donor") => "#org+funder",
        (_, "governorate") => "#adm1+code or #adm1+name",
        (RecordKind.Need, "people_in_need") => "#inneed",
        (RecordKind.Incidents, "date") => "#date",
        _ => "see docs/data-formats.md",
    };

    /// <summary>
    /// Template column -> its source columns (index, conversion) for the tags present: one, or for the
    /// district the P-code column and then the name column, a row taking the first that is not blank.
    /// </summary>
    internal static Dictionary<string, List<(int Index, Func<string, string?>? Convert)>> Map(HxlTag?[] tags, RecordKind kind)
    {
        var map = new Dictionary<string, List<(int, Func<string, string?>?)>>(StringComparer.Ordinal);
        int Find(Func<HxlTag, bool> predicate)
        {
            for (var i = 0; i < tags.Length; i++)
                if (tags[i] is { } t && predicate(t)) return i;
            return -1;
        }
        // The first tag that fits gives the column; later rules for the same column are not read.
        void Take(string column, Func<HxlTag, bool> predicate, Func<string, string?>? convert = null)
        {
            if (map.ContainsKey(column)) return;
            var i = Find(predicate);
            if (i >= 0) map[column] = [(i, convert)];
        }
        // A further source for the column, read in rows where the ones before it are blank.
        void Also(string column, Func<HxlTag, bool> predicate)
        {
            var i = Find(predicate);
            if (i < 0) return;
            if (!map.TryGetValue(column, out var sources)) map[column] = sources = [];
            if (!sources.Exists(s => s.Item1 == i)) sources.Add((i, null));
        }
        // Governorate: the P-code is the most reliable, then the name, then a bare #adm1.
        Take("governorate", AdminColumns.IsAdmin1Code);
        Take("governorate", t => t.Is("adm1", "name"));
        Take("governorate", t => t.Hashtag == "adm1");
        // District, for every kind: the P-code (#adm2+code), else the name (#adm2+name, or a bare #adm2).
        Also("district", AdminColumns.IsAdmin2Code);
        Also("district", t => t.Is("adm2", "name"));
        Also("district", AdminColumns.IsAdmin2Name);

        switch (kind)
        {
            case RecordKind.Funding:
                Take("amount_usd", t => t.Is("value", "usd") && !t.Has("pct") && !t.Has("required") && !t.Has("original"));
                Take("amount_usd", t => t.Hashtag == "value" && !t.Has("pct") && !t.Has("required") && !t.Has("original"));
                Take("donor", t => t.Is("org", "funder") && !t.Has("type"));
                Take("donor", t => t.Is("org", "donor") && !t.Has("type"));
                Take("recipient", t => t.Is("org", "impl") && !t.Has("type"));
                Take("cluster", t => t.Hashtag == "sector" && !t.Has("code"));
                Take("year", t => t.Is("date", "year") && !t.Has("start") && !t.Has("end"));
                Take("date", t => t.Hashtag == "date" && t.Attributes.Count == 0);
                Take("status", t => t.Hashtag == "status");
                Take("source_id", t => t.Is("activity", "id"));
                break;
            case RecordKind.Presence:
                Take("organisation", t => t.Is("org", "name") && !t.Has("funder") && !t.Has("donor"));
                Take("organisation", t => t.Hashtag == "org" && !t.Has("acronym") && !t.Has("type") && !t.Has("code") && !t.Has("funder") && !t.Has("donor"));
                Take("acronym", t => t.Is("org", "acronym"));
                Take("org_type", t => t.Is("org", "type"));
                Take("cluster", t => t.Hashtag == "sector" && !t.Has("code"));
                Take("activity", t => t.Hashtag == "activity" && !t.Has("id") && !t.Has("code"));
                Take("year", t => t.Is("date", "year"));
                Take("year", t => t.Hashtag == "date", YearOf);
                break;
            case RecordKind.Need:
                Take("cluster", t => t.Hashtag == "sector" && !t.Has("code"));
                Take("people_in_need", t => t.Hashtag == "inneed");
                Take("targeted", t => t.Hashtag == "targeted");
                Take("reached", t => t.Hashtag == "reached");
                Take("year", t => t.Is("date", "year"));
                Take("year", t => t.Hashtag == "date", YearOf);
                break;
            case RecordKind.Incidents:
                Take("date", t => t.Hashtag == "date" && !t.Has("year"));
                Take("type", t => t.Hashtag == "event" && t.Has("type"));
                Take("type", t => t.Hashtag == "event");
                // A count of incidents per row; without one each row is one incident.
                // (#affected+killed counts people killed, not incidents: it is not used as the count.)
                Take("count", t => t.Hashtag is "x_count" or "count" || t.Is("indicator", "num") || t.Is("event", "num"));
                break;
        }
        return map;
    }
}
