using System.Globalization;
using System.Text.Json;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Export;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Infrastructure.Tests.Briefing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests.Overlap;

/// <summary>"Real figures only" on the seeded demo database: every batch the manifest marks illustrative is left out.</summary>
public sealed class RealFiguresOnlyTests(SeededDatabaseFixture fixture) : IClassFixture<SeededDatabaseFixture>
{
    private TestDatabase Db => fixture.Db;

    private sealed record ManifestEntry(string File, string Kind, string Source, bool Illustrative);

    private static List<ManifestEntry> Manifest() =>
        JsonSerializer.Deserialize<List<ManifestEntry>>(File.ReadAllText(Path.Combine(TestSupport.SeedFolder, "manifest.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    /// <summary>Counted funding of a year summed from the real (not illustrative) seed files, read independently.</summary>
    private static decimal RealFunding(int year) => Manifest()
        .Where(e => e.Kind == "funding" && !e.Illustrative)
        .SelectMany(e => TestSupport.ReadCsv(Path.Combine(TestSupport.SeedFolder, e.File)))
        .Where(r => r["year"] == year.ToString(CultureInfo.InvariantCulture) && r["status"] != "pledge" && r["boundary"] is "" or "incoming")
        .Sum(r => decimal.Parse(r["amount_usd"], CultureInfo.InvariantCulture));

    [Fact]
    public async Task Batches_carry_the_manifests_illustrative_flag()
    {
        await using var ctx = Db.NewContext();
        var stored = await ctx.Batches.Select(b => new { b.SourceName, b.IsIllustrative }).ToListAsync();
        foreach (var entry in Manifest())
            Assert.Equal(entry.Illustrative, stored.Single(b => b.SourceName == entry.Source).IsIllustrative);
    }

    [Theory]
    [InlineData(2017)]
    [InlineData(2019)]
    [InlineData(2020)]
    public async Task Real_figures_only_leaves_out_every_illustrative_batch(int year)
    {
        var all = await Db.Equity.GetTableAsync(new EquityScope(year));
        var real = await Db.Equity.GetTableAsync(new EquityScope(year, RealOnly: true));

        Assert.Equal(RealFunding(year), Math.Round(real.TotalFundingUsd + real.UnallocatedUsd, 2));
        Assert.True(all.TotalFundingUsd > real.TotalFundingUsd, "the illustrative bilateral batch adds funding in the default view");
        // No real 3W before 2022 and no real incidents: presence and incidents are not loaded in a real-only view.
        Assert.False(real.PresenceLoaded);
        Assert.False(real.IncidentDataLoaded);
        Assert.True(all.PresenceLoaded);
        // The real people in need stay.
        Assert.Equal(all.TotalNeed, real.TotalNeed);
    }

    [Fact]
    public async Task Sources_and_workbook_of_a_real_only_view_name_no_illustrative_batch()
    {
        var sources = await Db.Equity.SourcesForYearAsync(2019, realOnly: true);
        Assert.NotEmpty(sources);
        Assert.DoesNotContain(sources, b => b.IsIllustrative);
        Assert.Contains(await Db.Equity.SourcesForYearAsync(2019), b => b.IsIllustrative);

        var scope = new EquityScope(2019, RealOnly: true);
        using var wb = await WorkbookReader.NationalAsync(Db, scope);
        Assert.Contains("real figures only", wb.Worksheet("Brief").Cell(2, 2).GetString(), StringComparison.Ordinal);
        var sourceSheet = wb.Worksheet("Sources");
        Assert.DoesNotContain(sourceSheet.RangeUsed()!.CellsUsed(), c => c.GetString().StartsWith("ILLUSTRATIVE", StringComparison.Ordinal));
        Assert.EndsWith("-real.xlsx", Export.Briefing.BriefingService.FileName(scope), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_and_breakdowns_follow_the_switch()
    {
        var realTrends = await Db.Equity.GetTrendsAsync(2017, 2020, realOnly: true);
        foreach (var year in new[] { 2017, 2018, 2019, 2020 })
        {
            var table = await Db.Equity.GetTableAsync(new EquityScope(year, RealOnly: true));
            Assert.Equal(table.TotalFundingUsd, realTrends.Where(t => t.Year == year).Sum(t => t.FundingUsd));
        }
        var breakdown = Db.Services.GetRequiredService<BreakdownService>();
        var donors = await breakdown.DonorFlowsAsync(new EquityScope(2019, RealOnly: true));
        Assert.All(donors, d => Assert.Contains("Humanitarian Fund", d.Donor, StringComparison.Ordinal));
        var json = GapsDocument.From(await Db.Equity.GetTableAsync(new EquityScope(2019, RealOnly: true))).ToJson();
        Assert.Contains("\"data\": \"real\"", json, StringComparison.Ordinal);
    }
}
