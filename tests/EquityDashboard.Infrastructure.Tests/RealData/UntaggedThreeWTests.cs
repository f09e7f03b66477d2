using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Import.Formats;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests.RealData;

/// <summary>
/// 3W tables without a hashtag row, read by their titles: the OCHA Iraq 3W excerpt of January 2021
/// (ADM2_PCODE and District) and the 2014 cluster-activities table (gov, district, agency, no year),
/// both in ../shared/real-data. The district is the P-code column, else the name column; figures are
/// checked against the files read here.
/// </summary>
public sealed class UntaggedThreeWTests
{
    private const string Excerpt = "irq_3w_2021_excerpt_notags.csv";
    private const string Activities2014 = "irq_2014_cluster_activities_3w_combine_tablev3.csv";

    private static string Key(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    [RealDataFact]
    public async Task The_2021_3w_excerpt_without_tags_is_read_by_its_titles_with_the_district_pcode()
    {
        var path = RealDataFiles.File(Excerpt);
        var row = Assert.Single(TestSupport.ReadCsv(path));
        await using var db = await TestDatabase.CreateAsync();

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        Assert.True(report.Committed, $"{report.RefusedReason} {string.Join(" | ", report.Errors)}");
        Assert.Equal(ThreeWFormat.FormatName, report.Format);
        Assert.Equal(RecordKind.Presence, report.Kind);
        await using var ctx = db.NewContext();
        var p = await ctx.Presence.AsNoTracking().SingleAsync();
        Assert.Equal(2021, p.Year); // from Month, 2021-01
        Assert.Equal((row["adm1_pcode"], row["adm2_pcode"]), (p.GovernoratePcode, p.DistrictPcode));
        Assert.Equal((row["partner full name"], row["partner acronym"], row["cluster"], row["organisation type"]),
            (p.Organisation, p.Acronym, p.Cluster, p.OrgType));
    }

    [RealDataFact]
    public async Task The_2014_cluster_activities_keep_the_districts_the_gazetteer_lists_and_report_the_others()
    {
        var path = RealDataFiles.File(Activities2014);
        var places = new SeedPlaces();
        var rows = TestSupport.ReadCsv(path);
        // A row needs a governorate and an organisation (one row, 602, names no agency).
        var withGovernorate = rows.Where(r => r["gov"].Trim().Length > 0 && r["agency"].Trim().Length > 0)
            .Select(r => (Gov: places.Governorate(r["gov"]), District: r["district"].Trim(), Agency: Key(r["agency"])))
            .ToList();
        var placed = withGovernorate.Where(r => r.District.Length > 0 && places.District(r.Gov, r.District) is not null).ToList();
        var expected = placed.GroupBy(r => places.District(r.Gov, r.District)!)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Agency).Distinct().Count());
        var expectedUnresolved = withGovernorate.Where(r => r.District.Length > 0 && places.District(r.Gov, r.District) is null)
            .GroupBy(r => (r.District, r.Gov)).ToDictionary(g => g.Key, g => g.Count());
        await using var db = await TestDatabase.CreateAsync();

        // No year column: the year is given. Rows without a governorate or an agency are errors, left out.
        var report = await db.Importer.ImportAsync(new ImportRequest(path) { Year = 2014, SkipInvalid = true });

        Assert.True(report.Committed, $"{report.RefusedReason} {string.Join(" | ", report.Errors.Take(5))}");
        Assert.Equal(ThreeWFormat.FormatName, report.Format);
        Assert.Equal(rows.Count - withGovernorate.Count, report.RowsSkippedInvalid);
        var districts = Assert.IsType<DistrictSummary>(report.Districts);
        Assert.Equal(expectedUnresolved.OrderBy(kv => kv.Key).Select(kv => (kv.Key.District, kv.Key.Gov, kv.Value)),
            districts.Unresolved.OrderBy(u => (u.Input, u.GovernoratePcode)).Select(u => (u.Input, u.GovernoratePcode, u.Rows)));
        Assert.Equal(placed.Count, districts.RowsInDistricts);

        await using var ctx = db.NewContext();
        var actual = (await ctx.Presence.AsNoTracking().Where(p => p.DistrictPcode != null)
                .Select(p => new { p.DistrictPcode, p.OrganisationKey }).ToListAsync())
            .GroupBy(p => p.DistrictPcode!).ToDictionary(g => g.Key, g => g.Select(p => p.OrganisationKey).Distinct().Count());
        Assert.Equal(expected.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
    }
}
