using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Tests.Briefing;

/// <summary>
/// The Districts sheet of both workbooks on a hand-made database, reopened with ClosedXML; every
/// expected figure is worked out by hand from the rows below (2021): funding Al-Mosul 600,000, Telafar
/// 200,000, Ninewa without district 200,000, Al-Hawiga 500,000, Kirkuk without district 500,000; people in
/// need Al-Mosul 200,000, Telafar 300,000, Sinjar 100,000, Ninewa without district 400,000, Al-Hawiga
/// 250,000, Kirkuk without district 250,000; IDPs Al-Mosul 1,200, Sinjar 800, Ninewa without district 40.
/// </summary>
public sealed class DistrictsSheetTests : IAsyncLifetime
{
    private static readonly EquityScope Scope = new(2021);
    private TestDatabase _db = null!;

    // Columns of the sheet.
    private const int Pcode = 1, Name = 2, NameAr = 3, Governorate = 4, Need = 5, Funding = 6, FundingShare = 7, NeedShare = 8,
        Ratio = 9, PerPerson = 10, Gap = 11, Idps = 12, Orgs = 13, Flags = 15;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ImportOkAsync("funding.csv", RecordKind.Funding,
            "year,donor,governorate,district,amount_usd",
            "2021,Donor A,Ninewa,Al-Mosul,600000",
            "2021,Donor B,Ninewa,Telafar,200000",
            "2021,Donor B,Ninewa,,200000",
            "2021,Donor A,Kirkuk,Al-Hawiga,500000",
            "2021,Donor A,Kirkuk,,500000");
        await _db.ImportOkAsync("need.csv", RecordKind.Need,
            "year,governorate,district,people_in_need",
            "2021,Ninewa,Al-Mosul,200000",
            "2021,Ninewa,Telafar,300000",
            "2021,Ninewa,Sinjar,100000",
            "2021,Ninewa,,400000",
            "2021,Kirkuk,Al-Hawiga,250000",
            "2021,Kirkuk,,250000");
        await _db.ImportOkAsync("idps.csv", RecordKind.Displacement,
            "year,governorate,district,location,idps",
            "2021,Ninewa,Al-Mosul,Hay Al-Zahraa,1200",
            "2021,Ninewa,Sinjar,Sinuni,800",
            "2021,Ninewa,,Unnamed camp,40");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static void Near(double expected, IXLCell cell, string what) => WorkbookReader.Figure(expected, cell, what);

    [Fact]
    public async Task The_national_sheet_lists_every_district_by_governorate_lowest_equity_ratio_first()
    {
        using var wb = await WorkbookReader.NationalAsync(_db, Scope);
        Assert.Equal("Districts", wb.SheetNames()[2]);
        var ws = wb.Worksheet("Districts");

        Assert.Equal("Districts: funding against people in need", ws.Cell(1, 1).GetString());
        Assert.Equal(
            ["P-code", "District", "Arabic name", "Governorate", "People in need", "Funding (USD)", "Funding share", "Need share",
             "Equity ratio", "USD per person in need", "Gap to parity (USD)", "IDP individuals", "Organisations", "Activities", "Flags", "Reasons", "Rests on illustrative data"],
            ws.RowTexts(4));
        var table = ws.Table("DistrictTable");
        Assert.Equal("A4:Q105", table.RangeAddress.ToString());          // 101 districts

        // Governorates in P-code order, so Kirkuk's districts come before Ninewa's.
        var pcodes = Enumerable.Range(5, 101).Select(r => ws.Cell(r, Pcode).GetString()).ToList();
        Assert.Equal(pcodes.Select(p => p[..5]).Order(StringComparer.Ordinal), pcodes.Select(p => p[..5]));
        // Inside Ninewa (national shares: F = 1,300,000, N = 850,000): Sinjar 0, Telafar (2/13)/(6/17) = 0.44, Al-Mosul (6/13)/(4/17) = 1.96,
        // then the six without need by name.
        var ninewa = Enumerable.Range(5, 101).Where(r => ws.Cell(r, Pcode).GetString().StartsWith("IQG15", StringComparison.Ordinal))
            .Select(r => ws.Cell(r, Name).GetString()).ToList();
        Assert.Equal(["Sinjar", "Telafar", "Al-Mosul", "Al-Baaj", "Al-Hamdaniya", "Al-Hatra", "Al-Shikhan", "Aqra", "Tilkaef"], ninewa);

        var mosul = ws.FindRow(Pcode, "IQG15Q05", 5);
        Assert.Equal(("Al-Mosul", "الموصل", "Ninewa"), (ws.Cell(mosul, Name).GetString(), ws.Cell(mosul, NameAr).GetString(), ws.Cell(mosul, Governorate).GetString()));
        Near(200_000, ws.Cell(mosul, Need), "need");
        WorkbookReader.Money(600_000m, ws.Cell(mosul, Funding));
        Near(600_000 / 1_300_000.0, ws.Cell(mosul, FundingShare), "funding share");
        Near(200_000 / 850_000.0, ws.Cell(mosul, NeedShare), "need share");
        Near((600_000 / 1_300_000.0) / (200_000 / 850_000.0), ws.Cell(mosul, Ratio), "ratio");
        Near(3, ws.Cell(mosul, PerPerson), "USD per person in need");
        Near(200_000 * (1_300_000 / 850_000.0) - 600_000, ws.Cell(mosul, Gap), "gap");
        Near(1_200, ws.Cell(mosul, Idps), "IDPs");
        Assert.Equal("no recorded need", ws.Cell(ws.FindRow(Pcode, "IQG15Q01", 5), Ratio).GetString());

        // The Governorates sheet's formats: USD with thousands separators, shares as %, ratios to 2 decimals.
        Assert.Equal("\"USD \"#,##0", ws.Cell(mosul, Funding).Style.NumberFormat.Format);
        Assert.Equal("0.0%", ws.Cell(mosul, FundingShare).Style.NumberFormat.Format);
        Assert.Equal("0.00", ws.Cell(mosul, Ratio).Style.NumberFormat.Format);
        Assert.Equal("\"USD \"#,##0.00", ws.Cell(mosul, PerPerson).Style.NumberFormat.Format);
        Assert.Equal("#,##0", ws.Cell(mosul, Need).Style.NumberFormat.Format);
        var scale = Assert.Single(ws.ConditionalFormats, f => f.ConditionalFormatType == XLConditionalFormatType.ColorScale);
        Assert.Equal("I5:I105", scale.Range.RangeAddress.ToString());

        // Totals of what names a district, as live formulas.
        Assert.Equal("Total naming a district", ws.Cell(106, Name).GetString());
        Assert.Equal("SUM(F5:F105)", ws.Cell(106, Funding).FormulaA1);
        Assert.Equal(1_300_000, ws.Cell(106, Funding).GetValue<double>());
        Assert.Equal(850_000, ws.Cell(106, Need).GetValue<double>());
        Assert.Equal(2_000, ws.Cell(106, Idps).GetValue<double>());

        Assert.Equal(4, ws.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(4, ws.PageSetup.LastRowToRepeatAtTop);
        Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
        Assert.Equal((4, 2), (ws.SheetView.SplitRow, ws.SheetView.SplitColumn));
    }

    [Fact]
    public async Task What_names_no_district_is_a_labelled_block_per_governorate_that_adds_up_to_the_governorate()
    {
        using var wb = await WorkbookReader.NationalAsync(_db, Scope);
        var ws = wb.Worksheet("Districts");
        var governorates = wb.Worksheet("Governorates");

        var heading = ws.FindRow(1, "District not specified: what each governorate's figures name no district for", 106);
        var header = heading + 2;
        Assert.Equal("Share of its funding", ws.Cell(header, FundingShare).GetString());
        Assert.Equal("Governorate total: funding (USD)", ws.Cell(header, Gap).GetString());
        var rows = Enumerable.Range(header + 1, 18).ToList();
        Assert.All(rows, r => Assert.Equal("District not specified", ws.Cell(r, Name).GetString()));
        Assert.Equal(Enumerable.Range(1, 18).Select(i => $"IQG{i:00}"), rows.Select(r => ws.Cell(r, Pcode).GetString()));

        var ninewa = ws.FindRow(Pcode, "IQG15", header + 1);
        WorkbookReader.Money(200_000m, ws.Cell(ninewa, Funding));
        Near(400_000, ws.Cell(ninewa, Need), "need not specified");
        Near(0.2, ws.Cell(ninewa, FundingShare), "share of Ninewa's funding");
        Near(0.4, ws.Cell(ninewa, NeedShare), "share of Ninewa's need");
        Near(40, ws.Cell(ninewa, Idps), "IDPs not specified");
        WorkbookReader.Money(1_000_000m, ws.Cell(ninewa, Gap));

        // Ninewa's districts plus its part naming none are its row of the Governorates sheet.
        var districtRows = Enumerable.Range(5, 101).Where(r => ws.Cell(r, Pcode).GetString().StartsWith("IQG15", StringComparison.Ordinal)).ToList();
        var gov = governorates.FindRow(1, "IQG15", 5);
        Assert.Equal(governorates.Cell(gov, 5).GetDouble(), districtRows.Sum(r => ws.Cell(r, Funding).GetDouble()) + ws.Cell(ninewa, Funding).GetDouble());
        Assert.Equal(governorates.Cell(gov, 4).GetDouble(),
            districtRows.Sum(r => ws.Cell(r, Need).IsEmpty() ? 0 : ws.Cell(r, Need).GetDouble()) + ws.Cell(ninewa, Need).GetDouble());

        // The table's notes close the sheet.
        var notes = Enumerable.Range(rows[^1] + 1, 12).Select(r => ws.Cell(r, 1).GetString()).ToList();
        Assert.Contains("Funding: USD 1.3 M of the USD 2.0 M allocated to the governorates (65.0%) names a district; USD 700 K is 'district not specified'.", notes);
    }

    [Fact]
    public async Task The_governorate_briefing_lists_its_districts_with_shares_of_its_figures()
    {
        using var wb = await WorkbookReader.GovernorateAsync(_db, "Ninawa", Scope);
        Assert.Equal(["Brief", "Districts", "Clusters", "Donors", "Presence", "Trend", "Incidents", "Methodology", "Sources"], wb.SheetNames());
        var ws = wb.Worksheet("Districts");

        Assert.Equal("Districts of Ninewa: funding against people in need", ws.Cell(1, 1).GetString());
        Assert.Equal("A4:Q13", ws.Table("DistrictTable").RangeAddress.ToString());
        Assert.Equal(["Sinjar", "Telafar", "Al-Mosul"], Enumerable.Range(5, 3).Select(r => ws.Cell(r, Name).GetString()));
        // Shares of Ninewa's 800,000 and 600,000 that name a district.
        var mosul = ws.FindRow(Pcode, "IQG15Q05", 5);
        Near(0.75, ws.Cell(mosul, FundingShare), "funding share");
        Near(2.25, ws.Cell(mosul, Ratio), "ratio");
        Assert.Equal("over-concentrated", ws.Cell(mosul, Flags).GetString());
        // No presence data is loaded, so the no-presence flag is not evaluated.
        Assert.Equal("under-served", ws.Cell(ws.FindRow(Pcode, "IQG15Q07", 5), Flags).GetString());
        Assert.Equal(800_000, ws.Cell(14, Funding).GetValue<double>());

        var ns = ws.FindRow(Name, "District not specified", 15);
        Assert.Equal("IQG15", ws.Cell(ns, Pcode).GetString());
        WorkbookReader.Money(200_000m, ws.Cell(ns, Funding));
        Assert.True(ws.Cell(ns + 1, Name).IsEmpty(), "one governorate: one not-specified row");
        Assert.Contains(Enumerable.Range(ns + 1, 10).Select(r => ws.Cell(r, 1).GetString()),
            n => n == "Funding: USD 800 K of the USD 1.0 M allocated to Ninewa (80.0%) names a district; USD 200 K is 'district not specified'.");
    }

    [Fact]
    public async Task Under_the_population_baseline_districts_have_no_need_and_the_note_says_why()
    {
        using var wb = await WorkbookReader.NationalAsync(_db, Scope with { Baseline = Baseline.Population });
        var ws = wb.Worksheet("Districts");

        Assert.Equal("Population", ws.Cell(4, Need).GetString());
        var mosul = ws.FindRow(Pcode, "IQG15Q05", 5);
        Assert.True(ws.Cell(mosul, Need).IsEmpty());
        Assert.Equal("no recorded need", ws.Cell(mosul, Ratio).GetString());
        WorkbookReader.Money(600_000m, ws.Cell(mosul, Funding));
        Assert.Contains(ws.Column(1).CellsUsed(), c => c.GetString().StartsWith("Population: the COD gives no population by district", StringComparison.Ordinal));
    }
}
