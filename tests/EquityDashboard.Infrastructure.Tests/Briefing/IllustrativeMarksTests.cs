using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Export;
using EquityDashboard.Infrastructure.Export.Briefing;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests.Briefing;

/// <summary>
/// On a real store with a real and an illustrative funding batch: the figures the invented one moves
/// are marked in the table, the findings, the JSON contract and the workbook's cells; the next year, where
/// it no longer reports, carries no mark (its change compares the sources of both years), nor does a year it
/// does not reach, nor the real-only view.
/// </summary>
public sealed class IllustrativeMarksTests
{
    private const string Basra = "IQG02", Ninewa = "IQG15";

    private static async Task<TestDatabase> DatasetAsync()
    {
        var db = await TestDatabase.CreateAsync();
        try
        {
            await db.ImportOkAsync("need.csv", RecordKind.Need,
                "year,governorate,cluster,people_in_need,targeted,reached",
                "2019,Basra,,400000,,", "2019,Ninewa,,600000,,", "2020,Basra,,400000,,", "2020,Ninewa,,600000,,",
                "2021,Basra,,400000,,", "2021,Ninewa,,600000,,");
            await db.ImportOkAsync("funding-real.csv", RecordKind.Funding,
                "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
                "2019,,ECHO,,Health,Basra,100000,paid,,r1", "2019,,ECHO,,Health,Ninewa,500000,paid,,r2",
                "2020,,ECHO,,Health,Basra,100000,paid,,r3", "2020,,ECHO,,Health,Ninewa,500000,paid,,r4",
                "2021,,ECHO,,Health,Basra,100000,paid,,r5", "2021,,ECHO,,Health,Ninewa,500000,paid,,r6");
            var invented = db.WriteCsv("funding-invented.csv",
                "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
                "2019,,Donor X,,Health,Ninewa,4000000,paid,,i1");
            var report = await db.Importer.ImportAsync(new ImportRequest(invented, RecordKind.Funding)
                { SourceName = "Illustrative: invented bilateral", Illustrative = true });
            Assert.True(report.Committed, string.Join(" | ", report.Errors));
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    [Fact]
    public async Task The_table_marks_what_the_invented_batch_moves_and_nothing_where_it_does_not_reach()
    {
        await using var db = await DatasetAsync();

        var t2019 = await db.TableAsync(2019);
        var ninewa = t2019.Governorates.Single(g => g.Key == Ninewa);
        var basra = t2019.Governorates.Single(g => g.Key == Basra);
        Assert.True(ninewa.IsIllustrative(FigureSet.Funding));
        Assert.False(ninewa.IsIllustrative(FigureSet.Need));
        Assert.False(basra.IsIllustrative(FigureSet.Funding));
        Assert.True(basra.IsIllustrative(FigureSet.FundingShare));
        Assert.True(t2019.IllustrativeTotals.HasFlag(FigureSet.Funding));

        // 2020 is real, and the invented source ends there: the change on 2019 compares only the source of both
        // years (the real one), so it rests on no invented data; only the change of all funding is against it.
        var t2020 = await db.TableAsync(2020);
        var ninewa2020 = t2020.Governorates.Single(g => g.Key == Ninewa);
        Assert.Equal(FigureSet.None, ninewa2020.Illustrative);
        Assert.Equal(0, ninewa2020.YoyChange);
        Assert.Equal((500_000.0 - 4_500_000.0) / 4_500_000.0, ninewa2020.RawYoyChange!.Value, 9);
        Assert.DoesNotContain(FlagCodes.FundingFalling, ninewa2020.Flags.Select(f => f.Code));
        Assert.Equal(FigureSet.None, t2020.IllustrativeTotals);
        var t2021 = await db.TableAsync(2021);
        Assert.All(t2021.Governorates, g => Assert.Equal(FigureSet.None, g.Illustrative));
        var realOnly = await db.Equity.GetTableAsync(new EquityScope(2019, RealOnly: true));
        Assert.All(realOnly.Governorates, g => Assert.Equal(FigureSet.None, g.Illustrative));

        var json = GapsDocument.From(t2019);
        Assert.Contains("funding", json.Governorates.Single(g => g.Pcode == Ninewa).Illustrative);
        Assert.DoesNotContain("need", json.Governorates.Single(g => g.Pcode == Ninewa).Illustrative);
        Assert.Contains("funding", json.IllustrativeTotals);
        var detail = GovernorateDetailDocument.From((await db.Services.GetRequiredService<BreakdownService>().GovernorateAsync(Ninewa, new EquityScope(2019)))!);
        Assert.Contains("funding", detail.Figures.Illustrative);
        Assert.DoesNotContain("need", detail.Figures.Illustrative);
        Assert.Contains("funding", detail.National.Illustrative);
        Assert.Empty(GapsDocument.From(t2021).IllustrativeTotals);
        Assert.Empty(GapsDocument.From(t2020).Governorates.Single(g => g.Pcode == Ninewa).Illustrative);
    }

    [Fact]
    public async Task Findings_written_from_marked_figures_say_so_and_real_ones_do_not()
    {
        await using var db = await DatasetAsync();
        var findings = db.Services.GetRequiredService<FindingsService>();

        var (_, marked) = await findings.GetAsync(new EquityScope(2019), CancellationToken.None);
        Assert.NotEmpty(marked);
        Assert.All(marked, f => Assert.True(f.RestsOnIllustrative, f.Text));
        var (_, real) = await findings.GetAsync(new EquityScope(2021), CancellationToken.None);
        Assert.All(real, f => Assert.False(f.RestsOnIllustrative, f.Text));
    }

    [Fact]
    public async Task The_workbook_shades_and_names_the_marked_cells_and_notes_the_findings()
    {
        await using var db = await DatasetAsync();
        using var wb = await WorkbookReader.NationalAsync(db, new EquityScope(2019));

        var sheet = wb.Worksheet(BriefingSheets.Governorates);
        Assert.Equal("Rests on illustrative data", sheet.Cell(GovernoratesSheet.HeaderRow, GovernoratesSheet.Illustrative).GetString());
        var ninewaRow = sheet.FindRow(GovernoratesSheet.Pcode, Ninewa);
        var basraRow = sheet.FindRow(GovernoratesSheet.Pcode, Basra);
        Assert.StartsWith("funding, funding share", sheet.Cell(ninewaRow, GovernoratesSheet.Illustrative).GetString());
        Assert.Equal(Xl.IllustrativeFill, sheet.Cell(ninewaRow, GovernoratesSheet.Funding).Style.Fill.BackgroundColor);
        Assert.NotEqual(Xl.IllustrativeFill, sheet.Cell(ninewaRow, GovernoratesSheet.Need).Style.Fill.BackgroundColor);
        Assert.NotEqual(Xl.IllustrativeFill, sheet.Cell(basraRow, GovernoratesSheet.Funding).Style.Fill.BackgroundColor);
        Assert.Equal(Xl.IllustrativeFill, sheet.Cell(basraRow, GovernoratesSheet.FundingShare).Style.Fill.BackgroundColor);

        var brief = wb.Worksheet(BriefingSheets.Brief);
        var fundingRow = brief.FindRow(1, "Total funding (allocated)");
        Assert.EndsWith(Xl.IllustrativeNote, brief.Cell(fundingRow, 3).GetString());
        var needRow = brief.FindRow(1, "People in need");
        Assert.DoesNotContain(Xl.IllustrativeNote, brief.Cell(needRow, 3).GetString());
        var findingsRow = brief.FindRow(1, "Key findings") + 1;
        Assert.EndsWith(Finding.IllustrativeNote, brief.Cell(findingsRow, 2).GetString());

        using var real = await WorkbookReader.NationalAsync(db, new EquityScope(2021));
        var realSheet = real.Worksheet(BriefingSheets.Governorates);
        Assert.Equal(string.Empty, realSheet.Cell(realSheet.FindRow(GovernoratesSheet.Pcode, Ninewa), GovernoratesSheet.Illustrative).GetString());
    }
}
