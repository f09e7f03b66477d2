using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Web.Components.Pages.Overview;

/// <summary>The landing page: the equity table for the filters in the URL query string.</summary>
public partial class Overview
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    private IReadOnlyList<int> _years = [];
    private IReadOnlyList<string> _clusters = [];
    private IReadOnlyList<string> _donors = [];
    private IReadOnlyList<ImportBatch> _sources = [];
    private EquityTable? _table;
    private int _year;
    private bool _ready;
    private string? _error;

    [Inject] private EquityService Equity { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<EquityOptions> Options { get; set; } = default!;
    [Inject] private ILogger<Overview> Log { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "year")] public int? Year { get; set; }
    [SupplyParameterFromQuery(Name = "cluster")] public string? Cluster { get; set; }
    [SupplyParameterFromQuery(Name = "donor")] public string? Donor { get; set; }
    [SupplyParameterFromQuery(Name = "region")] public string? Region { get; set; }
    [SupplyParameterFromQuery(Name = "baseline")] public string? Baseline { get; set; }

    private string BaselineValue => Baseline == "population" ? "population" : "pin";
    private string NeedLabel => BaselineValue == "pin" ? "People in need" : "Population";

    protected override async Task OnInitializedAsync()
    {
        _years = await Equity.YearsAsync();
        _clusters = await Equity.ClustersAsync();
        _donors = await Equity.DonorsAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _year = Year ?? Options.Value.DefaultYear ?? await Equity.LatestCompleteYearAsync() ?? DateTime.UtcNow.Year;
            var scope = new EquityScope(_year, Blank(Cluster), Blank(Donor), Regions.Canonical(Region),
                BaselineValue == "population" ? Core.Metrics.Baseline.Population : Core.Metrics.Baseline.Pin);
            _table = await Equity.GetTableAsync(scope);
            _sources = await Equity.SourcesForYearAsync(_year);
            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Could not compute the equity table");
            _error = "The equity table could not be computed. The error has been logged.";
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        _ready = true;
        StateHasChanged();
    }

    private void OnYearChanged(int year) => Navigate("year", year);
    private void OnClusterChanged(string? value) => Navigate("cluster", Blank(value));
    private void OnDonorChanged(string? value) => Navigate("donor", Blank(value));
    private void OnRegionChanged(string? value) => Navigate("region", Blank(value));
    private void OnBaselineChanged(string? value) => Navigate("baseline", value == "population" ? "population" : null);

    /// <summary>Filters live in the query string, so a copied URL reopens the same view.</summary>
    private void Navigate(string name, object? value)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["year"] = _year,
            ["cluster"] = Blank(Cluster),
            ["donor"] = Blank(Donor),
            ["region"] = Blank(Region),
            ["baseline"] = BaselineValue == "population" ? "population" : null,
        };
        parameters[name] = value;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(parameters));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
