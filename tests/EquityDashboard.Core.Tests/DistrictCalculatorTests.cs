using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using static EquityDashboard.Core.Tests.TestSupport;

namespace EquityDashboard.Core.Tests;

/// <summary>
/// The district table (<see cref="EquityCalculator.ComputeDistricts"/>): the governorate definitions
/// over districts, inside one governorate or nationally; "district not specified" kept apart; flags
/// with their reasons; no recorded need under the population baseline.
/// </summary>
public sealed class DistrictCalculatorTests
{
    private const string NC = Regions.NorthCentre;

    // Two governorates: G1 (North/Centre, 1,000,000 people) with districts D1, D2, D3; G2 (South,
    // 500,000 people) with districts D1, D2.
    private static readonly Gazetteer Geo = new(
        [Gov("IQG01", "One", NC, 1_000_000), Gov("IQG02", "Two", Regions.South, 500_000)],
        [Dist("IQG01Q01", "IQG01", "One-A"), Dist("IQG01Q02", "IQG01", "One-B"), Dist("IQG01Q03", "IQG01", "One-C"),
         Dist("IQG02Q01", "IQG02", "Two-A"), Dist("IQG02Q02", "IQG02", "Two-B")]);

    private static Governorate Gov(string pcode, string name, string region, long? population) =>
        new(pcode, name, name, region, 0, 0, population, []);

    private static District Dist(string pcode, string parent, string name) => new(pcode, parent, name, name, []);

    private static EquityCalculator Calculator(Gazetteer? geo = null, EquityThresholds? thresholds = null) =>
        new(geo ?? Geo, thresholds ?? new EquityThresholds());

    private static AreaFigures D(DistrictTable t, string pcode) => t.Districts.Single(d => d.Key == pcode);

    private static string[] Codes(AreaFigures f) => f.Flags.Select(x => x.Code).Order(StringComparer.Ordinal).ToArray();

    private static void AssertFlags(AreaFigures f, params string[] expected)
    {
        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), Codes(f));
        Assert.All(f.Flags, x => Assert.False(string.IsNullOrWhiteSpace(x.Reason), $"{f.Key} {x.Code} has no reason"));
    }

    private static string Reason(AreaFigures f, string code) => f.Flags.Single(x => x.Code == code).Reason;

    /// <summary>A row's figures and flags as values (the flag list itself compares by reference).</summary>
    private static (AreaFigures Figures, string Flags) Plain(AreaFigures f) =>
        (f with { Flags = null! }, string.Join(" | ", f.Flags.Select(x => $"{x.Code}: {x.Reason}")));

    /// <summary>
    /// Funding: One-A 600, One-B 200, One not specified 200 (One 1,000); Two-A 300, Two-B 700 (Two 1,000).
    /// People in need: One-A 200, One-B 300, One-C 100, One not specified 400 (One 1,000); Two-A 500, Two-B 500.
    /// Organisations: One-A 3, One-B 2, One not specified 2, One 5 distinct (one organisation in One-A
    /// and One-B, one in One-A and not specified); Two-A 1, Two-B 1, Two 1 (the same one in both).
    /// </summary>
    private static (EquityInputs Governorates, DistrictInputs Districts) Sample(EquityScope? scope = null) =>
    (
        new EquityInputs
        {
            Scope = scope ?? new EquityScope(2021),
            Funding = new Dictionary<string, decimal> { ["IQG01"] = 1_000m, ["IQG02"] = 1_000m },
            PreviousFunding = new Dictionary<string, decimal> { ["IQG01"] = 1_000m, ["IQG02"] = 1_000m },
            PeopleInNeed = new Dictionary<string, long?> { ["IQG01"] = 1_000, ["IQG02"] = 1_000 },
            Orgs = new Dictionary<string, int> { ["IQG01"] = 5, ["IQG02"] = 1 },
            Activities = new Dictionary<string, int> { ["IQG01"] = 9, ["IQG02"] = 2 },
            RegionOrgs = new Dictionary<string, int> { [NC] = 5, [Regions.South] = 1 },
            Incidents = new Dictionary<string, int> { ["IQG01"] = 30, ["IQG02"] = 0 },
            Idps = new Dictionary<string, long> { ["IQG01"] = 7_000 },
            UnallocatedUsd = 50m,
        },
        new DistrictInputs
        {
            Districts = new AreaAggregates
            {
                Funding = new Dictionary<string, decimal> { ["IQG01Q01"] = 600m, ["IQG01Q02"] = 200m, ["IQG02Q01"] = 300m, ["IQG02Q02"] = 700m },
                PreviousFunding = new Dictionary<string, decimal> { ["IQG01Q01"] = 300m, ["IQG01Q02"] = 400m, ["IQG01Q03"] = 100m, ["IQG02Q02"] = 1_000m },
                PeopleInNeed = new Dictionary<string, long?> { ["IQG01Q01"] = 200, ["IQG01Q02"] = 300, ["IQG01Q03"] = 100, ["IQG02Q01"] = 500, ["IQG02Q02"] = 500 },
                Orgs = new Dictionary<string, int> { ["IQG01Q01"] = 3, ["IQG01Q02"] = 2, ["IQG02Q01"] = 1, ["IQG02Q02"] = 1 },
                Activities = new Dictionary<string, int> { ["IQG01Q01"] = 4, ["IQG01Q02"] = 3, ["IQG02Q01"] = 1, ["IQG02Q02"] = 1 },
                Incidents = new Dictionary<string, int> { ["IQG01Q03"] = 25 },
                Idps = new Dictionary<string, long> { ["IQG01Q01"] = 5_000 },
            },
            NotSpecified = new AreaAggregates
            {
                Funding = new Dictionary<string, decimal> { ["IQG01"] = 200m },
                PreviousFunding = new Dictionary<string, decimal> { ["IQG01"] = 200m },
                PeopleInNeed = new Dictionary<string, long?> { ["IQG01"] = 400 },
                Orgs = new Dictionary<string, int> { ["IQG01"] = 2 },
                Activities = new Dictionary<string, int> { ["IQG01"] = 2 },
                Incidents = new Dictionary<string, int> { ["IQG01"] = 5 },
                Idps = new Dictionary<string, long> { ["IQG01"] = 2_000 },
            },
        }
    );

    [Fact]
    public void InsideOneGovernorate_SharesAreOfItsFiguresThatNameADistrict()
    {
        var (g, d) = Sample();
        var t = Calculator().ComputeDistricts(g, d, "IQG01");

        Assert.Equal(("IQG01", "One"), (t.GovernoratePcode, t.GovernorateName));
        Assert.Equal(["IQG01Q01", "IQG01Q02", "IQG01Q03"], t.Districts.Select(x => x.Key));
        Assert.Equal(800m, t.TotalFundingUsd);          // 600 + 200: the not-specified 200 is not in F
        Assert.Equal(600, t.TotalNeed);                 // 200 + 300 + 100: the not-specified 400 is not in N
        Near(800.0 / 600, t.UsdPerPin, "u");
        Assert.Equal(1_000m, t.ScopeFundingUsd);
        Assert.Equal(1_000, t.ScopeNeed);
        Assert.Equal(200m, t.NotSpecifiedFundingUsd);
        Assert.Equal(400, t.NotSpecifiedNeed);
        Near(0.8, t.FundingByDistrictShare, "funding by district");
        Near(0.6, t.NeedByDistrictShare, "need by district");
        Assert.Null(t.UnallocatedUsd);                  // national money: not a governorate's

        var a = D(t, "IQG01Q01");
        Assert.Equal(("IQG01", "One", NC), (a.ParentPcode, a.ParentName, a.Region));
        Near(0.75, a.FundingShare, "fs A");             // 600 / 800
        Near(1.0 / 3, a.NeedShare, "ns A");             // 200 / 600
        Near(2.25, a.EquityRatio, "r A");
        Near(3, a.UsdPerPin, "u A");                    // 600 / 200
        Near(200 * (800.0 / 600) - 600, a.GapToParityUsd, "gap A");
        Near(1_500, a.OrgsPer100kNeed, "p A");          // 3 / 200 * 100,000
        Assert.Equal(5_000, a.Idps);
        var b = D(t, "IQG01Q02");
        Near(0.5, b.EquityRatio, "r B");                // .25 / .5: exactly the threshold, not under-served
        Near(-0.5, b.YoyChange, "yoy B");               // (200 - 400) / 400
        var c = D(t, "IQG01Q03");
        Near(0, c.EquityRatio, "r C");
        Near(-1, c.YoyChange, "yoy C");                 // a fall to 0 where the governorate's funding names districts
        Assert.Null(c.Idps);                            // no list counts it: not reported, not 0
        // The gaps of the districts add up to zero, as the governorates' do.
        Near(0, t.Districts.Sum(x => x.GapToParityUsd!.Value), "sum of gaps");
    }

    [Fact]
    public void Nationally_SharesAreOfTheNationalFiguresThatNameADistrict()
    {
        var (g, d) = Sample();
        var t = Calculator().ComputeDistricts(g, d);

        Assert.Null(t.GovernoratePcode);
        Assert.Equal(5, t.Districts.Count);
        Assert.Equal(1_800m, t.TotalFundingUsd);        // 800 + 1,000
        Assert.Equal(1_600, t.TotalNeed);               // 600 + 1,000
        Assert.Equal(2_000m, t.ScopeFundingUsd);        // the governorate table's F
        Assert.Equal(2_000, t.ScopeNeed);
        Near(0.9, t.FundingByDistrictShare, "funding by district");
        Near(0.8, t.NeedByDistrictShare, "need by district");
        Assert.Equal(50m, t.UnallocatedUsd);

        Near((600.0 / 1800) / (200.0 / 1600), D(t, "IQG01Q01").EquityRatio, "r One-A");   // 2.67
        Near((300.0 / 1800) / (500.0 / 1600), D(t, "IQG02Q01").EquityRatio, "r Two-A");   // 0.53
        Near((700.0 / 1800) / (500.0 / 1600), D(t, "IQG02Q02").EquityRatio, "r Two-B");   // 1.24
        Near(1, t.Districts.Sum(x => x.FundingShare!.Value), "funding shares add to 1");
        Near(1, t.Districts.Sum(x => x.NeedShare!.Value), "need shares add to 1");

        // Inside Two the same district reads differently: shares of Two's figures.
        var two = Calculator().ComputeDistricts(g, d, "iqg02");
        Assert.Equal("IQG02", two.GovernoratePcode);
        Near(0.6, D(two, "IQG02Q01").EquityRatio, "r Two-A in Two");                        // .3 / .5
        Near(1.4, D(two, "IQG02Q02").EquityRatio, "r Two-B in Two");
        Assert.NotNull(t.Gini);
    }

    [Fact]
    public void MostUnderServed_ListsTheDistrictsBelowTheThreshold_LowestRatioFirst()
    {
        var (g, d) = Sample();
        // Nationally: One-C 0 (need, no funding), Two-A 0.53, One-B 0.59, Two-B 1.24, One-A 2.67.
        Assert.Equal(["IQG01Q03"], Calculator().ComputeDistricts(g, d).MostUnderServed(10).Select(x => x.Key));
        var wider = Calculator(thresholds: new EquityThresholds { UnderServedRatio = 0.6 }).ComputeDistricts(g, d);
        Assert.Equal(["IQG01Q03", "IQG02Q01", "IQG01Q02"], wider.MostUnderServed(10).Select(x => x.Key));
        Assert.Equal(["IQG01Q03", "IQG02Q01"], wider.MostUnderServed(2).Select(x => x.Key));
    }

    [Fact]
    public void NotSpecified_IsKeptApart_AndMovesNoDistrictFigure()
    {
        var (g, d) = Sample();
        var t = Calculator().ComputeDistricts(g, d, "IQG01");
        var ns = Assert.Single(t.NotSpecified);
        Assert.Equal(("IQG01", "One"), (ns.GovernoratePcode, ns.GovernorateName));
        Assert.Equal((200m, 400L, 2, 5, 2_000L), (ns.FundingUsd, ns.Need!.Value, ns.Orgs, ns.Incidents!.Value, ns.Idps!.Value));
        Assert.Equal((1_000m, 1_000L, 5, 7_000L), (ns.GovernorateFundingUsd, ns.GovernorateNeed!.Value, ns.GovernorateOrgs, ns.GovernorateIdps!.Value));
        Near(0.2, ns.FundingShareOfGovernorate, "funding not specified");
        Near(0.4, ns.NeedShareOfGovernorate, "need not specified");
        // Funding and need add up; organisations do not: 5 distinct, 3 + 2 + 0 + 2 = 7 in the parts.
        Assert.Equal(ns.GovernorateFundingUsd, t.Districts.Sum(x => x.FundingUsd) + ns.FundingUsd);
        Assert.Equal(ns.GovernorateNeed, t.Districts.Sum(x => x.Need ?? 0) + ns.Need);
        Assert.True(ns.GovernorateOrgs <= t.Districts.Sum(x => x.Orgs) + ns.Orgs);

        // A million more that names no district changes no district's figure, only the part not specified.
        var more = g with { Funding = new Dictionary<string, decimal> { ["IQG01"] = 1_001_000m, ["IQG02"] = 1_000m } };
        var moreD = d with { NotSpecified = d.NotSpecified with { Funding = new Dictionary<string, decimal> { ["IQG01"] = 1_000_200m } } };
        var t2 = Calculator().ComputeDistricts(more, moreD, "IQG01");
        Assert.Equal(t.Districts.Select(Plain), t2.Districts.Select(Plain));
        Assert.Equal(t.TotalFundingUsd, t2.TotalFundingUsd);
        Assert.Equal(1_001_000m, t2.ScopeFundingUsd);
        Near(800.0 / 1_001_000, t2.FundingByDistrictShare, "funding by district");
        Assert.Contains(t2.Notes, n => n.Contains("USD 800 of the USD 1.0 M allocated to One (0.08%) names a district", StringComparison.Ordinal));

        // A governorate whose funding names no district: its districts have none, and all of it is not specified.
        var none = d with { Districts = d.Districts with { Funding = new Dictionary<string, decimal>() }, NotSpecified = d.NotSpecified with { Funding = new Dictionary<string, decimal> { ["IQG01"] = 1_000m } } };
        var t3 = Calculator().ComputeDistricts(g, none, "IQG01");
        Assert.All(t3.Districts, x => Assert.Equal(0m, x.FundingUsd));
        Assert.All(t3.Districts, x => Assert.Null(x.FundingShare));   // F = 0: no share, not 0 %
        Assert.Equal(1_000m, t3.NotSpecifiedFundingUsd);
        Assert.Null(t3.Gini);
    }

    [Fact]
    public void Notes_SayHowMuchNamesADistrict()
    {
        var (g, d) = Sample();
        var one = Calculator().ComputeDistricts(g, d, "IQG01");
        Assert.Equal(
            [
                "Funding: USD 800 of the USD 1 K allocated to One (80.0%) names a district; USD 200 is 'district not specified'.",
                "People in need: 600 of the 1,000 in One (60.0%) are in figures naming a district; 400 are 'district not specified'.",
                "District shares, equity ratios and gaps to parity are of the part that names a district only; what is 'district not specified' stays with its governorate and is in no district's figures or share.",
            ],
            one.Notes);
        var national = Calculator().ComputeDistricts(g, d);
        Assert.StartsWith("Funding: USD 2 K of the USD 2 K allocated to the governorates (90.0%)", national.Notes[0], StringComparison.Ordinal);
        Assert.Contains(national.Notes, n => n.StartsWith("USD 50 with no single governorate", StringComparison.Ordinal));
    }

    [Fact]
    public void Flags_SameThresholds_ReasonsSayWhatTheSharesAreOf()
    {
        var (g, d) = Sample();
        var t = Calculator().ComputeDistricts(g, d, "IQG01");
        var a = D(t, "IQG01Q01");
        AssertFlags(a, FlagCodes.OverConcentrated);                              // r 2.25; +100 %
        Assert.Equal("Gets 75.0% of funding for 33.3% of people in need (shares of One's figures by district) (equity ratio 2.25, above 2).",
            Reason(a, FlagCodes.OverConcentrated));
        AssertFlags(D(t, "IQG01Q02"), FlagCodes.FundingFalling);                 // r exactly .5; -50 %
        var c = D(t, "IQG01Q03");
        // r 0; need 100 and no organisation while One's presence names districts; -100 %; 25 incidents per 100 PiN.
        AssertFlags(c, FlagCodes.UnderServed, FlagCodes.NoPresence, FlagCodes.FundingFalling, FlagCodes.AccessConstrained);
        Assert.Contains("(shares of One's figures by district)", Reason(c, FlagCodes.UnderServed), StringComparison.Ordinal);
        Assert.Equal("100 people in need and no organisation reported present in 2021.", Reason(c, FlagCodes.NoPresence));
        Assert.Contains("Funding fell 100% from USD 100 in 2020 to USD 0 in 2021", Reason(c, FlagCodes.FundingFalling), StringComparison.Ordinal);
        Assert.Contains("25 security incidents in 2021, 25000.0 per 100,000 people in need", Reason(c, FlagCodes.AccessConstrained), StringComparison.Ordinal);
        Assert.Equal(25, c.Incidents);

        var national = Calculator().ComputeDistricts(g, d);
        Assert.Contains("(shares of the national figures by district)", Reason(D(national, "IQG01Q03"), FlagCodes.UnderServed), StringComparison.Ordinal);

        // The thresholds are the governorates' settings.
        var strict = Calculator(thresholds: new EquityThresholds { UnderServedRatio = 0.6 }).ComputeDistricts(g, d, "IQG01");
        AssertFlags(D(strict, "IQG01Q02"), FlagCodes.UnderServed, FlagCodes.FundingFalling);
    }

    [Fact]
    public void WhereAGovernoratesRowsNameNoDistrict_AbsenceIsNotReadAsZero()
    {
        var (g, d) = Sample();
        // Two: its presence and incidents name no district (all at the governorate), its funding names districts
        // in 2021 but Two-A had none in 2020.
        var t = Calculator().ComputeDistricts(g, d, "IQG02");
        var twoA = D(t, "IQG02Q01");
        Assert.Null(twoA.YoyChange);                                            // nothing the year before: undefined
        Assert.Null(twoA.Incidents);                                            // Two's incidents name no district
        Near(-0.3, D(t, "IQG02Q02").YoyChange, "yoy Two-B");                    // (700 - 1,000) / 1,000
        AssertFlags(D(t, "IQG02Q02"), FlagCodes.FundingFalling);

        // All of One's presence at the governorate: its districts are not said to have no organisation.
        var noDistrictPresence = d with { Districts = d.Districts with { Orgs = new Dictionary<string, int> { ["IQG02Q01"] = 1 } } };
        var t2 = Calculator().ComputeDistricts(g, noDistrictPresence, "IQG01");
        Assert.All(t2.Districts, x => Assert.False(x.HasFlag(FlagCodes.NoPresence), x.Key));

        // All of One's 2021 funding at the governorate: its districts' 2020 money did not "fall to 0".
        var noDistrictFunding = d with { Districts = d.Districts with { Funding = new Dictionary<string, decimal> { ["IQG02Q01"] = 300m } } };
        var t3 = Calculator().ComputeDistricts(g, noDistrictFunding, "IQG01");
        Assert.All(t3.Districts, x => Assert.Null(x.YoyChange));
        Assert.All(t3.Districts, x => Assert.False(x.HasFlag(FlagCodes.FundingFalling), x.Key));

        // No presence data for the year at all: no no-presence flag, as for governorates.
        var t4 = Calculator().ComputeDistricts(g with { PresenceLoaded = false }, d, "IQG01");
        Assert.False(D(t4, "IQG01Q03").HasFlag(FlagCodes.NoPresence));
        // No incident data for the year: incidents undefined everywhere, no access flag.
        var t5 = Calculator().ComputeDistricts(g with { Incidents = null }, d, "IQG01");
        Assert.All(t5.Districts, x => Assert.Null(x.Incidents));
        Assert.Null(Assert.Single(t5.NotSpecified).Incidents);
        Assert.False(t5.IncidentDataLoaded);
    }

    [Fact]
    public void PopulationBaseline_DistrictsHaveNoRecordedNeed_NeverZero()
    {
        var (g, d) = Sample(new EquityScope(2021, Baseline: Baseline.Population));
        var t = Calculator().ComputeDistricts(g, d, "IQG01");

        Assert.False(t.DistrictNeedKnown);
        Assert.All(t.Districts, x =>
        {
            Assert.Null(x.Need);
            Assert.Null(x.NeedShare);
            Assert.Null(x.EquityRatio);
            Assert.Null(x.UsdPerPin);
            Assert.Null(x.GapToParityUsd);
            Assert.Null(x.OrgsPer100kNeed);
            Assert.Equal("no recorded need", Money.Ratio(x.EquityRatio));
            Assert.False(x.HasFlag(FlagCodes.UnderServed) || x.HasFlag(FlagCodes.OverConcentrated) || x.HasFlag(FlagCodes.NoPresence));
        });
        Near(0.75, D(t, "IQG01Q01").FundingShare, "funding shares stay defined");
        Assert.Equal(0, t.TotalNeed);
        Assert.Null(t.UsdPerPin);
        Assert.Null(t.Gini);
        // The whole population is the governorate's, not specified by district.
        var ns = Assert.Single(t.NotSpecified);
        Assert.Equal((1_000_000L, 1_000_000L), (ns.Need!.Value, ns.GovernorateNeed!.Value));
        Assert.Equal(400, ns.PeopleInNeed);
        Assert.Equal(1_000_000, t.NotSpecifiedNeed);
        Near(0, t.NeedByDistrictShare, "need by district");
        Assert.Contains(t.Notes, n => n.StartsWith("Population: the COD gives no population by district, so all 1,000,000 residents of One are 'district not specified'", StringComparison.Ordinal));
        // Access still divides by people in need, whatever the baseline.
        Assert.True(D(t, "IQG01Q03").HasFlag(FlagCodes.AccessConstrained));
        Assert.Equal(100, D(t, "IQG01Q03").PeopleInNeed);
    }

    [Fact]
    public void RegionFilter_ListsTheRegionsDistricts_TotalsStayNational()
    {
        var (g, d) = Sample(new EquityScope(2021, Region: Regions.South));
        var t = Calculator().ComputeDistricts(g, d);
        Assert.Equal(["IQG02Q01", "IQG02Q02"], t.Districts.Select(x => x.Key));
        Assert.Equal(["IQG02"], t.NotSpecified.Select(x => x.GovernoratePcode));
        Assert.Equal(1_800m, t.TotalFundingUsd);
        Near((300.0 / 1800) / (500.0 / 1600), D(t, "IQG02Q01").EquityRatio, "national ratio");
        // Inside a governorate the region filter does nothing: the governorate is the view.
        Assert.Equal(3, Calculator().ComputeDistricts(g, d, "IQG01").Districts.Count);
    }

    [Fact]
    public void UnknownGovernorate_IsRefused()
    {
        var (g, d) = Sample();
        var e = Assert.Throws<ArgumentException>(() => Calculator().ComputeDistricts(g, d, "IQG99"));
        Assert.Contains("IQG99", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The worked example of methodology §9 with A, B, C as the districts of one governorate gives the
    /// governorate figures of §9: one engine, the same definitions.
    /// </summary>
    [Fact]
    public void WorkedExample_AsDistricts_GivesTheGovernorateFigures()
    {
        var asGovernorates = new Gazetteer([Gov("IQG01", "A", NC, null), Gov("IQG02", "B", NC, null), Gov("IQG03", "C", NC, null)]);
        var asDistricts = new Gazetteer([Gov("IQG01", "East", NC, null)],
            [Dist("IQG01Q01", "IQG01", "A"), Dist("IQG01Q02", "IQG01", "B"), Dist("IQG01Q03", "IQG01", "C")]);
        var funding = new Dictionary<string, decimal> { ["A"] = 2_000_000m, ["B"] = 1_000_000m, ["C"] = 0m };
        var previous = new Dictionary<string, decimal> { ["A"] = 1_500_000m, ["B"] = 1_600_000m, ["C"] = 250_000m };
        var pin = new Dictionary<string, long?> { ["A"] = 100_000, ["B"] = 300_000, ["C"] = 100_000 };
        var orgs = new Dictionary<string, int> { ["A"] = 12, ["B"] = 5 };
        var incidents = new Dictionary<string, int> { ["A"] = 4, ["B"] = 75, ["C"] = 10 };
        Dictionary<string, T> Keyed<T>(Dictionary<string, T> byName, Func<string, string> key) => byName.ToDictionary(kv => key(kv.Key), kv => kv.Value);
        string GovKey(string name) => "IQG0" + (name[0] - 'A' + 1);
        string DistrictKey(string name) => "IQG01Q0" + (name[0] - 'A' + 1);

        var governorates = new EquityCalculator(asGovernorates, new EquityThresholds()).Compute(new EquityInputs
        {
            Scope = new EquityScope(2021),
            Funding = Keyed(funding, GovKey), PreviousFunding = Keyed(previous, GovKey), PeopleInNeed = Keyed(pin, GovKey),
            Orgs = Keyed(orgs, GovKey), Activities = new Dictionary<string, int>(), RegionOrgs = new Dictionary<string, int>(),
            Incidents = Keyed(incidents, GovKey),
        });
        var districts = new EquityCalculator(asDistricts, new EquityThresholds()).ComputeDistricts(
            new EquityInputs
            {
                Scope = new EquityScope(2021),
                Funding = new Dictionary<string, decimal> { ["IQG01"] = 3_000_000m },
                PreviousFunding = new Dictionary<string, decimal> { ["IQG01"] = 3_350_000m },
                PeopleInNeed = new Dictionary<string, long?> { ["IQG01"] = 500_000 },
                Orgs = new Dictionary<string, int> { ["IQG01"] = 14 }, Activities = new Dictionary<string, int>(),
                RegionOrgs = new Dictionary<string, int>(), Incidents = new Dictionary<string, int> { ["IQG01"] = 89 },
            },
            new DistrictInputs
            {
                Districts = new AreaAggregates
                {
                    Funding = Keyed(funding, DistrictKey), PreviousFunding = Keyed(previous, DistrictKey), PeopleInNeed = Keyed(pin, DistrictKey),
                    Orgs = Keyed(orgs, DistrictKey), Incidents = Keyed(incidents, DistrictKey),
                },
                NotSpecified = AreaAggregates.Empty,
            },
            "IQG01");

        Assert.Equal(governorates.TotalFundingUsd, districts.TotalFundingUsd);
        Assert.Equal(governorates.TotalNeed, districts.TotalNeed);
        Assert.Equal(governorates.Gini, districts.Gini);                         // 8/15
        Near(8.0 / 15, districts.Gini, "Gini");
        foreach (var name in new[] { "A", "B", "C" })
        {
            var gov = governorates.Governorates.Single(x => x.Name == name);
            var dist = districts.Districts.Single(x => x.Name == name);
            Assert.Equal(
                (gov.FundingShare, gov.NeedShare, gov.EquityRatio, gov.UsdPerPin, gov.GapToParityUsd, gov.OrgsPer100kNeed, gov.YoyChange, gov.IncidentsPer100kPin),
                (dist.FundingShare, dist.NeedShare, dist.EquityRatio, dist.UsdPerPin, dist.GapToParityUsd, dist.OrgsPer100kNeed, dist.YoyChange, dist.IncidentsPer100kPin));
            Assert.Equal(Codes(gov), Codes(dist));
        }
        Assert.Null(districts.Districts[0].Idps);
        Assert.Equal(1.0, districts.FundingByDistrictShare);
    }

    [Fact]
    public void Governorates_CarryNoParent_AndTheirIdps()
    {
        var (g, _) = Sample();
        var t = Calculator().Compute(g);
        var one = t.Governorates.Single(x => x.Key == "IQG01");
        Assert.Equal((null, null, 7_000L), (one.ParentPcode, one.ParentName, one.Idps));
        Assert.Null(t.Governorates.Single(x => x.Key == "IQG02").Idps);
        Assert.Equal(7_000, t.Regions.Single(r => r.Key == NC).Idps);
        Assert.Null(t.Regions.Single(r => r.Key == Regions.South).Idps);
    }

    [Fact]
    public void GazetteerAreas_DistrictsCarryTheirGovernorateAndNoPopulation()
    {
        var areas = Geo.Areas(AreaLevel.District, "IQG02");
        Assert.Equal(
            [new AreaUnit("IQG02Q01", "Two-A", Regions.South, AreaLevel.District, "IQG02", "Two"),
             new AreaUnit("IQG02Q02", "Two-B", Regions.South, AreaLevel.District, "IQG02", "Two")],
            areas);
        Assert.Equal(5, Geo.Areas(AreaLevel.District).Count);
        Assert.Equal([1_000_000L, 500_000L], Geo.Areas(AreaLevel.Governorate).Select(a => a.Population!.Value));
    }
}
