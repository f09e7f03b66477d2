using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared.Filters;
using EquityDashboard.Web.Components.Shared.Map;
using Microsoft.AspNetCore.Components;

namespace EquityDashboard.Web.Components.Shared.Charts;

/// <summary>Scatter of need share against funding share with the parity line, in plain SVG.</summary>
public partial class ShareScatter
{
    private const double W = 520, H = 380, Left = 56, Right = 16, Top = 12, Bottom = 44;

    private Axis _x = new(0, 1, Left, W - Right);
    private Axis _y = new(0, 1, H - Bottom, Top);

    [Parameter, EditorRequired] public EquityTable Table { get; set; } = default!;
    [Parameter, EditorRequired] public DashboardFilters Filters { get; set; } = default!;

    internal sealed record Point(string Pcode, string Short, double X, double Y, string Label, string Href, string Fill, bool UnderServed,
        bool Illustrative = false)
    {
        public bool Labelled { get; init; } = true;
        /// <summary>Where the label's baseline starts, ends or is centred (<see cref="Anchor"/>), in the drawing's units.</summary>
        public double LabelX { get; init; }
        public double LabelY { get; init; }
        /// <summary>The SVG text-anchor: null (start) right of the point, "end" left of it, "middle" above or below it.</summary>
        public string? Anchor { get; init; }
        public string LabelText => Illustrative ? Short + "†" : Short;
    }

    internal List<Point> Points { get; private set; } = [];
    internal List<string> Missing { get; private set; } = [];
    internal List<string> Crowded { get; private set; } = [];

    private double ParityEnd => Math.Min(_x.Max, _y.Max);

    private string Description =>
        $"{Points.Count} governorates. Points below the diagonal get a smaller share of funding than of need. "
        + "The same figures are in the gap table.";

    protected override void OnParametersSet()
    {
        var scale = new RatioScale(Table.Thresholds);
        var query = Filters.QueryString();
        Points = Table.Governorates
            .Where(g => g.NeedShare is not null && g.FundingShare is not null)
            .Select(g => new Point(g.Key, TileMap.ShortName(g.Name), g.NeedShare!.Value, g.FundingShare!.Value,
                $"{g.Name}: {Money.Percent(g.NeedShare)} of need, {Money.Percent(g.FundingShare)} of funding, equity ratio {Money.Ratio(g.EquityRatio)}"
                + (Marked(g) ? $"; {IllustrativeMark.Label}" : ""),
                $"governorate/{g.Key}{query}",
                scale.ClassOf(g.EquityRatio)?.Fill ?? RatioScale.NoNeedFill,
                g.HasFlag(FlagCodes.UnderServed),
                Marked(g)))
            .ToList();
        Missing = Table.Governorates.Where(g => g.NeedShare is null || g.FundingShare is null).Select(g => g.Name).ToList();
        var max = Points.Count == 0 ? 0.1 : Points.Max(p => Math.Max(p.X, p.Y));
        // Same scale on both axes, so the parity line is the 45-degree diagonal.
        _x = new Axis(0, max, Left, W - Right);
        _y = new Axis(0, max, H - Bottom, Top);
        Points = PlaceLabels(Points);
        Crowded = Points.Where(p => !p.Labelled).Select(p => p.Short).ToList();
    }

    /// <summary>The label's font size (ShareScatter.razor.css), a generous average glyph width in ems, the points' radius and the labels' distance from them.</summary>
    private const double FontSize = 11, CharWidth = 0.58, Radius = 6, Offset = 8;

    /// <summary>
    /// Labels stay clear of the axes' tick labels: those of the vertical axis end 6 units left of the plot,
    /// those of the horizontal one start 7 units below it.
    /// </summary>
    private const double MinLabelLeft = Left - 2, MaxLabelBottom = H - Bottom + 6;

    /// <summary>
    /// Largest need first: a label goes right of its point, or failing that left of, above or below it,
    /// where it stays inside the plot and clears every point and the labels placed before it. A point
    /// without room keeps its tooltip and link and is named under the chart.
    /// </summary>
    private List<Point> PlaceLabels(List<Point> points)
    {
        var circles = points.ToDictionary(p => p.Pcode, p => new Box(
            _x.Map(p.X) - Radius, _y.Map(p.Y) - Radius, _x.Map(p.X) + Radius, _y.Map(p.Y) + Radius), StringComparer.Ordinal);
        var placed = new List<Box>();
        var result = new Dictionary<string, Point>(StringComparer.Ordinal);
        foreach (var p in points.OrderByDescending(p => p.X).ThenBy(p => p.Pcode, StringComparer.Ordinal))
        {
            var (x, y) = (_x.Map(p.X), _y.Map(p.Y));
            var width = p.LabelText.Length * CharWidth * FontSize;
            // Above or below, centred on the point or, near the vertical axis, moved right so as to clear it.
            var centre = Math.Max(x, MinLabelLeft + width / 2);
            (double X, double Y, string? Anchor, double Left)[] candidates =
            [
                (x + Offset, y + 4, null, x + Offset),
                (x - Offset, y + 4, "end", x - Offset - width),
                (centre, y - Radius - 4, "middle", centre - width / 2),
                (centre, y + Radius + FontSize, "middle", centre - width / 2),
            ];
            result[p.Pcode] = p with { Labelled = false };
            foreach (var c in candidates)
            {
                // The text's extent around its baseline.
                var box = new Box(c.Left, c.Y - 0.8 * FontSize, c.Left + width, c.Y + 0.25 * FontSize);
                var inside = box.Left >= MinLabelLeft && box.Right <= W && box.Top >= 0 && box.Bottom <= MaxLabelBottom;
                if (!inside || placed.Any(b => b.Overlaps(box, 1)) || circles.Any(o => o.Key != p.Pcode && o.Value.Overlaps(box, 0)))
                    continue;
                placed.Add(box);
                result[p.Pcode] = p with { Labelled = true, LabelX = c.X, LabelY = c.Y, Anchor = c.Anchor };
                break;
            }
        }
        return points.Select(p => result[p.Pcode]).ToList();
    }

    /// <summary>A point rests on invented data when either of its shares does.</summary>
    private static bool Marked(AreaFigures g) => g.IsIllustrative(FigureSet.NeedShare | FigureSet.FundingShare);

    private static string PointClass(Point p) => (p.UnderServed ? "point under" : "point") + (p.Illustrative ? " illustrative" : "");

    private static string P(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
