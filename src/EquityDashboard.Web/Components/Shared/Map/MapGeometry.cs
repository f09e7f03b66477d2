using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EquityDashboard.Web.Components.Shared.Map;

/// <summary>One area of a map file (a governorate, or a district): SVG path data in projected kilometres and where its label goes.</summary>
/// <param name="LabelX">Centre of the largest circle inside the area (a point always inside it).</param>
/// <param name="LabelRadius">That circle's radius, in the map's units.</param>
/// <param name="Rings">The path's rings as points, for placing labels.</param>
/// <param name="ParentPcode">The governorate of a district; null for a governorate.</param>
public sealed record MapArea(string Pcode, string Name, string NameAr, double LabelX, double LabelY, double LabelRadius,
    string Path, IReadOnlyList<IReadOnlyList<MapPoint>> Rings, string? ParentPcode = null)
{
    /// <summary>The smallest box holding the area: min x, min y, max x, max y.</summary>
    public (double MinX, double MinY, double MaxX, double MaxY) Bounds { get; } = BoundsOf(Rings);

    private static (double, double, double, double) BoundsOf(IReadOnlyList<IReadOnlyList<MapPoint>> rings)
    {
        var points = rings.SelectMany(r => r).ToList();
        return points.Count == 0 ? (0, 0, 0, 0) : (points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));
    }

    /// <summary>Whether a point lies inside the area (even-odd rule over all rings, as the path is filled).</summary>
    public bool Contains(double x, double y)
    {
        var inside = false;
        foreach (var ring in Rings)
        {
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                var (a, b) = (ring[i], ring[j]);
                if ((a.Y > y) != (b.Y > y) && x < (b.X - a.X) * (y - a.Y) / (b.Y - a.Y) + a.X) inside = !inside;
            }
        }
        return inside;
    }
}

public readonly record struct MapPoint(double X, double Y);

/// <summary>
/// The governorate shapes the overview's map draws: <c>seeds/geo/governorates.json</c>, made by
/// <c>tools/GeoPrep</c> from the COD-AB boundaries and embedded in this assembly (like the
/// gazetteer), so a published app draws its map wherever it runs, with or without a seed folder.
/// Read once; registered as a singleton.
/// </summary>
public sealed class MapGeometry
{
    public const string ResourceName = "governorates-map.json";
    public const string DistrictsResourceName = "districts-map.json";

    private static readonly Lazy<MapGeometry> Embedded = new(() => Load(ResourceName));
    private static readonly Lazy<MapGeometry> EmbeddedDistricts = new(() => Load(DistrictsResourceName));

    private static MapGeometry Load(string name)
    {
        using var stream = typeof(MapGeometry).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded map file '{name}' is missing.");
        return Parse(stream);
    }

    private MapGeometry(string source, double[] viewBox, IReadOnlyList<MapArea> areas)
    {
        Source = source;
        ViewBox = viewBox;
        Areas = areas;
    }

    /// <summary>The governorates' map shipped with the app.</summary>
    public static MapGeometry Default => Embedded.Value;

    /// <summary>The districts' map shipped with the app (seeds/geo/districts.json), in the governorates' plane.</summary>
    public static MapGeometry Districts => EmbeddedDistricts.Value;

    /// <summary>
    /// The areas inside one governorate (a district map's), drawn in a view box fitted to them
    /// with a margin of 3 % of the larger side; the same map when no area has that parent.
    /// </summary>
    public MapGeometry Within(string parentPcode) => _within.GetOrAdd(parentPcode.ToUpperInvariant(), Fit);

    /// <summary>One fitted map per governorate, made once: the same instance every time, so what is kept per map (label places) is kept.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, MapGeometry> _within = new(StringComparer.Ordinal);

    private MapGeometry Fit(string parentPcode)
    {
        var inside = Areas.Where(a => string.Equals(a.ParentPcode, parentPcode, StringComparison.OrdinalIgnoreCase)).ToList();
        if (inside.Count == 0) return this;
        double minX = inside.Min(a => a.Bounds.MinX), minY = inside.Min(a => a.Bounds.MinY);
        double maxX = inside.Max(a => a.Bounds.MaxX), maxY = inside.Max(a => a.Bounds.MaxY);
        var margin = Math.Round(0.03 * Math.Max(maxX - minX, maxY - minY), 1);
        double[] box = [Math.Floor(minX - margin), Math.Floor(minY - margin), Math.Ceiling(maxX - minX + 2 * margin), Math.Ceiling(maxY - minY + 2 * margin)];
        return new MapGeometry(Source, box, inside);
    }

    /// <summary>Where the shapes come from, as the file says.</summary>
    public string Source { get; }

    /// <summary>min x, min y, width, height.</summary>
    public IReadOnlyList<double> ViewBox { get; }

    public double Width => ViewBox[2];

    /// <summary>The areas in P-code order.</summary>
    public IReadOnlyList<MapArea> Areas { get; }

    /// <summary>The SVG viewBox attribute.</summary>
    public string ViewBoxAttribute => string.Join(' ', ViewBox.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    public static MapGeometry Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<MapFile>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = false })
                   ?? throw new FormatException("The map file is empty.");
        if (file.ViewBox is not { Length: 4 } viewBox || viewBox[2] <= 0 || viewBox[3] <= 0)
            throw new FormatException("The map file's viewBox must be four numbers with a positive width and height.");
        if (file.Areas is not { Count: > 0 }) throw new FormatException("The map file has no areas.");
        var areas = file.Areas
            .Select(a => new MapArea(
                Required(a.Pcode, "pcode"), Required(a.Name, "name"), Required(a.NameAr, "nameAr"),
                a.Label is { Length: 2 } l ? l[0] : throw new FormatException($"{a.Pcode}: label must be two numbers."),
                a.Label[1], a.LabelRadiusKm, Required(a.Path, "path"), ParsePath(Required(a.Path, "path")), a.ParentPcode))
            .OrderBy(a => a.Pcode, StringComparer.Ordinal)
            .ToList();
        var duplicate = areas.GroupBy(a => a.Pcode).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new FormatException($"The map file lists {duplicate.Key} {duplicate.Count()} times.");
        return new MapGeometry(file.Source ?? string.Empty, viewBox, areas);
    }

    /// <summary>
    /// Reads the path data GeoPrep writes: rings of "M x y x y … Z" (absolute move-to, then implicit
    /// line-to pairs). Anything else is refused, so the file stays what the map expects.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<MapPoint>> ParsePath(string path)
    {
        var rings = new List<IReadOnlyList<MapPoint>>();
        foreach (var part in path.Split('Z', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part[0] != 'M') throw new FormatException($"A ring must start with M: '{Start(part)}'.");
            var numbers = part[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (numbers.Length % 2 != 0 || numbers.Length < 6) throw new FormatException($"A ring needs three or more x y pairs: '{Start(part)}'.");
            var ring = new MapPoint[numbers.Length / 2];
            for (var i = 0; i < ring.Length; i++)
                ring[i] = new MapPoint(Number(numbers[2 * i]), Number(numbers[2 * i + 1]));
            rings.Add(ring);
        }
        if (rings.Count == 0 || !path.EndsWith('Z')) throw new FormatException("A path must hold closed rings.");
        return rings;
    }

    private static double Number(string s) =>
        double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"'{s}' is not a coordinate.");

    private static string Start(string s) => s.Length > 20 ? s[..20] + "…" : s;

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"An area of the map file lacks {name}.") : value;

    private sealed class MapFile
    {
        [JsonPropertyName("source")] public string? Source { get; set; }
        [JsonPropertyName("viewBox")] public double[]? ViewBox { get; set; }
        [JsonPropertyName("areas")] public List<AreaEntry>? Areas { get; set; }
    }

    private sealed class AreaEntry
    {
        [JsonPropertyName("pcode")] public string? Pcode { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("nameAr")] public string? NameAr { get; set; }
        [JsonPropertyName("label")] public double[]? Label { get; set; }
        [JsonPropertyName("labelRadiusKm")] public double LabelRadiusKm { get; set; }
        [JsonPropertyName("path")] public string? Path { get; set; }
        [JsonPropertyName("parentPcode")] public string? ParentPcode { get; set; }
    }
}
