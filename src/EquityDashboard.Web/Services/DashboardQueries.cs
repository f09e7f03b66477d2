using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Shared.Filters;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Web.Services;

/// <summary>What every filtered page needs before it asks for figures: the filter choices and the default year.</summary>
public sealed class DashboardQueries(EquityService equity, IOptions<EquityOptions> options)
{
    public async Task<FilterChoices> ChoicesAsync(CancellationToken ct = default) =>
        new(await equity.YearsAsync(ct), await equity.ClustersAsync(ct), await equity.DonorsAsync(ct));

    /// <summary>The year a view opens on: the URL's, else the configured default, else the latest complete year.</summary>
    public async Task<int> YearAsync(int? requested, CancellationToken ct = default) =>
        requested ?? options.Value.DefaultYear ?? await equity.LatestCompleteYearAsync(ct) ?? DateTime.UtcNow.Year;
}
