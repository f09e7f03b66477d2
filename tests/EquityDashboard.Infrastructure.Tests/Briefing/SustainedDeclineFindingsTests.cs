using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Export.Briefing;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests.Briefing;

/// <summary>A database with only the Iraq Humanitarian Fund seed imported.</summary>
public sealed class IhfOnlyDatabaseFixture : IAsyncLifetime
{
    internal TestDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        var report = await Db.ImportAsync(Path.Combine(TestSupport.SeedFolder, SustainedDeclineFindingsTests.SeedFile), RecordKind.Funding);
        Assert.True(report.Committed, $"{report.RefusedReason} {string.Join(" | ", report.Errors)}");
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}

/// <summary>
/// The sustained-decline finding on the real pooled-fund data: the KRI series is summed here from the
/// seed CSV (Duhok, Erbil and Al-Sulaymaniyah, as governorates.csv places them), not read back from the app.
/// </summary>
public sealed class SustainedDeclineFindingsTests(IhfOnlyDatabaseFixture fixture) : IClassFixture<IhfOnlyDatabaseFixture>
{
    internal const string SeedFile = "funding-ihf-2015-2022.csv";

    private FindingsService Service => fixture.Db.Services.GetRequiredService<FindingsService>();

    /// <summary>Funding per year of a region's governorates, from the seed files.</summary>
    private static SortedDictionary<int, decimal> SeedSeries(string region)
    {
        var members = TestSupport.ReadCsv(Path.Combine(TestSupport.SeedFolder, "governorates.csv"))
            .Where(g => g["region"] == region).Select(g => g["name"]).ToHashSet(StringComparer.Ordinal);
        var series = new SortedDictionary<int, decimal>();
        foreach (var row in TestSupport.ReadCsv(Path.Combine(TestSupport.SeedFolder, SeedFile)))
        {
            var year = int.Parse(row["year"], CultureInfo.InvariantCulture);
            var amount = members.Contains(row["governorate"]) ? decimal.Parse(row["amount_usd"], CultureInfo.InvariantCulture) : 0m;
            series[year] = series.GetValueOrDefault(year) + amount;
        }
        return series;
    }

    private static string Expected(string region, SortedDictionary<int, decimal> s, int peakYear, int year)
    {
        var fall = Enumerable.Range(peakYear + 1, year - peakYear).Select(y => $"{Money.Short(s[y])} in {y}");
        var change = (double)((s[year] - s[peakYear]) / s[peakYear]);
        return $"{region} funding has fallen for {year - peakYear} years running from its peak of {Money.Short(s[peakYear])} in {peakYear}: "
            + $"{string.Join(", ", fall)} ({Money.Percent(change)} from the peak).";
    }

    /// <summary>The sustained-decline finding (one for all regions), if any.</summary>
    private static Finding? Decline(IReadOnlyList<Finding> findings) =>
        findings.SingleOrDefault(f => f.Topic == FindingTopic.FundingFalling && f.Text.Contains(" years running from its peak", StringComparison.Ordinal));

    [Fact]
    public async Task The_kri_decline_from_2016_is_stated_in_2018_with_the_seed_figures()
    {
        var kri = SeedSeries(Regions.Kri);
        // The seed's shape this test relies on: 2016 is the highest so far, then two lower years each.
        Assert.True(kri[2016] > kri[2015] && kri[2017] < kri[2016] && kri[2018] < kri[2017]);

        var (table, findings) = await Service.GetAsync(new EquityScope(2018), CancellationToken.None);
        Assert.Equal(kri[2018], table.Region(Regions.Kri).FundingUsd);
        // North/Centre fell for two years from 2016 too, less steeply: its sentence comes second.
        var nc = SeedSeries(Regions.NorthCentre);
        Assert.True(nc[2016] > nc[2015] && nc[2017] < nc[2016] && nc[2018] < nc[2017]);
        Assert.True((kri[2018] - kri[2016]) / kri[2016] < (nc[2018] - nc[2016]) / nc[2016]);

        var finding = Assert.IsType<Finding>(Decline(findings));
        Assert.Equal(Expected(Regions.Kri, kri, 2016, 2018) + " " + Expected(Regions.NorthCentre, nc, 2016, 2018), finding.Text);
        Assert.Equal([Regions.Kri, Regions.NorthCentre], finding.AreaKeys);
        Assert.StartsWith("KRI funding has fallen for 2 years running from its peak of USD 15.2 M in 2016: USD 6.7 M in 2017, ", finding.Text);
        Assert.InRange(findings.Count, 1, FindingsWriter.MaxFindings);

        // It follows the one-year finding (KRI also fell by more than 25 % from 2017 to 2018).
        var oneYear = findings.ToList().FindIndex(f => f.Text.StartsWith("Funding fell by more than", StringComparison.Ordinal));
        Assert.True(oneYear >= 0 && oneYear < findings.ToList().IndexOf(finding));
    }

    [Fact]
    public async Task The_2019_rise_above_the_2016_peak_ends_it_and_the_fall_from_2019_is_stated_from_its_second_year()
    {
        var kri = SeedSeries(Regions.Kri);
        Assert.True(kri[2019] > kri[2016], "the seed has KRI above its 2016 peak in 2019");
        Assert.True(kri[2020] < kri[2019] && kri[2021] < kri[2020] && kri[2022] < kri[2021]);

        var stated = new List<int>();
        foreach (var year in kri.Keys)
        {
            var (_, findings) = await Service.GetAsync(new EquityScope(year), CancellationToken.None);
            if (Decline(findings) is not { } finding || !finding.AreaKeys.Contains(Regions.Kri)) continue;
            stated.Add(year);
            var peakYear = year <= 2018 ? 2016 : 2019;
            Assert.Contains(Expected(Regions.Kri, kri, peakYear, year), finding.Text);
        }
        Assert.Equal([2018, 2021, 2022], stated);
    }

    [Fact]
    public async Task With_the_region_filter_only_that_region_is_followed()
    {
        var kri = SeedSeries(Regions.Kri);
        var (_, kriOnly) = await Service.GetAsync(new EquityScope(2018, Region: Regions.Kri), CancellationToken.None);
        var finding = Assert.IsType<Finding>(Decline(kriOnly));
        Assert.Equal(Expected(Regions.Kri, kri, 2016, 2018), finding.Text);
        Assert.Equal([Regions.Kri], finding.AreaKeys);

        var (_, south) = await Service.GetAsync(new EquityScope(2018, Region: Regions.South), CancellationToken.None);
        Assert.Null(Decline(south));
    }

    [Fact]
    public async Task The_governorate_briefing_of_erbil_carries_its_regions_decline()
    {
        var kri = SeedSeries(Regions.Kri);
        var briefing = fixture.Db.Services.GetRequiredService<BriefingService>();
        var content = await briefing.LoadGovernorateAsync("Erbil", new EquityScope(2018), CancellationToken.None);
        Assert.Contains(Expected(Regions.Kri, kri, 2016, 2018), Assert.IsType<Finding>(Decline(content.Findings)).Text);
    }
}
