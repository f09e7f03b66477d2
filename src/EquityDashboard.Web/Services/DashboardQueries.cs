using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Components.Shared.Filters;

namespace EquityDashboard.Web.Services;

/// <summary>What every filtered page needs before it asks for figures: the filter choices.</summary>
public sealed class DashboardQueries(EquityService equity)
{
    public async Task<FilterChoices> ChoicesAsync(CancellationToken ct = default) =>
        new(await equity.YearsAsync(ct), await equity.ClustersAsync(ct), await equity.DonorsAsync(ct));
}
