using System.Globalization;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Web.Components.Shared.Map;

/// <summary>What both map views say of a governorate: its ratio as shown on it, and its tooltip.</summary>
internal static class AreaText
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The equity ratio to two decimals; "–" without one or outside the view.</summary>
    public static string Ratio(AreaFigures? figures) =>
        figures?.EquityRatio is { } r ? r.ToString("0.00", En) : "–";

    /// <summary>Name, P-code, ratio, funding, need share and flags; or that it is outside the selected region.</summary>
    public static string Tooltip(string name, string pcode, AreaFigures? figures) =>
        figures is null
            ? $"{name} ({pcode}): outside the selected region"
            : $"{name} ({pcode}): equity ratio {Money.Ratio(figures.EquityRatio)}; funding {Money.Full(figures.FundingUsd)} ({Money.Percent(figures.FundingShare)}); "
              + $"need share {Money.Percent(figures.NeedShare)}"
              + (figures.Flags.Count > 0 ? "; flags: " + string.Join(", ", figures.Flags.Select(x => x.Code)) : string.Empty);
}
