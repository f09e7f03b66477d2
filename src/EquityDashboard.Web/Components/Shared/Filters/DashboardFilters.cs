using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Scope;

namespace EquityDashboard.Web.Components.Shared.Filters;

/// <summary>
/// The filters of a view as they appear in the URL query string (year, cluster, donor, region,
/// baseline, data=real), so that a copied address reopens the same view. Made from the scope
/// <see cref="ScopeParser"/> read (<see cref="From"/>), never by reading the address again.
/// <see cref="Level"/> and <see cref="Governorate"/> are carried in <see cref="Scope"/> but not yet
/// written into links: no page shows districts.
/// </summary>
public sealed record DashboardFilters(int Year, string? Cluster = null, string? Donor = null, string? Region = null,
    Baseline Baseline = Baseline.Pin, bool RealOnly = false, Level Level = Level.Governorate, string? Governorate = null)
{
    /// <summary>The value of <c>data</c> for real figures only.</summary>
    public const string RealValue = ScopeParameters.RealData;

    public static DashboardFilters From(EquityScope scope) =>
        new(scope.Year, scope.Cluster, scope.Donor, scope.Region, scope.Baseline, scope.RealOnly, scope.Level, scope.Governorate);

    public EquityScope Scope => new(Year, Cluster, Donor, Region, Baseline, RealOnly, Level, Governorate);

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
            yield return new(ScopeParameters.Year, Year.ToString(CultureInfo.InvariantCulture));
            if (Cluster is not null) yield return new(ScopeParameters.Cluster, Cluster);
            if (Donor is not null) yield return new(ScopeParameters.Donor, Donor);
            if (Region is not null) yield return new(ScopeParameters.Region, Region);
            if (Baseline != default) yield return new(ScopeParameters.Baseline, BaselineWords.For(Baseline).Value);
            if (RealOnly) yield return new(ScopeParameters.Data, RealValue);
        }
    }

    public string NeedLabel => BaselineWords.For(Baseline).Label;
}
