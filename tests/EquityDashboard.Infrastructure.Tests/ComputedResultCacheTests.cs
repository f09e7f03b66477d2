using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// Tables and findings are computed once per scope and state of the data (a page render reads them
/// from memory), and computed again the moment the data changes.
/// </summary>
public class ComputedResultCacheTests
{
    private static readonly Actor Manager = new("dm@example.org", Roles.DataManager);

    [Fact]
    public async Task A_scope_s_table_is_computed_once_until_the_data_changes()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var first = await db.TableAsync(2019);
        Assert.Same(first, await db.TableAsync(2019));
        Assert.NotSame(first, await db.TableAsync(2020));

        var funding = (await db.BatchStore.ListAsync()).Single(b => b.Kind == RecordKind.Funding);
        await db.BatchStore.WithdrawAsync(Manager, funding.Id);
        var after = await db.TableAsync(2019);
        Assert.NotSame(first, after);
        Assert.Equal(1_750_000m, first.TotalFundingUsd);
        Assert.Equal(0m, after.TotalFundingUsd);
    }

    [Fact]
    public async Task A_scope_s_findings_are_written_once_until_the_data_changes()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var findings = db.Services.GetRequiredService<FindingsService>();
        var scope = new EquityScope(2019);
        var first = await findings.GetWithOtherBaselineAsync(scope, CancellationToken.None);
        Assert.Same(first, await findings.GetWithOtherBaselineAsync(scope, CancellationToken.None));
        Assert.NotSame(first, await findings.GetWithOtherBaselineAsync(scope with { Baseline = Baseline.Population }, CancellationToken.None));

        var funding = (await db.BatchStore.ListAsync()).Single(b => b.Kind == RecordKind.Funding);
        await db.BatchStore.WithdrawAsync(Manager, funding.Id);
        var after = await findings.GetWithOtherBaselineAsync(scope, CancellationToken.None);
        Assert.NotSame(first, after);
        Assert.Equal(0m, after.Table.TotalFundingUsd);
    }
}
