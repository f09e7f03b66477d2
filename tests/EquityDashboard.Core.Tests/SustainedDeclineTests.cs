using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Core.Tests;

/// <summary>
/// The sustained-decline finding on hand-made series. Expected figures and percentages are
/// computed here from the series, then formatted the way every finding formats money.
/// </summary>
public sealed class SustainedDeclineTests
{
    private static IReadOnlyDictionary<int, decimal> Series(int from, params decimal[] usd) =>
        usd.Select((v, i) => (Year: from + i, v)).ToDictionary(p => p.Year, p => p.v);

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<int, decimal>> Regions1(string region, IReadOnlyDictionary<int, decimal> series) =>
        new Dictionary<string, IReadOnlyDictionary<int, decimal>> { [region] = series };

    private static string Expected(string region, int peakYear, decimal peak, params (int Year, decimal Usd)[] fall) =>
        $"{region} funding has fallen for {fall.Length} years running from its peak of {Money.Short(peak)} in {peakYear}: "
        + string.Join(", ", fall.Select(f => $"{Money.Short(f.Usd)} in {f.Year}"))
        + $" ({Money.Percent((double)((fall[^1].Usd - peak) / peak))} from the peak).";

    [Fact]
    public void A_two_year_fall_from_the_peak_is_stated_with_every_figure()
    {
        var series = Series(2015, 1_500_000m, 15_180_000m, 6_720_000m, 3_150_000m);
        var finding = Assert.IsType<Finding>(SustainedDecline.Find(Regions1(Regions.Kri, series), 2018));

        Assert.Equal(FindingTopic.FundingFalling, finding.Topic);
        Assert.Equal([Regions.Kri], finding.AreaKeys);
        Assert.Equal(Expected(Regions.Kri, 2016, 15_180_000m, (2017, 6_720_000m), (2018, 3_150_000m)), finding.Text);
        // (3.15 - 15.18) / 15.18 = -79.2 %
        Assert.Contains("(-79.2% from the peak)", finding.Text);
        Assert.Contains("from its peak of USD 15.2 M in 2016: USD 6.7 M in 2017", finding.Text);
    }

    [Fact]
    public void A_one_year_fall_is_not_stated()
    {
        var series = Series(2016, 15_000_000m, 6_000_000m);
        Assert.Null(SustainedDecline.Find(Regions1(Regions.Kri, series), 2017));
        // Nor when the year before the peak was lower: the fall is still one year long.
        Assert.Null(SustainedDecline.Detect(Regions.Kri, Series(2015, 2_000_000m, 15_000_000m, 6_000_000m), 2017));
    }

    [Fact]
    public void A_recovery_above_the_peak_is_not_stated_and_starts_a_new_count()
    {
        var series = Series(2016, 15_000_000m, 7_000_000m, 3_000_000m, 16_000_000m, 4_000_000m, 2_000_000m);
        Assert.NotNull(SustainedDecline.Detect(Regions.Kri, series, 2018));
        Assert.Null(SustainedDecline.Detect(Regions.Kri, series, 2019)); // new peak
        Assert.Null(SustainedDecline.Detect(Regions.Kri, series, 2020)); // one year down from the new peak

        var decline = SustainedDecline.Detect(Regions.Kri, series, 2021);
        Assert.NotNull(decline);
        Assert.Equal(2019, decline.PeakYear);
        Assert.Equal(16_000_000m, decline.PeakUsd);
        Assert.Equal([(2020, 4_000_000m), (2021, 2_000_000m)], decline.Fall);
    }

    [Fact]
    public void A_rise_below_the_peak_ends_the_decline()
    {
        var series = Series(2016, 15_000_000m, 7_000_000m, 3_000_000m, 5_000_000m, 4_000_000m);
        Assert.Null(SustainedDecline.Detect(Regions.Kri, series, 2019));
        // 5 -> 4 is a one-year fall, and 5 M is not the peak of the series.
        Assert.Null(SustainedDecline.Detect(Regions.Kri, series, 2020));
    }

    [Fact]
    public void A_fall_from_a_high_below_an_earlier_peak_is_not_stated()
    {
        // 2018-2020 fall for two years from 9 M, but the series' peak is 20 M in 2016.
        var series = Series(2016, 20_000_000m, 2_000_000m, 9_000_000m, 5_000_000m, 1_000_000m);
        Assert.Null(SustainedDecline.Detect(Regions.South, series, 2020));
    }

    [Fact]
    public void A_fall_that_began_before_the_selected_year_is_stated_with_the_later_figures()
    {
        decimal[] usd = [40_000_000m, 30_000_000m, 22_500_000m, 10_000_000m, 400_000m];
        var series = Series(2016, usd);
        for (var year = 2018; year <= 2020; year++)
        {
            var fall = Enumerable.Range(2017, year - 2016).Select(y => (y, usd[y - 2016])).ToArray();
            var finding = Assert.IsType<Finding>(SustainedDecline.Find(Regions1(Regions.NorthCentre, series), year));
            Assert.Equal(Expected(Regions.NorthCentre, 2016, usd[0], fall), finding.Text);
        }
        // 2020: 4 years running, (0.4 - 40) / 40 = -99.0 %.
        var last = SustainedDecline.Find(Regions1(Regions.NorthCentre, series), 2020)!.Text;
        Assert.StartsWith("North/Centre funding has fallen for 4 years running from its peak of USD 40.0 M in 2016: ", last);
        Assert.EndsWith("USD 400 K in 2020 (-99.0% from the peak).", last);
    }

    [Fact]
    public void Years_after_the_selected_year_are_ignored()
    {
        var series = Series(2016, 15_000_000m, 7_000_000m, 3_000_000m, 16_000_000m);
        var decline = SustainedDecline.Detect(Regions.Kri, series, 2018);
        Assert.NotNull(decline);
        Assert.Equal(2018, decline.Year);
        Assert.Equal(3_000_000m, decline.FundingUsd);
    }

    [Fact]
    public void A_region_with_no_funding_is_ignored_and_a_missing_year_has_no_funding()
    {
        Assert.Null(SustainedDecline.Find(Regions1(Regions.Baghdad, Series(2016, 0m, 0m, 0m)), 2018));
        Assert.Null(SustainedDecline.Find(Regions1(Regions.Baghdad, new Dictionary<int, decimal>()), 2018));

        // 2018 is missing: no funding that year, so 2016-2018 is a fall to zero (-100 %) ...
        var gap = new Dictionary<int, decimal> { [2016] = 8_000_000m, [2017] = 2_000_000m };
        var finding = Assert.IsType<Finding>(SustainedDecline.Find(Regions1(Regions.Baghdad, gap), 2018));
        Assert.Equal(Expected(Regions.Baghdad, 2016, 8_000_000m, (2017, 2_000_000m), (2018, 0m)), finding.Text);
        Assert.Contains("-100.0% from the peak", finding.Text);

        // ... and a missing year in the middle cannot be a peak: 2017 counts as 0, lower than 2016.
        var hole = new Dictionary<int, decimal> { [2016] = 1_000_000m, [2018] = 6_000_000m, [2019] = 5_000_000m };
        Assert.Null(SustainedDecline.Detect(Regions.Baghdad, hole, 2019));
    }

    [Fact]
    public void Several_regions_are_stated_in_one_finding_steepest_fall_first()
    {
        var series = new Dictionary<string, IReadOnlyDictionary<int, decimal>>
        {
            [Regions.NorthCentre] = Series(2016, 70_000_000m, 69_000_000m, 30_000_000m), // -57.1 %
            [Regions.Kri] = Series(2016, 15_000_000m, 7_000_000m, 3_000_000m),           // -80.0 %
            [Regions.South] = Series(2016, 1_000_000m, 2_000_000m, 3_000_000m),         // rising
        };
        var finding = Assert.IsType<Finding>(SustainedDecline.Find(series, 2018));
        Assert.Equal([Regions.Kri, Regions.NorthCentre], finding.AreaKeys);
        // One finding, one sentence per region, so declining regions take one place under the cap.
        Assert.Equal(
            Expected(Regions.Kri, 2016, 15_000_000m, (2017, 7_000_000m), (2018, 3_000_000m)) + " "
            + Expected(Regions.NorthCentre, 2016, 70_000_000m, (2017, 69_000_000m), (2018, 30_000_000m)),
            finding.Text);
    }

    [Fact]
    public void RegionSeries_reads_each_tables_region_funding()
    {
        var tables = new[] { 2017, 2016, 2018 }.Select(y => Table(y, 1_000_000m * y)).ToList();
        var series = SustainedDecline.RegionSeries(tables);
        Assert.Equal(Regions.All.Order(StringComparer.Ordinal), series.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2_016_000_000m, series[Regions.Kri][2016]);
        Assert.Equal(2_018_000_000m, series[Regions.Kri][2018]);
        Assert.Equal(10_000_000m, series[Regions.South][2018]);
        Assert.Throws<ArgumentException>(() => SustainedDecline.RegionSeries([Table(2016, 1m), Table(2016, 2m)]));
    }

    // --- through FindingsWriter --------------------------------------------------------------

    private static EquityTable Table(int year, decimal kriUsd, decimal otherUsd = 10_000_000m, string? cluster = null) => new()
    {
        Scope = new EquityScope(year, cluster),
        TotalFundingUsd = kriUsd + otherUsd,
        Governorates = [],
        Regions = Regions.All.Select(r => new AreaFigures
        {
            Key = r, Name = r, Region = r, FundingUsd = r == Regions.Kri ? kriUsd : otherUsd,
        }).ToList(),
        Thresholds = new EquityThresholds(),
    };

    [Fact]
    public void FindingsWriter_states_the_decline_after_the_one_year_finding_when_given_earlier_years()
    {
        var earlier = new[] { Table(2016, 15_000_000m), Table(2017, 6_000_000m) };
        var plain = Table(2018, 3_000_000m);
        // KRI also carries the one-year flag (6 M -> 3 M, -50 %), as the calculator would set it.
        var table = plain with
        {
            Regions = plain.Regions.Select(r => r.Key != Regions.Kri ? r : r with
            {
                PreviousFundingUsd = 6_000_000m, YoyChange = -0.5, Flags = [new Flag(FlagCodes.FundingFalling, "down 50 %")],
            }).ToList(),
        };

        Assert.DoesNotContain(FindingsWriter.Write(table), f => f.Text.Contains("years running", StringComparison.Ordinal));

        var findings = FindingsWriter.Write(table, null, earlier);
        var decline = Assert.Single(findings, f => f.Text.Contains("years running", StringComparison.Ordinal));
        Assert.Equal(Expected(Regions.Kri, 2016, 15_000_000m, (2017, 6_000_000m), (2018, 3_000_000m)), decline.Text);
        Assert.Equal(findings.Count, FindingsWriter.Write(table).Count + 1);
        var oneYear = Assert.Single(findings, f => f.Text.StartsWith("Funding fell by more than", StringComparison.Ordinal));
        Assert.Equal(findings.ToList().IndexOf(oneYear) + 1, findings.ToList().IndexOf(decline));
        Assert.True(findings.Count <= FindingsWriter.MaxFindings);
    }

    [Fact]
    public void FindingsWriter_refuses_earlier_years_of_another_scope_or_a_later_year()
    {
        var table = Table(2018, 3_000_000m);
        Assert.Throws<ArgumentException>(() => FindingsWriter.Write(table, null, [Table(2017, 1m, cluster: "Health")]));
        Assert.Throws<ArgumentException>(() => FindingsWriter.Write(table, null, [Table(2019, 1m)]));
        Assert.Throws<ArgumentException>(() => FindingsWriter.Write(table, null, [Table(2018, 1m)]));
    }
}
