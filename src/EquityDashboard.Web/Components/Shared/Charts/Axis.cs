namespace EquityDashboard.Web.Components.Shared.Charts;

/// <summary>A linear axis from 0 (or a minimum) to a "nice" maximum, mapping values to SVG pixels.</summary>
public sealed class Axis
{
    public Axis(double min, double max, double pixelStart, double pixelEnd, int targetTicks = 5)
    {
        if (max <= min) max = min + 1;
        Step = NiceStep((max - min) / targetTicks);
        Min = Math.Floor(min / Step) * Step;
        Max = Math.Ceiling(max / Step) * Step;
        PixelStart = pixelStart;
        PixelEnd = pixelEnd;
    }

    public double Min { get; }
    public double Max { get; }
    public double Step { get; }
    public double PixelStart { get; }
    public double PixelEnd { get; }

    public double Map(double value) => PixelStart + (value - Min) / (Max - Min) * (PixelEnd - PixelStart);

    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= count; i++) yield return Min + i * Step;
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="raw"/>.</summary>
    internal static double NiceStep(double raw)
    {
        if (raw <= 0 || double.IsNaN(raw) || double.IsInfinity(raw)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
