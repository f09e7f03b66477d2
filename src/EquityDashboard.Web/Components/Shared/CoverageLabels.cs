using System.Globalization;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Web.Components.Shared;

/// <summary>How the pages word a change of funding sources between two years (<see cref="FundingCoverage"/>).</summary>
public static class CoverageLabels
{
    /// <summary>A chart marker's label: "1 source starts", "2 sources end", "1 starts, 1 ends".</summary>
    public static string Short(FundingCoverage c)
    {
        var (started, ended) = (c.Started.Count, c.Ended.Count);
        if (started > 0 && ended > 0) return string.Create(CultureInfo.InvariantCulture, $"{started} starts, {ended} end{(ended == 1 ? "s" : "")}");
        return started > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{started} source{(started == 1 ? " starts" : "s start")}")
            : string.Create(CultureInfo.InvariantCulture, $"{ended} source{(ended == 1 ? " ends" : "s end")}");
    }

    /// <summary>The change as a sentence: "“X” starts in 2017." (the caption of a chart's marker).</summary>
    public static string Sentence(FundingCoverage c) => c.Change is { } change ? char.ToUpperInvariant(change[0]) + change[1..] + "." : string.Empty;
}
