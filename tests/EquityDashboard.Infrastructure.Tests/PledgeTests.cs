using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>Pledges are stored and shown apart, never counted as funding.</summary>
public sealed class PledgeTests
{
    [Fact]
    public async Task Pledges_are_reported_apart_and_follow_the_scope()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ImportOkAsync("funding.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
            "2019,,Donor A,,Health,Ninewa,1000,paid,,1",
            "2019,,Donor A,,Health,Ninewa,700,pledge,,2",
            "2019,,Donor B,,WASH,Iraq,300,pledge,incoming,3",
            "2019,,Donor B,,WASH,Erbil,50,pledge,internal,4",
            "2018,,Donor A,,Health,Erbil,900,pledge,,5");

        var all = await db.TableAsync(2019);
        // Counted funding: only the paid 1,000. Pledged: 700 + 300 (the internal 50 counts nowhere; 2018 is another year).
        Assert.Equal(1_000m, all.TotalFundingUsd);
        Assert.Equal(0m, all.UnallocatedUsd);
        Assert.Equal(1_000m, all.PledgedUsd);
        // Cluster scope Health: 700; donor scope Donor B: 300.
        Assert.Equal(700m, (await db.TableAsync(2019, cluster: "Health")).PledgedUsd);
        Assert.Equal(300m, (await db.TableAsync(2019, donor: "Donor B")).PledgedUsd);
    }
}
