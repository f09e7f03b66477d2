using System.Globalization;
using System.Text.RegularExpressions;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Records;
using EquityDashboard.Core.Scope;
using EquityDashboard.Infrastructure.Import.Tabular;

namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>
/// The IOM Displacement Tracking Matrix (DTM) IDP master list for Iraq: one row per location of
/// displacement, <c>Place id, Governorate, District, Location name in English, Location name in Arabic,
/// Latitude, Longitude, Households, Individuals, ...</c> (an HXL row under the titles is optional), read
/// into the displacement template (docs/data-formats.md, section 12a):
/// <list type="bullet">
/// <item>IDPs are the location's <c>Individuals</c> (by title, else the tag <c>#affected+idps</c> or
/// <c>#affected+displaced</c> without <c>+households</c>); the location is its English name, else its Arabic one.</item>
/// <item>Governorate and district names have no P-codes: they resolve through the gazetteer (section 1.1 and
/// 1.2), English first; where the list also gives them in Arabic, the Arabic name is used when the English
/// one does not resolve. A district name that resolves neither way stays at its governorate, district not
/// specified, and is listed in the report.</item>
/// <item>The year is that of the round, from where the workbook says it (<see cref="DtmRound"/>);
/// <c>--year</c> overrides it, and without either the import asks for it.</item>
/// </list>
/// Households, shelter types, governorates of origin, periods of displacement and coordinates are not used.
/// </summary>
internal sealed class DtmFormat : SourceFormat
{
    public const string FormatName = "IOM DTM master list";

    public override string Name => FormatName;

    public override FormatMatch? Match(HeaderInfo header, RecordKind? kind, ImportRequest request)
    {
        if (kind is { } k && k != RecordKind.Displacement) return null;
        var c = DtmColumns.Find(header);
        if (!c.IsMasterList) return null;

        var problems = new List<HeaderNote>();
        var warnings = new List<HeaderNote>();
        var said = DtmRound.Find(header);
        var years = said.Select(s => s.Year).Distinct().Order().ToList();
        int? year = request.Year;
        if (year is { } given)
        {
            if (years.Count > 0 && !years.Contains(given))
                warnings.Add(new HeaderNote(null, string.Create(CultureInfo.InvariantCulture,
                    $"The workbook says its round is of {string.Join(" and ", years)} ({said[0]}); imported as {given}, as --year asks.")));
        }
        else if (years.Count == 1)
        {
            year = years[0];
            warnings.Add(new HeaderNote(null, string.Create(CultureInfo.InvariantCulture,
                $"Year {year} is the year of the round, from {said[0]}; give --year to import it as another year.")));
        }
        else if (years.Count > 1)
            problems.Add(new HeaderNote(null, string.Create(CultureInfo.InvariantCulture,
                $"The workbook names more than one year for its round ({string.Join("; ", said.Select(s => s.ToString()))}); give the year of the round with --year.")));
        else
            problems.Add(new HeaderNote(null,
                "The file does not say the year of its DTM round (no 'Round N ... 2021' or 'Master List dd-mm-yyyy' line in its sheets); give the year of the round with --year."));

        var unused = Enumerable.Range(0, header.Width).Where(i => !c.Used.Contains(i) && Named(header, i)).Select(i => Clean(header.TitleOf(i))).ToList();
        if (unused.Count > 0)
            warnings.Add(new HeaderNote(null, string.Create(CultureInfo.InvariantCulture,
                $"{unused.Count} column{(unused.Count == 1 ? " is" : "s are")} not used for displacement figures (the dashboard takes the IDP individuals per location): "
                + $"{string.Join(", ", unused.Take(6).Select(u => $"'{u}'"))}{(unused.Count > 6 ? ", ..." : "")}; ignored.")));

        return new FormatMatch(Name, RecordKind.Displacement, 250 + 10 * c.Used.Count - problems.Count,
            year is { } y ? new DtmProjector(header, c, y) : null)
        {
            Problems = problems,
            Warnings = warnings,
        };
    }

    private static bool Named(HeaderInfo header, int i) =>
        (i < header.Titles.Length && header.Titles[i].Length > 0) || (header.Tags is { } t && i < t.Length && t[i] is not null);

    /// <summary>A title as one line ("Location name\nin English" -> "Location name in English").</summary>
    internal static string Clean(string title) => string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Where the master list's columns are (by title first, then by HXL tag); -1 when absent.</summary>
internal sealed class DtmColumns
{
    public int PlaceId = -1, Governorate = -1, GovernorateAr = -1, District = -1, DistrictAr = -1, Location = -1, LocationAr = -1, Individuals = -1;
    public HashSet<int> Used { get; } = [];
    /// <summary>A location column titled the DTM way ("Location name in English"/"in Arabic").</summary>
    private bool _dtmLocationTitle;

    /// <summary>
    /// A governorate and the IDP individuals, and a sign of the DTM list itself (a "Place id" column or a
    /// location column titled "Location name in English/Arabic"): other tables with a governorate and a count
    /// are not taken for it.
    /// </summary>
    public bool IsMasterList => (Governorate >= 0 || GovernorateAr >= 0) && Individuals >= 0 && (PlaceId >= 0 || _dtmLocationTitle);

    private static readonly string[] PlaceIdTitles = ["placeid", "placecode", "locationid"];
    private static readonly string[] GovernorateTitles = ["governorate", "governoratename", "governorateinenglish", "governoratenameinenglish", "governorateofdisplacement"];
    private static readonly string[] GovernorateArTitles = ["governorateinarabic", "governoratenameinarabic", "governoratearabic", "governoratear"];
    private static readonly string[] DistrictTitles = ["district", "districtname", "districtinenglish", "districtnameinenglish", "districtofdisplacement"];
    private static readonly string[] DistrictArTitles = ["districtinarabic", "districtnameinarabic", "districtarabic", "districtar"];
    private static readonly string[] LocationDtmTitles = ["locationnameinenglish"];
    private static readonly string[] LocationTitles = ["locationname", "location"];
    private static readonly string[] LocationArTitles = ["locationnameinarabic", "locationarabic"];
    private static readonly string[] IndividualsTitles = ["individuals", "idpindividuals", "idpsindividuals", "numberofidpindividuals", "totalidpindividuals"];

    public static DtmColumns Find(HeaderInfo header)
    {
        var c = new DtmColumns();
        var folded = header.Titles.Select(HeaderInfo.Fold).ToArray();
        var tags = header.Tags ?? [];
        static bool Arabic(HxlTag t) => t.Has("ar") || t.Has("i_ar") || t.Has("arabic");

        int Take(int i)
        {
            if (i >= 0) c.Used.Add(i);
            return i;
        }
        int Find(string[] titles, Func<HxlTag, bool>? tag)
        {
            for (var i = 0; i < folded.Length; i++)
                if (!c.Used.Contains(i) && titles.Contains(folded[i])) return Take(i);
            if (tag is null) return -1;
            for (var i = 0; i < tags.Length; i++)
                if (!c.Used.Contains(i) && tags[i] is { } t && tag(t)) return Take(i);
            return -1;
        }

        c.PlaceId = Find(PlaceIdTitles, null);
        c.GovernorateAr = Find(GovernorateArTitles, t => t.Hashtag == "adm1" && !t.Has("code") && Arabic(t));
        c.Governorate = Find(GovernorateTitles, t => t.Hashtag == "adm1" && !t.Has("code") && !Arabic(t));
        c.DistrictAr = Find(DistrictArTitles, t => t.Hashtag == "adm2" && !t.Has("code") && Arabic(t));
        c.District = Find(DistrictTitles, t => t.Hashtag == "adm2" && !t.Has("code") && !Arabic(t));
        c.LocationAr = Find(LocationArTitles, t => t.Hashtag is "loc" or "adm3" && !t.Has("code") && Arabic(t));
        c.Location = Find(LocationDtmTitles, null);
        c._dtmLocationTitle = c.Location >= 0 || c.LocationAr >= 0;
        if (c.Location < 0) c.Location = Find(LocationTitles, t => t.Hashtag is "loc" or "adm3" && !t.Has("code") && !Arabic(t));
        c.Individuals = Find(IndividualsTitles,
            t => t.Hashtag == "affected" && (t.Has("idps") || t.Has("displaced")) && !t.Has("households") && !t.Has("hh") && !t.Has("pct"));
        return c;
    }
}

/// <summary>
/// One row per location: the year of the round, the governorate and district (English, or Arabic when only
/// that resolves), the location's name and its IDP individuals.
/// </summary>
internal sealed class DtmProjector : RowProjector
{
    private static readonly Lazy<NameResolver> Resolver = new(() => new NameResolver(Data.GazetteerSource.Default));

    private readonly DtmColumns _c;
    private readonly string _year;
    private readonly int _yearIndex, _governorate, _district, _location, _idps;
    private readonly string?[] _fields;
    private readonly Dictionary<string, string?> _governorates = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), bool> _districts = [];

    public DtmProjector(HeaderInfo header, DtmColumns columns, int year) : base(TemplateKind.For(RecordKind.Displacement))
    {
        _c = columns;
        _year = year.ToString(CultureInfo.InvariantCulture);
        _yearIndex = IndexOf("year");
        _governorate = IndexOf("governorate");
        _district = IndexOf("district");
        _location = IndexOf("location");
        _idps = IndexOf("idps");
        _fields = NewRow();
        void Name(string column, int english, int arabic)
        {
            var i = english >= 0 ? english : arabic;
            if (i >= 0) SourceNames[column] = DtmFormat.Clean(header.TitleOf(i));
        }
        Name("governorate", columns.Governorate, columns.GovernorateAr);
        Name("district", columns.District, columns.DistrictAr);
        Name("location", columns.Location, columns.LocationAr);
        Name("idps", columns.Individuals, -1);
    }

    public override void Project(CsvRecord row, ProjectionContext context, List<ProjectedRow> output)
    {
        // One array for every row: each row is finished with before the next is projected.
        var f = row.Fields;
        var fields = _fields;
        Array.Clear(fields);
        fields[_yearIndex] = _year;
        string? english = Cell(f, _c.Governorate), arabic = Cell(f, _c.GovernorateAr);
        var governorate = english is not null && (arabic is null || GovernoratePcode(english) is not null) ? english
            : arabic is not null && GovernoratePcode(arabic) is not null ? arabic
            : english ?? arabic;
        fields[_governorate] = governorate;

        string? district = Cell(f, _c.District), districtAr = Cell(f, _c.DistrictAr);
        if (districtAr is not null && governorate is not null && GovernoratePcode(governorate) is { } pcode
            && (district is null || !IsDistrictOf(district, pcode)) && IsDistrictOf(districtAr, pcode))
            district = districtAr;
        fields[_district] = district ?? districtAr;
        fields[_location] = Cell(f, _c.Location) ?? Cell(f, _c.LocationAr);
        fields[_idps] = Cell(f, _c.Individuals);
        output.Add(new ProjectedRow(row.Line, fields));
    }

    /// <summary>Only asked when the list also has Arabic names: which of the two resolves.</summary>
    private string? GovernoratePcode(string name)
    {
        if (!_governorates.TryGetValue(name, out var pcode))
        {
            pcode = Resolver.Value.Resolve(name).Pcode;
            if (_governorates.Count < 10_000) _governorates[name] = pcode;
        }
        return pcode;
    }

    private bool IsDistrictOf(string name, string governoratePcode)
    {
        if (!_districts.TryGetValue((name, governoratePcode), out var found))
        {
            found = Resolver.Value.ResolveDistrict(name, governoratePcode).Pcode is not null;
            if (_districts.Count < 10_000) _districts[(name, governoratePcode)] = found;
        }
        return found;
    }

    private static string? Cell(string[] f, int i)
    {
        if (i < 0 || i >= f.Length) return null;
        var v = f[i].Trim();
        return v.Length == 0 ? null : v;
    }
}

/// <summary>
/// Where a DTM workbook says when its round was: a cell naming the round ("... Dataset Round 123, covering the
/// months of August and September 2021") or the list's date ("DTM : IDP Master List 30-09-2021"), in the rows
/// above the header of the data sheet or the first rows of any other sheet. The year is the last year such a
/// cell names (a round over December and January belongs to the year it ends in).
/// </summary>
internal static partial class DtmRound
{
    /// <summary>A year a cell gives, and where (shown in the report).</summary>
    internal sealed record Said(int Year, string Sheet, int Row, string Text)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"sheet '{Sheet}', row {Row}: \"{(Text.Length <= 200 ? Text : Text[..197] + "...")}\"");
    }

    public static List<Said> Find(HeaderInfo header)
    {
        var said = new List<Said>();
        foreach (var sheet in header.Sheet.Workbook)
        {
            var rows = ReferenceEquals(sheet, header.Sheet)
                ? sheet.Rows().TakeWhile(r => r.Line < header.HeaderRow)
                : sheet.Rows().Take(FormatDetector.HeaderSearchRows);
            foreach (var row in rows)
                foreach (var cell in row.Fields)
                    if (YearOf(cell) is { } year)
                        said.Add(new Said(year, sheet.Name.Trim(), row.Line, DtmFormat.Clean(cell)));
        }
        return said;
    }

    internal static int? YearOf(string cell)
    {
        if (cell.Length is < 8 or > 2000 || !RoundOrList().IsMatch(cell)) return null;
        int? last = null;
        foreach (Match m in Year().Matches(cell))
        {
            var y = int.Parse(m.Value, CultureInfo.InvariantCulture);
            if (YearRange.Contains(y)) last = y;
        }
        return last;
    }

    [GeneratedRegex(@"\bround\s*(no\.?\s*)?\d+\b|\bmaster\s*list\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoundOrList();

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)")]
    private static partial Regex Year();
}
