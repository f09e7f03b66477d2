using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Shared;
using EquityDashboard.Web.Components.Shared.Charts;
using EquityDashboard.Web.Components.Shared.Filters;
using EquityDashboard.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace EquityDashboard.Web.Components.Pages.Governorate;

/// <summary>One governorate: its figures and flags, by cluster and donor, presence, trend, incidents and provenance.</summary>
public partial class GovernoratePage : FilteredPage
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    private DashboardFilters? _filters;
    private GovernorateDetail? _detail;
    private DistrictTable? _districts;
    private string? _error;
    private NotFoundNote? _notFound;

    [Inject] private BreakdownService Breakdown { get; set; } = default!;
    [Inject] private EquityService Equity { get; set; } = default!;
    [Inject] private NameResolver Names { get; set; } = default!;
    [Inject] private Gazetteer Gazetteer { get; set; } = default!;
    [Inject] private ILogger<GovernoratePage> Log { get; set; } = default!;

    [Parameter] public string Pcode { get; set; } = string.Empty;

    private IReadOnlyList<string> TrendYears => _detail?.Trend.Select(t => t.Year.ToString(CultureInfo.InvariantCulture)).ToList() ?? [];

    private IReadOnlyList<LineSeries> TrendSeries =>
        [new LineSeries("Funding (USD)", _detail?.Trend.Select(t => (double?)t.FundingUsd).ToList() ?? [])];

    /// <summary>The trend's years, after its first, whose funding sources differ from the year before's.</summary>
    private IReadOnlyList<(int Index, GovernorateYearRow Row, FundingCoverage Coverage)> CoverageChanges =>
        _detail is null ? []
        : _detail.Trend.Select((t, i) => (Index: i, Row: t, Coverage: CoverageOf(t)))
            .Where(x => x.Index > 0 && x.Coverage.Changed).ToList();

    private IReadOnlyList<ChartMarker> CoverageMarkers =>
        CoverageChanges.Select(c => new ChartMarker(c.Index, CoverageLabels.Short(c.Coverage), CoverageLabels.Sentence(c.Coverage))).ToList();

    private bool CoverageChanged(GovernorateYearRow row) => CoverageChanges.Any(c => c.Row == row);

    /// <summary>The year's coverage from its row: the sources of the year before are those of the year less those that started, plus those that ended.</summary>
    private static FundingCoverage CoverageOf(GovernorateYearRow t)
    {
        var sources = t.Sources ?? [];
        var previous = sources.Except(t.SourcesStarted ?? [], FundingCoverage.Comparer).Concat(t.SourcesEnded ?? []).ToList();
        return new FundingCoverage(t.Year, sources, previous);
    }

    private string GapNote => _detail?.Figures.GapToParityUsd switch
    {
        null => "needs a recorded need",
        > 0 => "short of its share of funding",
        _ => "more than its share of funding",
    };

    /// <summary>Whether a funding gap here may be a matter of access rather than neglect.</summary>
    private string AccessNote
    {
        get
        {
            var f = _detail!.Figures;
            var gap = f.HasFlag(FlagCodes.UnderServed) || f.GapToParityUsd > 0;
            var insecure = f.HasFlag(FlagCodes.AccessConstrained);
            if (!_detail.Table.IncidentDataLoaded) return "No incident data is loaded for this year, so access constraints cannot be judged.";
            if (insecure && gap) return "Funding is below this governorate's share of need and incidents are frequent: the gap may be a matter of access rather than neglect.";
            if (insecure) return "Incidents are frequent, but funding is at or above this governorate's share of need.";
            if (gap) return "Funding is below this governorate's share of need and incidents are not frequent: access does not explain the gap.";
            return "Funding is at or above this governorate's share of need.";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _filters = await ReadFiltersAsync();
            // Any spelling works in the address (/governorate/Basra); unknown ones get suggestions.
            var resolution = Names.Resolve(Pcode);
            _detail = resolution.Pcode is { } pcode ? await Breakdown.GovernorateAsync(pcode, _filters.Scope) : null;
            // Its districts, as national figures are shown here: the region filter does not apply.
            _districts = _detail is not null && Gazetteer.DistrictsOf(_detail.Governorate.Pcode).Count > 0
                ? await Equity.GetDistrictTableAsync(_filters.Scope with { Region = null }, _detail.Governorate.Pcode)
                : null;
            _notFound = _detail is not null ? null
                : new NotFoundNote($"There is no governorate '{Pcode}'.", resolution.Suggestions
                    .Select(name => Names.Resolve(name).Pcode is { } p ? new NotFoundLink(name, $"governorate/{p}{_filters.QueryString()}") : null)
                    .OfType<NotFoundLink>()
                    .ToList());
            if (_notFound is not null)
            {
                _notFound.KeepFor(HttpContext);
                Answer(StatusCodes.Status404NotFound);
            }
            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Could not load governorate {Pcode}", Pcode);
            Answer(StatusCodes.Status500InternalServerError);
            _error = "The governorate's figures could not be loaded. The error has been logged.";
        }
    }
}
