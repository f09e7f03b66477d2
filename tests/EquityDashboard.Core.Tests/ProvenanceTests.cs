using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Core.Tests;

/// <summary>Which figures rest on illustrative batches: those that leaving the batches out changes.</summary>
public sealed class ProvenanceTests
{
    private static readonly Gazetteer Geo = Gazetteer.ParseCsv(File.ReadAllText(TestSupport.RepoFile("seeds", "governorates.csv")));
    private const int Year = 2019;

    private static EquityTable Compute(EquityInputs inputs) => new EquityCalculator(Geo, new EquityThresholds()).Compute(inputs);

    /// <summary>Real need everywhere, real funding in Basra and Ninewa, plus (optionally) invented funding in Ninewa.</summary>
    private static EquityInputs Inputs(bool withInvented, bool realOnly = false) => new()
    {
        Scope = new EquityScope(Year, RealOnly: realOnly),
        Funding = new Dictionary<string, decimal>
        {
            ["IQG02"] = 1_000_000m,
            ["IQG15"] = withInvented ? 3_000_000m : 2_000_000m,
        },
        PreviousFunding = new Dictionary<string, decimal> { ["IQG02"] = 1_000_000m },
        PeopleInNeed = Geo.All.ToDictionary(g => g.Pcode, _ => (long?)100_000),
        Orgs = new Dictionary<string, int> { ["IQG02"] = 3 },
        Activities = new Dictionary<string, int> { ["IQG02"] = 4 },
        RegionOrgs = new Dictionary<string, int>(),
    };

    private static EquityTable Marked() => Provenance.Mark(Compute(Inputs(withInvented: true)), Compute(Inputs(withInvented: false, realOnly: true)));

    [Fact]
    public void Invented_money_in_one_governorate_marks_its_funding_and_the_shares_it_moves_elsewhere_but_not_real_need()
    {
        var table = Marked();
        var ninewa = table.Governorates.Single(g => g.Key == "IQG15");
        var basra = table.Governorates.Single(g => g.Key == "IQG02");

        Assert.True(ninewa.IsIllustrative(FigureSet.Funding));
        Assert.True(ninewa.IsIllustrative(FigureSet.EquityRatio));
        Assert.False(ninewa.IsIllustrative(FigureSet.Need));
        Assert.False(ninewa.IsIllustrative(FigureSet.NeedShare));
        // Basra's own money is real, but its share of a total swollen by invented money is not.
        Assert.False(basra.IsIllustrative(FigureSet.Funding));
        Assert.True(basra.IsIllustrative(FigureSet.FundingShare));
        Assert.False(basra.IsIllustrative(FigureSet.Orgs));
        Assert.True(table.IllustrativeTotals.HasFlag(FigureSet.Funding));
        Assert.False(table.IllustrativeTotals.HasFlag(FigureSet.Need));
        Assert.Contains(table.Regions, r => r.IsIllustrative(FigureSet.Funding));
    }

    [Fact]
    public void The_same_data_on_both_sides_marks_nothing_and_a_real_only_scope_is_never_marked()
    {
        var real = Compute(Inputs(withInvented: false, realOnly: true));
        var same = Provenance.Mark(Compute(Inputs(withInvented: false)), real);
        Assert.All(same.Governorates.Concat(same.Regions), g => Assert.Equal(FigureSet.None, g.Illustrative));
        Assert.Equal(FigureSet.None, same.IllustrativeTotals);

        var realOnly = Provenance.Mark(real, Compute(Inputs(withInvented: false, realOnly: true)) with { TotalFundingUsd = 1 });
        Assert.Equal(FigureSet.None, realOnly.IllustrativeTotals);
    }

    [Fact]
    public void Findings_about_a_marked_area_or_a_marked_total_say_they_rest_on_invented_data()
    {
        var table = Marked();
        var findings = Provenance.Mark(
        [
            new Finding(FindingTopic.UnderServed, "Ninewa ...", ["IQG15"]),
            new Finding(FindingTopic.NoPresence, "Basra ...", ["IQG02"]),
            new Finding(FindingTopic.Concentration, "Gini ...", []),
        ], table);

        Assert.True(findings[0].RestsOnIllustrative);
        Assert.EndsWith(Finding.IllustrativeNote, findings[0].FullText);
        // Basra's shares moved with the national total: a finding about it rests on invented data too.
        Assert.True(findings[1].RestsOnIllustrative);
        Assert.True(findings[2].RestsOnIllustrative);

        var real = Compute(Inputs(withInvented: false, realOnly: true));
        var unmarked = Provenance.Mark([new Finding(FindingTopic.NoPresence, "Basra ...", ["IQG02"])],
            Provenance.Mark(Compute(Inputs(withInvented: false)), real));
        Assert.False(Assert.Single(unmarked).RestsOnIllustrative);
        Assert.Equal("Basra ...", unmarked[0].FullText);
    }

    [Fact]
    public void An_area_with_no_counterpart_on_real_data_has_every_figure_marked_and_words_name_them_in_order()
    {
        var only = Compute(Inputs(withInvented: true)).Governorates[0];
        Assert.True(Provenance.Compare(only, null).HasFlag(FigureSet.Funding | FigureSet.Need | FigureSet.EquityRatio));
        Assert.Equal("need, funding, equity ratio", Provenance.Describe(FigureSet.EquityRatio | FigureSet.Funding | FigureSet.Need));
        Assert.Equal(string.Empty, Provenance.Describe(FigureSet.None));
    }
}
