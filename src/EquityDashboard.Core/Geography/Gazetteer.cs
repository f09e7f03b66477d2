using System.Globalization;

namespace EquityDashboard.Core.Geography;

/// <summary>
/// The administrative areas of one country, as data: its governorates (admin1) and their districts
/// (admin2), with lookups by P-code, parent and region. Nothing here knows how many there are.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Governorate> _byPcode;
    private readonly Dictionary<string, District> _districts;
    private readonly Dictionary<string, IReadOnlyList<District>> _byParent;

    public Gazetteer(IEnumerable<Governorate> governorates, IEnumerable<District>? districts = null, string? countryIso3 = null)
    {
        All = governorates.OrderBy(g => g.Pcode, StringComparer.Ordinal).ToList();
        _byPcode = All.ToDictionary(g => g.Pcode, StringComparer.OrdinalIgnoreCase);
        Districts = (districts ?? []).OrderBy(d => d.Pcode, StringComparer.Ordinal).ToList();
        foreach (var d in Districts)
        {
            if (!_byPcode.ContainsKey(d.ParentPcode))
                throw new FormatException($"District {d.Pcode} ({d.Name}) names the governorate {d.ParentPcode}, which the gazetteer does not have.");
        }
        _districts = Districts.ToDictionary(d => d.Pcode, StringComparer.OrdinalIgnoreCase);
        _byParent = Districts.GroupBy(d => d.ParentPcode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<District>)g.ToList(), StringComparer.OrdinalIgnoreCase);
        CountryIso3 = countryIso3;
    }

    /// <summary>The governorates, in P-code order.</summary>
    public IReadOnlyList<Governorate> All { get; }

    /// <summary>Every district, in P-code order (empty when the gazetteer has no admin2 level).</summary>
    public IReadOnlyList<District> Districts { get; }

    /// <summary>The country's ISO 3166 alpha-3 code, when the files give it.</summary>
    public string? CountryIso3 { get; }

    /// <summary>The districts of a governorate, in P-code order.</summary>
    public IReadOnlyList<District> DistrictsOf(string governoratePcode) =>
        _byParent.TryGetValue(governoratePcode, out var list) ? list : [];

    public bool TryGetDistrict(string pcode, out District district) =>
        _districts.TryGetValue(pcode, out district!);

    /// <summary>The English name of a governorate or district P-code; the code itself when unknown.</summary>
    public string NameOf(string pcode) =>
        _byPcode.TryGetValue(pcode, out var g) ? g.Name : _districts.TryGetValue(pcode, out var d) ? d.Name : pcode;

    /// <summary>
    /// The governorate a lower-level P-code lies in: the COD writes a child's code as its parent's
    /// followed by its own part (a district's code begins with its governorate's), so it is the
    /// governorate whose P-code begins <paramref name="code"/>; null when none does.
    /// </summary>
    public string? GovernorateOfCode(string code) => LongestPrefix(All.Select(g => g.Pcode), code);

    /// <summary>The district a lower-level (sub-district) P-code lies in, read as <see cref="GovernorateOfCode"/> is.</summary>
    public string? DistrictOfCode(string code) => LongestPrefix(Districts.Select(d => d.Pcode), code);

    private static string? LongestPrefix(IEnumerable<string> pcodes, string code)
    {
        string? best = null;
        foreach (var p in pcodes)
            if (code.Length > p.Length && code.StartsWith(p, StringComparison.OrdinalIgnoreCase) && (best is null || p.Length > best.Length))
                best = p;
        return best;
    }

    public Governorate this[string pcode] => _byPcode[pcode];

    public bool TryGet(string pcode, out Governorate governorate) =>
        _byPcode.TryGetValue(pcode, out governorate!);

    public IEnumerable<Governorate> InRegion(string region) =>
        All.Where(g => string.Equals(g.Region, region, StringComparison.Ordinal));

    /// <summary>
    /// The areas of one level as the equity engine takes them, in P-code order: every governorate, or
    /// the districts (of one governorate when <paramref name="governoratePcode"/> is given, else all).
    /// </summary>
    public IReadOnlyList<AreaUnit> Areas(AreaLevel level, string? governoratePcode = null) => level switch
    {
        AreaLevel.Governorate => All.Select(AreaUnit.Of).ToList(),
        _ => (governoratePcode is null ? Districts : DistrictsOf(governoratePcode))
            .Select(d => AreaUnit.Of(d, _byPcode[d.ParentPcode])).ToList(),
    };

    /// <summary>
    /// Parses the gazetteer CSVs: governorates (iso3 optional, pcode, name, name_ar, region, tile_row,
    /// tile_col, population, aliases) and, when given, districts (pcode, parent_pcode, name, name_ar,
    /// aliases); aliases separated by '|'. Fields hold no commas, so a plain split is enough.
    /// </summary>
    public static Gazetteer ParseCsv(string governoratesCsv, string? districtsCsv = null)
    {
        var rows = Rows(governoratesCsv, "Gazetteer");
        var c = rows.Column;
        int pcode = c("pcode"), name = c("name"), ar = c("name_ar"), region = c("region"),
            row = c("tile_row"), col = c("tile_col"), pop = c("population"), aliases = c("aliases");
        var iso3 = rows.Optional("iso3");
        var governorates = rows.Lines.Select(f => new Governorate(
            f[pcode].Trim(), f[name].Trim(), f[ar].Trim(), f[region].Trim(),
            int.Parse(f[row], CultureInfo.InvariantCulture), int.Parse(f[col], CultureInfo.InvariantCulture),
            string.IsNullOrWhiteSpace(f[pop]) ? null : long.Parse(f[pop], CultureInfo.InvariantCulture),
            Aliases(f[aliases]))).ToList();
        var countries = iso3 is { } i ? rows.Lines.Select(f => f[i].Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : [];
        if (countries.Count > 1) throw new FormatException($"Gazetteer file names several countries: {string.Join(", ", countries)}.");

        var districts = new List<District>();
        if (districtsCsv is not null)
        {
            var d = Rows(districtsCsv, "District file");
            int dp = d.Column("pcode"), parent = d.Column("parent_pcode"), dn = d.Column("name"), dar = d.Column("name_ar"), da = d.Column("aliases");
            districts.AddRange(d.Lines.Select(f => new District(f[dp].Trim(), f[parent].Trim(), f[dn].Trim(), f[dar].Trim(), Aliases(f[da]))));
        }
        return new Gazetteer(governorates, districts, countries.SingleOrDefault());
    }

    private static string[] Aliases(string field) =>
        field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed record CsvRows(string[] Header, List<string[]> Lines, string What)
    {
        public int Column(string name) => Optional(name) ?? throw new FormatException($"{What} lacks column '{name}'.");

        public int? Optional(string name) =>
            Array.FindIndex(Header, h => h.Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : null;
    }

    private static CsvRows Rows(string csv, string what)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2) throw new FormatException($"{what} has no rows.");
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var body = lines.Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var (f, n) in body.Select((f, n) => (f, n)))
        {
            if (f.Length != header.Length) throw new FormatException($"{what}: row {n + 2} has {f.Length} fields, the header {header.Length}.");
        }
        return new CsvRows(header, body, what);
    }
}
