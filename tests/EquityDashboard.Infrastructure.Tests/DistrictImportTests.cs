using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// Template files with an optional district column: districts resolve within the row's governorate,
/// rows without one stay at their governorate ("district not specified"), an unknown name is reported
/// once with its rows and never guessed, and every governorate total still adds up.
/// </summary>
public sealed class DistrictImportTests
{
    [Fact]
    public async Task Need_rows_keep_their_district_and_unknown_names_stay_at_the_governorate()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportLinesAsync("need-districts.csv", RecordKind.Need,
            "year,governorate,district,cluster,people_in_need,targeted,reached",
            "2019,Kirkuk,Al-Hawiga,,1000,,",     // row 2: COD name
            "2019,Kirkuk,IQG13Q03,,500,,",       // row 3: P-code (Kirkuk district)
            "2019,Kirkuk,,,250,,",               // row 4: no district
            "2019,Kirkuk,Atlantis,,125,,",       // row 5: unknown: kept at Kirkuk, reported
            "2019,Kirkuk,Atlantis,Health,60,,",  // row 6: the same unknown name again
            "2019,Ninewa,الموصل,,2000,,",         // row 7: Arabic name
            "2019,Halabja,,,300,,");             // row 8: a district in the governorate column

        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal(7, report.RowsWritten);
        var districts = report.Districts!;
        Assert.Equal(4, districts.RowsInDistricts);
        Assert.Equal(3, districts.RowsNotSpecified);
        var atlantis = Assert.Single(districts.Unresolved);
        Assert.Equal(("Atlantis", "IQG13", "Kirkuk", 2), (atlantis.Input, atlantis.GovernoratePcode, atlantis.Governorate, atlantis.Rows));
        Assert.Contains("Unknown district 'Atlantis' in Kirkuk", atlantis.Message, StringComparison.Ordinal);
        // One warning for the name, on its first row, not one per row.
        var warning = Assert.Single(report.Warnings, w => w.Column == "district");
        Assert.Equal((5, "Atlantis"), (warning.Row, warning.Value));
        Assert.Contains("counted at the governorate, district not specified", warning.Message, StringComparison.Ordinal);

        await using var ctx = db.NewContext();
        var rows = await ctx.Need.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.GovernoratePcode, n.DistrictPcode, n.PeopleInNeed }).ToListAsync();
        Assert.Equal(
            [("IQG13", "IQG13Q01"), ("IQG13", "IQG13Q03"), ("IQG13", null), ("IQG13", null), ("IQG13", null), ("IQG15", "IQG15Q05"), ("IQG06", "IQG06Q05")],
            rows.Select(r => (r.GovernoratePcode, r.DistrictPcode)));
        // The governorate's figure is its districts' plus what names no district.
        var table = await db.TableAsync(2019);
        Assert.Equal(1000 + 500 + 250 + 125, table.Gov("IQG13").Need);
    }

    [Fact]
    public async Task Funding_totals_add_up_per_governorate_over_districts_and_not_specified()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportOkAsync("funding-districts.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id",
            "2019,,Donor A,,Health,Ninewa,Al-Mosul,1000,paid,,1",
            "2019,,Donor A,,Health,Ninewa,Al-Mosul,500,paid,,2",
            "2019,,Donor B,,Health,Ninewa,Telafar,250,paid,,3",
            "2019,,Donor B,,Health,Ninewa,,125,paid,,4",
            "2019,,Donor B,,Health,Ninewa;Kirkuk,Al-Mosul,99,paid,,5", // several governorates: unallocated, no district
            "2019,,Donor C,,WASH,Al-Anbar,Al-Falluja,2000,paid,,6");

        await using var ctx = db.NewContext();
        var districts = await ctx.FundingDistrictTotals.AsNoTracking().Where(t => t.BatchId == report.BatchId).ToListAsync();
        decimal District(string pcode) => districts.Where(t => t.DistrictPcode == pcode).Sum(t => t.AmountUsd);
        Assert.Equal(1500m, District("IQG15Q05"));
        Assert.Equal(250m, District("IQG15Q08"));
        Assert.Equal(2000m, District("IQG01Q01"));
        Assert.Equal(3, districts.Select(d => d.DistrictPcode).Distinct().Count());
        // Governorate totals as before: each governorate's districts plus what names none.
        var totals = await ctx.FundingTotals.AsNoTracking().Where(t => t.BatchId == report.BatchId).ToListAsync();
        decimal Governorate(string? pcode) => totals.Where(t => t.GovernoratePcode == pcode).Sum(t => t.AmountUsd);
        Assert.Equal(1500m + 250m + 125m, Governorate("IQG15"));
        Assert.Equal(2000m, Governorate("IQG01"));
        Assert.Equal(99m, Governorate(null));
        foreach (var g in districts.Select(d => d.GovernoratePcode).Distinct())
        {
            var named = await ctx.Funding.Where(f => f.BatchId == report.BatchId && f.GovernoratePcode == g && f.DistrictPcode == null)
                .SumAsync(f => (double)f.AmountUsd);
            Assert.Equal(Governorate(g), districts.Where(d => d.GovernoratePcode == g).Sum(d => d.AmountUsd) + (decimal)named);
        }
        Assert.Equal(
            [("IQG15", "IQG15Q05"), ("IQG15", "IQG15Q05"), ("IQG15", "IQG15Q08"), ("IQG15", null), (null, null), ("IQG01", "IQG01Q01")],
            (await ctx.Funding.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.GovernoratePcode, f.DistrictPcode }).ToListAsync())
                .Select(f => (f.GovernoratePcode, f.DistrictPcode)));
        var table = await db.TableAsync(2019);
        Assert.Equal(1875m, table.Gov("IQG15").FundingUsd);
    }

    [Fact]
    public async Task Displacement_rows_resolve_like_the_other_kinds()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportOkAsync("idps.csv", RecordKind.Displacement,
            "year,governorate,district,location,idps",
            "2021,Ninewa,Al-Mosul,Hay Al-Zahraa,1200",
            "2021,Ninewa,Sinjar,Sinuni,800",
            "2021,Duhok,,Unnamed camp,40");
        Assert.Equal(3, report.RowsWritten);
        await using var ctx = db.NewContext();
        Assert.Equal([("IQG15", "IQG15Q05", 1200L), ("IQG15", "IQG15Q07", 800L), ("IQG09", null, 40L)],
            (await ctx.Displacement.AsNoTracking().OrderBy(d => d.Id).ToListAsync()).Select(d => (d.GovernoratePcode, d.DistrictPcode, d.Idps)));
    }
}
