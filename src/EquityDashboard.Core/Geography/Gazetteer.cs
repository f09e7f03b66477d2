using System.Globalization;
using EquityDashboard.Core.Text;

namespace EquityDashboard.Core.Geography;

/// <summary>The 18 governorates, with lookups by P-code and region.</summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Governorate> _byPcode;

    public Gazetteer(IEnumerable<Governorate> governorates)
    {
        All = governorates.OrderBy(g => g.Pcode, StringComparer.Ordinal).ToList();
        _byPcode = All.ToDictionary(g => g.Pcode, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Governorate> All { get; }

    public Governorate this[string pcode] => _byPcode[pcode];

    public bool TryGet(string pcode, out Governorate governorate) =>
        _byPcode.TryGetValue(pcode, out governorate!);

    public IEnumerable<Governorate> InRegion(string region) =>
        All.Where(g => string.Equals(g.Region, region, StringComparison.Ordinal));

    /// <summary>
    /// Parses the gazetteer CSV (pcode,name,name_ar,region,tile_row,tile_col,population,aliases),
    /// aliases separated by '|'. Fields hold no commas, so a plain split is enough.
    /// </summary>
    public static Gazetteer ParseCsv(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2) throw new FormatException("Gazetteer file has no rows.");
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int Col(string name) => Array.FindIndex(header, h => h.Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i : throw new FormatException($"Gazetteer file lacks column '{name}'.");
        int pcode = Col("pcode"), name = Col("name"), ar = Col("name_ar"), region = Col("region"),
            row = Col("tile_row"), col = Col("tile_col"), pop = Col("population"), aliases = Col("aliases");
        var list = new List<Governorate>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            list.Add(new Governorate(
                f[pcode].Trim(), f[name].Trim(), f[ar].Trim(), f[region].Trim(),
                int.Parse(f[row], CultureInfo.InvariantCulture), int.Parse(f[col], CultureInfo.InvariantCulture),
                string.IsNullOrWhiteSpace(f[pop]) ? null : long.Parse(f[pop], CultureInfo.InvariantCulture),
                f[aliases].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }
        return new Gazetteer(list);
    }

    internal static string Key(string s) => NameKey.Fold(s);
}
