using System.Globalization;
using System.Text.Json;
using EquityDashboard.Core.Records;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;
using EquityDashboard.Infrastructure.Tests.Formats;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// Funding whose location cell names several governorates, in every format: counted as
/// unallocated (never split), its P-codes kept in NamedPcodes, summarised in the report.
/// </summary>
public sealed class MultiGovernorateImportTests
{
    private const string Duhok = "IQG09", Erbil = "IQG11", Sulaymaniyah = "IQG06", Baghdad = "IQG08", Anbar = "IQG01", Ninewa = "IQG15";

    /// <summary>(source id, location cell, amount, expected governorate, expected named P-codes).</summary>
    private static readonly (string Id, string Cell, decimal Usd, string? Pcode, string[]? Named)[] Rows =
    [
        ("M1", "Duhok, Erbil, As Sulaymaniyah", 1_000_000m, null, [Duhok, Erbil, Sulaymaniyah]),
        ("M2", "Baghdad  , Al-Anbar", 200_000m, null, [Baghdad, Anbar]),
        ("M3", "IQG09, Arbil", 50_000m, null, [Duhok, Erbil]),
        ("M4", "Iraq; Erbil", 10_000m, null, [Erbil]),
        ("M5", "Erbil and دهوك", 7_000m, null, [Duhok, Erbil]),
        ("A1", "Erbil", 300_000m, Erbil, null),
        ("A2", "Ninewa،نينوى", 5_000m, Ninewa, null), // the same governorate twice: allocated to it
        ("C1", "Iraq", 40_000m, null, null),
    ];

    private static string Csv(string value) => value.Contains(',') ? $"\"{value}\"" : value;

    private static string[] TemplateLines() =>
    [
        "year,donor,governorate,amount_usd,source_id",
        .. Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"2019,Donor X,{Csv(r.Cell)},{r.Usd},{r.Id}")),
    ];

    private static string[] HxlLines() =>
    [
        "Donor,Location,Amount,Year,Ref",
        "#org+funder,#adm1+name,#value+usd,#date+year,#activity+id",
        .. Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"Donor X,{Csv(r.Cell)},{r.Usd},2019,{r.Id}")),
    ];

    [Theory]
    [InlineData("template")]
    [InlineData("HXL")]
    public async Task Several_governorates_are_unallocated_with_their_pcodes_kept(string format)
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv($"multi-{format}.csv", format == "HXL" ? HxlLines() : TemplateLines());
        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        Assert.True(report.Committed, string.Join(" | ", report.Issues));
        Assert.Equal(format, report.Format);
        Assert.Equal(RecordKind.Funding, report.Kind);
        Assert.Equal(Rows.Length, report.RowsWritten);

        await using (var ctx = db.NewContext())
        {
            var stored = await ctx.Funding.AsNoTracking().ToDictionaryAsync(f => f.SourceId!);
            foreach (var r in Rows)
            {
                Assert.True(r.Pcode == stored[r.Id].GovernoratePcode, $"{r.Cell}: governorate {stored[r.Id].GovernoratePcode}");
                Assert.Equal(r.Named is null ? null : string.Join(';', r.Named.Order(StringComparer.Ordinal)), stored[r.Id].NamedPcodes);
                Assert.Equal(r.Cell.Trim(), stored[r.Id].Locations);
            }
        }

        // The totals still add up: allocated + unallocated = every flow, none split.
        var table = await db.TableAsync(2019);
        Assert.Equal(Rows.Where(r => r.Pcode is null).Sum(r => r.Usd), table.UnallocatedUsd);
        Assert.Equal(Rows.Where(r => r.Pcode is not null).Sum(r => r.Usd), table.TotalFundingUsd);
        Assert.Equal(Rows.Sum(r => r.Usd), table.UnallocatedUsd + table.TotalFundingUsd);
        foreach (var g in table.Governorates)
            Assert.Equal(Rows.Where(r => r.Pcode == g.Key).Sum(r => r.Usd), g.FundingUsd);

        AssertSummary(report, Rows.Where(r => r.Named is not null).Select(r => (r.Usd, r.Named!)).ToList());

        // The summary is kept with the batch.
        await using var check = db.NewContext();
        var json = (await check.Batches.AsNoTracking().SingleAsync()).ReportJson!;
        using var doc = JsonDocument.Parse(json);
        var multi = doc.RootElement.GetProperty("MultiGovernorate");
        Assert.Equal(report.MultiGovernorate!.TotalUsd, multi.GetProperty("TotalUsd").GetDecimal());
        Assert.Equal(report.MultiGovernorate.Governorates.Count, multi.GetProperty("Governorates").GetArrayLength());
    }

    [Fact]
    public async Task A_governorate_is_also_named_only_by_flows_naming_its_whole_code()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("multi.csv", TemplateLines())));
        Assert.True(report.Committed, string.Join(" | ", report.Issues));
        var breakdown = db.Services.GetRequiredService<BreakdownService>();
        var scope = new EquityScope(2019);
        // M1 and M3 name Duhok; M1, M3, M4 and M5 name Erbil.
        Assert.Equal(new AlsoNamedFunding(1_057_000m, 3), await breakdown.AlsoNamedAsync(Duhok, scope));
        Assert.Equal(new AlsoNamedFunding(1_067_000m, 4), await breakdown.AlsoNamedAsync(Erbil, scope));

        // A flow naming a district of Duhok (a code that starts with Duhok's) does not name Duhok itself.
        await using (var ctx = db.NewContext())
        {
            // An update by statement: on PostgreSQL the flows have no key for EF to track them by.
            Assert.Equal(1, await ctx.Funding.Where(f => f.SourceId == "M3")
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.NamedPcodes, $"{Duhok}Q01;{Erbil}")));
        }
        Assert.Equal(new AlsoNamedFunding(1_007_000m, 2), await breakdown.AlsoNamedAsync(Duhok, scope));
        Assert.Equal(new AlsoNamedFunding(1_067_000m, 4), await breakdown.AlsoNamedAsync(Erbil, scope));
    }

    /// <summary>The report's summary against one worked out from the rows: per governorate named, the rows naming it.</summary>
    private static void AssertSummary(ImportReport report, List<(decimal Usd, string[] Named)> multi)
    {
        var summary = report.MultiGovernorate;
        Assert.NotNull(summary);
        Assert.Equal(multi.Sum(m => m.Usd), summary.TotalUsd);
        Assert.Equal(multi.Count, summary.Rows);
        var expected = multi.SelectMany(m => m.Named.Select(p => (Pcode: p, m.Usd)))
            .GroupBy(x => x.Pcode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(x => x.Usd), g.Count())).ToList();
        Assert.Equal(expected, summary.Governorates.Select(g => (g.Pcode, g.Usd, g.Rows)).ToList());
        Assert.All(summary.Governorates, g => Assert.False(string.IsNullOrEmpty(g.Name)));
    }

    [Fact]
    public async Task A_file_without_multi_governorate_funding_has_no_summary()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportOkAsync("one-each.csv", RecordKind.Funding,
            "year,donor,governorate,amount_usd", "2019,Donor X,Erbil,100", "2019,Donor X,Iraq,50");
        Assert.Null(report.MultiGovernorate);
    }

    [Fact]
    public async Task Fts_flows_to_several_governorates_are_unallocated_with_their_pcodes_kept()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("fts_incoming_funding_irq.csv",
            FtsFormatTests.Header,
            FtsFormatTests.Flow("1", "2019", "2019-03-01", "1000000", "Donor A", "Duhok, Erbil, As Sulaymaniyah"),
            FtsFormatTests.Flow("2", "2019", "2019-03-02", "200000", "Donor A", "IRQ;Ninewa;Mosul;Al-Anbar"),
            FtsFormatTests.Flow("3", "2019", "2019-03-03", "30000", "Donor B", "IRQ, Ninewa"),
            FtsFormatTests.Flow("4", "2019", "2019-03-04", "4000", "Donor B", "Iraq"));
        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        Assert.True(report.Committed, string.Join(" | ", report.Issues));
        Assert.Equal(4, report.RowsWritten);
        await using var ctx = db.NewContext();
        var stored = await ctx.Funding.AsNoTracking().ToDictionaryAsync(f => f.SourceId!);
        Assert.Null(stored["1"].GovernoratePcode);
        Assert.Equal($"{Sulaymaniyah};{Duhok};{Erbil}", stored["1"].NamedPcodes);
        Assert.Null(stored["2"].GovernoratePcode);
        Assert.Equal($"{Anbar};{Ninewa}", stored["2"].NamedPcodes);
        Assert.Equal(Ninewa, stored["3"].GovernoratePcode); // FTS lists the country before the place within it
        Assert.Null(stored["3"].NamedPcodes);
        Assert.Null(stored["4"].NamedPcodes);

        var table = await db.TableAsync(2019);
        Assert.Equal(1_204_000m, table.UnallocatedUsd);
        Assert.Equal(30_000m, table.TotalFundingUsd);
        AssertSummary(report, [(1_000_000m, [Duhok, Erbil, Sulaymaniyah]), (200_000m, [Ninewa, Anbar])]);
    }
}
