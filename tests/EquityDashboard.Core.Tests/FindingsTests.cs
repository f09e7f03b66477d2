using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Core.Tests;

/// <summary>
/// FindingsWriter over tables computed by the real calculator from hand-made inputs. Every
/// expected figure below is worked out by hand in the comments, not read back from the output.
/// </summary>
public sealed class FindingsTests
{
    private const string NC = Regions.NorthCentre;
    private const int Year = 2021;

    private static Governorate Gov(string pcode, string name, string region, long? population) =>
        new(pcode, name, name, region, 0, 0, population, []);

    // Six governorates; the Baghdad region has one governorate, named like the region.
    // Population P = 1.0 + 0.8 + 2.0 + 1.5 + 0.6 + 3.0 = 8.9 M.
    private static readonly Gazetteer Geo = new([
        Gov("IQG01", "Alpha", NC, 1_000_000),
        Gov("IQG02", "Beta", NC, 800_000),
        Gov("IQG03", "Gamma", Regions.South, 2_000_000),
        Gov("IQG04", "Delta", Regions.South, 1_500_000),
        Gov("IQG05", "Epsilon", Regions.Kri, 600_000),
        Gov("IQG06", "Baghdad", Regions.Baghdad, 3_000_000),
    ]);

    // PiN N = 800k; funding F = 80 M, so u = USD 100 per person in need.
    //            need    funding  fs       ns       ratio      gap to parity
    // Alpha      400k    50.0 M   .625     .5       1.25       -10 M
    // Beta       200k    20.0 M   .25      .25      1.00       0
    // Gamma       20k     0.2 M   .0025    .025     0.10       1.8 M   under-served
    // Delta       10k     0       0        .0125    0.00       1.0 M   under-served
    // Epsilon    100k     4.0 M   .05      .125     0.40       6.0 M   under-served
    // Baghdad     70k     5.8 M   .0725    .0875    0.83       1.2 M
    // Regions: North/Centre 600k, 70 M: .875/.75 = 1.17; South 30k, 0.2 M: .0025/.0375 = 0.07 (under);
    // KRI = Epsilon 0.40 (under); Baghdad 0.83.
    // Previous year: Gamma 1 M (-80 %), Epsilon 10 M (-60 %): South and KRI fall too.
    // Incidents: Alpha 100 (25 per 100k PiN), Epsilon 30 (30 per 100k PiN): both above 20.
    // Orgs: Gamma and Delta none (no presence). Unallocated 20 M = 20 % of 100 M counted.
    private static EquityInputs Fixture(
        EquityScope? scope = null, decimal unallocated = 20_000_000m, bool presence = true, bool incidents = true) => new()
        {
            Scope = scope ?? new EquityScope(Year),
            Funding = new Dictionary<string, decimal>
            {
                ["IQG01"] = 50_000_000m, ["IQG02"] = 20_000_000m, ["IQG03"] = 200_000m,
                ["IQG05"] = 4_000_000m, ["IQG06"] = 5_800_000m,
            },
            PreviousFunding = new Dictionary<string, decimal>
            {
                ["IQG01"] = 50_000_000m, ["IQG02"] = 20_000_000m, ["IQG03"] = 1_000_000m,
                ["IQG05"] = 10_000_000m, ["IQG06"] = 5_800_000m,
            },
            PeopleInNeed = new Dictionary<string, long?>
            {
                ["IQG01"] = 400_000, ["IQG02"] = 200_000, ["IQG03"] = 20_000,
                ["IQG04"] = 10_000, ["IQG05"] = 100_000, ["IQG06"] = 70_000,
            },
            Orgs = presence ? new Dictionary<string, int> { ["IQG01"] = 10, ["IQG02"] = 5, ["IQG05"] = 3, ["IQG06"] = 4 } : [],
            Activities = new Dictionary<string, int>(),
            RegionOrgs = presence ? new Dictionary<string, int> { [NC] = 12, [Regions.Kri] = 3, [Regions.Baghdad] = 4 } : [],
            PresenceLoaded = presence,
            Incidents = incidents ? new Dictionary<string, int> { ["IQG01"] = 100, ["IQG05"] = 30 } : null,
            UnallocatedUsd = unallocated,
        };

    private static EquityTable Compute(EquityInputs inputs, Gazetteer? geo = null) =>
        new EquityCalculator(geo ?? Geo, new EquityThresholds()).Compute(inputs);

    private static EquityTable Table(EquityScope? scope = null) => Compute(Fixture(scope));

    private static EquityTable Population(EquityInputs inputs) =>
        Compute(inputs with { Scope = inputs.Scope with { Baseline = Baseline.Population } });

    private static Finding Single(IReadOnlyList<Finding> findings, FindingTopic topic) => Assert.Single(findings, f => f.Topic == topic);

    private static void InOrder(string text, params string[] parts)
    {
        var at = -1;
        foreach (var part in parts)
        {
            var next = text.IndexOf(part, at + 1, StringComparison.Ordinal);
            Assert.True(next > at, $"'{part}' not found after position {at} in: {text}");
            at = next;
        }
    }

    [Fact]
    public void OrderedByImportance_AndCapped()
    {
        var inputs = Fixture();
        var alone = FindingsWriter.Write(Compute(inputs));
        Assert.Equal(
            [FindingTopic.Region, FindingTopic.Region, FindingTopic.UnderServed, FindingTopic.AccessConstrained,
             FindingTopic.FundingFalling, FindingTopic.NoPresence, FindingTopic.Concentration, FindingTopic.Unallocated],
            alone.Select(f => f.Topic));

        // With the other baseline a ninth finding (the baselines' disagreement) comes before
        // presence; the cap of eight then drops the last one, unallocated funding.
        var both = FindingsWriter.Write(Compute(inputs), Population(inputs));
        Assert.Equal(FindingsWriter.MaxFindings, both.Count);
        Assert.Equal(
            [FindingTopic.Region, FindingTopic.Region, FindingTopic.UnderServed, FindingTopic.AccessConstrained,
             FindingTopic.FundingFalling, FindingTopic.Baseline, FindingTopic.NoPresence, FindingTopic.Concentration],
            both.Select(f => f.Topic));
        Assert.All(both, f => Assert.False(string.IsNullOrWhiteSpace(f.Text)));
    }

    [Fact]
    public void Regions_UnderServedFirst_LowestRatioFirst_WithTheirShares()
    {
        var regions = FindingsWriter.Write(Table()).Where(f => f.Topic == FindingTopic.Region).ToList();
        Assert.Equal(2, regions.Count);
        // South 30k of 800k PiN, 0.2 M of 80 M; ratio .0025 / .0375 = 0.0667.
        Assert.Equal(
            $"South: 2 governorates, {Money.Percent(30_000 / 800_000.0)} of people in need, {Money.Percent(0.2 / 80)} of funding; "
            + "equity ratio 0.07 (under-served, below 0.5).",
            regions[0].Text);
        Assert.Equal([Regions.South], regions[0].AreaKeys);
        // KRI (Epsilon alone): 100k of 800k, 4 M of 80 M, ratio 0.40.
        Assert.Equal("KRI: 1 governorate, 12.5% of people in need, 5.0% of funding; equity ratio 0.40 (under-served, below 0.5).", regions[1].Text);
    }

    [Fact]
    public void Regions_StateTheOtherBaselinesShare()
    {
        var inputs = Fixture();
        var south = FindingsWriter.Write(Compute(inputs), Population(inputs)).First(f => f.Topic == FindingTopic.Region);
        // South holds 3.5 M of 8.9 M people.
        Assert.Contains($"{Money.Percent(30_000 / 800_000.0)} of people in need ({Money.Percent(3.5 / 8.9)} of the population)", south.Text);
    }

    [Fact]
    public void Regions_NoneFlagged_GivesTheRange()
    {
        // Funding in proportion to need everywhere (USD 100 per person in need), except Alpha a bit richer.
        var inputs = Fixture() with
        {
            Funding = new Dictionary<string, decimal>
            {
                ["IQG01"] = 48_000_000m, ["IQG02"] = 20_000_000m, ["IQG03"] = 2_000_000m,
                ["IQG04"] = 1_000_000m, ["IQG05"] = 10_000_000m, ["IQG06"] = 7_000_000m,
            },
        };
        var table = Compute(inputs);
        var region = Single(FindingsWriter.Write(table), FindingTopic.Region);
        // F = 88 M. Ratios: North/Centre 68/88 / .75 = 1.03; South 3/88 / .0375, KRI 10/88 / .125 and
        // Baghdad 7/88 / .0875 all 0.91 (USD 100 per person in need each), so which of them is named is a tie.
        Assert.StartsWith("No region is under-served or over-concentrated: equity ratios range from 0.91 (", region.Text);
        Assert.EndsWith($"to {Money.Ratio(68 / 88.0 / 0.75)} (North/Centre).", region.Text);
        Assert.Equal(4, region.AreaKeys.Count);
    }

    [Fact]
    public void RegionFilter_AlwaysDescribesTheRegion_AndSaysWhereTheGovernoratesAre()
    {
        var findings = FindingsWriter.Write(Table(new EquityScope(Year, Region: NC)));
        var region = Single(findings, FindingTopic.Region);
        // 600k of 800k, 70 M of 80 M, ratio .875 / .75 = 1.17: not flagged, still described.
        Assert.Equal("North/Centre: 2 governorates, 75.0% of people in need, 87.5% of funding; equity ratio 1.17.", region.Text);
        Assert.DoesNotContain(findings, f => f.Topic == FindingTopic.UnderServed);

        var south = FindingsWriter.Write(Table(new EquityScope(Year, Region: Regions.South)));
        Assert.StartsWith("2 governorates in South are under-served", Single(south, FindingTopic.UnderServed).Text);
    }

    [Fact]
    public void UnderServed_LargestGapFirst_WithTheTotalGap()
    {
        var table = Table();
        var finding = Single(FindingsWriter.Write(table), FindingTopic.UnderServed);
        // Gaps: Epsilon 100k * 100 - 4 M = 6 M, Gamma 2 M - 0.2 M = 1.8 M, Delta 1 M; 8.8 M together.
        Assert.Equal(
            "3 governorates are under-served (equity ratio below 0.5), USD 8.8 M short of parity together: "
            + "Epsilon 0.40 (USD 6.0 M), Gamma 0.10 (USD 1.8 M) and Delta 0.00 (USD 1.0 M).",
            finding.Text);
        Assert.Equal(["IQG05", "IQG03", "IQG04"], finding.AreaKeys);
    }

    [Fact]
    public void UnderServed_ManyNames_AreCountedNotListed()
    {
        // Twelve governorates with the same need; the first gets everything, the others 0 -> 11 under-served.
        var geo = new Gazetteer(Enumerable.Range(1, 12).Select(i => Gov($"IQG{i:00}", $"G{i:00}", NC, 1_000)));
        var inputs = new EquityInputs
        {
            Scope = new EquityScope(Year),
            Funding = new Dictionary<string, decimal> { ["IQG01"] = 1_200_000m },
            PreviousFunding = new Dictionary<string, decimal>(),
            PeopleInNeed = Enumerable.Range(1, 12).ToDictionary(i => $"IQG{i:00}", _ => (long?)1_000),
            Orgs = new Dictionary<string, int>(),
            Activities = new Dictionary<string, int>(),
            RegionOrgs = new Dictionary<string, int>(),
            PresenceLoaded = false,
        };
        var table = Compute(inputs, geo);
        var findings = FindingsWriter.Write(table);
        var under = Single(findings, FindingTopic.UnderServed);
        Assert.StartsWith("11 governorates are under-served", under.Text);
        Assert.EndsWith(" and 6 more.", under.Text);
        Assert.Equal(11, under.AreaKeys.Count);
        // u = 1.2 M / 12k = 100; each of the 11 is 100k short: USD 1.1 M together.
        Assert.Contains("USD 1.1 M short of parity together", under.Text);
        // All the money in one of twelve equal places: Gini 11/12.
        Assert.Contains($"Concentration (Gini) {Money.Ratio(11 / 12.0)}: funding per person in need is highly concentrated", Single(findings, FindingTopic.Concentration).Text);
        Assert.Contains("1 governorate gets more than 2 times its share (over-concentrated): G01 12.00.", Single(findings, FindingTopic.Concentration).Text);
        Assert.Contains(findings, f => f.Topic == FindingTopic.NoPresence && f.Text.StartsWith("No presence (3W) data is loaded for 2021", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Topic == FindingTopic.AccessConstrained && f.Text.StartsWith("No security incident data is loaded for 2021", StringComparison.Ordinal));
    }

    [Fact]
    public void Access_GapAndInsecurityCoincide()
    {
        var finding = Single(FindingsWriter.Write(Table()), FindingTopic.AccessConstrained);
        // Epsilon: ratio 0.40, 30 incidents / 100k PiN; Alpha: 25 / 400k PiN = 25 per 100k but ratio 1.25.
        Assert.Equal(
            "A funding gap and insecurity coincide in 1 governorate: Epsilon (equity ratio 0.40, 30.0 incidents per 100,000 people in need); "
            + "the gap there may be access, not neglect. 1 other access-constrained governorate is funded at or above parity.",
            finding.Text);
        Assert.Equal(["IQG05", "IQG01"], finding.AreaKeys);
    }

    [Fact]
    public void Access_NoGapWhereInsecure_SaysSo()
    {
        var inputs = Fixture() with { Incidents = new Dictionary<string, int> { ["IQG01"] = 100, ["IQG02"] = 60 } };
        var finding = Single(FindingsWriter.Write(Compute(inputs)), FindingTopic.AccessConstrained);
        // Beta 60 / 200k = 30 per 100k, Alpha 25: highest rate first.
        Assert.Equal(
            "2 governorates are access-constrained (more than 20 security incidents per 100,000 people in need): Beta 30.0 and Alpha 25.0; "
            + "all are funded at or above parity, so insecurity does not coincide with a funding gap.",
            finding.Text);
    }

    [Fact]
    public void FundingFalling_RegionsThenGovernorates_SteepestFirst()
    {
        var finding = Single(FindingsWriter.Write(Table()), FindingTopic.FundingFalling);
        // South 1 M -> 0.2 M (-80 %), KRI 10 M -> 4 M (-60 %); the same two falls for Gamma and Epsilon.
        Assert.Equal(
            "Funding fell by more than 25.0% in 2 regions: South down 80.0% (USD 1.0 M in 2020 to USD 200 K in 2021); "
            + "KRI down 60.0% (USD 10.0 M in 2020 to USD 4.0 M in 2021). "
            + "2 governorates fell by more than 25.0%, the steepest Gamma -80.0% and Epsilon -60.0%.",
            finding.Text);
        Assert.Equal([Regions.South, Regions.Kri, "IQG03", "IQG05"], finding.AreaKeys);
    }

    [Fact]
    public void NoPresence_ListsGovernoratesWithNeedAndNoOrganisation()
    {
        var finding = Single(FindingsWriter.Write(Table()), FindingTopic.NoPresence);
        Assert.Equal(
            "2 governorates with people in need have no organisation reported present in 2021: Gamma and Delta (30,000 people in need together).",
            finding.Text);
        Assert.Equal(["IQG03", "IQG04"], finding.AreaKeys);
    }

    [Fact]
    public void Concentration_GiniFromTheTable()
    {
        // Ordered by USD per PiN: Delta 0, Gamma 10, Epsilon 40, Baghdad 82.9, Beta 100, Alpha 125.
        // G = 1 - [.025*.0025 + .125*.055 + .0875*.1775 + .25*.5 + .5*1.375] = 0.165.
        // Gamma, Delta and Epsilon are under-served with need shares .025 + .0125 + .125: a low Gini must not read as "no gap".
        var finding = Single(FindingsWriter.Write(Table()), FindingTopic.Concentration);
        Assert.Equal(
            "Concentration (Gini) 0.17: funding per person in need is fairly even across governorates (0 = the same for everyone, 1 = all with one). "
            + $"The 3 under-served governorates hold only {Money.Percent(0.025 + 0.0125 + 0.125)} of the need, too little to move this measure: read their equity ratios too.",
            finding.Text);
        Assert.Empty(finding.AreaKeys);
    }

    [Fact]
    public void Unallocated_ShareOfCountedFunding_MovesUpWhenLarge()
    {
        var small = Single(FindingsWriter.Write(Table()), FindingTopic.Unallocated);
        // 20 M of 80 + 20 M.
        Assert.Equal(
            "USD 20.0 M (20.0% of counted funding) is recorded for several governorates or the whole country and is in no governorate's figures.",
            small.Text);

        // 40 M of 120 M = 33 %: reported right after the regions.
        var large = FindingsWriter.Write(Compute(Fixture(unallocated: 40_000_000m)));
        Assert.Equal(FindingTopic.Unallocated, large[2].Topic);
        Assert.Contains("USD 40.0 M (33.3% of counted funding)", large[2].Text);
    }

    [Fact]
    public void Baselines_Disagreeing_AreNamed_RegionsFirst_BaghdadOnce()
    {
        var inputs = Fixture();
        var finding = Single(FindingsWriter.Write(Compute(inputs), Population(inputs)), FindingTopic.Baseline);
        // Population ratios (P = 8.9 M): Alpha .625 / (1/8.9) = 5.56 over, Beta .25 / (.8/8.9) = 2.78 over,
        // Gamma 0.01 under, Delta 0 under, Epsilon .05 / (.6/8.9) = 0.74 within, Baghdad .0725 / (3/8.9) = 0.22 under.
        // Against PiN (1.25, 1.00, 0.10, 0.00, 0.40, 0.83) four governorates change state: Alpha, Beta, Epsilon, Baghdad.
        // Regions: North/Centre 1.17 -> 4.33 over, KRI 0.40 -> 0.74, Baghdad 0.83 -> 0.22; South is under-served in both.
        Assert.StartsWith("The people-in-need and population baselines tell different stories for 3 regions and 4 governorates: ", finding.Text);
        // The two largest region changes (by ratio factor: Baghdad 3.85x, North/Centre 3.71x), then the largest
        // governorate change that is not Baghdad again (Alpha 4.45x).
        InOrder(finding.Text,
            "Baghdad is within the thresholds by people in need (0.83) but under-served by population (0.22)",
            "North/Centre is within the thresholds by people in need (1.17) but over-concentrated by population (4.33)",
            "Alpha is within the thresholds by people in need (1.25) but over-concentrated by population (5.56).");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(finding.Text, "Baghdad is"));
        Assert.Equal(
            new[] { "Baghdad", "IQG01", "IQG02", "IQG05", "IQG06", Regions.Kri, NC }.Order(StringComparer.Ordinal),
            finding.AreaKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Baselines_WrittenFromThePopulationSide_NameItFirst()
    {
        var inputs = Fixture();
        var finding = Single(FindingsWriter.Write(Population(inputs), Compute(inputs)), FindingTopic.Baseline);
        Assert.Contains("Baghdad is under-served by population (0.22) but within the thresholds by people in need (0.83)", finding.Text);
    }

    [Fact]
    public void OtherBaseline_MustBeTheSameScope()
    {
        var inputs = Fixture();
        var otherYear = Population(inputs with { Scope = new EquityScope(Year - 1) });
        Assert.Throws<ArgumentException>(() => FindingsWriter.Write(Compute(inputs), otherYear));
        Assert.Throws<ArgumentException>(() => FindingsWriter.Write(Compute(inputs), Compute(inputs)));
    }

    [Fact]
    public void NoData_SaysThereIsNothingToCompare()
    {
        var empty = new EquityInputs
        {
            Scope = new EquityScope(2030, "Health"),
            Funding = new Dictionary<string, decimal>(),
            PreviousFunding = new Dictionary<string, decimal>(),
            PeopleInNeed = new Dictionary<string, long?>(),
            Orgs = new Dictionary<string, int>(),
            Activities = new Dictionary<string, int>(),
            RegionOrgs = new Dictionary<string, int>(),
            PresenceLoaded = false,
        };
        var finding = Assert.Single(FindingsWriter.Write(Compute(empty)));
        Assert.Equal(FindingTopic.NoData, finding.Topic);
        Assert.Equal("No funding, people in need or presence is recorded for 2030, cluster Health: there is nothing to compare.", finding.Text);
    }

    [Fact]
    public void NoNeedFigure_SaysFundingCannotBeCompared_AndNoRatioFindings()
    {
        var inputs = Fixture(new EquityScope(Year, Donor: "ECHO")) with { PeopleInNeed = new Dictionary<string, long?>() };
        var findings = FindingsWriter.Write(Compute(inputs));
        Assert.Equal(FindingTopic.NoData, findings[0].Topic);
        Assert.Equal(
            "No people-in-need figure is recorded for 2021, donor ECHO: USD 80,000,000 allocated to governorates cannot be set against need, "
            + "so no equity ratio, gap to parity or under-served flag is computed.",
            findings[0].Text);
        Assert.DoesNotContain(findings, f => f.Topic is FindingTopic.Region or FindingTopic.UnderServed or FindingTopic.Concentration or FindingTopic.Baseline);
        // What does not need a ratio is still said: the year-on-year fall and unallocated funding.
        Assert.Contains(findings, f => f.Topic == FindingTopic.FundingFalling);
        Assert.Contains(findings, f => f.Topic == FindingTopic.Unallocated);
    }

    [Fact]
    public void NoAllocatedFunding_SaysSharesCannotBeComputed()
    {
        var inputs = Fixture(unallocated: 3_000_000m) with { Funding = new Dictionary<string, decimal>() };
        var findings = FindingsWriter.Write(Compute(inputs));
        Assert.Equal(
            "No funding allocated to a governorate is recorded for 2021 (USD 3,000,000 is recorded without a single governorate): "
            + "funding shares and equity ratios cannot be computed.",
            findings[0].Text);
        Assert.DoesNotContain(findings, f => f.Topic is FindingTopic.UnderServed or FindingTopic.Unallocated);
    }

    [Fact]
    public void FundedWithoutNeed_IsNamed()
    {
        var inputs = Fixture();
        var pin = inputs.PeopleInNeed.Where(kv => kv.Key != "IQG06").ToDictionary();
        // The least important finding: past the default cap here, so asked for without one.
        var finding = FindingsWriter.Write(Compute(inputs with { PeopleInNeed = pin }), null, int.MaxValue).Last();
        Assert.DoesNotContain(FindingsWriter.Write(Compute(inputs with { PeopleInNeed = pin })), f => f.Topic == FindingTopic.NoData);
        Assert.Equal(FindingTopic.NoData, finding.Topic);
        Assert.Equal(
            "No recorded need for Baghdad (USD 5.8 M), which received funding in 2021: it is outside the shares, ratios and flags.",
            finding.Text);
        Assert.Equal(["IQG06"], finding.AreaKeys);
    }
}
