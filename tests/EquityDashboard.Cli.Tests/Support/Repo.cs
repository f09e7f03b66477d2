using System.Globalization;
using System.Text.Json;

namespace EquityDashboard.Cli.Tests.Support;

/// <summary>The repository checkout and its seeds/ folder, read independently of the app.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);
    private static readonly Lazy<IReadOnlyList<Governorate>> GovernorateList = new(ReadGovernorates);
    private static readonly Lazy<IReadOnlyList<ManifestEntry>> ManifestEntries = new(ReadManifest);

    public static string Root => RootPath.Value;

    public static string SeedsFolder => Path.Combine(Root, "seeds");

    public static IReadOnlyList<Governorate> Governorates => GovernorateList.Value;

    public static IReadOnlyList<ManifestEntry> Manifest => ManifestEntries.Value;

    public static readonly IReadOnlyList<string> RegionNames = ["KRI", "South", "North/Centre", "Baghdad"];

    public sealed record Governorate(string Pcode, string Name, string Region, long Population, IReadOnlyList<string> Aliases);

    public sealed record ManifestEntry(string File, string Kind, string Source, bool Illustrative);

    /// <summary>Resolves a governorate spelling used in the seed files (P-code, English name or listed alias).</summary>
    public static string ResolvePcode(string value)
    {
        var key = Key(value);
        foreach (var g in Governorates)
        {
            if (Key(g.Pcode) == key || Key(g.Name) == key || g.Aliases.Any(a => Key(a) == key))
                return g.Pcode;
        }
        throw new InvalidOperationException($"The test cannot resolve governorate '{value}' from seeds/governorates.csv.");
    }

    /// <summary>Every record of the seed files of one kind listed in the manifest.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> SeedRecords(string kind) =>
        Manifest.Where(m => m.Kind.Equals(kind, StringComparison.OrdinalIgnoreCase))
            .SelectMany(m => SimpleCsv.ReadRecords(Path.Combine(SeedsFolder, m.File)));

    /// <summary>
    /// The funding the seed files give each governorate in a year and scope, following
    /// docs/data-formats.md: budget year (else the year of the date); paid, commitment and
    /// blank status counted; incoming and blank boundary counted; one governorate = allocated;
    /// several, Iraq/IRQ or blank = unallocated. A cluster scope counts only that cluster.
    /// </summary>
    public static (IReadOnlyDictionary<string, decimal> ByPcode, decimal Unallocated) ExpectedFunding(
        int year, string? cluster = null, string? donor = null)
    {
        var byPcode = Governorates.ToDictionary(g => g.Pcode, _ => 0m);
        var unallocated = 0m;
        foreach (var r in SeedRecords("funding"))
        {
            var y = !string.IsNullOrWhiteSpace(r["year"])
                ? int.Parse(r["year"], CultureInfo.InvariantCulture)
                : DateOnly.ParseExact(r["date"].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture).Year;
            if (y != year) continue;
            var status = r["status"].Trim().ToLowerInvariant();
            if (status is not ("" or "paid" or "commitment")) continue;
            var boundary = r["boundary"].Trim().ToLowerInvariant();
            if (boundary is not ("" or "incoming")) continue;
            if (cluster is not null && !r["cluster"].Trim().Equals(cluster, StringComparison.OrdinalIgnoreCase)) continue;
            if (donor is not null && !r["donor"].Trim().Equals(donor, StringComparison.OrdinalIgnoreCase)) continue;

            var amount = decimal.Parse(r["amount_usd"].Replace(",", "", StringComparison.Ordinal), NumberStyles.Number,
                CultureInfo.InvariantCulture);
            var place = r["governorate"].Trim();
            if (place.Length == 0 || place.Contains(';', StringComparison.Ordinal)
                || place.Equals("Iraq", StringComparison.OrdinalIgnoreCase) || place.Equals("IRQ", StringComparison.OrdinalIgnoreCase))
            {
                unallocated += amount;
                continue;
            }
            byPcode[ResolvePcode(place)] += amount;
        }
        return (byPcode, unallocated);
    }

    /// <summary>People in need per governorate for one year and cluster, from the seed need files.</summary>
    public static IReadOnlyDictionary<string, long?> ExpectedClusterNeed(int year, string cluster)
    {
        var need = new Dictionary<string, long?>();
        foreach (var r in SeedRecords("need"))
        {
            if (int.Parse(r["year"], CultureInfo.InvariantCulture) != year) continue;
            if (!r["cluster"].Trim().Equals(cluster, StringComparison.OrdinalIgnoreCase)) continue;
            var pin = r["people_in_need"].Trim();
            need[ResolvePcode(r["governorate"])] = pin.Length == 0 ? null : long.Parse(pin, CultureInfo.InvariantCulture);
        }
        return need;
    }

    private static string Key(string s)
    {
        var k = new string(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return k.StartsWith("al", StringComparison.Ordinal) && k.Length > 4 ? k[2..] : k;
    }

    private static IReadOnlyList<Governorate> ReadGovernorates() =>
        SimpleCsv.ReadRecords(Path.Combine(SeedsFolder, "governorates.csv"))
            .Select(r => new Governorate(
                r["pcode"], r["name"], r["region"], long.Parse(r["population"], CultureInfo.InvariantCulture),
                r["aliases"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();

    private static IReadOnlyList<ManifestEntry> ReadManifest() =>
        JsonSerializer.Deserialize<List<ManifestEntry>>(File.ReadAllText(Path.Combine(SeedsFolder, "manifest.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidOperationException("seeds/manifest.json is empty.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EquityDashboard.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"No EquityDashboard.sln above {AppContext.BaseDirectory}.");
    }
}
