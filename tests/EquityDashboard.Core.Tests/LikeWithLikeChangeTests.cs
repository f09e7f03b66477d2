using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using static EquityDashboard.Core.Tests.TestSupport;

namespace EquityDashboard.Core.Tests;

/// <summary>
/// The year-on-year change over the sources reporting both years (docs/methodology.md, "Year-on-year
/// change"): source A reports 2016–2020, source B 2018–2022, so 2018 gains B and 2021 loses A.
/// </summary>
public sealed class LikeWithLikeChangeTests
{
    private const string A = "Source A 2016-2020", B = "Source B 2018-2022", C = "Source C 2018 on";
    private const string One = "IQG01", Two = "IQG02", Kri = "IQG04";

    private static readonly Gazetteer Places = new([
        new Governorate(One, "One", "One", Regions.NorthCentre, 0, 0, null, []),
        new Governorate(Two, "Two", "Two", Regions.NorthCentre, 0, 0, null, []),
        new Governorate(Kri, "Kri", "Kri", Regions.Kri, 0, 0, null, []),
    ]);

    /// <summary>Funding per source and year, per governorate.</summary>
    private static readonly Dictionary<(string Source, int Year), Dictionary<string, decimal>> Data = new()
    {
        [(A, 2016)] = new() { [One] = 700_000m },
        [(A, 2017)] = new() { [One] = 1_000_000m, [Kri] = 400_000m },
        [(A, 2018)] = new() { [One] = 900_000m, [Kri] = 200_000m },
        [(A, 2019)] = new() { [One] = 900_000m },
        [(A, 2020)] = new() { [One] = 800_000m, [Kri] = 500_000m },
        [(B, 2018)] = new() { [One] = 3_000_000m, [Kri] = 100_000m },
        [(B, 2019)] = new() { [One] = 2_000_000m },
        [(B, 2020)] = new() { [One] = 2_000_000m, [Two] = 1_000_000m, [Kri] = 1_000_000m },
        [(B, 2021)] = new() { [One] = 1_500_000m, [Two] = 400_000m, [Kri] = 900_000m },
        [(B, 2022)] = new() { [One] = 1_500_000m },
    };

    private static EquityTable Table(int year, Dictionary<(string Source, int Year), Dictionary<string, decimal>>? data = null)
    {
        data ??= Data;
        List<string> SourcesOf(int y) => data.Keys.Where(k => k.Year == y).Select(k => k.Source).Order(StringComparer.Ordinal).ToList();
        Dictionary<string, decimal> Total(int y) => data.Where(kv => kv.Key.Year == y).SelectMany(kv => kv.Value)
            .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Split(int y) => SourceSplit.From(
            data.Where(kv => kv.Key.Year == y).SelectMany(kv => kv.Value.Select(v => (v.Key, kv.Key.Source, v.Value))));
        var inputs = new EquityInputs
        {
            Scope = new EquityScope(year),
            Funding = Total(year),
            PreviousFunding = Total(year - 1),
            Coverage = new FundingCoverage(year, SourcesOf(year), SourcesOf(year - 1)),
            FundingBySource = Split(year),
            PreviousFundingBySource = Split(year - 1),
            PeopleInNeed = new Dictionary<string, long?>(),
            Orgs = new Dictionary<string, int>(),
            Activities = new Dictionary<string, int>(),
            RegionOrgs = new Dictionary<string, int>(),
        };
        return new EquityCalculator(Places, new EquityThresholds()).Compute(inputs);
    }

    private static AreaFigures Gov(EquityTable t, string pcode) => t.Governorates.Single(g => g.Key == pcode);
    private static AreaFigures Region(EquityTable t, string region) => t.Regions.Single(r => r.Key == region);
    private static bool Falling(AreaFigures f) => f.HasFlag(FlagCodes.FundingFalling);

    [Fact]
    public void A_source_that_starts_is_left_out_of_the_change()
    {
        var t = Table(2018);
        Assert.Equal([A], t.Coverage!.Common);
        Assert.Equal([B], t.Coverage.Started);
        Assert.Empty(t.Coverage.Ended);

        // One: all sources 1.0 M -> 3.9 M (+290 %); A alone 1.0 M -> 0.9 M (-10 %): no flag either way.
        var one = Gov(t, One);
        Near(2.9, one.RawYoyChange, "raw");
        Near(-0.1, one.YoyChange, "like with like");
        Assert.Equal((900_000m, 1_000_000m), (one.CommonSourcesFundingUsd!.Value, one.CommonSourcesPreviousFundingUsd!.Value));
        Assert.False(Falling(one));

        // Kri: all sources 400 K -> 300 K (-25 %, not below the threshold) hides A's fall 400 K -> 200 K (-50 %).
        var kri = Gov(t, Kri);
        Near(-0.25, kri.RawYoyChange, "raw");
        Near(-0.5, kri.YoyChange, "like with like");
        Assert.True(Falling(kri));
        var reason = kri.Flags.Single(f => f.Code == FlagCodes.FundingFalling).Reason;
        Assert.Contains("sources reporting both years fell 50%", reason, StringComparison.Ordinal);
        Assert.Contains($"\u201C{B}\u201D starts in 2018", reason, StringComparison.Ordinal);
        Assert.Contains("-50.0%", kri.CoverageNote, StringComparison.Ordinal);
        Assert.Contains("all sources: -25.0%", kri.CoverageNote, StringComparison.Ordinal);

        // Regions sum their governorates' common funding: KRI is Kri; North/Centre is One (Two has nothing).
        Near(-0.5, Region(t, Regions.Kri).YoyChange, "KRI");
        Assert.True(Falling(Region(t, Regions.Kri)));
        Near(-0.1, Region(t, Regions.NorthCentre).YoyChange, "North/Centre");
        Near(2.9, Region(t, Regions.NorthCentre).RawYoyChange, "North/Centre raw");
    }

    [Fact]
    public void A_source_that_ends_is_not_a_fall()
    {
        var t = Table(2021);
        Assert.Equal([B], t.Coverage!.Common);
        Assert.Equal([A], t.Coverage.Ended);
        Assert.Contains($"\u201C{A}\u201D no longer reported in 2021", t.Coverage.Note, StringComparison.Ordinal);

        // One: all sources 2.8 M -> 1.5 M (-46 %) would be flagged; B alone 2.0 M -> 1.5 M is -25 %, not below.
        var one = Gov(t, One);
        Near(-1.3 / 2.8, one.RawYoyChange, "raw");
        Near(-0.25, one.YoyChange, "like with like");
        Assert.False(Falling(one));
        // Kri: 1.5 M -> 0.9 M (-40 %) over all; B alone 1.0 M -> 0.9 M (-10 %).
        Near(-0.1, Gov(t, Kri).YoyChange, "Kri");
        Assert.False(Falling(Gov(t, Kri)));
        Assert.False(Falling(Region(t, Regions.Kri)));
        // Two has only B: 1.0 M -> 0.4 M is a real fall, flagged.
        var two = Gov(t, Two);
        Near(-0.6, two.YoyChange, "Two");
        Near(-0.6, two.RawYoyChange, "Two raw");
        Assert.True(Falling(two));
        // North/Centre: B in One and Two 3.0 M -> 1.9 M (-36.7 %): flagged on B's own fall, not on A's end.
        Near(-1.1 / 3.0, Region(t, Regions.NorthCentre).YoyChange, "North/Centre");
        Assert.True(Falling(Region(t, Regions.NorthCentre)));
    }

    [Fact]
    public void The_same_sources_in_both_years_give_the_plain_change()
    {
        var t = Table(2019);
        Assert.False(t.Coverage!.Changed);
        Assert.Null(t.Coverage.Note);
        // Kri: 300 K -> 0 with A and B reporting both years: a fall to 0 is -100 %, flagged with the plain reason.
        var kri = Gov(t, Kri);
        Near(-1, kri.YoyChange, "Kri");
        Assert.Equal(kri.RawYoyChange, kri.YoyChange);
        Assert.Null(kri.CoverageNote);
        Assert.StartsWith("Funding fell 100%", kri.Flags.Single(f => f.Code == FlagCodes.FundingFalling).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_common_source_gives_no_change_and_no_flag_and_says_why()
    {
        var data = new Dictionary<(string Source, int Year), Dictionary<string, decimal>>
        {
            [(A, 2017)] = new() { [One] = 1_000_000m, [Kri] = 400_000m },
            [(C, 2018)] = new() { [One] = 100_000m },
        };
        var t = Table(2018, data);
        Assert.True(t.Coverage!.NoCommonSource);
        Assert.Contains("No source reports both 2017 and 2018", t.Coverage.Note, StringComparison.Ordinal);
        foreach (var f in t.Governorates.Concat(t.Regions))
        {
            Assert.Null(f.YoyChange);
            Assert.Null(f.CommonSourcesFundingUsd);
            Assert.False(Falling(f), $"{f.Key} flagged without a common source");
        }
        // The raw change stays available: Kri 400 K -> 0 is -100 % over all sources.
        var kri = Gov(t, Kri);
        Near(-1, kri.RawYoyChange, "raw");
        Assert.Contains("no funding-falling flag", kri.CoverageNote, StringComparison.Ordinal);
        Assert.Contains("all sources: -100.0%", kri.CoverageNote, StringComparison.Ordinal);
    }

    [Fact]
    public void The_funding_falling_finding_gives_the_amounts_of_the_common_sources()
    {
        var finding = FindingsWriter.Write(Table(2018)).Single(f => f.Topic == FindingTopic.FundingFalling);
        // KRI: A alone 400 K -> 200 K, not all funding 400 K -> 300 K.
        Assert.Contains($"{Regions.Kri} down 50.0% over the sources reporting both years (USD 400 K in 2017 to USD 200 K in 2018)", finding.Text, StringComparison.Ordinal);
        Assert.Contains($"Coverage changed: \u201C{B}\u201D starts in 2018.", finding.Text, StringComparison.Ordinal);
    }
}
