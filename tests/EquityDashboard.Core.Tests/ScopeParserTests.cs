using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Scope;

namespace EquityDashboard.Core.Tests;

/// <summary>The one reader of a view's scope: each parameter's good and bad values, one message per bad parameter.</summary>
public sealed class ScopeParserTests
{
    private static readonly Lazy<ScopeParser> Shared = new(() => new ScopeParser(new NameResolver(Gazetteer.ParseCsv(
        File.ReadAllText(TestSupport.RepoFile("seeds", "governorates.csv")),
        File.ReadAllText(TestSupport.RepoFile("seeds", "districts.csv"))))));

    private static readonly ScopeNames Known = new(["Food Security", "Health", "WASH"], ["ECHO", "Germany", "USA"]);

    private static ScopeReading Parse(string parameter, string? value, ScopeNames? known = null) =>
        Shared.Value.Parse(new Dictionary<string, string?> { [parameter] = value }, known ?? Known);

    private static string Error(ScopeReading reading, string parameter)
    {
        Assert.True(reading.Failed);
        return Assert.Single(reading.Errors, e => e.Key == parameter).Value;
    }

    [Fact]
    public void Nothing_given_is_the_default_scope_in_the_default_year()
    {
        var reading = Shared.Value.Parse(new Dictionary<string, string?>(), Known);

        Assert.False(reading.Failed);
        Assert.Empty(reading.Warnings);
        Assert.Null(reading.Year);
        Assert.Equal(new EquityScope(2019), reading.ScopeFor(2019));
        Assert.Equal(Level.Governorate, reading.ScopeFor(2019).Level);
    }

    [Fact]
    public void Blank_values_are_not_given_and_other_parameters_are_ignored()
    {
        var values = ScopeParameters.All.ToDictionary(p => p, _ => (string?)"  ");
        values["sort"] = "nonsense";

        var reading = Shared.Value.Parse(values, Known);

        Assert.False(reading.Failed);
        Assert.Equal(new EquityScope(2020), reading.ScopeFor(2020));
    }

    [Theory]
    [InlineData("2019", 2019)]
    [InlineData(" 2019 ", 2019)]
    [InlineData("1990", 1990)]
    [InlineData("2100", 2100)]
    public void A_year_in_the_range_is_read(string text, int year)
    {
        var reading = Parse(ScopeParameters.Year, text);
        Assert.False(reading.Failed);
        Assert.Equal(year, reading.Year);
        Assert.Equal(year, reading.ScopeFor(2000).Year);
    }

    [Theory]
    [InlineData("1989")]
    [InlineData("2101")]
    [InlineData("1800")]
    [InlineData("abc")]
    [InlineData("2019.5")]
    [InlineData("-2019")]
    [InlineData("+2019")]
    [InlineData("99999999999")]
    public void A_year_outside_the_range_or_not_a_year_is_named_and_the_default_kept(string text)
    {
        var reading = Parse(ScopeParameters.Year, text);

        Assert.Equal($"year must be a year from 1990 to 2100, such as 2019; got '{text}'.", Error(reading, "year"));
        Assert.Null(reading.Year);
        Assert.Equal(2019, reading.ScopeFor(2019).Year);
    }

    [Fact]
    public void The_year_range_is_the_one_the_importer_checks()
    {
        Assert.Equal((1990, 2100), (YearRange.Min, YearRange.Max));
        Assert.True(YearRange.TryParse(null, out var none));
        Assert.Null(none);
        Assert.False(YearRange.TryParse("1989", out _));
        Assert.True(YearRange.Contains(2100));
        Assert.False(YearRange.Contains(2101));
    }

    [Fact]
    public void Messages_name_the_parameter_as_the_caller_spells_it()
    {
        var reading = Shared.Value.Parse(new Dictionary<string, string?> { ["year"] = "abc", ["baseline"] = "households" }, Known,
            p => "--" + p);

        Assert.Equal("--year must be a year from 1990 to 2100, such as 2019; got 'abc'.", Error(reading, "year"));
        Assert.Equal("--baseline must be 'pin' (people in need), 'population' or 'idps' (internally displaced people); got 'households'.", Error(reading, "baseline"));
    }

    [Theory]
    [InlineData("cluster", "Health", "Health")]
    [InlineData("cluster", "hEALTH", "Health")]
    [InlineData("cluster", " wash ", "WASH")]
    [InlineData("cluster", "food security", "Food Security")]
    [InlineData("donor", "ECHO", "ECHO")]
    [InlineData("donor", "echo", "ECHO")]
    [InlineData("donor", "germany ", "Germany")]
    public void A_cluster_or_donor_matches_in_any_case_and_becomes_the_stored_spelling(string parameter, string text, string stored)
    {
        var reading = Parse(parameter, text);
        Assert.False(reading.Failed);
        Assert.Equal(stored, parameter == ScopeParameters.Cluster ? reading.Cluster : reading.Donor);
        Assert.Null(parameter == ScopeParameters.Cluster ? reading.Donor : reading.Cluster);
    }

    [Fact]
    public void An_unknown_cluster_is_named_with_the_clusters_there_are()
    {
        Assert.Equal("Unknown cluster 'Helth'. Clusters: Food Security, Health, WASH.", Error(Parse("cluster", "Helth"), "cluster"));
        Assert.Null(Parse("cluster", "Helth").Cluster);
        Assert.Equal("Unknown cluster 'Health': no cluster figures are loaded.", Error(Parse("cluster", "Health", ScopeNames.None), "cluster"));
    }

    [Fact]
    public void An_unknown_donor_is_named_with_the_likely_ones_or_the_donors_there_are()
    {
        Assert.Equal("Unknown donor 'ECH'. Did you mean 'ECHO'?", Error(Parse("donor", "ECH"), "donor"));
        Assert.Equal("Unknown donor 'Nobody'. Donors: ECHO, Germany, USA.", Error(Parse("donor", "Nobody"), "donor"));
        Assert.Equal("Unknown donor 'Nobody': no donor figures are loaded.", Error(Parse("donor", "Nobody", ScopeNames.None), "donor"));

        var many = new ScopeNames([], Enumerable.Range(1, 11).Select(i => $"Donor {i}").ToList());
        Assert.Equal("Unknown donor 'Nobody': no funding from a donor of that name is loaded (11 donors are).",
            Error(Parse("donor", "Nobody", many), "donor"));
    }

    [Theory]
    [InlineData("South", "South")]
    [InlineData("south", "South")]
    [InlineData("kri", "KRI")]
    [InlineData("Kurdistan Region", "KRI")]
    [InlineData("north/centre", "North/Centre")]
    public void A_region_is_read_in_any_spelling_the_product_knows(string text, string region) =>
        Assert.Equal(region, Parse(ScopeParameters.Region, text).Region);

    [Theory]
    [InlineData("pin", Baseline.Pin)]
    [InlineData("PIN", Baseline.Pin)]
    [InlineData("population", Baseline.Population)]
    [InlineData(" Population ", Baseline.Population)]
    [InlineData("idps", Baseline.Idps)]
    [InlineData("IDPs", Baseline.Idps)]
    public void A_baseline_is_read(string text, Baseline baseline)
    {
        var reading = Parse(ScopeParameters.Baseline, text);
        Assert.False(reading.Failed);
        Assert.Equal(baseline, reading.Baseline);
    }

    [Theory]
    [InlineData("real", true)]
    [InlineData("REAL", true)]
    [InlineData("all", false)]
    [InlineData(" All ", false)]
    public void Data_is_real_figures_only_or_all(string text, bool realOnly)
    {
        var reading = Parse(ScopeParameters.Data, text);
        Assert.False(reading.Failed);
        Assert.Equal(realOnly, reading.RealOnly);
    }

    [Theory]
    [InlineData("governorate", Level.Governorate)]
    [InlineData("district", Level.District)]
    [InlineData(" DISTRICT ", Level.District)]
    public void A_level_is_read_and_carried_in_the_scope(string text, Level level)
    {
        var reading = Parse(ScopeParameters.Level, text);
        Assert.False(reading.Failed);
        Assert.Equal(level, reading.Level);
        Assert.Equal(level, reading.ScopeFor(2019).Level);
    }

    [Theory]
    [InlineData("region", "Mars", "Unknown region 'Mars'. Regions: North/Centre, Baghdad, KRI, South.")]
    [InlineData("baseline", "money", "baseline must be 'pin' (people in need), 'population' or 'idps' (internally displaced people); got 'money'.")]
    [InlineData("data", "fake", "data must be 'real' (real figures only) or 'all'; got 'fake'.")]
    [InlineData("level", "county", "level must be 'governorate' or 'district'; got 'county'.")]
    public void An_unknown_choice_is_named_with_the_choices_and_the_default_kept(string parameter, string text, string message)
    {
        var reading = Parse(parameter, text);
        Assert.Equal(message, Error(reading, parameter));
        // All regions, people in need, every batch, governorates.
        Assert.Equal(new EquityScope(2019), reading.ScopeFor(2019));
    }

    [Theory]
    [InlineData("IQG02")]
    [InlineData("iqg02")]
    [InlineData("Basra")]
    [InlineData("Al-Basrah")]
    [InlineData("البصرة")]
    public void A_governorate_in_any_spelling_becomes_its_pcode(string text)
    {
        var reading = Parse(ScopeParameters.Governorate, text);
        Assert.False(reading.Failed);
        Assert.Empty(reading.Warnings);
        Assert.Equal("IQG02", reading.Governorate);
        Assert.Equal("IQG02", reading.ScopeFor(2019).Governorate);
    }

    [Fact]
    public void A_district_named_as_the_governorate_counts_under_its_governorate_with_a_warning()
    {
        var reading = Parse(ScopeParameters.Governorate, "Halabja");
        Assert.False(reading.Failed);
        Assert.Equal("IQG06", reading.Governorate);
        Assert.Contains("district of Al-Sulaymaniyah", Assert.Single(reading.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_governorate_is_named_with_suggestions()
    {
        var reading = Parse("governorate", "Basrra");
        Assert.StartsWith("Unknown governorate 'Basrra'. Did you mean 'Al-Basrah'", Error(reading, "governorate"), StringComparison.Ordinal);
        Assert.Null(reading.Governorate);
    }

    [Fact]
    public void Every_bad_parameter_gets_one_message_and_the_good_ones_are_kept()
    {
        var reading = Shared.Value.Parse(new Dictionary<string, string?>
        {
            ["year"] = "abc", ["cluster"] = "health", ["donor"] = "Nobody", ["region"] = "Mars", ["baseline"] = "population",
            ["data"] = "x", ["level"] = "district", ["governorate"] = "Atlantis",
        }, Known);

        Assert.Equal(["year", "donor", "region", "data", "governorate"], reading.Errors.Keys);
        Assert.Equal(string.Join(" ", reading.Errors.Values), reading.Message);
        Assert.StartsWith("year must be a year from 1990 to 2100", reading.Message, StringComparison.Ordinal);
        Assert.Equal(new EquityScope(2019, "Health", Baseline: Baseline.Population, Level: Level.District), reading.ScopeFor(2019));
    }
}
