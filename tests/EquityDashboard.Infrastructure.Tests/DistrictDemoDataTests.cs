using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// The demo data (seeds/): its funding and need files have no district column, so every governorate's
/// funding and need of every year are "district not specified" and no district has a share; its
/// illustrative 3W names districts in about 40 % of its rows, so organisations are split between
/// districts and the part not specified, and counted distinct in the governorate.
/// </summary>
public sealed class DistrictDemoDataTests(SeededDatabaseFixture fixture) : IClassFixture<SeededDatabaseFixture>
{
    [Fact]
    public async Task Every_governorate_of_every_year_is_its_districts_plus_not_specified()
    {
        var equity = fixture.Db.Equity;
        var orgsInDistricts = 0;
        foreach (var year in await equity.YearsAsync())
        {
            foreach (var baseline in new[] { Baseline.Pin, Baseline.Population })
            {
                var scope = new EquityScope(year, Baseline: baseline);
                var governorates = await equity.GetTableAsync(scope);
                var national = await equity.GetDistrictTableAsync(scope);
                Assert.Equal(0m, national.TotalFundingUsd);
                Assert.Equal(0, national.TotalNeed);
                Assert.Equal(governorates.TotalFundingUsd, national.NotSpecifiedFundingUsd);
                Assert.Equal(governorates.TotalNeed, national.NotSpecifiedNeed);
                if (governorates.TotalFundingUsd > 0)
                    Assert.StartsWith("Funding: USD 0 of the ", national.Notes[0], StringComparison.Ordinal);
                Assert.All(national.Districts, d =>
                {
                    Assert.Equal((0m, null), (d.FundingUsd, d.Need));
                    Assert.Null(d.FundingShare);
                    Assert.Null(d.EquityRatio);
                    Assert.Empty(d.Flags);    // no need, no funding: nothing to flag
                });
                foreach (var ns in national.NotSpecified)
                {
                    var gov = governorates.Gov(ns.GovernoratePcode);
                    var districts = national.Districts.Where(d => d.ParentPcode == ns.GovernoratePcode).ToList();
                    Assert.Equal((gov.FundingUsd, gov.Need, gov.Incidents), (ns.FundingUsd, ns.Need, ns.Incidents));
                    var parts = districts.Select(d => d.Orgs).Append(ns.Orgs).ToList();
                    Assert.InRange(gov.Orgs, parts.Max(), parts.Sum());
                    Assert.Equal(gov.Activities, districts.Sum(d => d.Activities) + ns.Activities);
                    orgsInDistricts += districts.Sum(d => d.Orgs);
                }
            }
        }
        Assert.True(orgsInDistricts > 0, "the demo 3W names districts");
    }
}
