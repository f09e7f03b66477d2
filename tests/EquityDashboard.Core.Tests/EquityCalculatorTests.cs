using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using static EquityDashboard.Core.Tests.TestSupport;

namespace EquityDashboard.Core.Tests;

public sealed class EquityCalculatorTests
{
    private const string NC = Regions.NorthCentre;

    private static Governorate Gov(string pcode, string name, string region, long? population) =>
        new(pcode, name, name, region, 0, 0, population, []);

    private static EquityTable Compute(Gazetteer gazetteer, EquityInputs inputs, EquityThresholds? thresholds = null) =>
        new EquityCalculator(gazetteer, thresholds ?? new EquityThresholds()).Compute(inputs);

    private static AreaFigures Area(IEnumerable<AreaFigures> areas, string key) => areas.Single(a => a.Key == key);

    private static string[] Codes(AreaFigures f) => f.Flags.Select(x => x.Code).Order(StringComparer.Ordinal).ToArray();

    private static void AssertFlags(AreaFigures f, params string[] expected)
    {
        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), Codes(f));
        Assert.All(f.Flags, x => Assert.False(string.IsNullOrWhiteSpace(x.Reason), $"{f.Key} {x.Code} has no reason"));
    }

    private static string Reason(AreaFigures f, string code) => f.Flags.Single(x => x.Code == code).Reason;

    private static EquityInputs Inputs(
        EquityScope scope,
        Dictionary<string, decimal>? funding = null,
        Dictionary<string, decimal>? previous = null,
        Dictionary<string, long?>? pin = null,
        Dictionary<string, int>? orgs = null,
        Dictionary<string, int>? activities = null,
        Dictionary<string, int>? regionOrgs = null,
        Dictionary<string, int>? incidents = null,
        decimal unallocated = 0m) => new()
        {
            Scope = scope,
            Funding = funding ?? [],
            PreviousFunding = previous ?? [],
            PeopleInNeed = pin ?? [],
            Orgs = orgs ?? [],
            Activities = activities ?? [],
            RegionOrgs = regionOrgs ?? [],
            Incidents = incidents,
            UnallocatedUsd = unallocated,
        };

    // ------------------------------------------------------------------------------------
    // Worked example of docs/methodology.md §9: A, B (North/Centre, "East"), C (South), and
    // D (KRI) that has no data unless a test gives it some.
    // ------------------------------------------------------------------------------------

    private static readonly Gazetteer Worked = new([
        Gov("IQG01", "A", NC, 400_000),
        Gov("IQG02", "B", NC, 1_100_000),
        Gov("IQG03", "C", Regions.South, 1_500_000),
        Gov("IQG04", "D", Regions.Kri, null),
    ]);

    private static EquityInputs WorkedInputs(Baseline baseline = Baseline.Pin, decimal fundingD = 0m) => Inputs(
        new EquityScope(2021, Baseline: baseline),
        funding: new() { ["IQG01"] = 2_000_000m, ["IQG02"] = 1_000_000m, ["IQG03"] = 0m, ["IQG04"] = fundingD },
        previous: new() { ["IQG01"] = 1_500_000m, ["IQG02"] = 1_600_000m, ["IQG03"] = 250_000m },
        pin: new() { ["IQG01"] = 100_000, ["IQG02"] = 300_000, ["IQG03"] = 100_000 },
        orgs: new() { ["IQG01"] = 12, ["IQG02"] = 5 },
        regionOrgs: new() { [NC] = 14 },
        incidents: new() { ["IQG01"] = 4, ["IQG02"] = 75, ["IQG03"] = 10 },
        unallocated: 500_000m);

    [Fact]
    public void WorkedExample_NationalTotals()
    {
        var t = Compute(Worked, WorkedInputs());
        Assert.Equal(3_000_000m, t.TotalFundingUsd);   // 2.0M + 1.0M + 0
        Assert.Equal(500_000m, t.UnallocatedUsd);      // 0.3M + 0.2M, not in F
        Assert.Equal(500_000, t.TotalNeed);            // 100k + 300k + 100k
        Near(6.0, t.UsdPerPin, "u");                   // 3M / 500k
        Near(8.0 / 15, t.Gini, "Gini");                // §9.5: 1 - 7/15
        Assert.True(t.IncidentDataLoaded);
        Assert.Equal(4, t.Governorates.Count);
        Assert.Equal(Regions.All, t.Regions.Select(r => r.Key));
    }

    [Fact]
    public void WorkedExample_GovernorateFigures()
    {
        var t = Compute(Worked, WorkedInputs());
        var a = Area(t.Governorates, "IQG01");
        Assert.Equal("A", a.Name);
        Assert.Equal(NC, a.Region);
        Assert.Equal(100_000, a.Need);
        Assert.Equal(2_000_000m, a.FundingUsd);
        Near(2.0 / 3, a.FundingShare, "fs A");         // 2M / 3M
        Near(0.2, a.NeedShare, "ns A");                // 100k / 500k
        Near(10.0 / 3, a.EquityRatio, "r A");          // .6667 / .2
        Near(20, a.UsdPerPin, "u A");                  // 2M / 100k
        Near(-1_400_000, a.GapToParityUsd, "gap A");   // 100k*6 - 2M
        Near(12, a.OrgsPer100kNeed, "p A");            // 12 / 100k * 100k
        Near(1.0 / 3, a.YoyChange, "yoy A");           // (2.0M - 1.5M) / 1.5M
        Near(4, a.IncidentsPer100kPin, "inc A");       // 4 / 100k * 100k

        var b = Area(t.Governorates, "IQG02");
        Near(1.0 / 3, b.FundingShare, "fs B");
        Near(0.6, b.NeedShare, "ns B");
        Near(5.0 / 9, b.EquityRatio, "r B");           // (1/3) / .6
        Near(10.0 / 3, b.UsdPerPin, "u B");            // 1M / 300k
        Near(800_000, b.GapToParityUsd, "gap B");      // 300k*6 - 1M
        Near(5.0 / 3, b.OrgsPer100kNeed, "p B");       // 5 / 300k * 100k
        Near(-0.375, b.YoyChange, "yoy B");            // (1.0M - 1.6M) / 1.6M
        Near(25, b.IncidentsPer100kPin, "inc B");      // 75 / 300k * 100k

        var c = Area(t.Governorates, "IQG03");
        Near(0, c.FundingShare, "fs C");
        Near(0.2, c.NeedShare, "ns C");
        Near(0, c.EquityRatio, "r C");                 // 0 / .2: defined, zero
        Near(0, c.UsdPerPin, "u C");
        Near(600_000, c.GapToParityUsd, "gap C");      // 100k*6 - 0
        Near(0, c.OrgsPer100kNeed, "p C");
        Near(-1, c.YoyChange, "yoy C");                // (0 - 250k) / 250k
        Near(10, c.IncidentsPer100kPin, "inc C");

        // Gaps add up to 0 when all funding sits where need is reported: -1.4M + 0.8M + 0.6M.
        Near(0, t.Governorates.Sum(g => g.GapToParityUsd ?? 0), "sum of gaps");
    }

    [Fact]
    public void WorkedExample_Flags()
    {
        var t = Compute(Worked, WorkedInputs());
        var a = Area(t.Governorates, "IQG01");
        var b = Area(t.Governorates, "IQG02");
        var c = Area(t.Governorates, "IQG03");
        AssertFlags(a, FlagCodes.OverConcentrated);                                    // r 3.33 > 2
        AssertFlags(b, FlagCodes.FundingFalling, FlagCodes.AccessConstrained);         // r .56 >= .5; -37.5 %; 25 > 20
        AssertFlags(c, FlagCodes.UnderServed, FlagCodes.NoPresence, FlagCodes.FundingFalling); // r 0; 0 orgs; -100 %
        AssertFlags(Area(t.Governorates, "IQG04"));                                    // no data at all

        Assert.Contains("66.7", Reason(a, FlagCodes.OverConcentrated), StringComparison.Ordinal);
        Assert.Contains("3.33", Reason(a, FlagCodes.OverConcentrated), StringComparison.Ordinal);
        Assert.Contains("38%", Reason(b, FlagCodes.FundingFalling), StringComparison.Ordinal); // 37.5 % fall, 0 decimals
        Assert.Contains("USD 1.6 M", Reason(b, FlagCodes.FundingFalling), StringComparison.Ordinal);
        Assert.Contains("25.0", Reason(b, FlagCodes.AccessConstrained), StringComparison.Ordinal);
        Assert.Contains("75", Reason(b, FlagCodes.AccessConstrained), StringComparison.Ordinal);
        Assert.Contains("0.00", Reason(c, FlagCodes.UnderServed), StringComparison.Ordinal);
        Assert.Contains("20.0%", Reason(c, FlagCodes.UnderServed), StringComparison.Ordinal);
        Assert.Contains("100,000", Reason(c, FlagCodes.NoPresence), StringComparison.Ordinal);
        Assert.Contains("2021", Reason(c, FlagCodes.NoPresence), StringComparison.Ordinal);
        Assert.Contains("100%", Reason(c, FlagCodes.FundingFalling), StringComparison.Ordinal);
    }

    [Fact]
    public void WorkedExample_RegionEast_SumsFundingAndNeed_TakesDistinctOrgs()
    {
        var t = Compute(Worked, WorkedInputs());
        var east = Area(t.Regions, NC);
        Assert.Equal(400_000, east.Need);                        // 100k + 300k
        Assert.Equal(3_000_000m, east.FundingUsd);               // 2M + 1M
        Assert.Equal(3_100_000m, east.PreviousFundingUsd);       // 1.5M + 1.6M
        Assert.Equal(14, east.Orgs);                             // distinct, not 12 + 5 = 17
        Near(1.0, east.FundingShare, "fs");
        Near(0.8, east.NeedShare, "ns");
        Near(1.25, east.EquityRatio, "r");                       // 1 / .8
        Near(7.5, east.UsdPerPin, "u");                          // 3M / 400k
        Near(-600_000, east.GapToParityUsd, "gap");              // 400k*6 - 3M
        Near(3.5, east.OrgsPer100kNeed, "p");                    // 14 / 400k * 100k
        Near(-0.1 / 3.1, east.YoyChange, "yoy");                 // (3.0M - 3.1M) / 3.1M = -3.2 %
        Assert.Equal(79, east.Incidents);                        // 4 + 75
        Near(19.75, east.IncidentsPer100kPin, "inc");            // 79 / 400k * 100k
        AssertFlags(east);                                       // none, though B is falling and insecure

        var south = Area(t.Regions, Regions.South);              // C alone; no RegionOrgs entry -> 0
        AssertFlags(south, FlagCodes.UnderServed, FlagCodes.NoPresence, FlagCodes.FundingFalling);

        var baghdad = Area(t.Regions, Regions.Baghdad);          // no governorates
        Assert.Null(baghdad.Need);
        Assert.Null(baghdad.EquityRatio);
        Assert.Null(baghdad.GapToParityUsd);
        Assert.Null(baghdad.YoyChange);
        AssertFlags(baghdad);
    }

    [Fact]
    public void WorkedExample_PopulationBaseline_Section98a()
    {
        var t = Compute(Worked, WorkedInputs(Baseline.Population));
        Assert.Equal(3_000_000, t.TotalNeed);                    // 400k + 1.1M + 1.5M (D: population null)
        Near(1.0, t.UsdPerPin, "u");                             // 3M / 3M
        // Order C (0), B (.91), A (5): X = .5, 2.6/3, 1; Y = 0, 1/3, 1.
        // area = .5*0 + (1.1/3)*(1/3) + (.4/3)*(4/3) = .12222 + .17778 = .3 -> G = .7.
        Near(0.7, t.Gini, "Gini");

        var a = Area(t.Governorates, "IQG01");
        Assert.Equal(400_000, a.Need);
        Assert.Equal(100_000, a.PeopleInNeed);
        Near(400_000.0 / 3_000_000, a.NeedShare, "ns A");
        Near(5.0, a.EquityRatio, "r A");                          // (2/3) / (2/15)
        Near(5.0, a.UsdPerPin, "u A");                            // 2M / 400k
        Near(-1_600_000, a.GapToParityUsd, "gap A");              // 400k*1 - 2M
        Near(3.0, a.OrgsPer100kNeed, "p A");                      // 12 / 400k * 100k

        var b = Area(t.Governorates, "IQG02");
        Near((1.0 / 3) / (1.1 / 3), b.EquityRatio, "r B");       // .3333 / .3667 = .909
        Near(100_000, b.GapToParityUsd, "gap B");                // 1.1M - 1M
        // Access still per PiN: 75 / 300k * 100k = 25 (per population it would be 6.8).
        Near(25, b.IncidentsPer100kPin, "inc B");
        Assert.True(b.HasFlag(FlagCodes.AccessConstrained));

        var c = Area(t.Governorates, "IQG03");
        Near(1_500_000, c.GapToParityUsd, "gap C");
        Assert.Contains("1,500,000 people and", Reason(c, FlagCodes.NoPresence), StringComparison.Ordinal);
        Assert.Contains("population", Reason(c, FlagCodes.UnderServed), StringComparison.Ordinal);

        var d = Area(t.Governorates, "IQG04");                   // population not listed
        Assert.Null(d.Need);
        Assert.Null(d.EquityRatio);
    }

    [Fact]
    public void WorkedExample_MoneyWhereNoNeedIsRecorded_Section98b()
    {
        var t = Compute(Worked, WorkedInputs(fundingD: 400_000m));
        Assert.Equal(3_400_000m, t.TotalFundingUsd);
        Assert.Equal(500_000, t.TotalNeed);
        Near(6.8, t.UsdPerPin, "u");                             // 3.4M / 500k
        Near(10.0 / 17, t.Gini, "Gini");                         // 1 - 7/17 (see GiniTests)

        var d = Area(t.Governorates, "IQG04");
        Near(4.0 / 34, d.FundingShare, "fs D");                  // .4M / 3.4M
        Assert.Null(d.NeedShare);
        Assert.Null(d.EquityRatio);
        Assert.Null(d.UsdPerPin);
        Assert.Null(d.GapToParityUsd);                           // need not reported
        Assert.Null(d.OrgsPer100kNeed);
        AssertFlags(d);                                          // no ratio, no need, no previous funding

        var b = Area(t.Governorates, "IQG02");
        Near((1.0 / 3.4) / 0.6, b.EquityRatio, "r B");           // .2941 / .6 = .490
        Assert.True(b.HasFlag(FlagCodes.UnderServed));
    }

    // ------------------------------------------------------------------------------------
    // A second synthetic scenario: five governorates in three regions (Baghdad empty),
    // covering need 0, need not reported, exact thresholds and a fall to zero.
    // ------------------------------------------------------------------------------------

    private static readonly Gazetteer Five = new([
        Gov("IQG01", "Alpha", NC, 1_000_000),
        Gov("IQG02", "Beta", NC, 2_000_000),
        Gov("IQG03", "Gamma", Regions.South, 500_000),
        Gov("IQG04", "Delta", Regions.Kri, 1_500_000),
        Gov("IQG05", "Epsilon", Regions.South, null),
    ]);

    private static EquityInputs FiveInputs(EquityScope? scope = null, Dictionary<string, int>? incidents = null) => Inputs(
        scope ?? new EquityScope(2020),
        funding: new() { ["IQG01"] = 500_000m, ["IQG02"] = 4_500_000m, ["IQG03"] = 4_500_000m, ["IQG04"] = 500_000m },
        previous: new() { ["IQG01"] = 2_000_000m, ["IQG02"] = 6_000_000m, ["IQG04"] = 250_000m, ["IQG05"] = 100_000m },
        pin: new() { ["IQG01"] = 100_000, ["IQG02"] = 300_000, ["IQG03"] = 100_000, ["IQG04"] = null, ["IQG05"] = 0 },
        orgs: new() { ["IQG01"] = 5, ["IQG02"] = 12, ["IQG04"] = 3 },
        activities: new() { ["IQG01"] = 7, ["IQG02"] = 3, ["IQG04"] = 2 },
        regionOrgs: new() { [NC] = 14, [Regions.Kri] = 3 },
        incidents: incidents,
        unallocated: 2_000_000m);

    [Fact]
    public void Totals_AllocatedOnly_NeedOverReportedOnly()
    {
        var t = Compute(Five, FiveInputs());
        Assert.Equal(10_000_000m, t.TotalFundingUsd);   // .5M + 4.5M + 4.5M + .5M (unallocated 2M kept out)
        Assert.Equal(2_000_000m, t.UnallocatedUsd);
        Assert.Equal(500_000, t.TotalNeed);             // 100k + 300k + 100k + 0 (Delta not reported)
        Near(20, t.UsdPerPin, "u");                     // 10M / 500k
        Assert.False(t.IncidentDataLoaded);
        Assert.Equal(new EquityScope(2020), t.Scope);
        Assert.True(t.HasAnyData);
    }

    [Fact]
    public void Gini_OrdersByUsdPerPin_AndCountsAllAllocatedFundingInF()
    {
        var t = Compute(Five, FiveInputs());
        // Need > 0: Alpha (u 5), Beta (15), Gamma (45). X = .2, .8, 1; Y = .05, .5, .95 (Delta's
        // .5M is in F but has no recorded need, so the curve ends at .95).
        // area = .2*.05 + .6*(.5+.05) + .2*(.95+.5) = .01 + .33 + .29 = .63 -> G = .37.
        Near(0.37, t.Gini, "Gini");
    }

    [Fact]
    public void GovernorateFigures()
    {
        var t = Compute(Five, FiveInputs());
        Assert.Equal(5, t.Governorates.Count);

        var alpha = Area(t.Governorates, "IQG01");
        Near(0.05, alpha.FundingShare, "fs");          // .5M / 10M
        Near(0.2, alpha.NeedShare, "ns");              // 100k / 500k
        Near(0.25, alpha.EquityRatio, "r");            // .05 / .2
        Near(5, alpha.UsdPerPin, "u");                 // .5M / 100k
        Near(1_500_000, alpha.GapToParityUsd, "gap");  // 100k*20 - .5M
        Near(5, alpha.OrgsPer100kNeed, "p");           // 5 / 100k * 100k
        Near(-0.75, alpha.YoyChange, "yoy");           // (.5M - 2M) / 2M
        Assert.Equal(7, alpha.Activities);
        Assert.Null(alpha.Incidents);
        Assert.Null(alpha.IncidentsPer100kPin);

        var beta = Area(t.Governorates, "IQG02");
        Near(0.45, beta.FundingShare, "fs");
        Near(0.6, beta.NeedShare, "ns");
        Near(0.75, beta.EquityRatio, "r");             // .45 / .6
        Near(15, beta.UsdPerPin, "u");                 // 4.5M / 300k
        Near(1_500_000, beta.GapToParityUsd, "gap");   // 300k*20 - 4.5M
        Near(4, beta.OrgsPer100kNeed, "p");            // 12 / 300k * 100k
        Near(-0.25, beta.YoyChange, "yoy");            // (4.5M - 6M) / 6M

        var gamma = Area(t.Governorates, "IQG03");
        Near(2.25, gamma.EquityRatio, "r");            // .45 / .2
        Near(45, gamma.UsdPerPin, "u");
        Near(-2_500_000, gamma.GapToParityUsd, "gap"); // 100k*20 - 4.5M
        Near(0, gamma.OrgsPer100kNeed, "p");
        Assert.Null(gamma.YoyChange);                  // previous year 0: undefined

        var delta = Area(t.Governorates, "IQG04");     // need not reported
        Assert.Null(delta.Need);
        Near(0.05, delta.FundingShare, "fs");
        Assert.Null(delta.NeedShare);
        Assert.Null(delta.EquityRatio);
        Assert.Null(delta.UsdPerPin);
        Assert.Null(delta.GapToParityUsd);
        Assert.Null(delta.OrgsPer100kNeed);
        Near(1.0, delta.YoyChange, "yoy");             // (.5M - .25M) / .25M
        Assert.Equal("no recorded need", Money.Ratio(delta.EquityRatio));

        var eps = Area(t.Governorates, "IQG05");       // need reported as 0, no funding
        Assert.Equal(0, eps.Need);
        Near(0, eps.FundingShare, "fs");
        Near(0, eps.NeedShare, "ns");                  // 0 / 500k
        Assert.Null(eps.EquityRatio);                  // never infinity
        Assert.Null(eps.UsdPerPin);
        Assert.Null(eps.OrgsPer100kNeed);
        Near(0, eps.GapToParityUsd, "gap");            // 0*20 - 0
        Near(-1, eps.YoyChange, "yoy");                // (0 - 100k) / 100k: a fall to 0 is -100 %
        Assert.Equal("no recorded need", Money.Ratio(eps.EquityRatio));
    }

    [Fact]
    public void Flags_FireExactlyWhereTheRulesSay()
    {
        var t = Compute(Five, FiveInputs());
        var alpha = Area(t.Governorates, "IQG01");
        AssertFlags(alpha, FlagCodes.UnderServed, FlagCodes.FundingFalling); // r .25 < .5; -75 %
        AssertFlags(Area(t.Governorates, "IQG02"));                          // r .75; YoY exactly -25 % is not falling
        var gamma = Area(t.Governorates, "IQG03");
        AssertFlags(gamma, FlagCodes.OverConcentrated, FlagCodes.NoPresence); // r 2.25 > 2; need 100k, 0 orgs
        AssertFlags(Area(t.Governorates, "IQG04"));                           // need not reported: no ratio, no no-presence
        var eps = Area(t.Governorates, "IQG05");
        AssertFlags(eps, FlagCodes.FundingFalling);                           // fall to 0; need 0 so no no-presence

        var us = Reason(alpha, FlagCodes.UnderServed);
        Assert.Contains("5.0%", us, StringComparison.Ordinal);
        Assert.Contains("20.0%", us, StringComparison.Ordinal);
        Assert.Contains("0.25", us, StringComparison.Ordinal);
        Assert.Contains("people in need", us, StringComparison.Ordinal);
        var ff = Reason(alpha, FlagCodes.FundingFalling);
        Assert.Contains("75%", ff, StringComparison.Ordinal);
        Assert.Contains("USD 2.0 M", ff, StringComparison.Ordinal);
        Assert.Contains("USD 500 K", ff, StringComparison.Ordinal);
        Assert.Contains("2019", ff, StringComparison.Ordinal);
        Assert.Contains("2020", ff, StringComparison.Ordinal);
        var oc = Reason(gamma, FlagCodes.OverConcentrated);
        Assert.Contains("45.0%", oc, StringComparison.Ordinal);
        Assert.Contains("2.25", oc, StringComparison.Ordinal);
        var np = Reason(gamma, FlagCodes.NoPresence);
        Assert.Contains("100,000 people in need", np, StringComparison.Ordinal);
        Assert.Contains("2020", np, StringComparison.Ordinal);
        Assert.DoesNotContain(" for ", np, StringComparison.Ordinal); // no cluster in scope
        Assert.Contains("100%", Reason(eps, FlagCodes.FundingFalling), StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_SumFundingNeedAndPrevious_OrgsFromRegionOrgs()
    {
        var t = Compute(Five, FiveInputs());
        Assert.Equal([NC, Regions.Baghdad, Regions.Kri, Regions.South], t.Regions.Select(r => r.Key));

        var nc = Area(t.Regions, NC);
        Assert.Equal(400_000, nc.Need);                 // 100k + 300k
        Assert.Equal(5_000_000m, nc.FundingUsd);        // .5M + 4.5M
        Assert.Equal(8_000_000m, nc.PreviousFundingUsd);// 2M + 6M
        Assert.Equal(14, nc.Orgs);                      // RegionOrgs, not 5 + 12 = 17
        Assert.Equal(10, nc.Activities);                // 7 + 3
        Near(0.5, nc.FundingShare, "fs");
        Near(0.8, nc.NeedShare, "ns");
        Near(0.625, nc.EquityRatio, "r");               // .5 / .8
        Near(12.5, nc.UsdPerPin, "u");                  // 5M / 400k
        Near(3_000_000, nc.GapToParityUsd, "gap");      // 400k*20 - 5M
        Near(3.5, nc.OrgsPer100kNeed, "p");             // 14 / 400k * 100k
        Near(-0.375, nc.YoyChange, "yoy");              // (5M - 8M) / 8M
        AssertFlags(nc, FlagCodes.FundingFalling);

        var south = Area(t.Regions, Regions.South);     // Gamma + Epsilon
        Assert.Equal(100_000, south.Need);              // 100k + 0
        Assert.Equal(4_500_000m, south.FundingUsd);
        Assert.Equal(0, south.Orgs);
        Near(2.25, south.EquityRatio, "r");             // .45 / .2
        Near(44, south.YoyChange, "yoy");               // (4.5M - .1M) / .1M
        AssertFlags(south, FlagCodes.OverConcentrated, FlagCodes.NoPresence);

        var kri = Area(t.Regions, Regions.Kri);         // Delta only: need not reported
        Assert.Null(kri.Need);
        Assert.Equal(3, kri.Orgs);
        Near(0.05, kri.FundingShare, "fs");
        Assert.Null(kri.EquityRatio);
        Assert.Null(kri.GapToParityUsd);
        Near(1.0, kri.YoyChange, "yoy");
        AssertFlags(kri);

        var baghdad = Area(t.Regions, Regions.Baghdad);
        Assert.Null(baghdad.Need);
        Assert.Equal(0m, baghdad.FundingUsd);
        Assert.Equal(0, baghdad.Orgs);
        Assert.Null(baghdad.YoyChange);
        AssertFlags(baghdad);
    }

    [Fact]
    public void RatioExactlyAtThresholds_DoesNotFlag_CustomThresholdsDo()
    {
        var gaz = new Gazetteer([Gov("IQG01", "A", NC, 1), Gov("IQG02", "B", NC, 1), Gov("IQG03", "C", Regions.South, 1)]);
        // Need 100k, 100k, 200k -> ns .25, .25, .5; funding 400k, 100k, 300k of 800k -> fs .5, .125, .375.
        // r = 2.0 (A), .5 (B), .75 (C), all exact in binary.
        var inputs = Inputs(new EquityScope(2020),
            funding: new() { ["IQG01"] = 400_000m, ["IQG02"] = 100_000m, ["IQG03"] = 300_000m },
            pin: new() { ["IQG01"] = 100_000, ["IQG02"] = 100_000, ["IQG03"] = 200_000 },
            orgs: new() { ["IQG01"] = 1, ["IQG02"] = 1, ["IQG03"] = 1 });
        var t = Compute(gaz, inputs);
        Near(2.0, Area(t.Governorates, "IQG01").EquityRatio, "r A");
        Near(0.5, Area(t.Governorates, "IQG02").EquityRatio, "r B");
        Assert.All(t.Governorates, g => AssertFlags(g));

        var custom = new EquityThresholds { UnderServedRatio = 0.6, OverConcentratedRatio = 1.9 };
        var t2 = Compute(gaz, inputs, custom);
        AssertFlags(Area(t2.Governorates, "IQG01"), FlagCodes.OverConcentrated);
        AssertFlags(Area(t2.Governorates, "IQG02"), FlagCodes.UnderServed);
        AssertFlags(Area(t2.Governorates, "IQG03"));
        Assert.Contains("0.6", Reason(Area(t2.Governorates, "IQG02"), FlagCodes.UnderServed), StringComparison.Ordinal);
        Assert.Same(custom, t2.Thresholds);
    }

    [Fact]
    public void FundingFalling_IsStrictlyBelowMinus25Percent()
    {
        var gaz = new Gazetteer([Gov("IQG01", "A", NC, 1), Gov("IQG02", "B", NC, 1), Gov("IQG03", "C", Regions.South, 1)]);
        var t = Compute(gaz, Inputs(new EquityScope(2020),
            funding: new() { ["IQG01"] = 3_000_000m, ["IQG02"] = 2_999_999m, ["IQG03"] = 1m },
            previous: new() { ["IQG01"] = 4_000_000m, ["IQG02"] = 4_000_000m }));
        Near(-0.25, Area(t.Governorates, "IQG01").YoyChange, "yoy A");          // -1M / 4M
        Near(-0.25000025, Area(t.Governorates, "IQG02").YoyChange, "yoy B");    // -1,000,001 / 4M
        Assert.Null(Area(t.Governorates, "IQG03").YoyChange);                   // previous 0
        Assert.False(Area(t.Governorates, "IQG01").HasFlag(FlagCodes.FundingFalling));
        Assert.True(Area(t.Governorates, "IQG02").HasFlag(FlagCodes.FundingFalling));
        Assert.False(Area(t.Governorates, "IQG03").HasFlag(FlagCodes.FundingFalling));
        // Region North/Centre: (5,999,999 - 8M) / 8M = -.250000125 -> falls.
        Assert.True(Area(t.Regions, NC).HasFlag(FlagCodes.FundingFalling));
    }

    [Fact]
    public void NoFundingAtAll_SharesRatiosAndGiniNull_NoUnderServedFlags()
    {
        var t = Compute(Five, Inputs(new EquityScope(2020),
            pin: new() { ["IQG01"] = 100_000, ["IQG02"] = 300_000 },
            orgs: new() { ["IQG01"] = 1 }));
        Assert.Equal(0m, t.TotalFundingUsd);
        Assert.Equal(400_000, t.TotalNeed);
        Near(0, t.UsdPerPin, "u");                      // 0 / 400k
        Assert.Null(t.Gini);
        Assert.All(t.Governorates.Concat(t.Regions), f =>
        {
            Assert.Null(f.FundingShare);
            Assert.Null(f.EquityRatio);
            Assert.False(f.HasFlag(FlagCodes.UnderServed));
            Assert.False(f.HasFlag(FlagCodes.OverConcentrated));
            Assert.False(f.HasFlag(FlagCodes.FundingFalling));
        });
        var beta = Area(t.Governorates, "IQG02");
        Near(0.75, beta.NeedShare, "ns");               // 300k / 400k
        Near(0, beta.UsdPerPin, "u");
        Near(0, beta.GapToParityUsd, "gap");            // 300k*0 - 0
        AssertFlags(beta, FlagCodes.NoPresence);        // need 300k, no orgs
        AssertFlags(Area(t.Governorates, "IQG01"));
    }

    [Fact]
    public void NoNeedReported_RatesAndGiniNull_FundingSharesDefined()
    {
        var t = Compute(Five, Inputs(new EquityScope(2020),
            funding: new() { ["IQG01"] = 750_000m, ["IQG02"] = 250_000m }));
        Assert.Equal(1_000_000m, t.TotalFundingUsd);
        Assert.Equal(0, t.TotalNeed);
        Assert.Null(t.UsdPerPin);
        Assert.Null(t.Gini);
        var alpha = Area(t.Governorates, "IQG01");
        Assert.Null(alpha.Need);                        // missing key: not reported, never 0
        Near(0.75, alpha.FundingShare, "fs");
        Assert.Null(alpha.NeedShare);
        Assert.Null(alpha.EquityRatio);
        Assert.Null(alpha.GapToParityUsd);
        Assert.All(t.Governorates, g => AssertFlags(g));
    }

    [Fact]
    public void OnlyOneGovernorateWithNeed()
    {
        var t = Compute(Five, Inputs(new EquityScope(2020),
            funding: new() { ["IQG02"] = 1_000_000m },
            pin: new() { ["IQG02"] = 200_000 },
            orgs: new() { ["IQG02"] = 2 }));
        Near(5, t.UsdPerPin, "u");                      // 1M / 200k
        Near(0, t.Gini, "Gini");                        // X 1, Y 1: area 1
        var beta = Area(t.Governorates, "IQG02");
        Near(1, beta.FundingShare, "fs");
        Near(1, beta.NeedShare, "ns");
        Near(1, beta.EquityRatio, "r");
        Near(0, beta.GapToParityUsd, "gap");            // 200k*5 - 1M
        Near(1, beta.OrgsPer100kNeed, "p");             // 2 / 200k * 100k
        Assert.All(t.Governorates, g => AssertFlags(g));
    }

    [Fact]
    public void UnallocatedOnly_StaysOutOfF()
    {
        var t = Compute(Five, Inputs(new EquityScope(2020), pin: new() { ["IQG01"] = 100_000 },
            orgs: new() { ["IQG01"] = 1 }, unallocated: 750_000m));
        Assert.Equal(0m, t.TotalFundingUsd);
        Assert.Equal(750_000m, t.UnallocatedUsd);
        Assert.Null(t.Gini);
        Assert.Null(Area(t.Governorates, "IQG01").FundingShare);
        Assert.True(t.HasAnyData);
    }

    [Fact]
    public void AccessFlag_UsesPeopleInNeedEvenUnderPopulationBaseline()
    {
        var t = Compute(Five, FiveInputs(new EquityScope(2020, Baseline: Baseline.Population),
            incidents: new() { ["IQG01"] = 25, ["IQG02"] = 60 }));
        Assert.True(t.IncidentDataLoaded);
        var alpha = Area(t.Governorates, "IQG01");
        Assert.Equal(1_000_000, alpha.Need);            // population
        Assert.Equal(100_000, alpha.PeopleInNeed);
        Near(25, alpha.IncidentsPer100kPin, "inc");     // 25 / 100k PiN * 100k (2.5 per population)
        Assert.True(alpha.HasFlag(FlagCodes.AccessConstrained));
        var reason = Reason(alpha, FlagCodes.AccessConstrained);
        Assert.Contains("25 security incidents", reason, StringComparison.Ordinal);
        Assert.Contains("25.0 per 100,000", reason, StringComparison.Ordinal);
        Assert.Contains("2020", reason, StringComparison.Ordinal);

        var beta = Area(t.Governorates, "IQG02");
        Near(20, beta.IncidentsPer100kPin, "inc");      // 60 / 300k * 100k: exactly the threshold
        Assert.False(beta.HasFlag(FlagCodes.AccessConstrained));

        var gamma = Area(t.Governorates, "IQG03");      // loaded data, none for Gamma -> 0
        Assert.Equal(0, gamma.Incidents);
        Near(0, gamma.IncidentsPer100kPin, "inc");
        Assert.Null(Area(t.Governorates, "IQG04").IncidentsPer100kPin); // PiN not reported
        Assert.Null(Area(t.Governorates, "IQG05").IncidentsPer100kPin); // PiN 0

        var nc = Area(t.Regions, NC);                   // (25 + 60) / 400k * 100k = 21.25
        Assert.Equal(85, nc.Incidents);
        Near(21.25, nc.IncidentsPer100kPin, "inc");
        Assert.True(nc.HasFlag(FlagCodes.AccessConstrained));
    }

    [Fact]
    public void AccessFlag_NeverWithoutIncidentData()
    {
        var t = Compute(Five, FiveInputs());
        Assert.False(t.IncidentDataLoaded);
        Assert.All(t.Governorates.Concat(t.Regions), f =>
        {
            Assert.Null(f.Incidents);
            Assert.Null(f.IncidentsPer100kPin);
            Assert.False(f.HasFlag(FlagCodes.AccessConstrained));
        });
    }

    [Fact]
    public void PopulationBaseline_UsesGovernoratePopulationAsNeed()
    {
        var t = Compute(Five, FiveInputs(new EquityScope(2020, Baseline: Baseline.Population)));
        Assert.Equal(5_000_000, t.TotalNeed);           // 1M + 2M + .5M + 1.5M (Epsilon: population null)
        Near(2, t.UsdPerPin, "u");                      // 10M / 5M
        // u_g: Delta .333, Alpha .5, Beta 2.25, Gamma 9. X = .3, .5, .9, 1; Y = .05, .10, .55, 1.
        // area = .3*.05 + .2*.15 + .4*.65 + .1*1.55 = .015 + .03 + .26 + .155 = .46 -> G = .54.
        Near(0.54, t.Gini, "Gini");

        var alpha = Area(t.Governorates, "IQG01");
        Near(0.2, alpha.NeedShare, "ns");               // 1M / 5M
        Near(0.25, alpha.EquityRatio, "r");             // .05 / .2
        Near(1_500_000, alpha.GapToParityUsd, "gap");   // 1M*2 - .5M
        Near(0.5, alpha.OrgsPer100kNeed, "p");          // 5 / 1M * 100k
        Assert.Contains("of the population", Reason(alpha, FlagCodes.UnderServed), StringComparison.Ordinal);

        var delta = Area(t.Governorates, "IQG04");      // PiN not reported, population 1.5M
        Assert.Equal(1_500_000, delta.Need);
        Assert.Null(delta.PeopleInNeed);
        Near(0.3, delta.NeedShare, "ns");
        Near(0.05 / 0.3, delta.EquityRatio, "r");
        Near(2_500_000, delta.GapToParityUsd, "gap");   // 1.5M*2 - .5M
        Assert.True(delta.HasFlag(FlagCodes.UnderServed));

        var gamma = Area(t.Governorates, "IQG03");
        Near(4.5, gamma.EquityRatio, "r");              // .45 / .1
        Assert.Contains("500,000 people and no organisation", Reason(gamma, FlagCodes.NoPresence), StringComparison.Ordinal);

        Assert.Null(Area(t.Governorates, "IQG05").Need); // no population listed

        var kri = Area(t.Regions, Regions.Kri);
        Assert.Equal(1_500_000, kri.Need);
        Near(0.05 / 0.3, kri.EquityRatio, "r");
    }

    [Fact]
    public void RegionFilter_ListsOnlyThatRegion_TotalsAndSharesStayNational()
    {
        var t = Compute(Five, FiveInputs(new EquityScope(2020, Region: Regions.South)));
        Assert.Equal(["IQG03", "IQG05"], t.Governorates.Select(g => g.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Regions.South, Assert.Single(t.Regions).Key);
        Assert.Equal(10_000_000m, t.TotalFundingUsd);
        Assert.Equal(500_000, t.TotalNeed);
        Near(20, t.UsdPerPin, "u");
        Near(0.37, t.Gini, "Gini");                     // national, as in the unfiltered table
        var gamma = Area(t.Governorates, "IQG03");
        Near(0.45, gamma.FundingShare, "fs");           // 4.5M / 10M, not / 4.5M
        Near(0.2, gamma.NeedShare, "ns");               // 100k / 500k, not / 100k
        Near(2.25, gamma.EquityRatio, "r");
        Near(2.25, Area(t.Regions, Regions.South).EquityRatio, "r South");
    }

    [Fact]
    public void NoPresence_NeedAboveZeroAndNoOrgs_Only()
    {
        var gaz = new Gazetteer([
            Gov("IQG01", "A", NC, 1), Gov("IQG02", "B", NC, 1), Gov("IQG03", "C", Regions.South, 1), Gov("IQG04", "D", Regions.Kri, 1)]);
        var t = Compute(gaz, Inputs(new EquityScope(2019, Cluster: "Health"),
            pin: new() { ["IQG01"] = 50_000, ["IQG02"] = 0, ["IQG04"] = 10 },
            orgs: new() { ["IQG04"] = 1 }));
        var a = Area(t.Governorates, "IQG01");
        AssertFlags(a, FlagCodes.NoPresence);                           // 50k need, 0 orgs
        AssertFlags(Area(t.Governorates, "IQG02"));                     // need 0
        AssertFlags(Area(t.Governorates, "IQG03"));                     // need not reported
        AssertFlags(Area(t.Governorates, "IQG04"));                     // 1 org
        var reason = Reason(a, FlagCodes.NoPresence);
        Assert.Contains("50,000", reason, StringComparison.Ordinal);
        Assert.Contains("2019", reason, StringComparison.Ordinal);
        Assert.Contains("Health", reason, StringComparison.Ordinal);  // the scope's cluster
        // North/Centre: need 50k + 0, RegionOrgs absent -> 0 orgs -> no-presence for the region too.
        AssertFlags(Area(t.Regions, NC), FlagCodes.NoPresence);
    }

    [Fact]
    public void ScopeDescribe_NamesTheBaseline()
    {
        Assert.Equal("2020, all clusters, baseline people in need", new EquityScope(2020).Describe());
        Assert.Equal("2019, cluster Health, donor ECHO, region South, baseline population",
            new EquityScope(2019, "Health", "ECHO", Regions.South, Baseline.Population).Describe());
    }

    [Fact]
    public void NoPresenceData_ForTheYear_RaisesNoNoPresenceFlag()
    {
        // Worked example: C has need 100,000 and orgs 0, so no-presence fires while a 3W is loaded...
        Assert.Contains(FlagCodes.NoPresence, Codes(Area(Compute(Worked, WorkedInputs()).Governorates, "IQG03")));
        // ...but where no presence data exists for the year at all, "no organisation reported" says nothing.
        var table = Compute(Worked, WorkedInputs() with { PresenceLoaded = false });
        Assert.All(table.Governorates, g => Assert.DoesNotContain(FlagCodes.NoPresence, Codes(g)));
        Assert.DoesNotContain(FlagCodes.NoPresence, Codes(Area(table.Regions, Regions.South)));
    }

    [Fact]
    public void PopulationBaseline_WithNothingImported_HasNoData()
    {
        // Population comes from the gazetteer (400,000 + 1,100,000 + 1,500,000), so Need is set,
        // but nothing was imported: no funding, no PiN, no presence.
        var empty = Inputs(new EquityScope(2021, Baseline: Baseline.Population)) with { PresenceLoaded = false };
        var table = Compute(Worked, empty);
        Assert.Equal(3_000_000, table.TotalNeed);
        Assert.False(table.HasAnyData);
        Assert.All(table.Governorates, g => Assert.Empty(g.Flags));
    }
}
