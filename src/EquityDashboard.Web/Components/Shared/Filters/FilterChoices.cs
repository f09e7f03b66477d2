namespace EquityDashboard.Web.Components.Shared.Filters;

/// <summary>What the filter bar offers: the years, clusters and donors present in the data.</summary>
public sealed record FilterChoices(IReadOnlyList<int> Years, IReadOnlyList<string> Clusters, IReadOnlyList<string> Donors)
{
    public static readonly FilterChoices None = new([], [], []);
}
