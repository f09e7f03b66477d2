using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Shared;
using EquityDashboard.Web.Components.Shared.Filters;
using EquityDashboard.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace EquityDashboard.Web.Components.Pages.Overview;

/// <summary>How the overview draws the governorates.</summary>
public enum OverviewMap
{
    /// <summary>The COD-AB boundaries (<see cref="Components.Shared.Map.ChoroplethMap"/>).</summary>
    Map,
    /// <summary>The tile grid (<see cref="Components.Shared.Map.TileMap"/>).</summary>
    Tiles,
}

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

    /// <summary>How the governorates are drawn (<c>map</c>): the real map by default, <c>tiles</c> for the tile grid.</summary>
    [SupplyParameterFromQuery(Name = "map")] public string? Map { get; set; }

    private OverviewMap _map = OverviewMap.Map;

    /// <summary>The map choice as the address keeps it; the default (the map) is left out.</summary>
    private IReadOnlyList<KeyValuePair<string, string>> MapKeep => KeepFor(_map);

    /// <summary>Everything of the view besides the filters that a change of filters keeps: the table's sort and columns, the map choice.</summary>
    private IReadOnlyList<KeyValuePair<string, string>> Keep => [.. _view.Keep, .. MapKeep];

    private static IReadOnlyList<KeyValuePair<string, string>> KeepFor(OverviewMap map) =>
        map == OverviewMap.Tiles ? [new("map", TilesValue)] : [];

    internal const string TilesValue = "tiles";

    /// <summary>This view with the other map choice: filters, sort and columns kept.</summary>
    private string MapChoiceHref(OverviewMap map) =>
        _view.QueryString(_filters!.QueryString()) + string.Concat(KeepFor(map).Select(kv => $"&{kv.Key}={Uri.EscapeDataString(kv.Value)}"));

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _filters = await ReadFiltersAsync();
            _view = GapTableView.FromQuery(Sort, Order, Columns);
            // Read leniently, like the table's view: anything but "tiles" is the map.
            _map = string.Equals(Map?.Trim(), TilesValue, StringComparison.OrdinalIgnoreCase) ? OverviewMap.Tiles : OverviewMap.Map;
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
