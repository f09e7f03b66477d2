using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Shared;
using EquityDashboard.Web.Components.Shared.Filters;
using EquityDashboard.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace EquityDashboard.Web.Components.Pages.Overview;

/// <summary>The landing page: the equity table for the filters in the URL query string.</summary>
public partial class Overview : FilteredPage
{
    private IReadOnlyList<ImportBatch> _sources = [];
    private GapTableView _view = GapTableView.Default;
    private DashboardFilters? _filters;
    private EquityTable? _table;
    private IReadOnlyList<Finding> _findings = [];
    private string? _error;

    [Inject] private EquityService Equity { get; set; } = default!;
    [Inject] private FindingsService FindingsSource { get; set; } = default!;
    [Inject] private ILogger<Overview> Log { get; set; } = default!;

    /// <summary>The gap table's sort column (<c>sort</c>), direction (<c>order</c>) and shown columns (<c>col</c>).</summary>
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "order")] public string? Order { get; set; }
    [SupplyParameterFromQuery(Name = "col")] public string[]? Columns { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _filters = await ReadFiltersAsync();
            _view = GapTableView.FromQuery(Sort, Order, Columns);
            (_table, _findings) = await FindingsSource.GetAsync(_filters.Scope, CancellationToken.None);
            _sources = await Equity.SourcesForYearAsync(_filters.Year, _filters.RealOnly);
            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Could not compute the equity table for {Year} {Cluster} {Donor}", Year, Cluster, Donor);
            Answer(StatusCodes.Status500InternalServerError);
            _error = "The equity table could not be computed. The error has been logged.";
        }
    }
}
