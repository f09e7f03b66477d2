using System.Globalization;

namespace EquityDashboard.Core.Metrics;

/// <summary>Money and number formatting for people (display only; machine outputs stay unrounded).</summary>
public static class Money
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"USD 12,345,678".</summary>
    public static string Full(decimal usd) => string.Create(En, $"USD {usd:N0}");

    /// <summary>"USD 12.3 M", "USD 450 K", "USD 1.20 B".</summary>
    public static string Short(decimal usd)
    {
        // Round first, then pick the unit, so 999,999 reads "USD 1.0 M" and not "USD 1000 K".
        var abs = Math.Abs(usd);
        if (Math.Round(abs / 1_000_000_000m, 2) >= 1) return string.Create(En, $"USD {usd / 1_000_000_000m:0.00} B");
        if (Math.Round(abs / 1_000_000m, 1) >= 1) return string.Create(En, $"USD {usd / 1_000_000m:0.0} M");
        if (Math.Round(abs) >= 1_000m) return string.Create(En, $"USD {usd / 1_000m:0} K");
        return string.Create(En, $"USD {usd:0}");
    }

    /// <summary>"USD 71.47" for a rate per person; "–" when undefined.</summary>
    public static string PerPerson(double? usd) => usd is { } v ? string.Create(En, $"USD {v:N2}") : "–";

    public static string Number(long? value) => value is { } v ? v.ToString("N0", En) : "not reported";

    /// <summary>"12.3%"; small non-zero shares keep two significant places ("0.042%") so they never read as 0.</summary>
    public static string Percent(double? fraction) => fraction switch
    {
        null => "–",
        0 => "0.0%",
        { } f when Math.Abs(f) >= 0.001 => f.ToString("0.0%", En),
        { } f when Math.Abs(f) >= 0.00001 => f.ToString("0.###%", En),
        _ => "<0.001%",
    };

    public static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", En) : "no recorded need";
}
