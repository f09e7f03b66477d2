using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>Cluster, donor and presence breakdowns, and the governorate detail, on small hand-made data.</summary>
public sealed class BreakdownTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private BreakdownService Breakdown => _db.Services.GetRequiredService<BreakdownService>();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ImportOkAsync("funding.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
            "2019,,Donor A,,Health,Ninewa,1000,paid,,f1",
            "2019,,Donor A,,health,Ninewa,500,paid,,f2",
            "2019,,Donor B,,WASH,Ninewa,300,commitment,incoming,f3",
            "2019,,Donor B,,WASH,Al-Basrah,200,paid,,f4",
            "2019,,Donor B,,,Iraq,700,paid,,f5",
            "2019,,Donor C,,WASH,Ninewa,9999,pledge,,f6",
            "2019,,Donor C,,WASH,Ninewa,8888,paid,internal,f7",
            "2018,,Donor A,,Health,Ninewa,400,paid,,f8");
        await _db.ImportOkAsync("need.csv", RecordKind.Need,
            "year,governorate,cluster,people_in_need,targeted,reached",
            "2019,Ninewa,,100000,,",
            "2019,Al-Basrah,,50000,,",
            "2019,Ninewa,Health,40000,,",
            "2019,Ninewa,WASH,30000,,",
            "2019,Al-Basrah,WASH,20000,,");
        await _db.ImportOkAsync("presence.csv", RecordKind.Presence,
            "year,organisation,acronym,org_type,cluster,governorate,district,activity",
            "2019,Relief Org,RO,INGO,Health,Ninewa,Mosul,clinics",
            "2019,Relief Org,RO,INGO,Health,Ninewa,Mosul,vaccination",
            "2019,RO,,INGO,WASH,Ninewa,,",
            "2019,Water Now,,NNGO,WASH,Al-Basrah,,");
        await _db.ImportOkAsync("incidents.csv", RecordKind.Incidents,
            "date,governorate,type,count",
            "2019-03-01,Ninewa,IED,3",
            "2019-04-01,Ninewa,IED,2",
            "2019-04-01,Ninewa,Ambush,1");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Clusters_merge_spellings_count_only_counted_funding_and_keep_unallocated_nationally()
    {
        var rows = await Breakdown.ClustersAsync(new EquityScope(2019));

        var health = rows.Single(r => r.Cluster.Equals("Health", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1500m, health.FundingUsd);
        Assert.Equal(40000, health.PeopleInNeed);
        Assert.Equal(1, health.Orgs);
        var wash = rows.Single(r => r.Cluster == "WASH");
        Assert.Equal(500m, wash.FundingUsd); // pledge and internal flow excluded
        Assert.Equal(50000, wash.PeopleInNeed);
        Assert.Equal(2, wash.Orgs);
        var unspecified = rows.Single(r => r.Cluster == BreakdownService.UnspecifiedCluster);
        Assert.Equal(700m, unspecified.FundingUsd);
        Assert.Null(unspecified.PeopleInNeed);

        var table = await _db.TableAsync(2019);
        Assert.Equal(table.TotalFundingUsd + table.UnallocatedUsd, rows.Sum(r => r.FundingUsd));
    }

    [Fact]
    public async Task Cluster_need_by_district_is_the_newest_batchs_rows_summed_per_governorate()
    {
        // A newer needs file by district for Ninewa Health: its two districts and a row naming none
        // replace the older governorate figure (40,000) with their sum (41,000), not one row of them picked.
        await _db.ImportOkAsync("need-districts.csv", RecordKind.Need,
            "year,governorate,district,cluster,people_in_need,targeted,reached",
            "2019,Ninewa,IQG15Q05,Health,26000,,",
            "2019,Ninewa,IQG15Q07,Health,10000,,",
            "2019,Ninewa,,Health,5000,,",
            "2019,Ninewa,IQG15Q05,WASH,1000,,");

        var rows = await Breakdown.ClustersAsync(new EquityScope(2019), "IQG15");

        Assert.Equal(41000, rows.Single(r => r.Cluster.Equals("Health", StringComparison.OrdinalIgnoreCase)).PeopleInNeed);
        Assert.Equal(1000, rows.Single(r => r.Cluster == "WASH").PeopleInNeed);
        Assert.Equal(41000, (await _db.TableAsync(2019, "Health")).Gov("IQG15").Need);
        // Nationally, Al-Basrah's WASH figure from the older batch still counts beside Ninewa's new one.
        Assert.Equal(21000, (await Breakdown.ClustersAsync(new EquityScope(2019))).Single(r => r.Cluster == "WASH").PeopleInNeed);
    }

    [Fact]
    public async Task Clusters_of_a_governorate_or_region_leave_out_money_located_elsewhere()
    {
        var ninewa = await Breakdown.ClustersAsync(new EquityScope(2019), "IQG15");
        Assert.Equal(1800m, ninewa.Sum(r => r.FundingUsd));
        Assert.DoesNotContain(ninewa, r => r.Cluster == BreakdownService.UnspecifiedCluster);
        Assert.Equal(30000, ninewa.Single(r => r.Cluster == "WASH").PeopleInNeed);

        var south = await Breakdown.ClustersAsync(new EquityScope(2019, Region: "South"));
        var row = Assert.Single(south);
        Assert.Equal(("WASH", 200m, 20000L, 1), (row.Cluster, row.FundingUsd, row.PeopleInNeed!.Value, row.Orgs));
    }

    [Fact]
    public async Task Donor_flows_add_up_to_the_table_and_follow_the_donor_scope()
    {
        var flows = await Breakdown.DonorFlowsAsync(new EquityScope(2019));
        Assert.Equal(1500m, flows.Single(f => f.Donor == "Donor A" && f.Pcode == "IQG15").FundingUsd);
        Assert.Equal(700m, flows.Single(f => f.Donor == "Donor B" && f.Pcode is null).FundingUsd);
        Assert.DoesNotContain(flows, f => f.Donor == "Donor C");
        Assert.Equal(flows.Max(f => f.FundingUsd), flows[0].FundingUsd);

        var onlyB = await Breakdown.DonorFlowsAsync(new EquityScope(2019, Donor: "Donor B"), "IQG15");
        var single = Assert.Single(onlyB);
        Assert.Equal(300m, single.FundingUsd);
    }

    [Fact]
    public async Task Presence_merges_acronym_and_full_name_and_counts_distinct_activities()
    {
        var rows = await Breakdown.PresenceAsync(new EquityScope(2019), "IQG15");
        Assert.Equal(2, rows.Count);
        var health = rows.Single(r => r.Cluster == "Health");
        Assert.Equal(2, health.Activities);
        Assert.Equal("INGO", health.OrgType);
        Assert.Equal("Relief Org", Assert.Single(rows.Select(r => r.Organisation).Distinct()));

        var healthOnly = await Breakdown.PresenceAsync(new EquityScope(2019, Cluster: "Health"));
        Assert.Equal("IQG15", Assert.Single(healthOnly).Pcode);
    }

    [Fact]
    public async Task Governorate_detail_matches_the_table_row_and_lists_incidents_trend_and_sources()
    {
        var detail = await Breakdown.GovernorateAsync("iqg15", new EquityScope(2019, Region: "South"));

        Assert.NotNull(detail);
        Assert.Equal("Ninewa", detail.Governorate.Name);
        var table = await _db.TableAsync(2019);
        Assert.Equivalent(table.Governorates.Single(g => g.Key == "IQG15"), detail.Figures, strict: true);
        Assert.Equal(1800m, detail.Figures.FundingUsd);
        Assert.Equal([(2019, "IED", 5), (2019, "Ambush", 1)], detail.Incidents.Select(i => (i.Year, i.Type, i.Count)));
        Assert.Equal([2018, 2019], detail.Trend.Select(t => t.Year));
        Assert.Equal(400m, detail.Trend[0].FundingUsd);
        Assert.Equal(detail.Figures.EquityRatio, detail.Trend[1].EquityRatio);
        Assert.Equal(6, detail.Trend[1].Incidents);
        Assert.Equal(["funding.csv", "need.csv", "presence.csv", "incidents.csv"], detail.Sources.Select(s => s.FileName));
    }

    [Fact]
    public async Task Governorate_sources_are_the_batches_with_records_of_that_governorate()
    {
        await _db.ImportOkAsync("erbil-funding.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
            "2019,,Donor D,,Health,Erbil,100,paid,,e1");
        await _db.ImportOkAsync("old-incidents.csv", RecordKind.Incidents,
            "date,governorate,type,count", "2015-06-01,Ninewa,IED,2");
        await _db.ImportOkAsync("funding-2021.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
            "2021,,Donor A,,Health,Ninewa,100,paid,,n1");

        var ninewa = await Breakdown.GovernorateAsync("IQG15", new EquityScope(2019));
        var erbil = await Breakdown.GovernorateAsync("IQG11", new EquityScope(2019));

        // Ninewa: not Erbil's funding nor funding of 2021, but incidents of any year.
        Assert.Equal(["funding.csv", "need.csv", "presence.csv", "incidents.csv", "old-incidents.csv"],
            ninewa!.Sources.Select(s => s.FileName));
        Assert.Equal(["erbil-funding.csv"], erbil!.Sources.Select(s => s.FileName));
    }

    [Fact]
    public async Task Governorate_detail_of_an_unknown_pcode_is_null() =>
        Assert.Null(await Breakdown.GovernorateAsync("IQG99", new EquityScope(2019)));
}
