using System.Globalization;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Web.Components.Shared.Map;

/// <summary>One class of the equity-ratio colour scale.</summary>
public sealed record RatioClass(string Label, string Fill, string Text, double? Upper);

/// <summary>
/// A diverging, colour-blind-safe scale for equity ratios (ColorBrewer PuOr, 7 classes):
/// orange below parity, purple above, near-white around 1. The outer class edges are the
/// flag thresholds, so the darkest orange classes are exactly the under-served ones.
/// </summary>
public sealed class RatioScale
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    public const string NoNeedFill = "#d9d9d9";

    public RatioScale(EquityThresholds thresholds)
    {
        var under = thresholds.UnderServedRatio;
        var over = thresholds.OverConcentratedRatio;
        // Near parity is 0.8 to 1.25 (a fifth either way), kept inside the thresholds whatever they are set to.
        var low = Math.Min(Math.Max(under, 0.8), 1);
        var high = Math.Max(Math.Min(over, 1.25), 1);
        Classes =
        [
            new($"below {F(under / 2)}", "#b35806", "#ffffff", under / 2),
            new($"{F(under / 2)} to {F(under)}", "#f1a340", "#000000", under),
            new($"{F(under)} to {F(low)}", "#fee0b6", "#000000", low),
            new($"{F(low)} to {F(high)} (near parity)", "#f7f7f7", "#000000", high),
            new($"{F(high)} to {F(over)}", "#d8daeb", "#000000", over),
            new($"{F(over)} to {F(over * 2)}", "#998ec3", "#000000", over * 2),
            new($"above {F(over * 2)}", "#542788", "#ffffff", null),
        ];
    }

    public IReadOnlyList<RatioClass> Classes { get; }

    /// <summary>The class of a ratio; null when there is no ratio (no recorded need).</summary>
    /// <remarks>
    /// Classes below parity hold ratios under their upper edge and classes above hold ratios up
    /// to it, matching the flags: exactly the under-served threshold is not under-served, exactly
    /// the over-concentrated threshold is not over-concentrated.
    /// </remarks>
    public RatioClass? ClassOf(double? ratio)
    {
        if (ratio is not { } r) return null;
        for (var i = 0; i < Classes.Count - 1; i++)
        {
            var upper = Classes[i].Upper!.Value;
            if (i < 3 ? r < upper : r <= upper) return Classes[i];
        }
        return Classes[^1];
    }

    private static string F(double v) => v.ToString("0.##", En);
}
