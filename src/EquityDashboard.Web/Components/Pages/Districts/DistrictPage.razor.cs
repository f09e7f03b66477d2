using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Shared.Filters;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace EquityDashboard.Web.Components.Pages.Districts;

/// <summary>
/// One district: its figures and flags within its governorate, its rank among the governorate's
/// districts, a map of them with this one outlined, and how much of the governorate's funding and
/// need names no district. The address takes any spelling; all but the P-code go on to the P-code's address.
/// </summary>
public partial class DistrictPage : FilteredPage
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    private DashboardFilters? _filters;
    private District? _district;
    private Core.Geography.Governorate? _governorate;
    private DistrictTable? _table;
    private AreaFigures? _row;
    private bool _hasData;
    private IReadOnlyList<ImportBatch> _sources = [];
    /// <summary>The districts a name shared by several governorates may mean; empty otherwise.</summary>
    private IReadOnlyList<District> _candidates = [];
    private NotFoundNote? _notFound;
    private string? _movedTo;
    private string? _error;

    [Inject] private EquityService Equity { get; set; } = default!;
    [Inject] private NameResolver Names { get; set; } = default!;
    [Inject] private Gazetteer Gazetteer { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<DistrictPage> Log { get; set; } = default!;

    /// <summary>The district as the address spells it: P-code, English name or variant, Arabic name.</summary>
    [Parameter] public string Name { get; set; } = string.Empty;

    /// <summary>The address's own query string ("?year=2019…", or empty), kept as it is when the address is corrected.</summary>
    private string RawQuery => new Uri(Navigation.Uri).Query;

    private string Query => _filters?.QueryString() ?? string.Empty;

    private string DistrictHref(District d) => $"district/{d.Pcode}{Query}";

    private string GovernorateName(District d) => Gazetteer.NameOf(d.ParentPcode);

    private BaselineWords Words => BaselineWords.For(_filters!.Baseline);

    protected override async Task OnParametersSetAsync()
    {
        (_district, _governorate, _table, _row, _notFound, _movedTo, _error) = (null, null, null, null, null, null, null);
        (_candidates, _sources, _hasData) = ([], [], false);
        try
        {
            await LoadAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Could not load district {Name}", Name);
            Answer(StatusCodes.Status500InternalServerError);
            _error = "The district's figures could not be loaded. The error has been logged.";
        }
        // Outside the try: where navigation throws (a host without the app's switch against it), the framework answers the exception with the redirect.
        // Not again once there: a live navigation manager tells the page of the move, with its old route value.
        if (_movedTo is not null && !string.Equals(Navigation.ToBaseRelativePath(Navigation.Uri), _movedTo, StringComparison.Ordinal))
            Navigation.NavigateTo(_movedTo);
    }

    private async Task LoadAsync()
    {
        _filters = await ReadFiltersAsync();
        var text = Name.Trim();
        var resolution = Names.ResolveDistrict(text, _filters.Governorate);
        if (resolution.Pcode is not { } pcode)
        {
            NotResolved(text, resolution);
            return;
        }
        if (!string.Equals(Name, pcode, StringComparison.Ordinal))
        {
            // One address per district: a name (or a P-code in lower case) goes on to the P-code's, with its query.
            _movedTo = $"district/{pcode}{RawQuery}";
            return;
        }

        Gazetteer.TryGetDistrict(pcode, out var district);
        _district = district;
        _governorate = Gazetteer[district.ParentPcode];
        // Shares are of the governorate's figures, as on its page: the region filter does not apply.
        var scope = _filters.Scope with { Region = null };
        _table = await Equity.GetDistrictTableAsync(scope, _governorate.Pcode);
        _row = _table.Districts.Single(d => d.Key == pcode);
        _hasData = (await Equity.GetTableAsync(scope)).HasAnyData;
        _sources = await Equity.SourcesForYearAsync(_filters.Year, _filters.RealOnly);
    }

    /// <summary>A name several governorates' districts share lists them; anything else is not found (404), with the closest names.</summary>
    private void NotResolved(string text, DistrictResolution resolution)
    {
        if (_filters!.Governorate is null)
        {
            _candidates = Gazetteer.All
                .Select(g => Names.ResolveDistrict(text, g.Pcode).Pcode)
                .OfType<string>()
                .Select(p => Gazetteer.TryGetDistrict(p, out var d) ? d : null)
                .OfType<District>()
                .ToList();
            if (_candidates.Count > 1) return;
            _candidates = [];
        }
        // A P-code of another governorate than the address's: the resolver says where it is.
        var elsewhere = _filters.Governorate is not null && Gazetteer.TryGetDistrict(text, out _);
        var message = elsewhere ? resolution.Error!
            : $"There is no district '{text}'{(_filters.Governorate is { } g ? $" in {Gazetteer.NameOf(g)}" : string.Empty)}.";
        var suggested = resolution.Suggestions
            .SelectMany(s => (_filters.Governorate is { } parent ? Gazetteer.DistrictsOf(parent) : Gazetteer.Districts).Where(d => d.Name == s))
            .Select(d => new NotFoundLink($"{d.Name} ({GovernorateName(d)})", DistrictHref(d)))
            .ToList();
        _notFound = new NotFoundNote(message, suggested);
        _notFound.KeepFor(HttpContext);
        Answer(StatusCodes.Status404NotFound);
    }

    /// <summary>A district's place among the governorate's districts: 1 is first, <see cref="Tied"/> others share it.</summary>
    internal readonly record struct Rank(int Place, int Of, int Tied);

    /// <summary>Lowest ratio first, among the governorate's districts with a ratio; null without one.</summary>
    internal static Rank? RankByRatio(DistrictTable table, AreaFigures row) =>
        row.EquityRatio is { } r
            ? new Rank(1 + table.Districts.Count(d => d.EquityRatio < r), table.Districts.Count(d => d.EquityRatio is not null),
                table.Districts.Count(d => d.EquityRatio == r) - 1)
            : null;

    /// <summary>Most funding first, among all of the governorate's districts; null when no funding names any of them.</summary>
    internal static Rank? RankByFunding(DistrictTable table, AreaFigures row) =>
        table.TotalFundingUsd > 0
            ? new Rank(1 + table.Districts.Count(d => d.FundingUsd > row.FundingUsd), table.Districts.Count,
                table.Districts.Count(d => d.FundingUsd == row.FundingUsd) - 1)
            : null;

    private static string OfText(Rank? rank) =>
        rank is { } r ? string.Create(En, $"{r.Place:N0} of {r.Of:N0}") : "–";

    private static string TiedText(Rank? rank) =>
        rank is { Tied: > 0 } r ? string.Create(En, $", shared with {r.Tied:N0} other {(r.Tied == 1 ? "district" : "districts")}") : string.Empty;

    private static string OfText((int Rank, int Of)? rank) =>
        rank is { } r ? string.Create(En, $"{r.Rank:N0} of {r.Of:N0}") : "–";
}
