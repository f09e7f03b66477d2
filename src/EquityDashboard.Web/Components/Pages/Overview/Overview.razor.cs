using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Shared;
using EquityDashboard.Web.Components.Shared.Filters;
using EquityDashboard.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace EquityDashboard.Web.Components.Pages.Overview;

/// <summary>What the overview's map draws, and how.</summary>
public enum OverviewMap
{
    /// <summary>The governorates on their COD-AB boundaries (<see cref="Components.Shared.Map.ChoroplethMap"/>).</summary>
    Map,
    /// <summary>The governorates as a tile grid (<see cref="Components.Shared.Map.TileMap"/>).</summary>
    Tiles,
    /// <summary>The 101 districts on their COD-AB boundaries, from the national district table.</summary>
    Districts,
}

/// <summary>The landing page: the equity table for the filters in the URL query string.</summary>
public partial class Overview : FilteredPage
{
    private IReadOnlyList<ImportBatch> _sources = [];
    private GapTableView _view = GapTableView.Default;
    private DashboardFilters? _filters;
    private EquityTable? _table;
    /// <summary>The national district table, read only for the district map.</summary>
    private DistrictTable? _districts;
    private IReadOnlyList<Finding> _findings = [];
    private string? _error;

    [Inject] private EquityService Equity { get; set; } = default!;
    [Inject] private FindingsService FindingsSource { get; set; } = default!;
    [Inject] private ILogger<Overview> Log { get; set; } = default!;

    /// <summary>The gap table's sort column (<c>sort</c>), direction (<c>order</c>) and shown columns (<c>col</c>).</summary>
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "order")] public string? Order { get; set; }
    [SupplyParameterFromQuery(Name = "col")] public string[]? Columns { get; set; }

    /// <summary>What the map draws (<c>map</c>): the governorates' real map by default, <c>tiles</c> for their tile grid, <c>districts</c> for the districts.</summary>
    [SupplyParameterFromQuery(Name = "map")] public string? Map { get; set; }

    private OverviewMap _map = OverviewMap.Map;

    /// <summary>The map choice as the address keeps it; the default (the map) is left out.</summary>
    private IReadOnlyList<KeyValuePair<string, string>> MapKeep => KeepFor(_map);

    /// <summary>Everything of the view besides the filters that a change of filters keeps: the table's sort and columns, the map choice.</summary>
    private IReadOnlyList<KeyValuePair<string, string>> Keep => [.. _view.Keep, .. MapKeep];

    private static IReadOnlyList<KeyValuePair<string, string>> KeepFor(OverviewMap map) => map switch
    {
        OverviewMap.Tiles => [new("map", TilesValue)],
        OverviewMap.Districts => [new("map", DistrictsValue)],
        _ => [],
    };

    internal const string TilesValue = "tiles";
    internal const string DistrictsValue = "districts";

    /// <summary>The map choice an address asks for, read leniently like the table's view: anything but "tiles" or "districts" is the governorates' map.</summary>
    internal static OverviewMap ReadMap(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        TilesValue => OverviewMap.Tiles,
        DistrictsValue => OverviewMap.Districts,
        _ => OverviewMap.Map,
    };

    /// <summary>This view with the other map choice: filters, sort and columns kept.</summary>
    private string MapChoiceHref(OverviewMap map) =>
        _view.QueryString(_filters!.QueryString()) + string.Concat(KeepFor(map).Select(kv => $"&{kv.Key}={Uri.EscapeDataString(kv.Value)}"));

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _filters = await ReadFiltersAsync();
            _view = GapTableView.FromQuery(Sort, Order, Columns);
            _map = ReadMap(Map);
            (_table, _findings) = await FindingsSource.GetAsync(_filters.Scope, CancellationToken.None);
            _districts = _map == OverviewMap.Districts ? await Equity.GetDistrictTableAsync(_filters.Scope) : null;
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
