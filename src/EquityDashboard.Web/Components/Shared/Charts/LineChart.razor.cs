using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace EquityDashboard.Web.Components.Shared.Charts;

/// <summary>One line: a value (or a gap) per category.</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// A vertical mark at one category: <paramref name="Label"/> is drawn beside it (a few characters),
/// <paramref name="Text"/> is its full sentence, in the chart's description and caption.
/// </summary>
public sealed record ChartMarker(int Index, string Label, string Text);

public partial class LineChart
{
    private const double W = 620, H = 260, Left = 86, Right = 16, Bottom = 30;

    /// <summary>Okabe-Ito colours with distinct dashes and markers.</summary>
    private static readonly (string Colour, string Dash, bool Square)[] Styles =
    [
        ("#0072B2", "", false), ("#D55E00", "6 3", true), ("#009E73", "2 3", false), ("#CC79A7", "10 3 2 3", true),
        ("#E69F00", "", true), ("#56B4E9", "6 3", false),
    ];

    private Axis _y = new(0, 1, H - Bottom, 12);

    [Parameter, EditorRequired] public string Title { get; set; } = default!;
    [Parameter, EditorRequired] public IReadOnlyList<string> Categories { get; set; } = [];
    [Parameter, EditorRequired] public IReadOnlyList<LineSeries> Series { get; set; } = [];
    [Parameter] public Func<double, string> Format { get; set; } = v => v.ToString("N0", CultureInfo.GetCultureInfo("en-US"));
    [Parameter] public string? TestId { get; set; }
    /// <summary>Categories to mark with a dashed vertical line and a label (for example where the data's sources change).</summary>
    [Parameter] public IReadOnlyList<ChartMarker> Markers { get; set; } = [];
    /// <summary>The caption's lead-in before the markers' sentences.</summary>
    [Parameter] public string MarkersCaption { get; set; } = "Marked:";

    /// <summary>The plot's top: room above it for the markers' labels when there are any.</summary>
    private double Top => Markers.Count > 0 ? 30 : 12;

    private string Description => $"{Series.Count} lines over {Categories.Count} years; the figures are in the table below the chart."
        + (Markers.Count > 0 ? " " + MarkersCaption + " " + string.Join(" ", Markers.Select(m => m.Text)) : string.Empty);

    protected override void OnParametersSet()
    {
        var values = Series.SelectMany(s => s.Values).OfType<double>().ToList();
        var min = values.Count == 0 ? 0 : Math.Min(0, values.Min());
        var max = values.Count == 0 ? 1 : values.Max();
        _y = new Axis(min, max, H - Bottom, Top);
    }

    private double X(int i) => Categories.Count <= 1
        ? (Left + W - Right) / 2
        : Left + 20 + i * (W - Right - Left - 40) / (Categories.Count - 1);

    /// <summary>Points of a line; years without a value are skipped, so the line joins the years around them.</summary>
    private string Polyline(LineSeries series) => string.Join(' ',
        series.Values.Select((v, i) => (v, i)).Where(p => p.v is not null).Select(p => $"{P(X(p.i))},{P(_y.Map(p.v!.Value))}"));

    private static string P(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
