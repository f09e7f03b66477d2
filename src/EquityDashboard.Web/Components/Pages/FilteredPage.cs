using EquityDashboard.Web.Components.Shared.Filters;
using EquityDashboard.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace EquityDashboard.Web.Components.Pages;

/// <summary>
/// A read-only page whose view is set by the address: year, cluster, donor, region, baseline and
/// data=real. A value that cannot be read (<c>?year=abc</c>) is named in a message shown above the
/// page, which opens with the default in its place, answered 400 as the API would.
/// </summary>
public abstract class FilteredPage : ReadyPage
{
    [Inject] private DashboardQueries Dashboard { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "year")] public string? Year { get; set; }
    [SupplyParameterFromQuery(Name = "cluster")] public string? Cluster { get; set; }
    [SupplyParameterFromQuery(Name = "donor")] public string? Donor { get; set; }
    [SupplyParameterFromQuery(Name = "region")] public string? Region { get; set; }
    [SupplyParameterFromQuery(Name = "baseline")] public string? Baseline { get; set; }
    [SupplyParameterFromQuery(Name = "data")] public string? Data { get; set; }

    /// <summary>What was wrong with the address, or null.</summary>
    protected string? QueryProblem { get; private set; }

    /// <summary>The filter choices the data offers (years, clusters, donors).</summary>
    protected FilterChoices Choices { get; private set; } = FilterChoices.None;

    /// <summary>The view of the address; unreadable values replaced by their defaults (and <see cref="QueryProblem"/> set).</summary>
    protected async Task<DashboardFilters> ReadFiltersAsync(bool useYear = true, bool useRegion = true)
    {
        Choices = await Dashboard.ChoicesAsync();
        var check = new QueryCheck();
        var year = useYear ? check.Year("year", Year) : null;
        var filters = new DashboardFilters(await Dashboard.YearAsync(year), DashboardFilters.Blank(Cluster), DashboardFilters.Blank(Donor),
            useRegion ? check.Region(Region) : null, check.Baseline(Baseline), check.RealOnly(Data));
        QueryProblem = check.Failed ? check.Message : null;
        if (check.Failed) Answer(StatusCodes.Status400BadRequest);
        return filters;
    }

    /// <summary>The status the page is answered with (its message says why): 404 for what does not exist, 500 when figures could not be read.</summary>
    protected void Answer(int status)
    {
        if (HttpContext is { Response.HasStarted: false } http) http.Response.StatusCode = status;
    }
}
