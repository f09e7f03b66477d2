using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Shared.Filters;
using EquityDashboard.Web.Services;
using Microsoft.AspNetCore.Components;

namespace EquityDashboard.Web.Components.Pages.Overview;

/// <summary>The landing page: the equity table for the filters in the URL query string.</summary>
public partial class Overview : ReadyPage
{
    private FilterChoices _choices = FilterChoices.None;
    private IReadOnlyList<ImportBatch> _sources = [];
    private DashboardFilters? _filters;
    private EquityTable? _table;
    private IReadOnlyList<Finding> _findings = [];
    private string? _error;

    [Inject] private EquityService Equity { get; set; } = default!;
    [Inject] private FindingsService FindingsSource { get; set; } = default!;
    [Inject] private DashboardQueries Dashboard { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<Overview> Log { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "year")] public int? Year { get; set; }
    [SupplyParameterFromQuery(Name = "cluster")] public string? Cluster { get; set; }
    [SupplyParameterFromQuery(Name = "donor")] public string? Donor { get; set; }
    [SupplyParameterFromQuery(Name = "region")] public string? Region { get; set; }
    [SupplyParameterFromQuery(Name = "baseline")] public string? Baseline { get; set; }
    [SupplyParameterFromQuery(Name = "data")] public string? Data { get; set; }

    protected override async Task OnInitializedAsync() => _choices = await Dashboard.ChoicesAsync();

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _filters = DashboardFilters.FromQuery(await Dashboard.YearAsync(Year), Cluster, Donor, Region, Baseline, Data);
            (_table, _findings) = await FindingsSource.GetAsync(_filters.Scope, CancellationToken.None);
            _sources = await Equity.SourcesForYearAsync(_filters.Year, _filters.RealOnly);
            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Could not compute the equity table for {Year} {Cluster} {Donor}", Year, Cluster, Donor);
            _error = "The equity table could not be computed. The error has been logged.";
        }
    }

    /// <summary>Filters live in the query string, so a copied URL reopens the same view.</summary>
    private void OnFiltersChanged(DashboardFilters filters) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(filters.ToQuery()));
}
