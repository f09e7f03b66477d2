using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>Governorate spellings in imported files (docs/data-formats.md §1.1).</summary>
public sealed class NameResolutionImportTests
{
    [Fact]
    public async Task Variants_Arabic_names_and_Halabja_resolve_and_are_reported()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportLinesAsync("need-names.csv", RecordKind.Need,
            "year,governorate,cluster,people_in_need,targeted,reached",
            "2019,Nineveh,,1000,,",          // row 2: variant -> IQG15
            "2019,Nineveh,Health,500,,",     // row 3: same variant again
            "2019,Halabja,,200,,",           // row 4: IQG06 with a warning
            "2019,أربيل,,300,,",             // row 5: Arabic with hamza -> IQG11
            "2019,اربيل,Health,310,,",       // row 6: Arabic without hamza -> IQG11
            "2019,البصرة,,400,,",            // row 7: Arabic -> IQG02
            "2019,صلاح الدين,,450,,",        // row 8: Arabic two words -> IQG16
            "2019,al anbar,,600,,",          // row 9: case/space/article -> IQG01
            "2019,Salah ad-Din,Health,700,,", // row 10: variant -> IQG16
            "2019,iqg18,,50,,");             // row 11: P-code, any case -> IQG18

        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal(10, report.RowsWritten);

        var nineveh = Assert.Single(report.ResolvedVariants, v => v.Input == "Nineveh");
        Assert.Equal(("IQG15", "Ninewa", 2), (nineveh.Pcode, nineveh.Name, nineveh.Rows));
        var salah = Assert.Single(report.ResolvedVariants, v => v.Input == "Salah ad-Din");
        Assert.Equal(("IQG16", 1), (salah.Pcode, salah.Rows));
        // P-codes and canonical names are not "variants".
        Assert.DoesNotContain(report.ResolvedVariants, v => v.Input is "iqg18" or "al anbar");

        var halabja = Assert.Single(report.Warnings);
        Assert.Equal((IssueSeverity.Warning, "need-names.csv", 4, "governorate", "Halabja"),
            (halabja.Severity, halabja.File, halabja.Row, halabja.Column, halabja.Value));
        Assert.Contains("Al-Sulaymaniyah", halabja.Message, StringComparison.Ordinal);

        await using var ctx = db.NewContext();
        var pcodes = await ctx.Need.AsNoTracking().OrderBy(n => n.Id).Select(n => n.GovernoratePcode).ToListAsync();
        Assert.Equal(["IQG15", "IQG15", "IQG06", "IQG11", "IQG11", "IQG02", "IQG16", "IQG01", "IQG16", "IQG18"], pcodes);

        // Intersectoral 2019: Sulaymaniyah holds Halabja's 200; Erbil 300 (its Health 310 kept apart).
        var table = await db.TableAsync(2019);
        Assert.Equal(200, table.Gov("IQG06").Need);
        Assert.Equal(300, table.Gov("IQG11").Need);
        // N = 1000 + 200 + 300 + 400 + 450 + 600 + 50 = 3000.
        Assert.Equal(3000, table.TotalNeed);
    }

    [Fact]
    public async Task Halabja_funding_counts_for_Al_Sulaymaniyah()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportOkAsync("funding.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
            "2019,,Donor X,,,Halabja,1000,paid,,A",
            "2019,,Donor X,,,Slemani,500,paid,,B");
        Assert.Single(report.Warnings);
        // 1,000 (Halabja) + 500 (Slemani) = 1,500 for IQG06.
        Assert.Equal(1500m, (await db.TableAsync(2019)).Gov("IQG06").FundingUsd);
    }
}
