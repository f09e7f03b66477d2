using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared.Filters;
using Microsoft.AspNetCore.Components;

namespace EquityDashboard.Web.Components.Shared.Map;

/// <summary>
/// The governorates, or the districts (of one governorate, or all), on their real (COD-AB)
/// boundaries, coloured by equity ratio: plain SVG rendered on the server, each area a link to its
/// page with the filters.
/// </summary>
/// <remarks>
/// A label (short name over the ratio) is drawn only where it fits inside its governorate and
/// clears the labels already placed (largest governorates first); the others are named, with their
/// ratio, in the caption under the map, so no figure is only in a tooltip.
/// </remarks>
public partial class ChoroplethMap
{
    /// <summary>Label text size, in map units (km); the map is drawn at about half a pixel per km.</summary>
    internal const double FontSize = 22;

    /// <summary>A generous average glyph width of the bold sans-serif labels, in ems.</summary>
    private const double CharWidth = 0.58;

    private RatioScale _scale = new(new EquityThresholds());

    /// <summary>The governorates to draw (the overview's map); or, with <see cref="Districts"/>, one governorate's districts.</summary>
    [Parameter] public EquityTable? Table { get; set; }
    /// <summary>A district table: its districts are drawn (one governorate's, fitted to it, or the national table's 101), each a link to its district page.</summary>
    [Parameter] public DistrictTable? Districts { get; set; }
    [Parameter, EditorRequired] public DashboardFilters Filters { get; set; } = default!;
    /// <summary>The P-code of an area drawn with a thick outline, as the page's own (aria-current); none when null.</summary>
    [Parameter] public string? Highlight { get; set; }
    [Inject] private Gazetteer Gazetteer { get; set; } = default!;
    [Inject] private MapGeometry Geometry { get; set; } = default!;

    /// <summary>One governorate as drawn.</summary>
    /// <param name="Label">Whether its name and ratio are written on the map (otherwise they are in the caption).</param>
    internal sealed record Shape(MapArea Area, string ShortName, string RatioText, string Tooltip, string Href,
        string Fill, bool UnderServed, bool Dimmed, bool Label)
    {
        /// <summary>Where the label is centred: the area's label point, or near it where the label fits better.</summary>
        public MapPoint LabelAt { get; init; } = new(Area.LabelX, Area.LabelY);
    }

    internal IReadOnlyList<Shape> Shapes { get; private set; } = [];

    /// <summary>Above this many unlabelled areas their list under the map is folded (a disclosure).</summary>
    internal const int FoldedAbove = 12;

    /// <summary>Governorates in view too small to carry their label: "Kerbala 0.12 ▼".</summary>
    internal IReadOnlyList<string> Unlabelled { get; private set; } = [];

    /// <summary>The caption's id: one per map, as a page may show two.</summary>
    private string CaptionId => Districts is null ? "choropleth-caption" : "district-map-caption";

    /// <summary>What the map draws: "governorate" or "district".</summary>
    internal string Noun => Districts is null ? "governorate" : "district";

    /// <summary>The shapes drawn: the governorates, the districts of one governorate in a view box fitted to them, or every district.</summary>
    internal MapGeometry Drawn => Districts switch
    {
        null => Geometry,
        { GovernoratePcode: { } parent } => MapGeometry.Districts.Within(parent),
        _ => MapGeometry.Districts,
    };

    /// <summary>What the map shows, for its accessible name: "the governorates of Iraq", "the districts of Kirkuk".</summary>
    internal string Subject => Districts switch
    {
        null => "the governorates of Iraq",
        { GovernorateName: { } name } => $"the districts of {name}",
        _ => "the districts of Iraq",
    };

    /// <summary>The highlighted area as drawn, or null.</summary>
    internal Shape? Highlighted => Highlight is null ? null : Shapes.FirstOrDefault(s => s.Area.Pcode == Highlight);

    /// <summary>Label size in map units: the overview's 22 km, scaled with the view box so labels read the same on a zoomed map.</summary>
    internal double LabelSize => FontSize * Drawn.Width / Geometry.Width;

    protected override void OnParametersSet()
    {
        var (rows, thresholds) = Districts is { } d ? (d.Districts, d.Thresholds)
            : Table is { } t ? (t.Governorates, t.Thresholds)
            : throw new InvalidOperationException("ChoroplethMap needs a Table or Districts.");
        _scale = new RatioScale(thresholds);
        var figures = rows.ToDictionary(g => g.Key);
        var shapes = new List<Shape>();
        var query = Filters.QueryString();
        var drawn = Drawn;
        // Each area opens its page, with the filters.
        var pageOf = Districts is null ? "governorate" : "district";
        string HrefOf(string pcode) => $"{pageOf}/{pcode}{query}";
        foreach (var area in drawn.Areas)
        {
            figures.TryGetValue(area.Pcode, out var f);
            // The gazetteer's name, or the map file's for an area the gazetteer does not know.
            var name = Gazetteer.NameOf(area.Pcode);
            if (name == area.Pcode) name = area.Name;
            shapes.Add(new Shape(
                area,
                TileMap.ShortName(name),
                AreaText.Ratio(f),
                AreaText.Tooltip(name, area.Pcode, f),
                HrefOf(area.Pcode),
                _scale.ClassOf(f?.EquityRatio)?.Fill ?? RatioScale.NoNeedFill,
                f?.HasFlag(FlagCodes.UnderServed) ?? false,
                f is null,
                Label: false));
        }
        Shapes = PlaceLabelsOnce(drawn, shapes, LabelSize);
        Unlabelled = Shapes.Where(s => !s.Label && !s.Dimmed)
            .OrderBy(s => s.ShortName, StringComparer.Ordinal)
            .Select(s => $"{s.ShortName} {s.RatioText}{(s.UnderServed ? " ▼" : string.Empty)}")
            .ToList();
    }

    /// <summary>
    /// Where labels go depends only on the shapes and on how long each label is, which few ratios
    /// change; the placements found are kept per map (at most <see cref="PlacementsKept"/> of them),
    /// so a page render does not test hundreds of points against the borders again.
    /// </summary>
    private static List<Shape> PlaceLabelsOnce(MapGeometry geometry, List<Shape> shapes, double size)
    {
        var key = string.Join(',', shapes.Select(s => $"{s.Area.Pcode}:{LabelChars(s)}"));
        var known = Placements.GetValue(geometry, _ => new ConcurrentDictionary<string, IReadOnlyDictionary<string, MapPoint>>());
        if (!known.TryGetValue(key, out var at))
        {
            if (known.Count >= PlacementsKept) known.Clear();
            at = known[key] = PlaceLabels(shapes, size);
        }
        return shapes.Select(s => at.TryGetValue(s.Area.Pcode, out var p) ? s with { Label = true, LabelAt = p } : s).ToList();
    }

    private const int PlacementsKept = 256;

    private static readonly ConditionalWeakTable<MapGeometry, ConcurrentDictionary<string, IReadOnlyDictionary<string, MapPoint>>> Placements = new();

    /// <summary>
    /// Largest first: a label goes on the map when its box lies inside its governorate and clears the
    /// boxes placed before it, at the label point or, failing that, a third of the inner circle's
    /// radius away from it (right, left, up, down, then diagonally).
    /// </summary>
    private static Dictionary<string, MapPoint> PlaceLabels(List<Shape> shapes, double size)
    {
        var placed = new List<Box>();
        var at = new Dictionary<string, MapPoint>(StringComparer.Ordinal);
        foreach (var s in shapes.OrderByDescending(s => s.Area.LabelRadius).ThenBy(s => s.Area.Pcode, StringComparer.Ordinal))
        {
            var step = s.Area.LabelRadius / 3;
            foreach (var (dx, dy) in Offsets)
            {
                var point = new MapPoint(s.Area.LabelX + dx * step, s.Area.LabelY + dy * step);
                var box = LabelBox(s, point, size);
                if (!Fits(s.Area, box) || placed.Any(p => p.Overlaps(box, size * 0.2))) continue;
                placed.Add(box);
                at[s.Area.Pcode] = point;
                break;
            }
        }
        return at;
    }

    private static readonly (int Dx, int Dy)[] Offsets = [(0, 0), (1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1)];

    /// <summary>The extent of a label centred at <paramref name="at"/>: the name's line above it, the ratio's below.</summary>
    internal static Box LabelBox(Shape s, MapPoint at, double size = FontSize)
    {
        var half = LabelChars(s) * CharWidth * size / 2;
        return new Box(at.X - half, at.Y - 0.95 * size, at.X + half, at.Y + 1.2 * size);
    }

    /// <summary>The width of a label, in characters: its longer line.</summary>
    private static int LabelChars(Shape s) => Math.Max(s.ShortName.Length, RatioLine(s).Length);

    /// <summary>
    /// Whether the box, less 15 % on the left and right and 12 % at the top and bottom (glyphs rarely
    /// fill their box; the halo may spill a little), lies inside the area: points around its edge are tested.
    /// </summary>
    private static bool Fits(MapArea area, Box box)
    {
        var dx = (box.Right - box.Left) * 0.15;
        var dy = (box.Bottom - box.Top) * 0.12;
        double l = box.Left + dx, r = box.Right - dx, t = box.Top + dy, b = box.Bottom - dy;
        const int steps = 6;
        for (var i = 0; i <= steps; i++)
        {
            var x = l + (r - l) * i / steps;
            var y = t + (b - t) * i / steps;
            if (!area.Contains(x, t) || !area.Contains(x, b) || !area.Contains(l, y) || !area.Contains(r, y)) return false;
        }
        return true;
    }

    /// <summary>The second line of a label: the ratio and, when under-served, the mark; none outside the selected region.</summary>
    internal static string RatioLine(Shape s) => s.Dimmed ? string.Empty : s.UnderServed ? s.RatioText + " ▼" : s.RatioText;

    /// <summary>The accessible name: what the label shows (name, ratio), then the details.</summary>
    internal static string AccessibleName(Shape s) => s.Dimmed ? $"{s.ShortName}: {s.Tooltip}" : $"{s.ShortName} {s.RatioText}: {s.Tooltip}";

    private static string P(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
