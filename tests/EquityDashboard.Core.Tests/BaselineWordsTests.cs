using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Core.Tests;

public sealed class BaselineWordsTests
{
    [Fact]
    public void Every_baseline_has_its_words_and_a_value_of_its_own()
    {
        var all = BaselineWords.All;
        Assert.Equal(Enum.GetValues<Baseline>(), all.Select(w => w.Baseline));
        Assert.Equal(Baseline.Pin, all[0].Baseline);
        Assert.Equal(all.Count, all.Select(w => w.Value).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(all, w => Assert.Same(w, BaselineWords.For(w.Baseline)));
    }

    [Fact]
    public void The_words_are_those_the_pages_the_findings_and_the_briefing_use()
    {
        var pin = BaselineWords.For(Baseline.Pin);
        var population = BaselineWords.For(Baseline.Population);
        Assert.Equal(("People in need", "people in need", "people in need"), (pin.Label, pin.Whole, pin.Name));
        Assert.Equal(("Population", "the population", "population (per-capita view)"), (population.Label, population.Whole, population.Name));
        Assert.Equal(("people in need", "people"), (pin.People, population.People));
        Assert.Equal(("USD per person in need", "USD per person"), (pin.UsdPerPerson, population.UsdPerPerson));
        Assert.Equal(("USD per person in need", "USD per resident"), (pin.UsdPerPersonInWorkbook, population.UsdPerPersonInWorkbook));
        Assert.Equal("2019, all clusters, baseline population", new EquityScope(2019, Baseline: Baseline.Population).Describe());
        Assert.Equal("2019, all clusters, baseline people in need", new EquityScope(2019).Describe());
    }

    [Fact]
    public void The_idp_words_read_in_the_sentences_that_use_them()
    {
        var idps = BaselineWords.For(Baseline.Idps);
        Assert.Equal(("idps", "'idps' (internally displaced people)"), (idps.Value, idps.Choice));
        Assert.Equal(("IDPs", "IDPs", "the IDPs", "IDPs", "IDP"), (idps.Label, idps.Lower, idps.Whole, idps.People, idps.Person));
        Assert.Equal(("USD per IDP", "USD per IDP", "Orgs per 100k IDPs", "IDP share"),
            (idps.UsdPerPerson, idps.UsdPerPersonInWorkbook, idps.OrgsPer100k, idps.ShareLabel));
        Assert.Equal("2021, cluster Health, baseline IDPs", new EquityScope(2021, "Health", Baseline: Baseline.Idps).Describe());
        // The sentences the findings build from them.
        Assert.Equal("1,200 IDPs together", string.Format(System.Globalization.CultureInfo.InvariantCulture, idps.TotalTogether, "1,200"));
        Assert.Equal("No IDP figure is recorded", $"No {idps.FigureName} is recorded");
        Assert.Equal("no recorded IDPs", $"no recorded {idps.Figure}");
        Assert.Equal("the IDP and people-in-need baselines", $"the {idps.Adjective} and {BaselineWords.For(Baseline.Pin).Adjective} baselines");
    }
}
