using EquityDashboard.Core.Scope;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Shared.Filters;
using EquityDashboard.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace EquityDashboard.Web.Components.Pages;

/// <summary>
/// A read-only page whose view is set by the address: the scope's parameters (<see cref="ScopeParameters"/>:
/// year, cluster, donor, region, baseline, data=real, level, governorate), read by <see cref="ScopeReader"/>
/// as the API and the CLI read them. A value that cannot be read (<c>?year=abc</c>) is named in a message
/// shown above the page, which opens with the default in its place, answered 400 as the API would.
/// </summary>
public abstract class FilteredPage : ReadyPage
{
    [Inject] private DashboardQueries Dashboard { get; set; } = default!;
    [Inject] private ScopeReader Scopes { get; set; } = default!;

    [SupplyParameterFromQuery(Name = ScopeParameters.Year)] public string? Year { get; set; }
    [SupplyParameterFromQuery(Name = ScopeParameters.Cluster)] public string? Cluster { get; set; }
    [SupplyParameterFromQuery(Name = ScopeParameters.Donor)] public string? Donor { get; set; }
    [SupplyParameterFromQuery(Name = ScopeParameters.Region)] public string? Region { get; set; }
    [SupplyParameterFromQuery(Name = ScopeParameters.Baseline)] public string? Baseline { get; set; }
    [SupplyParameterFromQuery(Name = ScopeParameters.Data)] public string? Data { get; set; }
    [SupplyParameterFromQuery(Name = ScopeParameters.Level)] public string? Level { get; set; }
    [SupplyParameterFromQuery(Name = ScopeParameters.Governorate)] public string? Governorate { get; set; }

    /// <summary>What was wrong with the address, or null.</summary>
    protected string? QueryProblem { get; private set; }

    /// <summary>The filter choices the data offers (years, clusters, donors).</summary>
    protected FilterChoices Choices { get; private set; } = FilterChoices.None;

    /// <summary>The view of the address; unreadable values replaced by their defaults (and <see cref="QueryProblem"/> set).</summary>
    protected async Task<DashboardFilters> ReadFiltersAsync(bool useYear = true, bool useRegion = true)
    {
        Choices = await Dashboard.ChoicesAsync();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ScopeParameters.Cluster] = Cluster,
            [ScopeParameters.Donor] = Donor,
            [ScopeParameters.Baseline] = Baseline,
            [ScopeParameters.Data] = Data,
            [ScopeParameters.Level] = Level,
            [ScopeParameters.Governorate] = Governorate,
        };
        if (useYear) values[ScopeParameters.Year] = Year;
        if (useRegion) values[ScopeParameters.Region] = Region;
        var read = await Scopes.ReadAsync(values);
        QueryProblem = read.Failed ? read.Message : null;
        if (read.Failed) Answer(StatusCodes.Status400BadRequest);
        return DashboardFilters.From(read.Scope);
    }

    /// <summary>The status the page is answered with (its message says why): 404 for what does not exist, 500 when figures could not be read.</summary>
    protected void Answer(int status)
    {
        if (HttpContext is { Response.HasStarted: false } http) http.Response.StatusCode = status;
    }
}
