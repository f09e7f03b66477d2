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
        // Points within 2 % of the axis length of the origin overlap: they keep their tooltip but lose the label.
        var near = _x.Max * 0.02;
        Points = Points.Select(p => p with { Labelled = Math.Max(p.X, p.Y) >= near }).ToList();
        Crowded = Points.Where(p => !p.Labelled).Select(p => p.Short).ToList();
    }

    /// <summary>A point rests on invented data when either of its shares does.</summary>
    private static bool Marked(AreaFigures g) => g.IsIllustrative(FigureSet.NeedShare | FigureSet.FundingShare);

    private static string PointClass(Point p) => (p.UnderServed ? "point under" : "point") + (p.Illustrative ? " illustrative" : "");

    private static string P(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
