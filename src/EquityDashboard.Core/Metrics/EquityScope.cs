namespace EquityDashboard.Core.Metrics;

/// <summary>What the need figure of every governorate is taken from.</summary>
public enum Baseline
{
    /// <summary>People in need (intersectoral, or the cluster's PiN in a cluster scope).</summary>
    Pin,
    /// <summary>Total population: the per-capita view.</summary>
    Population,
    /// <summary>
    /// Internally displaced people: the IDP individuals of the newest displacement list (IOM DTM master
    /// list) of the year naming the area. Not counted per cluster: a cluster scope uses the same figure.
    /// </summary>
    Idps,
}

/// <summary>The level of the areas a view lists.</summary>
public enum Level
{
    /// <summary>Governorates (admin1): every view today.</summary>
    Governorate,
    /// <summary>Districts (admin2).</summary>
    District,
}

/// <summary>
/// The slice of data a table is computed for. Year, cluster and donor change the figures;
/// region only limits which governorates and regions are listed (shares stay national).
/// <paramref name="RealOnly"/> leaves out every batch marked illustrative (invented demonstration data).
/// <paramref name="Level"/> and <paramref name="Governorate"/> (the P-code of the governorate a
/// district view is inside) change no figure of the governorate table and no description: a view
/// that lists districts reads them to ask for the district table (<c>EquityService.GetDistrictTableAsync</c>).
/// </summary>
public sealed record EquityScope(
    int Year,
    string? Cluster = null,
    string? Donor = null,
    string? Region = null,
    Baseline Baseline = Baseline.Pin,
    bool RealOnly = false,
    Level Level = Level.Governorate,
    string? Governorate = null)
{
    public string Describe()
    {
        var parts = new List<string> { Year.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        parts.Add(Cluster is null ? "all clusters" : $"cluster {Cluster}");
        if (Donor is not null) parts.Add($"donor {Donor}");
        if (Region is not null) parts.Add($"region {Region}");
        parts.Add($"baseline {BaselineWords.For(Baseline).Lower}");
        if (RealOnly) parts.Add("real figures only");
        return string.Join(", ", parts);
    }
}
