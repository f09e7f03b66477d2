using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Web.Components.Shared.Filters;

/// <summary>
/// The filters of a view as they appear in the URL query string (year, cluster, donor, region,
/// baseline, data=real), so that a copied address reopens the same view.
/// </summary>
public sealed record DashboardFilters(int Year, string? Cluster = null, string? Donor = null, string? Region = null,
    Baseline Baseline = Baseline.Pin, bool RealOnly = false)
{
    public const string PopulationValue = "population";
    /// <summary>The value of <c>data</c> for real figures only.</summary>
    public const string RealValue = "real";

    /// <summary>Reads query values leniently: blanks are "all", an unknown region, baseline or data value falls back to the default.</summary>
    public static DashboardFilters FromQuery(int year, string? cluster, string? donor, string? region, string? baseline, string? data = null) =>
        new(year, Blank(cluster), Blank(donor), Regions.Canonical(region),
            string.Equals(baseline, PopulationValue, StringComparison.OrdinalIgnoreCase) ? Baseline.Population : Baseline.Pin,
            string.Equals(data?.Trim(), RealValue, StringComparison.OrdinalIgnoreCase));

    public EquityScope Scope => new(Year, Cluster, Donor, Region, Baseline, RealOnly);

    /// <summary>The query string (with a leading '?') for links that carry the filters to another page.</summary>
    public string QueryString()
    {
        var query = new System.Text.StringBuilder("?");
        foreach (var (key, value) in Fields)
        {
            if (query.Length > 1) query.Append('&');
            query.Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }
        return query.ToString();
    }

    /// <summary>The parameters that are set, as text (the hidden fields of a form that keeps the filters); defaults are left out so URLs stay short.</summary>
    public IEnumerable<KeyValuePair<string, string>> Fields
    {
        get
        {
            yield return new("year", Year.ToString(CultureInfo.InvariantCulture));
            if (Cluster is not null) yield return new("cluster", Cluster);
            if (Donor is not null) yield return new("donor", Donor);
            if (Region is not null) yield return new("region", Region);
            if (Baseline == Baseline.Population) yield return new("baseline", PopulationValue);
            if (RealOnly) yield return new("data", RealValue);
        }
    }

    public string NeedLabel => BaselineWords.For(Baseline).Label;

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
