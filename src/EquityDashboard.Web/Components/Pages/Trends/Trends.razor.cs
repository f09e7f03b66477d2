using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Shared;
using EquityDashboard.Web.Components.Shared.Charts;
using EquityDashboard.Web.Components.Shared.Filters;
using EquityDashboard.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace EquityDashboard.Web.Components.Pages.Trends;

/// <summary>Regions over the years: funding, USD per person in need, year-on-year change and presence.</summary>
public partial class Trends : FilteredPage
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    private DashboardFilters? _filters;
    private IReadOnlyList<EquityTable>? _tables;
    private IReadOnlyList<ImportBatch> _sources = [];
    private string? _error;

    [Inject] private EquityService Equity { get; set; } = default!;
    [Inject] private ILogger<Trends> Log { get; set; } = default!;

    private IReadOnlyList<int> Years => _tables?.Select(t => t.Scope.Year).ToList() ?? [];

    /// <summary>
    /// The baseline's notes over the years: those of the years with figures (their source and round), or,
    /// when no year has any, the last year's (why there are none).
    /// </summary>
    private IReadOnlyList<string?> BaselineNotes =>
        _tables is null or { Count: 0 } ? []
        : _tables.Where(t => t.TotalNeed > 0).Select(t => t.BaselineNote).ToList() is { Count: > 0 } withFigures ? withFigures
        : [_tables[^1].BaselineNote];
    private IReadOnlyList<string> YearLabels => Years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            // The year is not a filter here; the latest one only labels links back to the overview.
            _filters = await ReadFiltersAsync(useYear: false, useRegion: false);
            _tables = await Equity.GetYearTablesAsync(_filters.Scope);
            _sources = await Equity.SourcesForYearsAsync(Years, _filters.RealOnly);
            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Could not compute the trends for {Cluster} {Donor}", Cluster, Donor);
            Answer(StatusCodes.Status500InternalServerError);
            _error = "The trends could not be computed. The error has been logged.";
        }
    }

    /// <summary>The years of the series, after its first, whose funding sources differ from the year before's.</summary>
    private IReadOnlyList<(int Index, EquityTable Table, FundingCoverage Coverage)> CoverageChanges =>
        _tables is null ? []
        : _tables.Select((t, i) => (Index: i, Table: t, t.Coverage))
            .Where(x => x.Index > 0 && x.Coverage is { Changed: true })
            .Select(x => (x.Index, x.Table, x.Coverage!)).ToList();

    /// <summary>A dashed line on the funding charts at each year whose sources change, its sentence in the caption.</summary>
    private IReadOnlyList<ChartMarker> CoverageMarkers =>
        CoverageChanges.Select(c => new ChartMarker(c.Index, CoverageLabels.Short(c.Coverage), CoverageLabels.Sentence(c.Coverage))).ToList();

    /// <summary>Whether the year is one whose sources changed (its first year has nothing to change from).</summary>
    private bool CoverageChanged(EquityTable table) => CoverageChanges.Any(c => c.Table == table);

    /// <summary>One line per region of a figure taken from each year's region row.</summary>
    /// <remarks>Organisations only count in years with a 3W; other years get no point rather than a zero.</remarks>
    private IReadOnlyList<LineSeries> Lines(Func<EquityTable, AreaFigures, double?> value) =>
        Regions.All.Select(region => new LineSeries(region,
            _tables!.Select(t => value(t, t.Regions.Single(r => r.Key == region))).ToList())).ToList();
}
