using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests.Formats;

/// <summary>
/// Every source format that has a district passes it on as the template's <c>district</c>: the
/// district P-code column before the district name column, a row taking the first that is not
/// blank, resolved within the row's governorate like any district (docs/data-formats.md 1.2).
/// </summary>
public sealed class DistrictColumnTests
{
    private static async Task<ImportReport> ImportOkAsync(TestDatabase db, ImportRequest request, string format)
    {
        var report = await db.Importer.ImportAsync(request);
        Assert.True(report.Committed, $"not imported: {report.RefusedReason} {string.Join(" | ", report.Errors)}");
        Assert.Equal(0, report.ErrorCount);
        Assert.Equal(format, report.Format);
        return report;
    }

    [Fact]
    public async Task Hxl_3w_takes_the_district_pcode_before_the_name_and_the_name_where_the_code_is_blank()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("3w-hxl.csv",
            "Year,Governorate,District,ADM2_PCODE,Partner,Cluster",
            "#date+year,#adm1+name,#adm2+name,#adm2+code,#org+name,#sector",
            "2022,Ninewa,Mosul,IQG15Q05,Partner A,Health",       // row 3: the code
            "2022,Ninewa,Sinjar,IQG15Q08,Partner B,Health",      // row 4: the code wins over a name that disagrees
            "2022,Ninewa,Tal Afar,,Partner C,Health",            // row 5: no code: the name (a listed variant)
            "2022,Ninewa,,,Partner D,Health",                    // row 6: neither: district not specified
            "2022,Kirkuk,Atlantis,,Partner E,Health");           // row 7: an unknown name: at Kirkuk, reported

        var report = await ImportOkAsync(db, new ImportRequest(path), "HXL");

        Assert.Equal(RecordKind.Presence, report.Kind);
        // Both district columns are read: neither is an "unused tag".
        Assert.DoesNotContain(report.Warnings, w => w.Message.Contains("#adm2", StringComparison.Ordinal));
        var districts = report.Districts!;
        Assert.Equal(3, districts.RowsInDistricts);
        Assert.Equal(2, districts.RowsNotSpecified);
        var unknown = Assert.Single(districts.Unresolved);
        Assert.Equal(("Atlantis", "IQG13"), (unknown.Input, unknown.GovernoratePcode));

        await using var ctx = db.NewContext();
        var rows = await ctx.Presence.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Organisation, p.DistrictPcode }).ToListAsync();
        Assert.Equal(
            [("Partner A", "IQG15Q05"), ("Partner B", "IQG15Q08"), ("Partner C", "IQG15Q08"), ("Partner D", null), ("Partner E", null)],
            rows.Select(r => (r.Organisation, r.DistrictPcode)));
    }

    [Fact]
    public async Task Hxl_funding_and_incidents_keep_their_district_too()
    {
        await using var db = await TestDatabase.CreateAsync();
        var funding = db.WriteCsv("funding-hxl.csv",
            "Donor,Amount,Governorate,District code,District,Year",
            "#org+funder,#value+usd,#adm1+code,#adm2+code,#adm2+name,#date+year",
            "Donor A,1000,IQG13,IQG13Q01,,2021",
            "Donor A,500,IQG13,,Dibis,2021",
            "Donor B,250,IQG13,,,2021");
        await ImportOkAsync(db, new ImportRequest(funding), "HXL");
        var incidents = db.WriteCsv("incidents-hxl.csv",
            "Date,Governorate,District,Type",
            "#date,#adm1+name,#adm2,#event+type",
            "2021-03-01,Kirkuk,Al Hawiga,IED");
        await ImportOkAsync(db, new ImportRequest(incidents), "HXL");

        await using var ctx = db.NewContext();
        Assert.Equal([("IQG13Q01", 1000m), ("IQG13Q03", 500m), (null, 250m)],
            (await ctx.Funding.AsNoTracking().OrderBy(f => f.Id).ToListAsync()).Select(f => (f.DistrictPcode, f.AmountUsd)));
        Assert.Equal("IQG13Q01", (await ctx.Incidents.AsNoTracking().SingleAsync()).DistrictPcode);
        // The governorate's funding is still all of it: districts plus not specified.
        Assert.Equal(1750m, (await db.TableAsync(2021)).Gov("IQG13").FundingUsd);
    }

    [Fact]
    public async Task Pooled_fund_project_locations_keep_admloc2_and_an_unknown_one_stays_at_the_governorate()
    {
        const string header = "PFId,PrjCode,ClstAgg,ClstPrct,AdmLocTypeIdAgg,AdmLoc1,AdmLoc2,AdmLoc3,AdmLoc4,AdmLoc5,AdmLoc6,"
            + "AdmLocBenClustAgg1,AdmLocBenClustAgg2,AdmLocBenClustAgg3,AdmLocBenClustAgg4,AdmLocBenClustAgg5,AdmLocBenClustAgg6,"
            + "AdmLocCord1,AdmLocCord2,AdmLocCord3,AdmLocCord4,AdmLocCord5,AdmLocCord6,"
            + "AdmLocClustBdg1,AdmLocClustBdg2,AdmLocClustBdg3,AdmLocClustBdg4,AdmLocClustBdg5,AdmLocClustBdg6,AYr";
        static string Row(string project, string gov, string district, string budget) =>
            $"72,{project},7|||11,60.00|||40.00,37##38##,{gov},{district},,,,,,,,,,,,,,,,,{budget},{budget},,,,,2017";
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("ProjectSummaryAggV2_2017.csv", header,
            Row("P1", "Nineveh", "Al Mosul", "600.000|||400.000"),   // a 2017 spelling of Al-Mosul
            Row("P1", "Nineveh", "", "100.000|||50.000"),            // no district: Ninewa only
            Row("P2", "Kirkuk", "Atlantis", "70.000|||30.000"));     // unknown: at Kirkuk, reported

        var report = await ImportOkAsync(db, new ImportRequest(path), "CBPF project summary");

        var unknown = Assert.Single(report.Districts!.Unresolved);
        Assert.Equal(("Atlantis", "IQG13", 2), (unknown.Input, unknown.GovernoratePcode, unknown.Rows)); // one per cluster share
        var warning = Assert.Single(report.Warnings, w => w.Value == "Atlantis");
        Assert.Equal("AdmLoc2", warning.Column);
        await using var ctx = db.NewContext();
        var funding = await ctx.Funding.AsNoTracking().ToListAsync();
        Assert.Equal(1000m, funding.Where(f => f.DistrictPcode == "IQG15Q05").Sum(f => f.AmountUsd));
        Assert.Equal(150m, funding.Where(f => f.GovernoratePcode == "IQG15" && f.DistrictPcode == null).Sum(f => f.AmountUsd));
        Assert.Equal(100m, funding.Where(f => f.GovernoratePcode == "IQG13" && f.DistrictPcode == null).Sum(f => f.AmountUsd));
    }

    [Fact]
    public async Task An_untagged_3w_is_read_by_its_titles_district_pcode_first()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("3w-untagged.csv",
            "Month,ADM1_PCODE,Governorate,ADM2_PCODE,District,Cluster,Partner Acronym,Partner Full Name,Organisation type",
            "2021-01,IQG13,Kirkuk,IQG13Q01,Hawija,Health,DRC,Danish Refugee Council,INGO",
            "2021-02,IQG13,Kirkuk,,Dibis,Health,DRC,Danish Refugee Council,INGO",
            "2021-02,IQG13,Kirkuk,,,Protection,,Local Partner,NNGO");

        var report = await ImportOkAsync(db, new ImportRequest(path), "3W");

        Assert.Equal(RecordKind.Presence, report.Kind);
        Assert.Equal((2, 1), (report.Districts!.RowsInDistricts, report.Districts.RowsNotSpecified));
        await using var ctx = db.NewContext();
        Assert.Equal([(2021, "IQG13", "IQG13Q01"), (2021, "IQG13", "IQG13Q03"), (2021, "IQG13", null)],
            (await ctx.Presence.AsNoTracking().OrderBy(p => p.Id).ToListAsync()).Select(p => (p.Year, p.GovernoratePcode, p.DistrictPcode)));
        Assert.Equal(2, (await db.TableAsync(2021)).Gov("IQG13").Orgs);
    }
}
