using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests.Briefing;

/// <summary>FindingsService on the demo database: the same tables as EquityService, findings from both baselines.</summary>
public sealed class FindingsServiceTests(SeededDatabaseFixture fixture) : IClassFixture<SeededDatabaseFixture>
{
    private FindingsService Service => fixture.Db.Services.GetRequiredService<FindingsService>();

    [Theory]
    [InlineData(2019, null, null, Baseline.Pin)]
    [InlineData(2019, null, null, Baseline.Population)]
    [InlineData(2020, "Health", null, Baseline.Pin)]
    [InlineData(2019, null, Regions.South, Baseline.Pin)]
    public async Task Table_is_the_equity_services_and_findings_use_the_other_baseline(int year, string? cluster, string? region, Baseline baseline)
    {
        var scope = new EquityScope(year, cluster, Region: region, Baseline: baseline);
        var (table, findings) = await Service.GetAsync(scope, CancellationToken.None);

        var expected = await fixture.Db.Equity.GetTableAsync(scope);
        var other = await fixture.Db.Equity.GetTableAsync(scope with { Baseline = baseline == Baseline.Pin ? Baseline.Population : Baseline.Pin });
        Assert.Equal(expected.TotalFundingUsd, table.TotalFundingUsd);
        Assert.Equal(expected.TotalNeed, table.TotalNeed);
        Assert.Equal(expected.Governorates.Select(g => (g.Key, g.EquityRatio)), table.Governorates.Select(g => (g.Key, g.EquityRatio)));
        var firstYear = (await fixture.Db.Equity.YearsAsync())[0];
        var earlier = await fixture.Db.Equity.GetYearTablesAsync(scope, firstYear, year - 1);
        Assert.Equal(FindingsWriter.Write(expected, other, earlier).Select(f => f.Text), findings.Select(f => f.Text));
        Assert.InRange(findings.Count, 1, FindingsWriter.MaxFindings);
    }

    [Fact]
    public async Task Demo_2019_names_the_south_as_under_served_and_the_baselines_disagreement()
    {
        var result = await Service.GetWithOtherBaselineAsync(new EquityScope(2019), CancellationToken.None);
        Assert.Equal(Baseline.Population, result.OtherBaseline.Scope.Baseline);
        var south = result.Table.Region(Regions.South);
        Assert.True(south.HasFlag(FlagCodes.UnderServed));
        var first = result.Findings[0];
        Assert.Equal(FindingTopic.Region, first.Topic);
        Assert.StartsWith($"South: {result.Table.Governorates.Count(g => g.Region == Regions.South)} governorates, {Money.Percent(south.NeedShare)} of people in need", first.Text);
        Assert.Contains($"equity ratio {Money.Ratio(south.EquityRatio)} (under-served", first.Text);
        Assert.Contains(result.Findings, f => f.Topic == FindingTopic.Baseline);
    }

    [Fact]
    public async Task A_year_without_data_says_so()
    {
        var (_, findings) = await Service.GetAsync(new EquityScope(1999), CancellationToken.None);
        var finding = Assert.Single(findings);
        Assert.Equal(FindingTopic.NoData, finding.Topic);
        Assert.Contains("1999", finding.Text);
    }
}
