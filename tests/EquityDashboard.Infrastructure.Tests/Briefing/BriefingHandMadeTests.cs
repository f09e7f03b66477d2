using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Export.Briefing;

namespace EquityDashboard.Infrastructure.Tests.Briefing;

/// <summary>
/// Workbooks of a small hand-made database, every expected figure worked out by hand from the
/// rows below, and a stricter under-served threshold in the settings.
/// </summary>
public sealed class BriefingHandMadeTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Equity:Thresholds:UnderServedRatio"] = "0.6",
        });
        await _db.ImportOkAsync("funding.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
            "2019,,Donor A,,Health,Ninewa,1000,paid,,f1",
            "2019,,Donor A,,Health,Ninewa,500,paid,,f2",
            "2019,,Donor B,,WASH,Ninewa,300,commitment,incoming,f3",
            "2019,,Donor B,,WASH,Al-Basrah,200,paid,,f4",
            "2019,,Donor B,,,Iraq,700,paid,,f5",
            "2019,,Donor C,,WASH,Ninewa,9999,pledge,,f6",
            "2018,,Donor A,,Health,Ninewa,400,paid,,f7");
        await _db.ImportOkAsync("need.csv", RecordKind.Need,
            "year,governorate,cluster,people_in_need,targeted,reached",
            "2019,Ninewa,,100000,,",
            "2019,Al-Basrah,,50000,,",
            "2019,Ninewa,Health,40000,,",
            "2019,Al-Basrah,WASH,20000,,");
        await _db.ImportOkAsync("presence.csv", RecordKind.Presence,
            "year,organisation,acronym,org_type,cluster,governorate,district,activity",
            "2019,Relief Org,RO,INGO,Health,Ninewa,Mosul,clinics",
            "2019,Relief Org,RO,INGO,WASH,Ninewa,Mosul,wells",
            "2019,Water Now,,NNGO,WASH,Al-Basrah,,");
        await _db.ImportOkAsync("incidents.csv", RecordKind.Incidents,
            "date,governorate,type,count",
            "2019-03-01,Ninewa,IED,3",
            "2019-04-01,Ninewa,IED,2",
            "2019-04-01,Ninewa,Ambush,1");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Gap_table_totals_and_thresholds()
    {
        using var wb = await WorkbookReader.NationalAsync(_db, new EquityScope(2019));
        var ws = wb.Worksheet("Governorates");
        // F = 1500 + 300 (Ninewa) + 200 (Al-Basrah) = 2000; N = 150,000; u = 2000 / 150000.
        var ninewa = ws.FindRow(1, "IQG15", 5);
        WorkbookReader.Money(1800m, ws.Cell(ninewa, 5));
        WorkbookReader.Figure(100_000, ws.Cell(ninewa, 4), "need");
        WorkbookReader.Figure(0.9 / (100_000 / 150_000.0), ws.Cell(ninewa, 8), "ratio"); // 1.35
        var basrah = ws.FindRow(1, "IQG02", 5);
        WorkbookReader.Figure(0.1 / (50_000 / 150_000.0), ws.Cell(basrah, 8), "ratio");  // 0.30 < 0.6
        Assert.Equal("under-served", ws.Cell(basrah, 18).GetString());
        Assert.Contains("below 0.6", ws.Cell(basrah, 19).GetString());
        // Governorates without need: "no recorded need" in the ratio column.
        Assert.Equal("no recorded need", ws.Cell(ws.FindRow(1, "IQG08", 5), 8).GetString());

        Assert.Equal(150_000, ws.Cell(23, 4).GetValue<double>());
        Assert.Equal(2000, ws.Cell(23, 5).GetValue<double>());
        Assert.Equal(2000 / 150_000.0, ws.Cell(23, 9).GetValue<double>(), 12);
        Assert.Equal(6, ws.Cell(23, 16).GetValue<double>()); // 3 + 2 + 1 incidents

        var m = wb.Worksheet("Methodology");
        Assert.Equal("equity ratio below 0.6", m.Cell(m.FindRow(1, "Flag: under-served"), 3).GetString());

        var brief = wb.Worksheet("Brief");
        WorkbookReader.Money(700m, brief.Cell(brief.FindRow(1, "Unallocated funding"), 2));
        WorkbookReader.Money(9999m, brief.Cell(brief.FindRow(1, "Pledged (not counted)"), 2));
    }

    [Fact]
    public async Task Donor_matrix_cluster_and_presence_figures()
    {
        using var wb = await WorkbookReader.NationalAsync(_db, new EquityScope(2019));

        var dn = wb.Worksheet("Donors");
        // Donor B: 300 + 200 + 700 (unallocated) = 1200; Donor A: 1000 + 500 = 1500; the pledge counts nowhere.
        Assert.Equal(["Donor A", "Donor B"], new[] { dn.Cell(6, 1).GetString(), dn.Cell(7, 1).GetString() });
        WorkbookReader.Money(1500m, dn.Cell(6, 2));
        WorkbookReader.Money(1200m, dn.Cell(7, 2));
        WorkbookReader.Money(700m, dn.Cell(7, 5));
        Assert.Equal(2, dn.Cell(7, 6).GetValue<int>());
        Assert.Equal(1500 / 2700.0, dn.Cell(6, 3).GetValue<double>(), 12);
        Assert.Equal(2700, dn.Cell(8, 2).GetValue<double>());
        Assert.DoesNotContain(dn.CellsUsed(), c => c.GetString() == "Donor C");

        var header = dn.FindRow(1, "Governorate");
        Assert.Equal(["Governorate", "Donor A", "Donor B", "Total"], dn.RowTexts(header));
        var ninewa = dn.FindRow(1, "Ninewa", header);
        WorkbookReader.Money(1500m, dn.Cell(ninewa, 2));
        WorkbookReader.Money(300m, dn.Cell(ninewa, 3));
        Assert.Equal(1800, dn.Cell(ninewa, 4).GetValue<double>());
        var unallocated = dn.FindRow(1, DonorsSheet.Unallocated, header);
        Assert.True(dn.Cell(unallocated, 2).IsEmpty());
        WorkbookReader.Money(700m, dn.Cell(unallocated, 3));
        Assert.Equal(2700, dn.Cell(dn.FindRow(1, "Total", header), 4).GetValue<double>());

        var cl = wb.Worksheet("Clusters");
        var health = cl.FindRow(1, "Health", 6);
        WorkbookReader.Money(1500m, cl.Cell(health, 3));
        WorkbookReader.Figure(40_000, cl.Cell(health, 2), "Health PiN");
        Assert.Equal(1500 / 40_000.0, cl.Cell(health, 5).GetValue<double>(), 12);
        var none = cl.FindRow(1, "(cluster not given)", 6);
        Assert.True(cl.Cell(none, 2).IsEmpty());
        Assert.Equal(string.Empty, cl.Cell(none, 5).GetString());
        Assert.Equal(2700, cl.Cell(cl.FindRow(1, "Total funding"), 3).GetValue<double>());

        var pr = wb.Worksheet("Presence");
        Assert.Equal(["Governorate", "Health", "WASH", "All clusters"], pr.RowTexts(5));
        var prNinewa = pr.FindRow(1, "Ninewa", 6);
        Assert.Equal([1, 1, 1], new[] { 2, 3, 4 }.Select(c => pr.Cell(prNinewa, c).GetValue<int>()));
        var prBasrah = pr.FindRow(1, "Al-Basrah", 6);
        Assert.True(pr.Cell(prBasrah, 2).IsEmpty());
        Assert.Equal(1, pr.Cell(prBasrah, 3).GetValue<int>());
        var orgs = wb.Worksheet("Organisations").Table("OrganisationList");
        Assert.Equal(3, orgs.DataRange.RowCount());
        Assert.Contains(orgs.DataRange.Rows(), r => r.Cell(4).GetString() == "Relief Org" && r.Cell(3).GetString() == "WASH" && r.Cell(6).GetValue<int>() == 1);
    }

    [Fact]
    public async Task Governorate_briefing_has_its_figures_donors_trend_and_incidents()
    {
        using var wb = await WorkbookReader.GovernorateAsync(_db, "Mosul", new EquityScope(2019, Region: "South"));
        Assert.Equal(["Brief", "Districts", "Clusters", "Donors", "Presence", "Trend", "Incidents", "Methodology", "Sources"], wb.SheetNames());
        Assert.Equal("Ninewa (IQG15) funding and need briefing: 2019, all clusters, baseline people in need", wb.Properties.Title);

        var brief = wb.Worksheet("Brief");
        Assert.Equal(["Figure", "Ninewa", "Iraq (national)", "What it means"], brief.RowTexts(7));
        WorkbookReader.Money(1800m, brief.Cell(brief.FindRow(1, "Funding (USD)"), 2));
        WorkbookReader.Money(2000m, brief.Cell(brief.FindRow(1, "Funding (USD)"), 3));
        WorkbookReader.Figure(1.35, brief.Cell(brief.FindRow(1, "Equity ratio"), 2), "ratio");
        WorkbookReader.Figure(1800 / 100_000.0, brief.Cell(brief.FindRow(1, "USD per person in need"), 2), "u Ninewa");
        WorkbookReader.Figure(2000 / 150_000.0, brief.Cell(brief.FindRow(1, "USD per person in need"), 3), "u national");
        WorkbookReader.Figure((1800 - 400) / 400.0, brief.Cell(brief.FindRow(1, "Change on 2018"), 2), "change");
        Assert.Equal(6, brief.Cell(brief.FindRow(1, "Security incidents"), 2).GetValue<int>());

        var donors = wb.Worksheet("Donors");
        WorkbookReader.Money(1500m, donors.Cell(donors.FindRow(1, "Donor A"), 2));
        Assert.Equal(1500 / 1800.0, donors.Cell(donors.FindRow(1, "Donor A"), 3).GetValue<double>(), 12);
        Assert.Equal(1800, donors.Cell(donors.FindRow(1, "Total"), 2).GetValue<double>());

        var trend = wb.Worksheet("Trend").Table("TrendTable");
        Assert.Equal([2018, 2019], trend.DataRange.Rows().Select(r => r.Cell(1).GetValue<int>()));
        WorkbookReader.Money(400m, trend.DataRange.Row(1).Cell(2));
        WorkbookReader.Money(1800m, trend.DataRange.Row(2).Cell(2));

        var incidents = wb.Worksheet("Incidents");
        Assert.Equal(["Year", "Type", "Incidents"], incidents.RowTexts(4));
        Assert.Equal(5, incidents.Cell(incidents.FindRow(2, "IED"), 3).GetValue<int>());
        Assert.Equal(6, incidents.Cell(incidents.FindRow(2, "Total"), 3).GetValue<double>());

        var presence = wb.Worksheet("Presence").Table("OrganisationList");
        Assert.Equal(2, presence.DataRange.RowCount());
        Assert.All(presence.DataRange.Rows(), r => Assert.Equal("IQG15", r.Cell(2).GetString()));

        var sources = wb.Worksheet("Sources").Table("SourceTable");
        Assert.Equal(["funding.csv", "need.csv", "presence.csv", "incidents.csv"], sources.DataRange.Rows().Select(r => r.Cell(3).GetString()));
    }

    [Fact]
    public async Task Writes_to_a_forward_only_stream_that_refuses_synchronous_writes()
    {
        var response = new AsyncOnlyStream();
        await _db.Briefing().WriteAsync(new EquityScope(2019), response, CancellationToken.None);
        var governorate = new AsyncOnlyStream();
        await _db.Briefing().WriteGovernorateAsync("IQG15", new EquityScope(2019), governorate, CancellationToken.None);

        response.Written.Position = 0;
        using var wb = new XLWorkbook(response.Written);
        Assert.Equal(BriefingSheets.National, wb.SheetNames());
        governorate.Written.Position = 0;
        using var gov = new XLWorkbook(governorate.Written);
        Assert.Equal(BriefingSheets.Governorate, gov.SheetNames());
    }

    [Fact]
    public async Task Unknown_governorate_is_refused_with_a_suggestion()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            _db.Briefing().WriteGovernorateAsync("Ninewah Province X", new EquityScope(2019), new MemoryStream(), CancellationToken.None));
        Assert.Contains("Unknown governorate", e.Message);
    }

    [Fact]
    public async Task A_year_without_data_still_writes_every_sheet_and_says_why()
    {
        using var wb = await WorkbookReader.NationalAsync(_db, new EquityScope(2030, "Health"));
        Assert.Equal(BriefingSheets.National, wb.SheetNames());
        var brief = wb.Worksheet("Brief");
        var first = brief.FindRow(1, "Key findings") + 1;
        Assert.Equal("No funding, people in need or presence is recorded for 2030, cluster Health: there is nothing to compare.", brief.Cell(first, 2).GetString());
        Assert.Equal("No presence (3W) data is loaded for 2030.", wb.Worksheet("Presence").Cell(5, 1).GetString());
        // Nothing of 2030 itself: the batches listed are those of the year-on-year blocks (2018 and 2019);
        // incidents are not part of them.
        var sources = wb.Worksheet("Sources").Table("SourceTable").DataRange.Rows().ToList();
        Assert.Equal(["funding.csv", "need.csv", "presence.csv"], sources.Select(r => r.Cell(3).GetString()));
        Assert.All(sources, r => Assert.Equal("year-on-year table", r.Cell(14).GetString()));
        Assert.Contains(wb.Worksheet("Donors").CellsUsed(), c => c.GetString().StartsWith("No counted funding is recorded", StringComparison.Ordinal));
    }
}

/// <summary>A response-body-like stream: forward-only, and synchronous writes throw (as Kestrel's do by default).</summary>
internal sealed class AsyncOnlyStream : Stream
{
    public MemoryStream Written { get; } = new();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Written.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Written.WriteAsync(buffer, offset, count, cancellationToken);
}
