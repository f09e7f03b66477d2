using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// District tables on a real SQLite file, from template files with a district column: figures by
/// hand inside Ninewa and nationally, "district not specified" apart, the newest need and displacement
/// batch per governorate, the population baseline, and the cache.
/// </summary>
public sealed class DistrictMetricsTests
{
    private const string Ninewa = "IQG15", Mosul = "IQG15Q05", Sinjar = "IQG15Q07", Telafar = "IQG15Q08";
    private const string Kirkuk = "IQG13", Hawiga = "IQG13Q01";
    private static readonly Actor Manager = new("dm@example.org", Roles.DataManager);

    /// <summary>
    /// 2021 funding: Al-Mosul 600 K, Telafar 200 K, Ninewa without district 200 K; Al-Hawiga 500 K, Kirkuk
    /// without district 500 K; 100 K to "Ninewa;Kirkuk" (unallocated); a pledge of 1 M to Sinjar (counts
    /// nowhere). 2020: Al-Mosul 300 K, Telafar 400 K, Sinjar 100 K.
    /// People in need 2021: Al-Mosul 200 K, Telafar 300 K, Sinjar 100 K, Ninewa without district 400 K;
    /// Al-Hawiga 250 K, Kirkuk without district 250 K.
    /// Presence 2021: A in Al-Mosul and Telafar, B in Al-Mosul, C in Al-Mosul and without district, D without
    /// district (Ninewa: 4 organisations). Incidents 2021: Sinjar 30, Ninewa without district 5.
    /// Displacement 2021: a first list (Al-Mosul 1,000; Al-Hawiga 300), then a second for Ninewa only
    /// (Al-Mosul 1,200, Sinjar 800, no district 40).
    /// </summary>
    private static async Task<TestDatabase> DatasetAsync()
    {
        var db = await TestDatabase.CreateAsync();
        try
        {
            await db.ImportOkAsync("funding.csv", RecordKind.Funding,
                "year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id",
                "2021,,Donor A,,Health,Ninewa,Al-Mosul,600000,paid,,1",
                "2021,,Donor B,,WASH,Ninewa,تلعفر,200000,commitment,incoming,2",
                "2021,,Donor B,,,Ninewa,,200000,paid,,3",
                "2021,,Donor A,,Health,Kirkuk,IQG13Q01,500000,paid,,4",
                "2021,,Donor A,,,Kirkuk,,500000,,,5",
                "2021,,Donor C,,,Ninewa;Kirkuk,,100000,paid,,6",
                "2021,,Donor C,,,Ninewa,Sinjar,1000000,pledge,,7",
                "2020,,Donor A,,Health,Ninewa,Al-Mosul,300000,paid,,8",
                "2020,,Donor B,,WASH,Ninewa,Tal Afar,400000,paid,,9",
                "2020,,Donor B,,,Ninewa,Sinjar,100000,paid,,10");
            await db.ImportOkAsync("need.csv", RecordKind.Need,
                "year,governorate,district,cluster,people_in_need,targeted,reached",
                "2021,Ninewa,Al-Mosul,,200000,,",
                "2021,Ninewa,Telafar,,300000,,",
                "2021,Ninewa,Sinjar,,100000,,",
                "2021,Ninewa,,,400000,,",
                "2021,Kirkuk,Al-Hawiga,,250000,,",
                "2021,Kirkuk,,,250000,,");
            await db.ImportOkAsync("presence.csv", RecordKind.Presence,
                "year,organisation,acronym,org_type,cluster,governorate,district,activity",
                "2021,Org A,,,Health,Ninewa,Al-Mosul,Clinics",
                "2021,Org A,,,Health,Ninewa,Telafar,Clinics",
                "2021,Org B,,,WASH,Ninewa,Al-Mosul,Water",
                "2021,Org C,,,WASH,Ninewa,Al-Mosul,Water",
                "2021,Org C,,,WASH,Ninewa,,Water",
                "2021,Org D,,,Health,Ninewa,,Clinics");
            await db.ImportOkAsync("incidents.csv", RecordKind.Incidents,
                "date,governorate,district,type,count",
                "2021-03-01,Ninewa,Sinjar,IED,30",
                "2021-04-01,Ninewa,,Clash,5");
            await db.ImportOkAsync("idps-round-1.csv", RecordKind.Displacement,
                "year,governorate,district,location,idps",
                "2021,Ninewa,Al-Mosul,Hay Al-Zahraa,1000",
                "2021,Kirkuk,Al-Hawiga,Camp,300");
            await db.ImportOkAsync("idps-round-2.csv", RecordKind.Displacement,
                "year,governorate,district,location,idps",
                "2021,Ninewa,Al-Mosul,Hay Al-Zahraa,1200",
                "2021,Ninewa,Sinjar,Sinuni,800",
                "2021,Ninewa,,Unnamed camp,40");
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private static AreaFigures D(DistrictTable t, string pcode) => t.Districts.Single(d => d.Key == pcode);

    [Fact]
    public async Task Inside_Ninewa_shares_are_of_its_figures_that_name_a_district()
    {
        await using var db = await DatasetAsync();
        var t = await db.Equity.GetDistrictTableAsync(new EquityScope(2021), "Iqg15");

        Assert.Equal((Ninewa, "Ninewa"), (t.GovernoratePcode, t.GovernorateName));
        Assert.Equal(9, t.Districts.Count);
        Assert.Equal(800_000m, t.TotalFundingUsd);
        Assert.Equal(600_000, t.TotalNeed);
        Assert.Equal(1_000_000m, t.ScopeFundingUsd);
        Assert.Equal(1_000_000, t.ScopeNeed);
        TestSupport.Near(0.8, t.FundingByDistrictShare, "funding by district");
        TestSupport.Near(0.6, t.NeedByDistrictShare, "need by district");
        Assert.Null(t.UnallocatedUsd);

        var mosul = D(t, Mosul);
        Assert.Equal((600_000m, 300_000m, 200_000L, 3, 1_200L), (mosul.FundingUsd, mosul.PreviousFundingUsd, mosul.Need!.Value, mosul.Orgs, mosul.Idps!.Value));
        Assert.Equal((Ninewa, "Ninewa", "North/Centre"), (mosul.ParentPcode, mosul.ParentName, mosul.Region));
        TestSupport.Near(0.75, mosul.FundingShare, "fs");
        TestSupport.Near(1.0 / 3, mosul.NeedShare, "ns");
        TestSupport.Near(2.25, mosul.EquityRatio, "r");
        TestSupport.Near(3, mosul.UsdPerPin, "u");
        TestSupport.Near(200_000 * (800_000.0 / 600_000) - 600_000, mosul.GapToParityUsd, "gap");
        TestSupport.Near(1.5, mosul.OrgsPer100kNeed, "orgs per 100k");
        TestSupport.Near(1, mosul.YoyChange, "yoy");
        Assert.Equal(0, mosul.Incidents);
        Assert.Equal([FlagCodes.OverConcentrated], mosul.FlagCodes());
        Assert.Contains("(shares of Ninewa's figures by district)", mosul.Flags[0].Reason, StringComparison.Ordinal);

        var telafar = D(t, Telafar);
        TestSupport.Near(0.5, telafar.EquityRatio, "r");      // exactly the threshold: not under-served
        TestSupport.Near(-0.5, telafar.YoyChange, "yoy");
        Assert.Equal([FlagCodes.FundingFalling], telafar.FlagCodes());

        var sinjar = D(t, Sinjar);                             // the pledge counts nowhere
        Assert.Equal((0m, 0, 30, 800L), (sinjar.FundingUsd, sinjar.Orgs, sinjar.Incidents!.Value, sinjar.Idps!.Value));
        Assert.Equal(
            [FlagCodes.UnderServed, FlagCodes.NoPresence, FlagCodes.FundingFalling, FlagCodes.AccessConstrained],
            sinjar.FlagCodes());
        Assert.All(sinjar.Flags, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));

        var aqra = D(t, "IQG15Q01");                            // nothing recorded
        Assert.Null(aqra.Need);
        Assert.Equal("no recorded need", Money.Ratio(aqra.EquityRatio));
        Assert.Null(aqra.Idps);
        Assert.Empty(aqra.Flags);

        var ns = Assert.Single(t.NotSpecified);
        Assert.Equal((200_000m, 400_000L, 2, 2, 5, 40L), (ns.FundingUsd, ns.Need!.Value, ns.Orgs, ns.Activities, ns.Incidents!.Value, ns.Idps!.Value));
        Assert.Equal((1_000_000m, 1_000_000L, 4, 2_040L), (ns.GovernorateFundingUsd, ns.GovernorateNeed!.Value, ns.GovernorateOrgs, ns.GovernorateIdps!.Value));
        Assert.Equal(
            "Funding: USD 800 K of the USD 1.0 M allocated to Ninewa (80.0%) names a district; USD 200 K is 'district not specified'.",
            t.Notes[0]);
        Assert.Equal(
            "People in need: 600,000 of the 1,000,000 in Ninewa (60.0%) are in figures naming a district; 400,000 are 'district not specified'.",
            t.Notes[1]);
    }

    [Fact]
    public async Task Nationally_shares_are_of_the_national_figures_that_name_a_district()
    {
        await using var db = await DatasetAsync();
        var scope = new EquityScope(2021);
        var t = await db.Equity.GetDistrictTableAsync(scope);
        var governorates = await db.Equity.GetTableAsync(scope);

        Assert.Equal(GazetteerSource.Default.Districts.Count, t.Districts.Count);
        Assert.Equal(18, t.NotSpecified.Count);
        Assert.Equal(1_300_000m, t.TotalFundingUsd);           // 800 K + 500 K
        Assert.Equal(850_000, t.TotalNeed);                    // 600 K + 250 K
        Assert.Equal(governorates.TotalFundingUsd, t.ScopeFundingUsd);
        Assert.Equal(governorates.TotalNeed, t.ScopeNeed);
        Assert.Equal(700_000m, t.NotSpecifiedFundingUsd);      // 200 K + 500 K
        Assert.Equal(100_000m, t.UnallocatedUsd);
        Assert.Contains(t.Notes, n => n.StartsWith("USD 100 K with no single governorate", StringComparison.Ordinal));

        // Al-Mosul is over-concentrated within Ninewa, not against the country's districts.
        var mosul = D(t, Mosul);
        TestSupport.Near((600.0 / 1300) / (200.0 / 850), mosul.EquityRatio, "r Mosul");   // 1.96
        Assert.False(mosul.HasFlag(FlagCodes.OverConcentrated));
        Assert.Contains("(shares of the national figures by district)", D(t, Sinjar).Flags[0].Reason, StringComparison.Ordinal);
        TestSupport.Near((500.0 / 1300) / (250.0 / 850), D(t, Hawiga).EquityRatio, "r Al-Hawiga");
        Assert.Equal(300, D(t, Hawiga).Idps);                 // the first list: the only one naming Kirkuk
        Assert.Equal(300, governorates.Gov(Kirkuk).Idps);
        Assert.Equal(2_040, governorates.Gov(Ninewa).Idps);   // the second list replaces the first in Ninewa

        // "The most under-served districts of Iraq", with the region filter: shares stay national.
        var south = await db.Equity.GetDistrictTableAsync(scope with { Region = "South" });
        Assert.All(south.Districts, d => Assert.Equal("South", d.Region));
        Assert.Equal(t.TotalFundingUsd, south.TotalFundingUsd);
    }

    [Fact]
    public async Task A_cluster_or_donor_scope_reads_its_own_district_figures()
    {
        await using var db = await DatasetAsync();
        var health = await db.Equity.GetDistrictTableAsync(new EquityScope(2021, Cluster: "Health"), Ninewa);
        Assert.Equal(600_000m, D(health, Mosul).FundingUsd);
        Assert.Equal(1, D(health, Mosul).Orgs);                // Org A only
        Assert.Equal(0m, Assert.Single(health.NotSpecified).FundingUsd);
        Assert.Equal(1, Assert.Single(health.NotSpecified).Orgs); // Org D
        Assert.Null(D(health, Mosul).Need);                    // no Health PiN recorded

        var donorB = await db.Equity.GetDistrictTableAsync(new EquityScope(2021, Donor: "Donor B"), Ninewa);
        Assert.Equal((0m, 200_000m), (D(donorB, Mosul).FundingUsd, D(donorB, Telafar).FundingUsd));
        Assert.Equal(200_000m, Assert.Single(donorB.NotSpecified).FundingUsd);
        Assert.Equal(200_000, D(donorB, Mosul).Need);          // need and presence do not depend on the donor
    }

    [Fact]
    public async Task A_newer_need_file_without_districts_replaces_the_district_figures()
    {
        await using var db = await DatasetAsync();
        await db.ImportOkAsync("need-kirkuk-2.csv", RecordKind.Need,
            "year,governorate,district,cluster,people_in_need,targeted,reached",
            "2021,Kirkuk,,,600000,,");
        var scope = new EquityScope(2021);
        var kirkuk = await db.Equity.GetDistrictTableAsync(scope, Kirkuk);
        Assert.All(kirkuk.Districts, d => Assert.Null(d.Need));   // the newest batch names no district there
        Assert.Equal(600_000, Assert.Single(kirkuk.NotSpecified).Need);
        Assert.Equal(600_000, (await db.Equity.GetTableAsync(scope)).Gov(Kirkuk).Need);
        // Ninewa keeps its own newest batch, by district.
        Assert.Equal(200_000, D(await db.Equity.GetDistrictTableAsync(scope, Ninewa), Mosul).Need);
    }

    [Fact]
    public async Task Under_the_population_baseline_districts_have_no_recorded_need()
    {
        await using var db = await DatasetAsync();
        var t = await db.Equity.GetDistrictTableAsync(new EquityScope(2021, Baseline: Baseline.Population), Ninewa);
        Assert.All(t.Districts, d =>
        {
            Assert.Null(d.Need);
            Assert.Null(d.EquityRatio);
            Assert.Null(d.GapToParityUsd);
            Assert.False(d.HasFlag(FlagCodes.UnderServed) || d.HasFlag(FlagCodes.NoPresence));
        });
        var population = GazetteerSource.Default[Ninewa].Population;
        Assert.Equal(population, Assert.Single(t.NotSpecified).Need);
        Assert.Contains(t.Notes, n => n.StartsWith("Population: the COD gives no population by district", StringComparison.Ordinal));
        Assert.True(D(t, Sinjar).HasFlag(FlagCodes.AccessConstrained)); // access divides by people in need
    }

    [Fact]
    public async Task District_tables_are_computed_once_until_the_data_changes()
    {
        await using var db = await DatasetAsync();
        var scope = new EquityScope(2021);
        var first = await db.Equity.GetDistrictTableAsync(scope, Ninewa);
        Assert.Same(first, await db.Equity.GetDistrictTableAsync(scope, "iqg15"));
        Assert.Same(first, await db.Equity.GetDistrictTableAsync(scope, " iqg15 "));
        Assert.NotSame(first, await db.Equity.GetDistrictTableAsync(scope));
        var queries = db.Services.GetRequiredService<EquityQueries>();
        Assert.Same(await queries.LoadDistrictInputsAsync(scope), await queries.LoadDistrictInputsAsync(scope with { Baseline = Baseline.Population }));

        var funding = (await db.BatchStore.ListAsync()).Single(b => b.Kind == RecordKind.Funding);
        await db.BatchStore.WithdrawAsync(Manager, funding.Id);
        var after = await db.Equity.GetDistrictTableAsync(scope, Ninewa);
        Assert.NotSame(first, after);
        Assert.Equal(0m, after.TotalFundingUsd);
        Assert.Equal(0m, Assert.Single(after.NotSpecified).FundingUsd);
    }

    [Fact]
    public async Task An_unknown_governorate_is_refused()
    {
        await using var db = await DatasetAsync();
        var e = await Assert.ThrowsAsync<ArgumentException>(() => db.Equity.GetDistrictTableAsync(new EquityScope(2021), "Atlantis"));
        Assert.Contains("Atlantis", e.Message, StringComparison.Ordinal);
    }
}
