using System.Globalization;
using System.Text.Json;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>One demo database for the read-only seeded tests.</summary>
public sealed class SeededDatabaseFixture : IAsyncLifetime
{
    internal TestDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync() => Db = await TestDatabase.CreateAsync(seed: true);

    public async Task DisposeAsync() => await Db.DisposeAsync();
}

/// <summary>The demo data of seeds/manifest.json, checked against the seed files read independently.</summary>
public sealed class SeededDatabaseTests(SeededDatabaseFixture fixture) : IClassFixture<SeededDatabaseFixture>
{
    private sealed record ManifestEntry(string File, string Kind, string Source, bool Illustrative);

    private static List<ManifestEntry> Manifest() =>
        JsonSerializer.Deserialize<List<ManifestEntry>>(File.ReadAllText(Path.Combine(TestSupport.SeedFolder, "manifest.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static List<Dictionary<string, string>> Seed(string file) => TestSupport.ReadCsv(Path.Combine(TestSupport.SeedFolder, file));

    private static readonly string[] CountryNames = ["iraq", "irq", "العراق"];

    /// <summary>Counted funding rows of a year, read from both seed funding files (not through the importer).</summary>
    private static List<(decimal Amount, bool Allocated)> CountedFunding(int year)
    {
        var result = new List<(decimal, bool)>();
        foreach (var entry in Manifest().Where(e => e.Kind.Equals("funding", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var r in Seed(entry.File))
            {
                var rowYear = r["year"].Length > 0
                    ? int.Parse(r["year"], CultureInfo.InvariantCulture)
                    : DateOnly.ParseExact(r["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture).Year;
                var status = r["status"].ToLowerInvariant();
                var boundary = r["boundary"].ToLowerInvariant();
                if (rowYear != year || status == "pledge" || boundary is not ("" or "incoming")) continue;
                var location = r["governorate"];
                var allocated = location.Length > 0 && !location.Contains(';') && !location.Contains('|')
                    && !CountryNames.Contains(location.ToLowerInvariant());
                result.Add((decimal.Parse(r["amount_usd"].Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture), allocated));
            }
        }
        return result;
    }

    [Fact]
    public async Task Every_manifest_file_is_loaded_as_one_batch_with_its_rows_and_illustrative_label()
    {
        var manifest = Manifest();
        var batches = await fixture.Db.BatchStore.ListAsync();
        Assert.Equal(manifest.Count, batches.Count);
        foreach (var entry in manifest)
        {
            var batch = Assert.Single(batches, b => b.FileName == entry.File);
            Assert.Equal(Enum.Parse<RecordKind>(entry.Kind, ignoreCase: true), batch.Kind);
            Assert.Equal(entry.Source, batch.SourceName);
            var dataRows = Seed(entry.File).Count;
            // Every data row is read; presence rows repeating an earlier row after name
            // normalisation are counted as skipped duplicates, everything else is written.
            Assert.True(dataRows == batch.RowsRead, $"{entry.File}: {dataRows} data rows, {batch.RowsRead} read");
            if (batch.Kind == RecordKind.Presence)
                Assert.True(batch.RowsWritten <= dataRows && batch.RowsWritten + batch.RowsSkipped == dataRows,
                    $"{entry.File}: {batch.RowsWritten} written + {batch.RowsSkipped} skipped != {dataRows}");
            else
                Assert.True(dataRows == batch.RowsWritten, $"{entry.File}: {dataRows} data rows, {batch.RowsWritten} written");
            // "Illustrative" sources are illustrative; real ones are not; and the manifest agrees.
            var illustrativeSource = entry.Source.Contains("Illustrative", StringComparison.OrdinalIgnoreCase);
            Assert.True(illustrativeSource == batch.IsIllustrative, $"{entry.File}: IsIllustrative {batch.IsIllustrative}");
            Assert.True(entry.Illustrative == batch.IsIllustrative, $"{entry.File}: manifest says illustrative={entry.Illustrative}");
        }
        Assert.Contains(batches, b => b.IsIllustrative);
        Assert.Contains(batches, b => !b.IsIllustrative);
    }

    [Fact]
    public async Task Total_need_2019_is_the_sum_of_the_HRP_file()
    {
        var expected = Seed("need-2019-hrp.csv")
            .Where(r => r["year"] == "2019" && r["cluster"].Length == 0)
            .Sum(r => long.Parse(r["people_in_need"], CultureInfo.InvariantCulture));
        Assert.True(expected > 0);
        var table = await fixture.Db.TableAsync(2019);
        Assert.Equal(expected, table.TotalNeed);
        // Each governorate's need is its HRP figure (the illustrative cluster rows never replace it).
        var resolver = new NameResolver(Data.GazetteerSource.Default);
        foreach (var r in Seed("need-2019-hrp.csv"))
            Assert.Equal(long.Parse(r["people_in_need"], CultureInfo.InvariantCulture), table.Gov(resolver.Resolve(r["governorate"]).Pcode!).Need);
    }

    [Fact]
    public async Task Total_funding_2019_is_the_sum_of_counted_single_governorate_rows()
    {
        var rows = CountedFunding(2019);
        var allocated = rows.Where(r => r.Allocated).Sum(r => r.Amount);
        var unallocated = rows.Where(r => !r.Allocated).Sum(r => r.Amount);
        Assert.True(allocated > 0);
        var table = await fixture.Db.TableAsync(2019);
        // Amounts are summed as REAL in SQLite: equal to the cent.
        Assert.True(Math.Abs(allocated - table.TotalFundingUsd) < 0.01m, $"expected {allocated}, got {table.TotalFundingUsd}");
        Assert.True(Math.Abs(unallocated - table.UnallocatedUsd) < 0.01m, $"expected unallocated {unallocated}, got {table.UnallocatedUsd}");
    }

    [Fact]
    public async Task South_is_under_served_in_2019()
    {
        var table = await fixture.Db.TableAsync(2019);
        var south = table.Region(Regions.South);
        Assert.True(south.EquityRatio < 0.5, $"South ratio {south.EquityRatio}");
        Assert.Contains(FlagCodes.UnderServed, south.FlagCodes());
        Assert.False(string.IsNullOrWhiteSpace(south.Flags.Single(f => f.Code == FlagCodes.UnderServed).Reason));
    }

    [Fact]
    public async Task Initializing_again_does_not_seed_twice()
    {
        var before = await fixture.Db.CountsAsync();
        var table = await fixture.Db.TableAsync(2019);
        await fixture.Db.Initializer.InitializeAsync(seedDemoData: true);
        Assert.Equal(before, await fixture.Db.CountsAsync());
        Assert.Equal(table.TotalNeed, (await fixture.Db.TableAsync(2019)).TotalNeed);
        await using var ctx = fixture.Db.NewContext();
        Assert.Equal(GazetteerSource.Default.All.Count + GazetteerSource.Default.Districts.Count, await ctx.Areas.CountAsync());
    }
}
