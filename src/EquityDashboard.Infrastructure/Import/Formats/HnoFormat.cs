using System.Globalization;
using System.Text.RegularExpressions;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Records;
using EquityDashboard.Core.Text;
using EquityDashboard.Infrastructure.Import.Tabular;

namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>
/// HNO / HRP people-in-need tables ("long" layout: one row per place, cluster and, optionally,
/// population category), with or without an HXL row:
/// <c>Admin 1 PCode, Admin 1 Name, Admin 2 PCode, Admin 2 Name, Cluster, Category, Population, In Need, Targeted, Affected, Reached</c>.
/// <para>How rows become need figures (one per year, governorate and cluster):</para>
/// <list type="bullet">
/// <item>Admin-2 (or admin-3) rows belong to their governorate: the Admin 1 P-code, else the Admin 1 name,
/// else the governorate whose P-code begins the admin-2 P-code (IQG15Q01 -> IQG15). Spellings are matched through
/// the gazetteer, so "IQG15", "Ninewa" and "Nineveh" are one governorate. They keep their district (the Admin 2
/// P-code, else its name, else the district whose P-code begins the admin-3 P-code): one figure per district
/// (its sub-district rows summed), and the governorate's figure is its districts' sum, made where it is read.</item>
/// <item>If the file also has an admin-1 row for that governorate and cluster, the admin-1 figure wins and the
/// admin-2 rows are not written (one warning per governorate and cluster): nothing is counted twice. In the same
/// way district rows win over sub-district rows of the governorate and cluster.</item>
/// <item>Rows split by Category (IDPs in camp, returnees, host community, ...) are parts of one place's PiN:
/// they are summed per place and cluster. A category "Total"/"All" (or blank) row is that sum already: when
/// present, the category rows of the same place and cluster are not added.</item>
/// <item>A row repeating an earlier one (same year, place, cluster and category) is not added again.</item>
/// <item>Intersectoral rows (cluster Intersectoral, Inter-sectoral, Multi-sector, All or blank) are their own
/// figure; cluster rows are never summed into it (people are in need in several clusters).</item>
/// <item>Blank is "not reported", never 0 (a "-" cell is read as blank): a roll-up of blanks stays blank, and a
/// roll-up sums only the rows that report a figure.</item>
/// <item>Rows of another country (an admin P-code not starting with "IQ", or a country column other than
/// Iraq) are skipped and counted; so is a national "Total"/"Iraq" row, which has no governorate.</item>
/// </list>
/// Every figure is emitted at the end of the file (a later admin-1 row may replace earlier admin-2 rows), with
/// the row number of its first contributing row; a figure from a single row keeps the row's own text so the
/// validator reports bad numbers as written. A table of national totals per country or plan is refused, and a
/// table with one people-in-need column per cluster ("wide" layout) is not read.
/// </summary>
internal sealed class HnoFormat : SourceFormat
{
    public const string FormatName = "HNO";
    public const string OutsideIraq = "row outside Iraq (admin P-code or country not Iraq's)";
    public const string NationalTotal = "national total row (no governorate)";

    /// <summary>Rows read ahead at detection to tell an Iraq table from another country's.</summary>
    private const int PeekRows = 1000;

    public override string Name => FormatName;

    public override FormatMatch? Match(HeaderInfo header, RecordKind? kind, ImportRequest request)
    {
        if (kind is { } k && k != RecordKind.Need) return null;
        if (IsTemplateHeader(header)) return null;
        var c = HnoColumns.Find(header);
        if (c.Pin.Count == 0 && c.Targeted < 0 && c.Reached < 0) return null;
        if (c.Organisation >= 0) return null; // people reached per organisation: 3W/4W presence, not an HNO table
        if (!c.HasAdmin)
        {
            if (c.Country < 0) return null;
            return new FormatMatch(Name, RecordKind.Need, 300 + 10 * c.Recognised, null)
            {
                Refusal = "This is a people-in-need table by country or response plan (national totals, one row per plan), "
                    + "not by governorate: the dashboard needs people in need per Iraqi governorate (an Admin 1 P-code or name "
                    + "column), so nothing can be imported from it. Use the governorate table of the Iraq HNO or HRP.",
            };
        }
        if (!c.StrongSignal) return null;

        // Another country's table: every row will be skipped with a counted reason, so the year and the
        // layout do not matter; say so rather than ask for a --year the rows would never use.
        var (iraqRows, foreignRows) = Peek(header, c);
        var foreign = foreignRows > 0 && iraqRows == 0;

        var problems = new List<HeaderNote>();
        if (!foreign && c.Pin.Count > 1)
            problems.Add(new HeaderNote(header.TitleOf(c.Pin[1]),
                $"The table has {c.Pin.Count} people-in-need columns ({string.Join(", ", c.Pin.Select(header.TitleOf))}): "
                + "one column per cluster or group is not read; give one row per governorate and cluster with a single In Need column."));
        if (c.Year < 0 && request.Year is null && !foreign)
            problems.Add(new HeaderNote(null,
                "The table has no year column (Year or #date+year); give the HNO/HRP reference year (--year)."));

        var warnings = new List<HeaderNote>();
        for (var i = 0; i < header.Width; i++)
        {
            if (c.Used.Contains(i)) continue;
            var title = header.TitleOf(i);
            var untitled = i >= header.Titles.Length || header.Titles[i].Length == 0;
            var untagged = header.Tags is null || i >= header.Tags.Length || header.Tags[i] is null;
            if (untitled && untagged) continue;
            warnings.Add(new HeaderNote(title, "Column not used for need figures (the dashboard takes people in need, targeted and reached); ignored."));
        }

        var projector = new HnoProjector(header, c, request.Year);
        return new FormatMatch(Name, RecordKind.Need, 300 + 10 * c.Recognised - problems.Count, projector)
        {
            Problems = problems,
            Warnings = warnings,
        };
    }

    /// <summary>The project's own need template (every title a template column) is TemplateFormat's.</summary>
    private static bool IsTemplateHeader(HeaderInfo header)
    {
        var names = header.Titles.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).ToList();
        var need = TemplateKind.For(RecordKind.Need).Columns;
        return names.Count > 0 && names.All(need.Contains);
    }

    private static (int Iraq, int Foreign) Peek(HeaderInfo header, HnoColumns c)
    {
        int iraq = 0, foreign = 0;
        foreach (var record in header.Sheet.Rows().Where(r => r.Line >= header.FirstDataRow).Take(PeekRows))
        {
            switch (HnoProjector.Country(record.Fields, c))
            {
                case true: iraq++; break;
                case false: foreign++; break;
            }
        }
        return (iraq, foreign);
    }
}

/// <summary>Where the HNO columns are (by title first, then by HXL tag); -1 when absent.</summary>
internal sealed class HnoColumns
{
    public int Admin1Code = -1, Admin1Name = -1, Admin2Code = -1, Admin2Name = -1, Admin3Code = -1, Admin3Name = -1;
    public int Country = -1, Cluster = -1, Category = -1, Targeted = -1, Reached = -1, Year = -1, Organisation = -1;
    public List<int> Pin { get; } = [];
    public Func<string, string?>? YearConvert;
    public HashSet<int> Used { get; } = [];
    /// <summary>The header names admin areas or PiN the HNO way (not just "Governorate" + a template column).</summary>
    public bool StrongSignal;

    public bool HasAdmin => Admin1Code >= 0 || Admin1Name >= 0 || Admin2Code >= 0 || Admin2Name >= 0 || Admin3Code >= 0;
    public int Recognised => Used.Count;

    private static readonly string[] CountryTitles = ["country", "countrycode", "countryname", "iso3", "isoalpha3", "isoalpha3code", "isoalpha3codes", "admin0pcode", "adm0pcode", "admin0name", "adm0name"];
    private static readonly string[] ClusterTitles = ["cluster", "sector", "clustersector", "sectorcluster", "clustername", "sectorname"];
    private static readonly string[] CategoryTitles = ["category", "populationgroup", "populationgroups", "populationtype", "populationcategory", "group", "caseload", "populationcaseload"];
    private static readonly string[] PinTitles = ["inneed", "inneedpin", "pin", "peopleinneed", "totalpin", "peopleinneedpin", "numberofpeopleinneed", "totalpeopleinneed"];
    private static readonly string[] TargetedTitles = ["targeted", "target", "peopletargeted", "totaltargeted", "pintargeted"];
    private static readonly string[] ReachedTitles = ["reached", "peoplereached", "totalreached"];
    private static readonly string[] YearTitles = ["year", "referenceyear", "hnoyear", "hrpyear", "planyear"];
    /// <summary>An organisation column makes the table a 3W (people reached per organisation), read as presence.</summary>
    private static readonly string[] OrganisationTitles = [.. ThreeWFormat.OrganisationTitles, .. ThreeWFormat.AcronymTitles];

    public static HnoColumns Find(HeaderInfo header)
    {
        var c = new HnoColumns();
        var folded = header.Titles.Select(HeaderInfo.Fold).ToArray();
        var tags = header.Tags ?? [];

        int ByTitle(string[] names)
        {
            for (var i = 0; i < folded.Length; i++)
                if (!c.Used.Contains(i) && names.Contains(folded[i])) return i;
            return -1;
        }
        int ByTag(Func<HxlTag, bool> predicate)
        {
            for (var i = 0; i < tags.Length; i++)
                if (!c.Used.Contains(i) && tags[i] is { } t && predicate(t)) return i;
            return -1;
        }
        int Take(int index)
        {
            if (index >= 0) c.Used.Add(index);
            return index;
        }
        int Find(string[] titles, Func<HxlTag, bool> tag, bool strong = true)
        {
            var i = ByTitle(titles);
            if (i < 0) i = ByTag(tag);
            else if (strong) c.StrongSignal = true;
            if (i >= 0 && tags.Length > i && tags[i] is not null) c.StrongSignal |= strong;
            return Take(i);
        }

        c.Admin1Code = Find(AdminColumns.Admin1CodeTitles, AdminColumns.IsAdmin1Code);
        c.Admin1Name = Find(AdminColumns.Admin1NameTitles, AdminColumns.IsAdmin1Name);
        if (c.Admin1Name < 0) c.Admin1Name = Take(ByTitle(AdminColumns.Admin1WeakTitles));
        c.Admin2Code = Find(AdminColumns.Admin2CodeTitles, AdminColumns.IsAdmin2Code);
        c.Admin2Name = Find(AdminColumns.Admin2NameTitles, AdminColumns.IsAdmin2Name);
        c.Admin3Code = Find(AdminColumns.Admin3CodeTitles, AdminColumns.IsAdmin3Code);
        c.Admin3Name = Find(AdminColumns.Admin3NameTitles, AdminColumns.IsAdmin3Name);
        c.Country = Find(CountryTitles, t => t.Hashtag is "country" or "adm0", strong: false);
        c.Cluster = Find(ClusterTitles, t => t.Hashtag == "sector" && !t.Has("code"), strong: false);
        c.Category = Find(CategoryTitles, t => t.Hashtag is "category" or "group" || t.Is("population", "group") || t.Is("population", "type"), strong: false);

        // People in need: every column so titled or tagged (more than one means a wide layout).
        for (var i = 0; i < header.Width; i++)
        {
            var byTitle = i < folded.Length && PinTitles.Contains(folded[i]);
            var byTag = i < tags.Length && tags[i] is { Hashtag: "inneed" };
            if (!byTitle && !byTag) continue;
            // "people_in_need" is the template's own name: it alone does not make an HNO table.
            if (byTag || (byTitle && header.Titles[i].Trim() != "people_in_need")) c.StrongSignal = true;
            c.Pin.Add(Take(i));
        }
        c.Targeted = Find(TargetedTitles, t => t.Hashtag is "targeted" or "target", strong: false);
        c.Reached = Find(ReachedTitles, t => t.Hashtag == "reached", strong: false);
        c.Year = Find(YearTitles, t => t.Is("date", "year"), strong: false);
        if (c.Year < 0)
        {
            c.Year = Take(ByTag(t => t.Hashtag == "date" && !t.Has("start") && !t.Has("end")));
            if (c.Year >= 0) c.YearConvert = SourceFormat.YearOf;
        }
        c.Organisation = ByTitle(OrganisationTitles);
        if (c.Organisation < 0) c.Organisation = ByTag(t => t.Hashtag == "org");
        return c;
    }
}

/// <summary>Collects the rows of an HNO table and emits one need figure per year, governorate and cluster at the end.</summary>
internal sealed partial class HnoProjector : RowProjector
{
    private const string IntersectoralKey = "\u0001intersectoral";
    private static readonly HashSet<string> TotalNames = new(["total", "grandtotal", "all", "overall", "alltotal", "totalpin"], StringComparer.Ordinal);

    private readonly HnoColumns _c;
    private readonly string? _defaultYear;
    private readonly List<Entry> _entries = [];
    private static readonly Lazy<NameResolver> Resolver = new(() => new NameResolver(Data.GazetteerSource.Default));
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly int _year, _governorate, _district, _cluster, _pin, _targeted, _reached;
    private readonly string[] _measureColumns = ["people_in_need", "targeted", "reached"];

    public HnoProjector(HeaderInfo header, HnoColumns columns, int? requestYear) : base(TemplateKind.For(RecordKind.Need))
    {
        _c = columns;
        _defaultYear = requestYear?.ToString(CultureInfo.InvariantCulture);
        _year = IndexOf("year");
        _governorate = IndexOf("governorate");
        _district = IndexOf("district");
        _cluster = IndexOf("cluster");
        _pin = IndexOf("people_in_need");
        _targeted = IndexOf("targeted");
        _reached = IndexOf("reached");
        var gov = new[] { columns.Admin1Code, columns.Admin1Name, columns.Admin2Code, columns.Admin3Code }.FirstOrDefault(i => i >= 0, -1);
        if (gov >= 0) SourceNames["governorate"] = header.TitleOf(gov);
        var district = new[] { columns.Admin2Code, columns.Admin2Name, columns.Admin3Code }.FirstOrDefault(i => i >= 0, -1);
        if (district >= 0) SourceNames["district"] = header.TitleOf(district);
        if (columns.Year >= 0) SourceNames["year"] = header.TitleOf(columns.Year);
        if (columns.Cluster >= 0) SourceNames["cluster"] = header.TitleOf(columns.Cluster);
        if (columns.Pin.Count > 0) SourceNames["people_in_need"] = header.TitleOf(columns.Pin[0]);
        if (columns.Targeted >= 0) SourceNames["targeted"] = header.TitleOf(columns.Targeted);
        if (columns.Reached >= 0) SourceNames["reached"] = header.TitleOf(columns.Reached);
    }

    /// <summary>One source row, keyed for the roll-up; <paramref name="District"/> as written (admin-2 and admin-3 rows).</summary>
    private sealed record Entry(int Row, string? Year, string? Governorate, string GovKey, int Level, string Place, string? District,
        string ClusterKey, string? Cluster, bool CategoryTotal, string CategoryKey, string?[] Raw);

    /// <summary>True: an Iraq row (by P-code or country); false: another country's; null: cannot tell.</summary>
    internal static bool? Country(string[] f, HnoColumns c)
    {
        bool? result = null;
        foreach (var i in new[] { c.Admin1Code, c.Admin2Code, c.Admin3Code })
        {
            var code = Cell(f, i);
            if (code is null || NameResolver.IsCountry(code)) continue;
            if (!code.StartsWith("IQ", StringComparison.OrdinalIgnoreCase)) return false;
            result = true;
        }
        var country = Cell(f, c.Country);
        if (country is not null)
        {
            if (!NameResolver.IsCountry(country)) return false;
            result = true;
        }
        return result;
    }

    public override void Project(CsvRecord row, ProjectionContext context, List<ProjectedRow> output)
    {
        var f = row.Fields;
        if (Country(f, _c) == false)
        {
            context.Skip(HnoFormat.OutsideIraq);
            return;
        }

        string? admin1Code = Cell(f, _c.Admin1Code), admin1Name = Cell(f, _c.Admin1Name);
        string? admin2 = Cell(f, _c.Admin2Code) ?? Cell(f, _c.Admin2Name);
        string? admin3 = Cell(f, _c.Admin3Code) ?? Cell(f, _c.Admin3Name);
        var governorate = admin1Code ?? admin1Name ?? GovernorateOfCode(Cell(f, _c.Admin2Code)) ?? GovernorateOfCode(Cell(f, _c.Admin3Code));
        // The district: the Admin 2 P-code, else its name, else the district of an Iraqi admin-3 P-code.
        var district = Cell(f, _c.Admin2Code) ?? Cell(f, _c.Admin2Name) ?? DistrictOfCode(Cell(f, _c.Admin3Code));
        var raw = new[] { Number(f, _c.Pin.Count > 0 ? _c.Pin[0] : -1), Number(f, _c.Targeted), Number(f, _c.Reached) };
        var year = _c.Year >= 0 && Cell(f, _c.Year) is { } y ? (_c.YearConvert is null ? SourceFormat.YearOf(y) ?? y : _c.YearConvert(y) ?? y) : _defaultYear;
        var clusterText = Cell(f, _c.Cluster);

        // A national line ("Total", "Iraq", "IRQ") has no governorate: it is not a governorate's figure.
        if (admin2 is null && admin3 is null
            && (admin1Code is not null ? NameResolver.IsCountry(admin1Code) : admin1Name is not null && IsTotalName(admin1Name)))
        {
            context.Skip(HnoFormat.NationalTotal);
            return;
        }
        if (governorate is null)
        {
            // No place: let the validator say so, row by row.
            var fields = NewRow();
            fields[_year] = year;
            fields[_cluster] = clusterText;
            fields[_pin] = raw[0];
            fields[_targeted] = raw[1];
            fields[_reached] = raw[2];
            output.Add(new ProjectedRow(row.Line, fields));
            return;
        }

        var level = admin3 is not null ? 3 : admin2 is not null ? 2 : 1;
        var place = level switch
        {
            3 => "3|" + NameKey.Fold(Cell(f, _c.Admin3Code) ?? admin3),
            2 => "2|" + NameKey.Fold(Cell(f, _c.Admin2Code) ?? admin2),
            _ => "1",
        };
        var clusterKey = NeedKind.IsIntersectoral(clusterText) ? IntersectoralKey : NameKey.Fold(clusterText);
        var category = Cell(f, _c.Category);
        var categoryTotal = category is null || TotalNames.Contains(NameKey.Fold(category));
        _entries.Add(new Entry(row.Line, year, governorate, GovernorateKey(governorate), level, place, level > 1 ? district : null,
            clusterKey, clusterText, categoryTotal, categoryTotal ? string.Empty : NameKey.Fold(category), raw));
    }

    public override IEnumerable<ProjectedRow> Complete(ProjectionContext context)
    {
        // 1. A row repeating an earlier one (year, place, cluster, category) is not added again.
        var seen = new HashSet<(string?, string, string, string, bool, string)>();
        var entries = new List<Entry>();
        foreach (var e in _entries)
        {
            if (seen.Add((e.Year, e.GovKey, e.Place, e.ClusterKey, e.CategoryTotal, e.CategoryKey))) entries.Add(e);
            else context.Warn(e.Row, null, null,
                "Repeats an earlier row for the same year, place, cluster and category; not added again (never double counted).");
        }

        // 2. Per place and cluster: a category total wins over the category rows; otherwise they are summed.
        var perPlace = new List<Entry>();
        foreach (var g in entries.GroupBy(e => (e.Year, e.GovKey, e.Place, e.ClusterKey)))
        {
            if (g.Any(e => e.CategoryTotal) && g.Any(e => !e.CategoryTotal))
            {
                var dropped = g.First(e => !e.CategoryTotal);
                context.Warn(dropped.Row, SourceNames.GetValueOrDefault("cluster"), dropped.Cluster,
                    "category total already present; category rows not added");
                perPlace.AddRange(g.Where(e => e.CategoryTotal));
            }
            else perPlace.AddRange(g);
        }

        // 3. Per governorate and cluster: the least detailed level wins (admin1 total over admin2 rows, admin2 over
        //    admin3), so nothing is counted twice. District rows keep their district, one figure per district (its
        //    sub-districts summed): the governorate's figure is their sum, made where the figures are read.
        foreach (var g in perPlace.GroupBy(e => (e.Year, e.GovKey, e.ClusterKey)).OrderBy(g => g.Min(e => e.Row)))
        {
            var level = g.Min(e => e.Level);
            var chosen = g.Where(e => e.Level == level).OrderBy(e => e.Row).ToList();
            var deeper = g.Where(e => e.Level > level).OrderBy(e => e.Row).ToList();
            if (deeper.Count > 0)
                context.Warn(deeper[0].Row, SourceNames.GetValueOrDefault("governorate"), chosen[0].Governorate,
                    $"admin{level} total already present; admin{deeper.Min(e => e.Level)} rows not added");
            WarnPartial(chosen, context);
            foreach (var district in chosen.GroupBy(e => NameKey.Fold(e.District)))
                if (Emit(district.ToList(), context) is { } row) yield return row;
        }
    }

    /// <summary>A governorate and cluster whose figure adds rows that report people in need to rows that report none: said once.</summary>
    private void WarnPartial(List<Entry> rows, ProjectionContext context)
    {
        var blanks = rows.Count(e => e.Raw[0] is null);
        if (blanks > 0 && blanks < rows.Count)
            context.Warn(rows[0].Row, SourceNames.GetValueOrDefault("people_in_need"), null, string.Create(CultureInfo.InvariantCulture,
                $"{blanks} of the {rows.Count} rows summed for this governorate and cluster report no people in need; the total covers the rows that do."));
    }

    /// <summary>One figure: a single row as written, or the sum of a place's rows (its categories, or a district's sub-districts).</summary>
    private ProjectedRow? Emit(List<Entry> rows, ProjectionContext context)
    {
        var first = rows[0];
        var fields = NewRow();
        fields[_year] = first.Year;
        fields[_governorate] = first.Governorate;
        fields[_district] = first.District;
        fields[_cluster] = first.ClusterKey == IntersectoralKey ? NeedFigure.Intersectoral : first.Cluster;
        var targets = new[] { _pin, _targeted, _reached };
        if (rows.Count == 1)
        {
            for (var m = 0; m < targets.Length; m++) fields[targets[m]] = first.Raw[m];
            return new ProjectedRow(first.Row, fields);
        }

        var valid = true;
        for (var m = 0; m < targets.Length; m++)
        {
            decimal? sum = null;
            foreach (var e in rows)
            {
                var text = e.Raw[m];
                if (text is null) continue;
                if (!TryParseCount(text, out var value))
                {
                    context.Error(e.Row, SourceNames.GetValueOrDefault(_measureColumns[m], _measureColumns[m]), text,
                        "Not a number (write digits, e.g. 1234567 or 1,234,567); the governorate total cannot be summed.");
                    valid = false;
                    continue;
                }
                if (value < 0)
                {
                    context.Error(e.Row, SourceNames.GetValueOrDefault(_measureColumns[m], _measureColumns[m]), text, "Must not be negative.");
                    valid = false;
                    continue;
                }
                sum = (sum ?? 0) + value;
            }
            fields[targets[m]] = sum?.ToString("0.##########", CultureInfo.InvariantCulture);
        }
        return valid ? new ProjectedRow(first.Row, fields) : null;
    }

    /// <summary>A count as HNO tables write it: 1234567, 1,234,567, 1 234 567, 1234567.0 (invariant culture).</summary>
    internal static bool TryParseCount(string text, out decimal value)
    {
        var s = text.Trim();
        if (ThousandsSeparated().IsMatch(s))
            s = s.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
                .Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// The governorate's P-code when the gazetteer knows the spelling, so "IQG15", "Ninewa" and "Nineveh" roll up
    /// together (the validator resolves the text written again, and reports unknown names).
    /// </summary>
    private string GovernorateKey(string governorate)
    {
        if (!_keys.TryGetValue(governorate, out var key))
        {
            key = Resolver.Value.Resolve(governorate).Pcode ?? "?" + NameKey.Fold(governorate);
            if (_keys.Count < 10_000) _keys[governorate] = key;
        }
        return key;
    }


    /// <summary>The governorate of a district or sub-district P-code (IQG15Q01 -> IQG15); null otherwise.</summary>
    private static string? GovernorateOfCode(string? code) => code is null ? null : Data.GazetteerSource.Default.GovernorateOfCode(code);

    /// <summary>The district of a sub-district P-code (IQG15Q01N02 -> IQG15Q01); null otherwise.</summary>
    private static string? DistrictOfCode(string? code) => code is null ? null : Data.GazetteerSource.Default.DistrictOfCode(code);

    private static bool IsTotalName(string name) => TotalNames.Contains(NameKey.Fold(name)) || NameResolver.IsCountry(name);

    private static string? Cell(string[] f, int i)
    {
        if (i < 0 || i >= f.Length) return null;
        var v = f[i].Trim();
        return v.Length == 0 ? null : v;
    }

    /// <summary>A figure cell: blank and "-" (nil, as some HNO tables write it) are "not reported".</summary>
    private static string? Number(string[] f, int i) => Cell(f, i) is { } v && v is not ("-" or "\u2013" or "\u2014") ? v : null;

    [GeneratedRegex(@"^-?\d{1,3}([, \u00A0\u202F]\d{3})+(\.\d+)?$")]
    private static partial Regex ThousandsSeparated();
}
