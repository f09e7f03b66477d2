using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using static EquityDashboard.Infrastructure.Tests.TestSupport;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// Funding, need and presence semantics of equity-metrics.md, through the store and
/// EquityService, on a small hand-made dataset (figures worked out in the comments).
/// </summary>
public sealed class FundingSemanticsTests
{
    internal const string Ninewa = "IQG15", Anbar = "IQG01", Erbil = "IQG11", Duhok = "IQG09", Baghdad = "IQG08", Kirkuk = "IQG13";

    internal static readonly string[] Need =
    [
        "year,governorate,cluster,people_in_need,targeted,reached",
        "2019,Ninewa,,100000,,",
        "2019,Al-Anbar,,300000,,",
        "2019,Erbil,,100000,,",
        "2019,Ninewa,Health,40000,,",
        "2019,Al-Anbar,Health,10000,,",
        "2019,Erbil,Health,30000,,",
    ];

    internal static readonly string[] Funding =
    [
        "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
        "2019,2019-03-01,Donor X,,Health,Ninewa,1000000,paid,incoming,F01",  // Ninewa 2019, Health, X
        "2019,,Donor Y,,Shelter,Ninewa,500000,,,F02",                        // blank status/boundary: counted
        ",2019-05-05,Donor Y,,Health,Al-Anbar,250000,commitment,,F03",       // year from the date
        "2019,,Donor X,,Health,Erbil,700000,pledge,incoming,F04",            // pledge: nowhere
        "2019,,Donor X,,Health,Erbil,300000,paid,internal,F05",              // internal: nowhere
        "2019,,Donor X,,,Erbil,200000,paid,outgoing,F06",                    // outgoing: nowhere
        "2019,,Donor X,,Health,Ninewa;Al-Anbar,400000,paid,incoming,F07",    // unallocated (two)
        "2019,,Donor Y,,,Iraq,150000,paid,,F08",                             // unallocated (country)
        "2019,,Donor Z,,,,50000,,,F09",                                      // unallocated (blank)
        "2019,,Donor X,,,Iraq,999000,pledge,,F10",                           // pledge: not even unallocated
        "2019,,Donor X,,,Ninewa;Al-Anbar,888000,paid,internal,F11",          // internal: not even unallocated
        "2019,,Donor Y,,,IRQ,77000,commitment,outgoing,F17",                 // outgoing: not even unallocated
        "2020,2019-12-20,Donor X,,,Erbil,75000,paid,incoming,F12",           // budget year 2020 wins
        "2018,,Donor X,,Health,Ninewa,2000000,paid,incoming,F13",            // previous year
        "2018,,Donor Y,,,Al-Anbar,100000,paid,,F14",
        "2018,,Donor X,,,Erbil,300000,paid,,F15",
        ",2018-06-01,Donor X,,,Erbil,100000,pledge,,F16",                    // pledge 2018: nowhere
    ];

    internal static readonly string[] Presence =
    [
        "year,organisation,acronym,org_type,cluster,governorate,district,activity",
        "2019,Org Alpha,OA,INGO,Health,Ninewa,Mosul,Clinic",
        "2019,Org Beta,,NNGO,Shelter,Ninewa,Mosul,Repairs",
        "2019,Org Beta,,NNGO,Health,Al-Anbar,Ramadi,Clinic",
        "2019,Org Gamma,,UN,Protection,Erbil,,Case management",
        "2019,Org Gamma,,UN,Protection,Duhok,,Case management",
        "2019,Org Beta,,NNGO,Shelter,Duhok,,Repairs",
    ];

    internal static async Task<TestDatabase> CreateDatasetAsync()
    {
        var db = await TestDatabase.CreateAsync();
        try
        {
            await db.ImportOkAsync("need.csv", RecordKind.Need, Need);
            await db.ImportOkAsync("funding.csv", RecordKind.Funding, Funding);
            await db.ImportOkAsync("presence.csv", RecordKind.Presence, Presence);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        return db;
    }

    [Fact]
    public async Task All_clusters_2019_counts_only_counted_single_governorate_funding()
    {
        await using var db = await CreateDatasetAsync();
        var t = await db.TableAsync(2019);

        // Ninewa F01 1,000,000 + F02 500,000 = 1,500,000; Anbar F03 250,000 (year of its date);
        // Erbil 0: F04 pledge, F05 internal, F06 outgoing, F12 is budget year 2020.
        Assert.Equal(1_500_000m, t.Gov(Ninewa).FundingUsd);
        Assert.Equal(250_000m, t.Gov(Anbar).FundingUsd);
        Assert.Equal(0m, t.Gov(Erbil).FundingUsd);
        Assert.Equal(0m, t.Gov(Baghdad).FundingUsd);
        // F = 1,500,000 + 250,000 = 1,750,000 (unallocated not included).
        Assert.Equal(1_750_000m, t.TotalFundingUsd);
        Assert.Equal(1_750_000m, t.Governorates.Sum(g => g.FundingUsd));
        // Unallocated = F07 400,000 + F08 150,000 + F09 50,000 = 600,000 (F10 pledge, F11 internal, F17 outgoing excluded).
        Assert.Equal(600_000m, t.UnallocatedUsd);

        // N = 100,000 + 300,000 + 100,000 = 500,000 (cluster rows not added); u = 1,750,000 / 500,000 = 3.5.
        Assert.Equal(500_000, t.TotalNeed);
        Near(3.5, t.UsdPerPin);

        // Ninewa: fs = 1.5M/1.75M = 6/7, ns = 0.2, r = 30/7; USD/PiN = 15; gap = 100,000*3.5 - 1.5M = -1,150,000.
        var n = t.Gov(Ninewa);
        Near(6.0 / 7, n.FundingShare);
        Near(0.2, n.NeedShare);
        Near(30.0 / 7, n.EquityRatio);
        Near(15, n.UsdPerPin);
        Near(-1_150_000, n.GapToParityUsd);
        // Anbar: fs = 1/7, ns = 0.6, r = 5/21 (< 0.5: under-served); gap = 300,000*3.5 - 250,000 = 800,000.
        var a = t.Gov(Anbar);
        Near(5.0 / 21, a.EquityRatio);
        Near(800_000, a.GapToParityUsd);
        Assert.Contains(FlagCodes.UnderServed, a.FlagCodes());
        // Erbil: r = 0 (need, no money): under-served; gap = 100,000*3.5 = 350,000.
        Near(0, t.Gov(Erbil).EquityRatio);
        Near(350_000, t.Gov(Erbil).GapToParityUsd);
        // Baghdad: no recorded need -> undefined, never 0.
        Assert.Null(t.Gov(Baghdad).Need);
        Assert.Null(t.Gov(Baghdad).EquityRatio);
        Assert.Null(t.Gov(Baghdad).GapToParityUsd);
        // Gini: order Erbil (u 0), Anbar (0.833), Ninewa (15); X = .2, .8, 1; Y = 0, 1/7, 1;
        // sum = .2*0 + .6*(1/7) + .2*(1 + 1/7) = 11/35; G = 24/35.
        Near(24.0 / 35, t.Gini);
    }

    [Fact]
    public async Task Year_on_year_change_is_against_the_previous_year_of_counted_funding()
    {
        await using var db = await CreateDatasetAsync();
        var t = await db.TableAsync(2019);

        // Ninewa: 2018 F13 2,000,000 -> 2019 1,500,000: (1.5M - 2M) / 2M = -0.25, not below -0.25.
        Near(-0.25, t.Gov(Ninewa).YoyChange);
        Assert.DoesNotContain(FlagCodes.FundingFalling, t.Gov(Ninewa).FlagCodes());
        // Anbar: 100,000 -> 250,000: +1.5.
        Near(1.5, t.Gov(Anbar).YoyChange);
        // Erbil: 300,000 (the 2018 pledge F16 excluded) -> 0: -1 (a fall to 0 is -100 %).
        Near(-1, t.Gov(Erbil).YoyChange);
        Assert.Contains(FlagCodes.FundingFalling, t.Gov(Erbil).FlagCodes());
        // No 2018 funding: undefined.
        Assert.Null(t.Gov(Duhok).YoyChange);
        // North/Centre: 2018 2,100,000 -> 2019 1,750,000: -350,000 / 2,100,000 = -1/6.
        Near(-1.0 / 6, t.Region(Regions.NorthCentre).YoyChange);
        // KRI: 300,000 -> 0 = -1.
        Near(-1, t.Region(Regions.Kri).YoyChange);

        // 2020: only F12 (Erbil 75,000, budget year 2020 although dated 2019): Erbil 0 -> 75,000: undefined.
        var t2020 = await db.TableAsync(2020);
        Assert.Equal(75_000m, t2020.Gov(Erbil).FundingUsd);
        Assert.Equal(75_000m, t2020.TotalFundingUsd);
        Assert.Null(t2020.Gov(Erbil).YoyChange);
    }

    [Fact]
    public async Task Cluster_scope_uses_the_cluster_need_funding_and_presence()
    {
        await using var db = await CreateDatasetAsync();
        var t = await db.TableAsync(2019, cluster: "Health");

        // Health PiN: 40,000 + 10,000 + 30,000 = 80,000 (not the intersectoral 500,000).
        Assert.Equal(80_000, t.TotalNeed);
        Assert.Equal(40_000, t.Gov(Ninewa).Need);
        // Health funding: Ninewa F01 1,000,000 (F02 is Shelter); Anbar F03 250,000; Erbil 0. F = 1,250,000.
        Assert.Equal(1_000_000m, t.Gov(Ninewa).FundingUsd);
        Assert.Equal(250_000m, t.Gov(Anbar).FundingUsd);
        Assert.Equal(1_250_000m, t.TotalFundingUsd);
        // Health unallocated: F07 400,000 only (F08, F09 have no cluster).
        Assert.Equal(400_000m, t.UnallocatedUsd);
        // Ninewa fs = 0.8, ns = 0.5: r = 1.6; Anbar fs = 0.2, ns = 0.125: r = 1.6; u = 1.25M / 80,000 = 15.625.
        Near(1.6, t.Gov(Ninewa).EquityRatio);
        Near(1.6, t.Gov(Anbar).EquityRatio);
        Near(15.625, t.UsdPerPin);
        // Erbil gap = 30,000 * 15.625 = 468,750.
        Near(468_750, t.Gov(Erbil).GapToParityUsd);
        // Health presence: Ninewa Org Alpha only (Beta is Shelter there); Anbar Beta; Erbil none (Gamma is Protection).
        Assert.Equal(1, t.Gov(Ninewa).Orgs);
        Assert.Equal(1, t.Gov(Anbar).Orgs);
        Assert.Equal(0, t.Gov(Erbil).Orgs);
        Assert.Contains(FlagCodes.NoPresence, t.Gov(Erbil).FlagCodes());
        // Health YoY Ninewa: 2018 F13 2,000,000 Health -> 1,000,000: -0.5.
        Near(-0.5, t.Gov(Ninewa).YoyChange);
        // Anbar had no Health funding in 2018 (F14 has no cluster): undefined.
        Assert.Null(t.Gov(Anbar).YoyChange);

        // The cluster name matches case-insensitively.
        var lower = await db.TableAsync(2019, cluster: "health");
        Assert.Equal((80_000L, 1_250_000m), (lower.TotalNeed, lower.TotalFundingUsd));
    }

    [Fact]
    public async Task Cluster_without_any_need_rows_has_no_need_even_if_it_has_funding()
    {
        await using var db = await CreateDatasetAsync();
        var t = await db.TableAsync(2019, cluster: "Shelter");
        // Shelter: funding F02 500,000 in Ninewa, no Shelter PiN anywhere.
        Assert.Equal(0, t.TotalNeed);
        Assert.Equal(500_000m, t.TotalFundingUsd);
        Assert.All(t.Governorates, g => Assert.Null(g.Need));
        Assert.All(t.Governorates, g => Assert.Null(g.EquityRatio));
    }

    [Fact]
    public async Task Donor_scope_filters_funding_only()
    {
        await using var db = await CreateDatasetAsync();
        var x = await db.TableAsync(2019, donor: "Donor X");
        // Donor X counted: F01 Ninewa 1,000,000; unallocated F07 400,000. F = 1,000,000.
        Assert.Equal(1_000_000m, x.TotalFundingUsd);
        Assert.Equal(1_000_000m, x.Gov(Ninewa).FundingUsd);
        Assert.Equal(0m, x.Gov(Anbar).FundingUsd);
        Assert.Equal(400_000m, x.UnallocatedUsd);
        // Need and presence unchanged: N 500,000; Ninewa orgs 2 (Alpha, Beta).
        Assert.Equal(500_000, x.TotalNeed);
        Assert.Equal(2, x.Gov(Ninewa).Orgs);
        // Ninewa fs = 1, ns = 0.2: r = 5.
        Near(5, x.Gov(Ninewa).EquityRatio);
        // X's own 2018: Ninewa F13 2,000,000 -> 1,000,000 = -0.5.
        Near(-0.5, x.Gov(Ninewa).YoyChange);

        var y = await db.TableAsync(2019, donor: "donor y");
        // Donor Y (any case): Ninewa F02 500,000 + Anbar F03 250,000 = 750,000; unallocated F08 150,000.
        Assert.Equal(750_000m, y.TotalFundingUsd);
        Assert.Equal(150_000m, y.UnallocatedUsd);
        Assert.Equal(500_000, y.TotalNeed);
    }

    [Fact]
    public async Task Orgs_are_distinct_per_governorate_and_per_region()
    {
        await using var db = await CreateDatasetAsync();
        var t = await db.TableAsync(2019);
        // Ninewa: Alpha, Beta = 2 orgs, 2 activities; Duhok: Gamma, Beta.
        Assert.Equal((2, 2), (t.Gov(Ninewa).Orgs, t.Gov(Ninewa).Activities));
        Assert.Equal((1, 1), (t.Gov(Erbil).Orgs, t.Gov(Erbil).Activities));
        Assert.Equal((2, 2), (t.Gov(Duhok).Orgs, t.Gov(Duhok).Activities));
        // KRI: Erbil {Gamma} + Duhok {Gamma, Beta} = 2 distinct, not 3.
        Assert.Equal(2, t.Region(Regions.Kri).Orgs);
        // North/Centre: Ninewa {Alpha, Beta} + Anbar {Beta} = 2 distinct, not 3.
        Assert.Equal(2, t.Region(Regions.NorthCentre).Orgs);
        Assert.Equal(0, t.Region(Regions.South).Orgs);
    }

    [Fact]
    public async Task Access_flag_only_for_a_year_with_incident_data()
    {
        await using var db = await CreateDatasetAsync();
        // Incidents for 2018 only: 2019 has no incident data.
        await db.ImportOkAsync("incidents-2018.csv", RecordKind.Incidents,
            "date,governorate,type,count",
            "2018-05-01,Al-Anbar,IED,900");
        var before = await db.TableAsync(2019);
        Assert.False(before.IncidentDataLoaded);
        Assert.All(before.Governorates, g => Assert.Null(g.Incidents));
        Assert.All(before.Governorates, g => Assert.DoesNotContain(FlagCodes.AccessConstrained, g.FlagCodes()));

        await db.ImportOkAsync("incidents-2019.csv", RecordKind.Incidents,
            "date,governorate,type,count",
            "2019-02-01,Al-Anbar,IED,40",
            "2019-03-01,Anbar,Armed clash,30",
            "2019-04-01,Ninewa,IED,",
            "2019-04-02,Ninewa,IED,4",
            "2019-04-02,Kirkuk,IED,50");
        var t = await db.TableAsync(2019);
        Assert.True(t.IncidentDataLoaded);
        // Anbar 40 + 30 = 70 per 300,000 PiN = 23.3 per 100k > 20: flagged.
        Assert.Equal(70, t.Gov(Anbar).Incidents);
        Near(70.0 / 300_000 * 100_000, t.Gov(Anbar).IncidentsPer100kPin);
        Assert.Contains(FlagCodes.AccessConstrained, t.Gov(Anbar).FlagCodes());
        // Ninewa 1 (blank) + 4 = 5 per 100,000 = 5: not flagged.
        Assert.Equal(5, t.Gov(Ninewa).Incidents);
        Assert.DoesNotContain(FlagCodes.AccessConstrained, t.Gov(Ninewa).FlagCodes());
        // Erbil: data loaded, none there: 0, not flagged.
        Assert.Equal(0, t.Gov(Erbil).Incidents);
        // Kirkuk: 50 incidents but no PiN: cannot be computed, no flag.
        Assert.Null(t.Gov(Kirkuk).IncidentsPer100kPin);
        Assert.DoesNotContain(FlagCodes.AccessConstrained, t.Gov(Kirkuk).FlagCodes());
        // KRI: data loaded, no incidents in Erbil, Duhok or Sulaymaniyah: 0, not flagged.
        Assert.Equal(0, t.Region(Regions.Kri).Incidents);
        Assert.DoesNotContain(FlagCodes.AccessConstrained, t.Region(Regions.Kri).FlagCodes());
    }

    [Fact]
    public async Task Need_reimported_in_a_later_batch_replaces_the_earlier_figure()
    {
        await using var db = await CreateDatasetAsync();
        await db.ImportOkAsync("need-2019-revised.csv", RecordKind.Need,
            "year,governorate,cluster,people_in_need,targeted,reached",
            "2019,Al-Anbar,,200000,,",
            "2019,Al-Anbar,Health,20000,,");
        var t = await db.TableAsync(2019);
        // Anbar 200,000 (not 300,000, not 500,000); N = 100,000 + 200,000 + 100,000 = 400,000.
        Assert.Equal(200_000, t.Gov(Anbar).Need);
        Assert.Equal(100_000, t.Gov(Ninewa).Need);
        Assert.Equal(400_000, t.TotalNeed);
        // Health: 40,000 + 20,000 + 30,000 = 90,000.
        Assert.Equal(90_000, (await db.TableAsync(2019, cluster: "Health")).TotalNeed);
    }
    [Fact]
    public async Task Years_clusters_donors_and_sources_come_from_the_records()
    {
        await using var db = await CreateDatasetAsync();
        // Funding 2018-2020, need and presence 2019.
        Assert.Equal([2018, 2019, 2020], await db.Equity.YearsAsync());
        // Need clusters {Health} + funding clusters {Health, Shelter}; "Intersectoral" is not a cluster.
        Assert.Equal(["Health", "Shelter"], await db.Equity.ClustersAsync());
        Assert.Equal(["Donor X", "Donor Y", "Donor Z"], await db.Equity.DonorsAsync());

        var batches = await db.BatchStore.ListAsync();
        // 2019 draws on need, funding (2019 and 2018 for the change) and presence.
        Assert.Equal(batches.Select(b => b.Id), (await db.Equity.SourcesForYearAsync(2019)).Select(b => b.Id));
        // 2020: funding only (F12, and 2019 for the change).
        Assert.Equal([RecordKind.Funding], (await db.Equity.SourcesForYearAsync(2020)).Select(b => b.Kind));
    }
    [Fact]
    public async Task No_presence_flag_only_for_a_year_with_presence_data()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ImportOkAsync("need.csv", RecordKind.Need, Need);
        await db.ImportOkAsync("presence-2018.csv", RecordKind.Presence,
            "year,organisation,acronym,org_type,cluster,governorate,district,activity",
            "2018,Org Alpha,OA,INGO,Health,Ninewa,,");
        // No 2019 3W: "no organisation reported" means nothing, so no flag anywhere.
        var before = await db.TableAsync(2019);
        Assert.All(before.Governorates, g => Assert.DoesNotContain(FlagCodes.NoPresence, g.FlagCodes()));

        await db.ImportOkAsync("presence-2019.csv", RecordKind.Presence,
            "year,organisation,acronym,org_type,cluster,governorate,district,activity",
            "2019,Org Alpha,OA,INGO,Health,Ninewa,,");
        var t = await db.TableAsync(2019);
        // Ninewa has Alpha; Anbar (300,000) and Erbil (100,000) have need and nobody.
        Assert.DoesNotContain(FlagCodes.NoPresence, t.Gov(Ninewa).FlagCodes());
        Assert.Contains(FlagCodes.NoPresence, t.Gov(Anbar).FlagCodes());
        Assert.Contains(FlagCodes.NoPresence, t.Gov(Erbil).FlagCodes());
        // Baghdad: no recorded need, no flag.
        Assert.DoesNotContain(FlagCodes.NoPresence, t.Gov(Baghdad).FlagCodes());
    }
}
