using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Export.Briefing;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests.Briefing;

/// <summary>
/// Every filter combination of the demo data, written and reopened: years with data x (no
/// cluster, each cluster) x both baselines, each region, each donor. The combinations are read
/// from the seed files themselves; a separate test checks they are the seeded database's.
/// </summary>
public sealed class BriefingRoundTripTests(SeededDatabaseFixture fixture) : IClassFixture<SeededDatabaseFixture>
{
    private sealed record ManifestEntry(string File, string Kind);

    /// <summary>Years, clusters and donors of the seed files (read without the importer).</summary>
    private static (List<int> Years, List<string> Clusters, List<string> Donors) SeedScopes()
    {
        var manifest = JsonSerializer.Deserialize<List<ManifestEntry>>(
            File.ReadAllText(Path.Combine(TestSupport.SeedFolder, "manifest.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var years = new SortedSet<int>();
        var clusters = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var donors = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in manifest)
        {
            var kind = entry.Kind.ToLowerInvariant();
            if (kind == "incidents") continue; // incidents alone do not make a year with data
            foreach (var row in TestSupport.ReadCsv(Path.Combine(TestSupport.SeedFolder, entry.File)))
            {
                years.Add(row["year"].Length > 0
                    ? int.Parse(row["year"], CultureInfo.InvariantCulture)
                    : DateOnly.ParseExact(row["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture).Year);
                if (kind is "need" or "funding" && row["cluster"].Length > 0 && !row["cluster"].Equals("Intersectoral", StringComparison.OrdinalIgnoreCase))
                    clusters.Add(row["cluster"]);
                if (kind == "funding") donors.Add(row["donor"]);
            }
        }
        return (years.ToList(), clusters.ToList(), donors.ToList());
    }

    public static TheoryData<int, string?, string?, string?, Baseline> Combinations()
    {
        var (years, clusters, donors) = SeedScopes();
        var data = new TheoryData<int, string?, string?, string?, Baseline>();
        foreach (var year in years)
            foreach (var cluster in clusters.Prepend(null))
                foreach (var baseline in new[] { Baseline.Pin, Baseline.Population })
                    data.Add(year, cluster, null, null, baseline);
        foreach (var region in Regions.All) data.Add(2019, null, null, region, Baseline.Pin);
        foreach (var donor in donors) data.Add(2019, null, donor, null, Baseline.Pin);
        data.Add(2020, clusters[0], donors[0], Regions.South, Baseline.Population);
        return data;
    }

    [Fact]
    public async Task The_combinations_are_the_seeded_databases()
    {
        var (years, clusters, donors) = SeedScopes();
        Assert.Equal(await fixture.Db.Equity.YearsAsync(), years);
        Assert.Equal((await fixture.Db.Equity.ClustersAsync()).Order(StringComparer.OrdinalIgnoreCase), clusters);
        Assert.Equal((await fixture.Db.Equity.DonorsAsync()).Order(StringComparer.OrdinalIgnoreCase), donors);
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Workbook_round_trips(int year, string? cluster, string? donor, string? region, Baseline baseline)
    {
        var scope = new EquityScope(year, cluster, donor, region, baseline);
        var table = await fixture.Db.Equity.GetTableAsync(scope);
        var other = await fixture.Db.Equity.GetTableAsync(scope with { Baseline = baseline == Baseline.Pin ? Baseline.Population : Baseline.Pin });
        using var wb = await WorkbookReader.NationalAsync(fixture.Db, scope);

        Assert.Equal(BriefingSheets.National, wb.SheetNames());
        Assert.Equal($"Iraq funding and need briefing: {scope.Describe()}", wb.Properties.Title);

        // Gap table: headers, the engine's figures, the totals row's formulas and what they compute.
        var ws = wb.Worksheet("Governorates");
        var need = baseline == Baseline.Pin ? "People in need" : "Population";
        Assert.Equal(["P-code", "Governorate", "Region", need, "Funding (USD)"], ws.RowTexts(4)[..5]);
        Assert.Equal(baseline == Baseline.Pin ? "USD per person in need" : "USD per resident", ws.Cell(4, 9).GetString());
        var last = 4 + table.Governorates.Count;
        foreach (var (g, i) in table.Governorates.Select((g, i) => (g, i)))
        {
            var row = 5 + i;
            Assert.Equal(g.Key, ws.Cell(row, 1).GetString());
            WorkbookReader.Figure(g.Need, ws.Cell(row, 4), $"{g.Key} need");
            WorkbookReader.Money(g.FundingUsd, ws.Cell(row, 5));
            if (g.EquityRatio is null) Assert.Equal("no recorded need", ws.Cell(row, 8).GetString());
            else WorkbookReader.Figure(g.EquityRatio, ws.Cell(row, 8), $"{g.Key} ratio");
            WorkbookReader.Figure(g.GapToParityUsd, ws.Cell(row, 10), $"{g.Key} gap");
        }
        var totals = last + 1;
        Assert.Equal($"SUM(E5:E{last})", ws.Cell(totals, 5).FormulaA1);
        Assert.Equal($"IF(D{totals}>0,E{totals}/D{totals},\"\")", ws.Cell(totals, 9).FormulaA1);
        var listedNeed = table.Governorates.Sum(g => g.Need ?? 0);
        var listedFunding = table.Governorates.Sum(g => g.FundingUsd);
        Assert.Equal((double)listedFunding, ws.Cell(totals, 5).GetValue<double>(), 2);
        if (listedNeed > 0) Assert.Equal((double)listedFunding / listedNeed, ws.Cell(totals, 9).GetValue<double>(), 9);
        else Assert.Equal(string.Empty, ws.Cell(totals, 9).GetString());
        if (region is null && table.UsdPerPin is { } u) Assert.Equal(u, ws.Cell(totals, 9).GetValue<double>(), 9);

        // The findings on the Brief sheet are the generator's, in order.
        var brief = wb.Worksheet("Brief");
        // Earlier years (first year with data to the year before) feed the sustained-decline finding.
        var years = await fixture.Db.Equity.YearsAsync();
        var earlier = years[0] < year ? await fixture.Db.Equity.GetYearTablesAsync(scope, years[0], year - 1) : [];
        // Each says when it rests on illustrative data (the demo data's invented batches).
        var findings = Provenance.Mark(FindingsWriter.Write(table, other, earlier), table);
        var first = brief.FindRow(1, "Key findings") + 1;
        Assert.Equal(findings.Select(f => f.FullText), Enumerable.Range(first, findings.Count).Select(r => brief.Cell(r, 2).GetString()));
        WorkbookReader.Money(table.TotalFundingUsd, brief.Cell(brief.FindRow(1, "Total funding (allocated)"), 2));

        // The cluster sheet's total is the breakdown's.
        var clusters = await fixture.Db.Services.GetRequiredService<Queries.BreakdownService>().ClustersAsync(scope);
        var cl = wb.Worksheet("Clusters");
        if (clusters.Count == 0) Assert.StartsWith("No cluster need, funding or presence", cl.Cell(6, 1).GetString());
        else Assert.Equal((double)clusters.Sum(c => c.FundingUsd), cl.Cell(cl.FindRow(1, "Total funding"), 3).GetValue<double>(), 2);
    }
}
