using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>Valid template files of each kind (docs/data-formats.md examples) import completely.</summary>
public sealed partial class ImportTemplateTests
{
    internal static readonly string[] FundingExample =
    [
        "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
        "2019,2019-03-14,Donor X,NRC,Shelter,Ninewa,1500000,paid,incoming,EX-001",
        ",2019-06-02,Donor Y,IOM,CCCM,IQG01,\"1,250,000\",commitment,,EX-002",
        "2019,,Donor X,,Health,Ninewa;Salah Al-Din,300000,paid,incoming,EX-003",
        "2019,2019-05-20,Donor Z,,,Iraq,200000.50,,,EX-004",
        "2019,2019-02-01,Donor Z,UNICEF,WASH,البصرة,700000,pledge,,EX-005",
        "2019,2019-04-11,Donor Y,Local NGO,Protection,Dahuk,80000,paid,internal,EX-006",
        "2020,2019-12-15,Donor Y,DRC,Protection,Dohuk,95000,paid,incoming,EX-007",
    ];

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    private static async Task<ImportBatch> AssertBatchAsync(TestDatabase db, ImportReport report, string path, RecordKind kind,
        int rows, int firstYear, int lastYear)
    {
        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Null(report.RefusedReason);
        Assert.Equal(0, report.ErrorCount);
        Assert.Equal(rows, report.RowsRead);
        Assert.Equal(rows, report.RowsValid);
        Assert.Equal(rows, report.RowsWritten);
        Assert.Matches(Sha256Hex(), report.Sha256);
        // The hash is of the file bytes: compute it independently.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), report.Sha256);

        await using var ctx = db.NewContext();
        var batch = await ctx.Batches.AsNoTracking().SingleAsync();
        Assert.Equal(report.BatchId, batch.Id);
        Assert.Equal(kind, batch.Kind);
        Assert.Equal(Path.GetFileName(path), batch.FileName);
        Assert.Equal(report.Sha256, batch.Sha256);
        Assert.Equal(rows, batch.RowsRead);
        Assert.Equal(rows, batch.RowsWritten);
        Assert.Equal(0, batch.RowsSkipped);
        Assert.Equal(firstYear, batch.FirstYear);
        Assert.Equal(lastYear, batch.LastYear);
        Assert.True((DateTimeOffset.UtcNow - batch.ImportedAt).Duration() < TimeSpan.FromMinutes(5), $"ImportedAt {batch.ImportedAt}");
        return batch;
    }

    [Fact]
    public async Task Funding_example_imports_every_row_with_year_location_status_and_boundary()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("funding-2019.csv", FundingExample);
        var report = await db.ImportAsync(path, RecordKind.Funding, source: "Donor reports");

        // 7 data rows; budget years 2019 (rows 2-7; row 3 via its date) and 2020 (row 8).
        var batch = await AssertBatchAsync(db, report, path, RecordKind.Funding, rows: 7, firstYear: 2019, lastYear: 2020);
        Assert.Equal("Donor reports", batch.SourceName);
        Assert.False(batch.IsIllustrative);

        await using var ctx = db.NewContext();
        var rows = await ctx.Funding.AsNoTracking().ToDictionaryAsync(f => f.SourceId!);
        Assert.Equal(7, rows.Count);
        Assert.All(rows.Values, r => Assert.Equal(batch.Id, r.BatchId));

        var ex1 = rows["EX-001"];
        Assert.Equal((2019, "IQG15", 1_500_000m, FundingStatus.Paid, FlowBoundary.Incoming),
            (ex1.Year, ex1.GovernoratePcode, ex1.AmountUsd, ex1.Status, ex1.Boundary));
        Assert.Equal(new DateOnly(2019, 3, 14), ex1.Date);
        Assert.Equal(("Donor X", "NRC", "Shelter"), (ex1.Donor, ex1.Recipient, ex1.Cluster));

        // Blank year: the year of 2019-06-02; quoted "1,250,000" is 1250000; blank boundary.
        var ex2 = rows["EX-002"];
        Assert.Equal((2019, "IQG01", 1_250_000m, FundingStatus.Commitment, FlowBoundary.Unspecified),
            (ex2.Year, ex2.GovernoratePcode, ex2.AmountUsd, ex2.Status, ex2.Boundary));

        // Two governorates: unallocated (no pcode), the location kept as given.
        Assert.Null(rows["EX-003"].GovernoratePcode);
        Assert.Equal("Ninewa;Salah Al-Din", rows["EX-003"].Locations);
        Assert.Null(rows["EX-003"].Date);

        var ex4 = rows["EX-004"];
        Assert.Null(ex4.GovernoratePcode);
        Assert.Null(ex4.Cluster);
        Assert.Equal(200_000.50m, ex4.AmountUsd);
        Assert.Equal((FundingStatus.Unspecified, FlowBoundary.Unspecified), (ex4.Status, ex4.Boundary));

        // Arabic البصرة = Al-Basrah; imported although a pledge.
        Assert.Equal(("IQG02", FundingStatus.Pledge), (rows["EX-005"].GovernoratePcode, rows["EX-005"].Status));
        Assert.Equal(("IQG09", FlowBoundary.Internal), (rows["EX-006"].GovernoratePcode, rows["EX-006"].Boundary));

        // Budget year 2020 wins over the December 2019 date.
        Assert.Equal((2020, "IQG09", new DateOnly(2019, 12, 15)), (rows["EX-007"].Year, rows["EX-007"].GovernoratePcode, rows["EX-007"].Date));
    }

    [Fact]
    public async Task Presence_example_imports_and_links_organisation_spellings()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("presence-2022.csv",
            "year,organisation,acronym,org_type,cluster,governorate,district,activity",
            "2022,Danish Refugee Council,DRC,INGO,CCCM,Al-Anbar,Falluja,Camp management",
            "2022,,drc,,Protection,Anbar,Ramadi,Legal assistance",
            "2022,danish refugee council ,,INGO,CCCM,IQG01,Falluja,Camp management",
            "2022,International Organization for Migration,IOM,UN,CCCM,Ninewa,Mosul,Site monitoring",
            "2022,,IOM,UN,Shelter,Halabja,,Shelter repairs");
        var report = await db.ImportAsync(path, RecordKind.Presence);

        // Row 4 repeats row 2 once names are normalised (same organisation, cluster, place and
        // activity): it is counted as a duplicate and not written, so 5 rows read, 4 written.
        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal((5, 5, 4, 1), (report.RowsRead, report.RowsValid, report.RowsWritten, report.DuplicatesRemoved));
        await using var ctx = db.NewContext();
        var batch = await ctx.Batches.AsNoTracking().SingleAsync();
        Assert.Equal((5, 4, 2022, 2022), (batch.RowsRead, batch.RowsWritten, batch.FirstYear, batch.LastYear));
        var rows = await ctx.Presence.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["IQG01", "IQG01", "IQG15", "IQG06"], rows.Select(r => r.GovernoratePcode));
        // Rows 2-3 are one organisation; the acronym-only row keeps its acronym as the shown name.
        Assert.Single(rows.Take(2).Select(r => r.OrganisationKey).Distinct());
        Assert.Equal("drc", rows[1].Organisation);
        Assert.Equal(rows[2].OrganisationKey, rows[3].OrganisationKey);
        Assert.NotEqual(rows[0].OrganisationKey, rows[2].OrganisationKey);
        Assert.Equal(2, rows.Take(2).Select(r => r.ActivityKey).Distinct().Count());

        var table = await db.TableAsync(2022);
        Assert.Equal((1, 2), (table.Gov("IQG01").Orgs, table.Gov("IQG01").Activities));
        Assert.Equal((1, 1), (table.Gov("IQG06").Orgs, table.Gov("IQG06").Activities));
    }

    [Fact]
    public async Task Need_example_imports_with_not_reported_kept_null_and_cluster_kept_apart()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("need.csv",
            "year,governorate,cluster,people_in_need,targeted,reached",
            "2019,Ninewa,,2168222,,",
            "2019,IQG01,Intersectoral,1352562,,",
            "2019,Salah Al-Din,,764669,,",
            "2019,Ninewa,Health,1200000,800000,",
            "2020,Al-Muthanna,,,,");
        var report = await db.ImportAsync(path, RecordKind.Need);

        await AssertBatchAsync(db, report, path, RecordKind.Need, rows: 5, firstYear: 2019, lastYear: 2020);
        await using var ctx = db.NewContext();
        var rows = await ctx.Need.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
        Assert.Equal(
            [(2019, "IQG15", "Intersectoral", (long?)2168222), (2019, "IQG01", "Intersectoral", 1352562),
             (2019, "IQG16", "Intersectoral", 764669), (2019, "IQG15", "Health", 1200000), (2020, "IQG03", "Intersectoral", null)],
            rows.Select(r => (r.Year, r.GovernoratePcode, r.Cluster, r.PeopleInNeed)));
        Assert.Equal(((long?)800000, (long?)null), (rows[3].Targeted, rows[3].Reached));

        // N(2019, all clusters) = 2,168,222 + 1,352,562 + 764,669 = 4,285,453 (the Health row is not added).
        Assert.Equal(4_285_453, (await db.TableAsync(2019)).TotalNeed);
        // Health scope: Ninewa only, 1,200,000.
        Assert.Equal(1_200_000, (await db.TableAsync(2019, cluster: "Health")).TotalNeed);
        // 2020: Al-Muthanna not reported -> null need, no ratio, not 0.
        var muthanna = (await db.TableAsync(2020)).Gov("IQG03");
        Assert.Null(muthanna.Need);
        Assert.Null(muthanna.EquityRatio);
    }

    [Fact]
    public async Task Incidents_example_imports_with_blank_count_as_one()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("incidents.csv",
            "date,governorate,type,count",
            "2019-01-04,Kirkuk,IED,",
            "2019-01-04,Diyala,Armed clash,3",
            "2019-02-17,صلاح الدين,IED,2");
        var report = await db.ImportAsync(path, RecordKind.Incidents);

        await AssertBatchAsync(db, report, path, RecordKind.Incidents, rows: 3, firstYear: 2019, lastYear: 2019);
        await using var ctx = db.NewContext();
        var rows = await ctx.Incidents.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(
            [(new DateOnly(2019, 1, 4), 2019, "IQG13", "IED", 1), (new DateOnly(2019, 1, 4), 2019, "IQG10", "Armed clash", 3),
             (new DateOnly(2019, 2, 17), 2019, "IQG16", "IED", 2)],
            rows.Select(r => (r.Date, r.Year, r.GovernoratePcode, r.Type, r.Count)));
    }

    [Fact]
    public async Task Header_is_case_insensitive_in_any_order_and_unknown_columns_only_warn()
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportLinesAsync("need-shuffled.csv", RecordKind.Need,
            "People_In_Need,GOVERNORATE,Year,goverorate_note",
            "1000,Erbil,2019,x",
            "2000,Duhok,2019,y");

        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        var warning = Assert.Single(report.Warnings);
        Assert.Equal((1, "goverorate_note"), (warning.Row, warning.Column));
        // 1,000 + 2,000 = 3,000 people in need in 2019.
        Assert.Equal(3000, (await db.TableAsync(2019)).TotalNeed);
    }
    [Fact]
    public async Task Presence_file_naming_organisations_by_acronym_only_needs_no_organisation_column()
    {
        // data-formats.md §3: organisation is "required if acronym is blank"; §1: optional
        // columns may be left out of the header. Every row here has an acronym.
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportLinesAsync("presence-acronyms.csv", RecordKind.Presence,
            "year,acronym,cluster,governorate",
            "2022,DRC,CCCM,Al-Anbar",
            "2022,IOM,CCCM,Ninewa");
        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal(1, (await db.TableAsync(2022)).Gov("IQG01").Orgs);
    }

    [Fact]
    public async Task Funding_file_without_governorate_column_is_all_country_level_unallocated()
    {
        // data-formats.md §2: governorate is optional; blank = country level, unallocated.
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.ImportLinesAsync("funding-country.csv", RecordKind.Funding,
            "year,donor,amount_usd,status",
            "2019,Donor X,1000,paid",
            "2019,Donor Y,2500,commitment");
        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        var t = await db.TableAsync(2019);
        // 1,000 + 2,500 = 3,500 unallocated; nothing allocated.
        Assert.Equal((0m, 3500m), (t.TotalFundingUsd, t.UnallocatedUsd));
    }
}
