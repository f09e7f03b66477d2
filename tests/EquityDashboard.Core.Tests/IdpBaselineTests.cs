using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using static EquityDashboard.Core.Tests.TestSupport;

namespace EquityDashboard.Core.Tests;

/// <summary>
/// The IDP baseline in the engine: the need figure of a governorate, a district and a governorate's part
/// not specified is its IDPs; the same IDPs in a cluster scope; a year without a displacement list has no
/// recorded need and says why; every figure follows the same formulas as under people in need.
/// </summary>
public sealed class IdpBaselineTests
{
    private const string NC = Regions.NorthCentre;

    private static readonly Gazetteer Geo = new(
        [Gov("IQG01", "One", NC, 1_000_000), Gov("IQG02", "Two", Regions.South, 500_000), Gov("IQG03", "Three", Regions.South, 300_000)],
        [new District("IQG01Q01", "IQG01", "One-A", "One-A", []), new District("IQG01Q02", "IQG01", "One-B", "One-B", []),
         new District("IQG02Q01", "IQG02", "Two-A", "Two-A", []), new District("IQG03Q01", "IQG03", "Three-A", "Three-A", [])]);

    private static Governorate Gov(string pcode, string name, string region, long population) =>
        new(pcode, name, name, region, 0, 0, population, []);

    private static readonly DisplacementList Round123 = new(7, "IOM DTM Iraq IDP master list, round 123 (2021)", 2021);

    /// <summary>
    /// Funding One 600, Two 400, Three 0. People in need One 100, Two 900, Three 50. IDPs One 3,000
    /// (One-A 2,000, One-B 500, 500 not specified), Two 1,000 (Two-A), Three none counted.
    /// </summary>
    private static (EquityInputs, DistrictInputs) Sample(EquityScope scope, IReadOnlyList<DisplacementList>? lists = null) =>
    (
        new EquityInputs
        {
            Scope = scope,
            Funding = new Dictionary<string, decimal> { ["IQG01"] = 600m, ["IQG02"] = 400m },
            PreviousFunding = new Dictionary<string, decimal>(),
            PeopleInNeed = new Dictionary<string, long?> { ["IQG01"] = 100, ["IQG02"] = 900, ["IQG03"] = 50 },
            Orgs = new Dictionary<string, int> { ["IQG01"] = 2, ["IQG02"] = 1 },
            Activities = new Dictionary<string, int>(),
            RegionOrgs = new Dictionary<string, int>(),
            Idps = new Dictionary<string, long> { ["IQG01"] = 3_000, ["IQG02"] = 1_000 },
            DisplacementLists = lists ?? [Round123],
        },
        new DistrictInputs
        {
            Districts = new AreaAggregates
            {
                Funding = new Dictionary<string, decimal> { ["IQG01Q01"] = 300m, ["IQG01Q02"] = 300m, ["IQG02Q01"] = 400m },
                Idps = new Dictionary<string, long> { ["IQG01Q01"] = 2_000, ["IQG01Q02"] = 500, ["IQG02Q01"] = 1_000 },
            },
            NotSpecified = new AreaAggregates { Idps = new Dictionary<string, long> { ["IQG01"] = 500 } },
        }
    );

    private static EquityCalculator Calculator() => new(Geo, new EquityThresholds());

    [Fact]
    public void Governorates_are_measured_by_their_idps_not_their_people_in_need()
    {
        var (inputs, _) = Sample(new EquityScope(2021, Baseline: Baseline.Idps));
        var t = Calculator().Compute(inputs);

        Assert.Equal(4_000, t.TotalNeed);                             // 3,000 + 1,000; Three not counted
        Near(1_000.0 / 4_000, t.UsdPerPin, "u");
        var one = t.Governorates.Single(g => g.Key == "IQG01");
        Assert.Equal((3_000L, 100L), (one.Need!.Value, one.PeopleInNeed!.Value));
        Near(0.75, one.NeedShare, "ns One");
        Near(0.6 / 0.75, one.EquityRatio, "r One");
        Near(600.0 / 3_000, one.UsdPerPin, "u One");
        Near(3_000 * 0.25 - 600, one.GapToParityUsd, "gap One");
        Near(2 / 3_000.0 * 100_000, one.OrgsPer100kNeed, "orgs per 100k One");
        var two = t.Governorates.Single(g => g.Key == "IQG02");
        Near(0.4 / 0.25, two.EquityRatio, "r Two");
        var three = t.Governorates.Single(g => g.Key == "IQG03");
        Assert.Null(three.Need);                                      // no list counts it: not reported, never 0
        Assert.Null(three.EquityRatio);
        // The region adds its governorates' IDPs.
        Assert.Equal(1_000, t.Regions.Single(r => r.Key == Regions.South).Need);
    }

    [Fact]
    public void A_cluster_scope_sets_the_cluster_against_the_same_idps_and_says_so()
    {
        var (all, _) = Sample(new EquityScope(2021, Baseline: Baseline.Idps));
        var (health, _) = Sample(new EquityScope(2021, "Health", Baseline: Baseline.Idps));
        var a = Calculator().Compute(all);
        var h = Calculator().Compute(health with { PeopleInNeed = new Dictionary<string, long?> { ["IQG01"] = 10 } });

        Assert.Equal(a.Governorates.Select(g => g.Need), h.Governorates.Select(g => g.Need));
        Assert.Equal(
            "IDPs: IOM DTM Iraq IDP master list, round 123 (2021) (batch 7), the IDP individuals of its locations summed by district and governorate. "
            + "IDPs are not counted per cluster: Health's funding and presence are set against all IDPs, the same figure as for every cluster.",
            h.BaselineNote);
        Assert.Equal("IDPs: IOM DTM Iraq IDP master list, round 123 (2021) (batch 7), the IDP individuals of its locations summed by district and governorate.",
            a.BaselineNote);
    }

    [Fact]
    public void A_year_without_a_displacement_list_has_no_recorded_idps_and_the_note_says_which_year_has()
    {
        var (inputs, _) = Sample(new EquityScope(2019, Baseline: Baseline.Idps));
        var t = Calculator().Compute(inputs with { Idps = new Dictionary<string, long>() });

        Assert.Equal(0, t.TotalNeed);
        Assert.Null(t.UsdPerPin);
        Assert.All(t.Governorates, g => Assert.Equal((null, null, null, null), (g.Need, g.NeedShare, g.EquityRatio, g.GapToParityUsd)));
        Assert.All(t.Governorates, g => Assert.DoesNotContain(g.Flags, f => f.Code is FlagCodes.UnderServed or FlagCodes.OverConcentrated or FlagCodes.NoPresence));
        Assert.Equal("No IDP figures for 2019: the displacement list imported (IOM DTM Iraq IDP master list, round 123 (2021)) is for 2021.", t.BaselineNote);
        Assert.True(t.HasAnyData);                                    // funding and people in need are still data

        var finding = FindingsWriter.Write(t)[0];
        Assert.Equal(FindingTopic.NoData, finding.Topic);
        Assert.Equal("No IDP figures for 2019: the displacement list imported (IOM DTM Iraq IDP master list, round 123 (2021)) is for 2021. "
            + "USD 1,000 allocated to governorates cannot be set against need, so no equity ratio, gap to parity or under-served flag is computed.",
            finding.Text);
    }

    [Fact]
    public void The_note_names_every_list_and_year_or_that_none_is_imported()
    {
        var scope = new EquityScope(2019, Baseline: Baseline.Idps);
        Assert.Equal("No IDP figures for 2019: no displacement list (IOM DTM IDP master list) is imported.", BaselineNote.Write(scope, []));
        Assert.Equal("No IDP figures for 2019: the displacement lists imported (Round 100; Round 123) are for 2018 and 2021.",
            BaselineNote.Write(scope, [new DisplacementList(3, "Round 123", 2021), new DisplacementList(2, "Round 100", 2018)]));
        Assert.Equal("IDPs: A (batch 2); B (batch 3), the IDP individuals of its locations summed by district and governorate (a governorate's figure is the newest list naming it).",
            BaselineNote.Write(new EquityScope(2021, Baseline: Baseline.Idps), [new DisplacementList(3, "B", 2021), new DisplacementList(2, "A", 2021)]));
        // People in need and population have their sources in the sources list: no note.
        Assert.Null(BaselineNote.Write(new EquityScope(2021), [Round123]));
        Assert.Null(BaselineNote.Write(new EquityScope(2021, Baseline: Baseline.Population), [Round123]));
    }

    [Fact]
    public void Districts_have_idp_shares_and_the_part_not_specified_keeps_its_idps()
    {
        var (g, d) = Sample(new EquityScope(2021, Baseline: Baseline.Idps));
        var t = Calculator().ComputeDistricts(g, d, "IQG01");

        Assert.True(t.DistrictNeedKnown);
        Assert.Equal((2_500L, 3_000L, 500L), (t.TotalNeed, t.ScopeNeed, t.NotSpecifiedNeed));
        var a = t.Districts.Single(x => x.Key == "IQG01Q01");
        Assert.Equal(2_000, a.Need);
        Near(0.8, a.NeedShare, "ns One-A");                          // 2,000 of the 2,500 naming a district
        Near(0.5 / 0.8, a.EquityRatio, "r One-A");                   // 300 of 600
        Near(300.0 / 2_000, a.UsdPerPin, "u One-A");
        var b = t.Districts.Single(x => x.Key == "IQG01Q02");
        Near(0.5 / 0.2, b.EquityRatio, "r One-B");
        var ns = Assert.Single(t.NotSpecified);
        Assert.Equal((500L, 3_000L), (ns.Need!.Value, ns.GovernorateNeed!.Value));
        Assert.Equal(t.BaselineNote, t.Notes[0]);
        Assert.Contains("IDPs: 2,500 of the 3,000 in One (83.3%) are in figures naming a district; 500 are 'district not specified'.", t.Notes);
    }

    [Fact]
    public void Under_idps_the_other_baseline_is_people_in_need_and_the_finding_names_both()
    {
        var (inputs, _) = Sample(new EquityScope(2021, Baseline: Baseline.Idps));
        var idps = Calculator().Compute(inputs);
        var pin = Calculator().Compute(inputs with { Scope = inputs.Scope with { Baseline = Baseline.Pin } });

        var finding = Assert.Single(FindingsWriter.Write(idps, pin, int.MaxValue), f => f.Topic == FindingTopic.Baseline);
        Assert.StartsWith("The people-in-need and IDP baselines tell different stories for ", finding.Text, StringComparison.Ordinal);
        Assert.Contains("by IDPs", finding.Text, StringComparison.Ordinal);
        Assert.Contains("by people in need", finding.Text, StringComparison.Ordinal);
    }
}
