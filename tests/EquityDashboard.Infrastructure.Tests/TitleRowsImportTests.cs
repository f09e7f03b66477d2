using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>CSV tables with title lines above the header, as people export them.</summary>
public sealed class TitleRowsImportTests
{
    [Fact]
    public async Task Semicolon_table_under_title_lines_imports()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportLinesAsync("titled.csv", RecordKind.Need,
            "Iraq, people in need 2021",
            "Source: HNO",
            "year;governorate;cluster;people_in_need;targeted;reached",
            "2021;Ninewa;;1200000;;",
            "2021;Al-Anbar;;500000;;");

        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal((';', 2), (report.Delimiter, report.RowsWritten));
        var table = await db.TableAsync(2021);
        // N = 1,200,000 + 500,000.
        Assert.Equal(1_700_000, table.TotalNeed);
    }
}
