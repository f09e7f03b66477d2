using ClosedXML.Excel;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Export.Briefing;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests.Briefing;

/// <summary>The national briefing workbook of the demo data (2019), reopened with ClosedXML and checked sheet by sheet.</summary>
public sealed class BriefingWorkbookTests(SeededDatabaseFixture fixture) : IClassFixture<SeededDatabaseFixture>
{
    private static readonly EquityScope Scope2019 = new(2019);

    private TestDatabase Db => fixture.Db;
    private BreakdownService Breakdown => Db.Services.GetRequiredService<BreakdownService>();

    private static readonly string[] NationalSheets =
        ["Brief", "Governorates", "Districts", "Regions", "Clusters", "Donors", "Presence", "Organisations", "Methodology", "Sources"];

    private static readonly string[] GapHeadersPin =
    [
        "P-code", "Governorate", "Region", "People in need", "Funding (USD)", "Funding share", "Need share", "Equity ratio",
        "USD per person in need", "Gap to parity (USD)", "Funding 2018 (USD)", "Change on 2018", "Organisations", "Activities",
        "Orgs per 100k PiN", "Security incidents", "Incidents per 100k PiN", "Flags", "Reasons", "Rests on illustrative data",
    ];

    [Fact]
    public async Task Sheets_are_in_order_and_the_document_is_titled_and_printable()
    {
        using var wb = await WorkbookReader.NationalAsync(Db, Scope2019);
        Assert.Equal(NationalSheets, wb.SheetNames());
        Assert.Equal("Iraq funding and need briefing: 2019, all clusters, baseline people in need", wb.Properties.Title);
        Assert.Equal("EquityDashboard", wb.Properties.Author);
        foreach (var ws in wb.Worksheets)
        {
            Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
            Assert.Equal(1, ws.PageSetup.PagesWide);
            Assert.Equal(0, ws.PageSetup.PagesTall);
        }
        var gaps = wb.Worksheet("Governorates");
        Assert.Equal(4, gaps.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(4, gaps.PageSetup.LastRowToRepeatAtTop);
        Assert.Equal(4, gaps.SheetView.SplitRow);
        Assert.Equal(2, gaps.SheetView.SplitColumn);

        // Stored as Excel writes them ($-absolute), the form LibreOffice also repeats.
        using var file = new MemoryStream();
        await Db.Briefing().WriteAsync(Scope2019, file, CancellationToken.None);
        file.Position = 0;
        using var package = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file, false);
        var titles = package.WorkbookPart!.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>()
            .Where(n => n.Name == "_xlnm.Print_Titles").Select(n => n.Text).ToList();
        Assert.Contains("Governorates!$4:$4", titles);
        Assert.Contains("Sources!$4:$4", titles);
    }

    [Fact]
    public async Task Governorates_sheet_is_the_gap_table_with_the_engines_figures()
    {
        var table = await Db.Equity.GetTableAsync(Scope2019);
        using var wb = await WorkbookReader.NationalAsync(Db, Scope2019);
        var ws = wb.Worksheet("Governorates");

        Assert.Equal(GapHeadersPin, ws.RowTexts(4));
        var gapTable = Assert.Single(ws.Tables);
        Assert.Equal("A4:T22", gapTable.RangeAddress.ToString());
        Assert.True(gapTable.ShowAutoFilter);

        Assert.Equal(18, table.Governorates.Count);
        foreach (var g in table.Governorates)
        {
            var row = ws.FindRow(1, g.Key, 5);
            Assert.InRange(row, 5, 22);
            Assert.Equal(g.Name, ws.Cell(row, 2).GetString());
            Assert.Equal(g.Region, ws.Cell(row, 3).GetString());
            WorkbookReader.Figure(g.Need, ws.Cell(row, 4), $"{g.Key} need");
            WorkbookReader.Money(g.FundingUsd, ws.Cell(row, 5));
            WorkbookReader.Figure(g.FundingShare, ws.Cell(row, 6), $"{g.Key} funding share");
            WorkbookReader.Figure(g.NeedShare, ws.Cell(row, 7), $"{g.Key} need share");
            WorkbookReader.Figure(g.EquityRatio, ws.Cell(row, 8), $"{g.Key} ratio");
            WorkbookReader.Figure(g.UsdPerPin, ws.Cell(row, 9), $"{g.Key} USD per PiN");
            WorkbookReader.Figure(g.GapToParityUsd, ws.Cell(row, 10), $"{g.Key} gap");
            WorkbookReader.Money(g.PreviousFundingUsd, ws.Cell(row, 11));
            WorkbookReader.Figure(g.YoyChange, ws.Cell(row, 12), $"{g.Key} change");
            Assert.Equal(g.Orgs, ws.Cell(row, 13).GetValue<int>());
            Assert.Equal(g.Activities, ws.Cell(row, 14).GetValue<int>());
            WorkbookReader.Figure(g.IncidentsPer100kPin, ws.Cell(row, 17), $"{g.Key} incidents per 100k");
            Assert.Equal(string.Join(", ", g.Flags.Select(f => f.Code)), ws.Cell(row, 18).GetString());
            Assert.Equal(string.Join("\n", g.Flags.Select(f => f.Reason)), ws.Cell(row, 19).GetString());
        }

        // Number formats: USD with thousands separators, shares as %, ratios to 2 decimals.
        Assert.Equal("\"USD \"#,##0", ws.Cell(5, 5).Style.NumberFormat.Format);
        Assert.Equal("0.0%", ws.Cell(5, 6).Style.NumberFormat.Format);
        Assert.Equal("0.00", ws.Cell(5, 8).Style.NumberFormat.Format);
        Assert.Equal("\"USD \"#,##0.00", ws.Cell(5, 9).Style.NumberFormat.Format);
        Assert.Equal("#,##0", ws.Cell(5, 4).Style.NumberFormat.Format);

        // The equity ratio has the diverging colour scale, centred on parity.
        var scale = Assert.Single(ws.ConditionalFormats, f => f.ConditionalFormatType == XLConditionalFormatType.ColorScale);
        Assert.Equal("H5:H22", scale.Range.RangeAddress.ToString());
        Assert.Equal(["0", "1", "2"], scale.Values.Values.Select(v => v.Value));
    }

    [Fact]
    public async Task Totals_row_holds_live_formulas_that_give_the_national_figures()
    {
        var table = await Db.Equity.GetTableAsync(Scope2019);
        using var wb = await WorkbookReader.NationalAsync(Db, Scope2019);
        var ws = wb.Worksheet("Governorates");
        const int totals = 23;
        Assert.Equal("Total", ws.Cell(totals, 2).GetString());
        Assert.Equal("SUM(D5:D22)", ws.Cell(totals, 4).FormulaA1);
        Assert.Equal("SUM(E5:E22)", ws.Cell(totals, 5).FormulaA1);
        Assert.Equal("SUM(J5:J22)", ws.Cell(totals, 10).FormulaA1);
        Assert.Equal("IF(D23>0,E23/D23,\"\")", ws.Cell(totals, 9).FormulaA1);
        Assert.Equal("\"USD \"#,##0.00", ws.Cell(totals, 9).Style.NumberFormat.Format);

        // Evaluated (ClosedXML's calculation engine): N, F and the national USD per person in need.
        Assert.Equal(table.TotalNeed, ws.Cell(totals, 4).GetValue<long>());
        Assert.Equal((double)table.TotalFundingUsd, ws.Cell(totals, 5).GetValue<double>(), 2);
        Assert.Equal(table.UsdPerPin!.Value, ws.Cell(totals, 9).GetValue<double>(), 9);
        Assert.Equal(1.0, ws.Cell(totals, 6).GetValue<double>(), 9);
        Assert.Equal(1.0, ws.Cell(totals, 8).GetValue<double>(), 9);

        // The file carries the computed values too, for readers that do not calculate.
        using var file = new MemoryStream();
        await Db.Briefing().WriteAsync(Scope2019, file, CancellationToken.None);
        Assert.Equal(table.UsdPerPin!.Value, CachedValue(file, "Governorates", "I23"), 9);
        Assert.Equal((double)table.TotalFundingUsd, CachedValue(file, "Governorates", "E23"), 2);

        // Edit one governorate's funding: the totals recompute.
        var ninewa = ws.FindRow(1, "IQG15", 5);
        ws.Cell(ninewa, 5).SetValue((double)table.Gov("IQG15").FundingUsd + 1_000_000);
        Assert.Equal((double)table.TotalFundingUsd + 1_000_000, ws.Cell(totals, 5).GetValue<double>(), 2);
        Assert.Equal(((double)table.TotalFundingUsd + 1_000_000) / table.TotalNeed, ws.Cell(totals, 9).GetValue<double>(), 9);
    }

    /// <summary>The value stored with a formula cell in the saved file (not computed on reading).</summary>
    private static double CachedValue(MemoryStream file, string sheet, string address)
    {
        file.Position = 0;
        using var package = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file, false);
        var wbPart = package.WorkbookPart!;
        var id = wbPart.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var cell = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)wbPart.GetPartById(id)).Worksheet
            .Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == address);
        Assert.NotNull(cell.CellFormula);
        return double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Brief_sheet_has_the_key_figures_the_findings_and_the_sources()
    {
        var (table, findings) = await Db.Services.GetRequiredService<FindingsService>().GetAsync(Scope2019, CancellationToken.None);
        using var wb = await WorkbookReader.NationalAsync(Db, Scope2019);
        var ws = wb.Worksheet("Brief");

        Assert.Equal("2019, all clusters, baseline people in need", ws.Cell(2, 2).GetString());
        Assert.Equal(["Figure", "Value", "What it means"], ws.RowTexts(7));
        WorkbookReader.Money(table.TotalFundingUsd, ws.Cell(ws.FindRow(1, "Total funding (allocated)"), 2));
        WorkbookReader.Money(table.UnallocatedUsd, ws.Cell(ws.FindRow(1, "Unallocated funding"), 2));
        Assert.Equal(table.TotalNeed, ws.Cell(ws.FindRow(1, "People in need"), 2).GetValue<long>());
        WorkbookReader.Figure(table.UsdPerPin, ws.Cell(ws.FindRow(1, "USD per person in need"), 2), "u");
        WorkbookReader.Figure(table.Gini, ws.Cell(ws.FindRow(1, "Concentration (Gini)"), 2), "Gini");
        Assert.Equal(table.Governorates.Count(g => g.Flags.Count > 0), ws.Cell(ws.FindRow(1, "Governorates flagged"), 2).GetValue<int>());

        var first = ws.FindRow(1, "Key findings") + 1;
        Assert.NotEmpty(findings);
        for (var i = 0; i < findings.Count; i++)
        {
            Assert.StartsWith($"{i + 1}. ", ws.Cell(first + i, 1).GetString());
            Assert.Equal(findings[i].FullText, ws.Cell(first + i, 2).GetString());
        }
        Assert.Equal("Data sources", ws.Cell(first + findings.Count + 1, 1).GetString());

        // The demo's illustrative batches are named and marked as such.
        var sources = await Db.Equity.SourcesForYearAsync(2019);
        Assert.Contains(sources, s => s.IsIllustrative);
        Assert.StartsWith("ILLUSTRATIVE DATA:", ws.Cell(4, 1).GetString());
        foreach (var s in sources)
        {
            var row = ws.FindRow(1, s.SourceName, first);
            Assert.Contains(s.FileName, ws.Cell(row, 3).GetString());
            Assert.Equal(s.IsIllustrative, ws.Cell(row, 3).GetString().Contains("ILLUSTRATIVE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Regions_sheet_has_region_figures_and_the_funding_of_every_year_to_chart()
    {
        var table = await Db.Equity.GetTableAsync(Scope2019);
        var years = await Db.Equity.YearsAsync();
        var trends = await Db.Equity.GetTrendsAsync(years[0], 2019);
        using var wb = await WorkbookReader.NationalAsync(Db, Scope2019);
        var ws = wb.Worksheet("Regions");

        Assert.Equal("Region", ws.Cell(4, 1).GetString());
        foreach (var r in table.Regions)
        {
            var row = ws.FindRow(1, r.Key, 5);
            WorkbookReader.Money(r.FundingUsd, ws.Cell(row, 4));
            WorkbookReader.Figure(r.EquityRatio, ws.Cell(row, 7), $"{r.Key} ratio");
            Assert.Equal(table.Governorates.Count(g => g.Region == r.Key), ws.Cell(row, 2).GetValue<int>());
        }

        Assert.Contains(ws.Tables, t => t.Name == "FundingByYear");
        var byYear = ws.Table("FundingByYear");
        var header = byYear.HeadersRow().Cells().Select(c => c.GetString()).ToArray();
        Assert.Equal(["Year", .. Regions.All, "Total"], header);
        Assert.Equal(Enumerable.Range(years[0], 2019 - years[0] + 1).Count(), byYear.DataRange.RowCount());
        foreach (var dataRow in byYear.DataRange.Rows())
        {
            var year = dataRow.Cell(1).GetValue<int>();
            for (var i = 0; i < Regions.All.Count; i++)
                WorkbookReader.Money(trends.Single(t => t.Year == year && t.Region == Regions.All[i]).FundingUsd, dataRow.Cell(2 + i));
            Assert.True(dataRow.Cell(6).HasFormula);
        }
        Assert.Contains(ws.CellsUsed(), c => c.GetString() == RegionsSheet.ChartNote);
    }

    [Fact]
    public async Task Clusters_donors_and_presence_sheets_show_the_breakdowns()
    {
        var clusters = await Breakdown.ClustersAsync(Scope2019);
        var donors = await Breakdown.DonorFlowsAsync(Scope2019);
        var presence = await Breakdown.PresenceAsync(Scope2019);
        var table = await Db.Equity.GetTableAsync(Scope2019);
        using var wb = await WorkbookReader.NationalAsync(Db, Scope2019);

        var cl = wb.Worksheet("Clusters");
        Assert.Equal(["Cluster", "People in need (cluster)", "Funding (USD)", "Share of funding", "USD per person in need", "Organisations"], cl.RowTexts(5));
        foreach (var c in clusters)
        {
            var row = cl.FindRow(1, c.Cluster, 6);
            WorkbookReader.Money(c.FundingUsd, cl.Cell(row, 3));
            WorkbookReader.Figure(c.PeopleInNeed, cl.Cell(row, 2), c.Cluster);
            Assert.Equal(c.Orgs, cl.Cell(row, 6).GetValue<int>());
        }
        var clusterTotal = cl.FindRow(1, "Total funding");
        Assert.Equal((double)(table.TotalFundingUsd + table.UnallocatedUsd), cl.Cell(clusterTotal, 3).GetValue<double>(), 2);

        var dn = wb.Worksheet("Donors");
        foreach (var donor in donors.GroupBy(d => d.Donor))
        {
            var row = dn.FindRow(1, donor.Key, 6);
            WorkbookReader.Money(donor.Sum(d => d.FundingUsd), dn.Cell(row, 2));
            WorkbookReader.Money(donor.Where(d => d.Pcode is null).Sum(d => d.FundingUsd), dn.Cell(row, 5));
        }
        // The matrix: governorates down, donors across; Ninewa's cell of each donor is that flow.
        var matrixHeader = dn.FindRow(1, "Governorate");
        var ninewa = dn.FindRow(1, "Ninewa", matrixHeader);
        var headers = dn.RowTexts(matrixHeader);
        foreach (var flow in donors.Where(d => d.Pcode == "IQG15"))
            WorkbookReader.Money(flow.FundingUsd, dn.Cell(ninewa, Array.IndexOf(headers, flow.Donor) + 1));
        var matrixTotal = dn.FindRow(1, "Total", matrixHeader);
        Assert.Equal((double)(table.TotalFundingUsd + table.UnallocatedUsd), dn.Cell(matrixTotal, headers.Length).GetValue<double>(), 2);

        var pr = wb.Worksheet("Presence");
        var prHeaders = pr.RowTexts(5);
        Assert.Equal("All clusters", prHeaders[^1]);
        foreach (var g in table.Governorates)
        {
            var row = pr.FindRow(1, g.Name, 6);
            Assert.Equal(g.Orgs, pr.Cell(row, prHeaders.Length).GetValue<int>());
            foreach (var cluster in prHeaders[1..^1])
            {
                var expected = presence.Count(p => p.Pcode == g.Key && p.Cluster == cluster);
                Assert.Equal(expected, pr.Cell(row, Array.IndexOf(prHeaders, cluster) + 1).IsEmpty() ? 0 : pr.Cell(row, Array.IndexOf(prHeaders, cluster) + 1).GetValue<int>());
            }
        }
        var orgs = wb.Worksheet("Organisations");
        Assert.Equal(presence.Count, orgs.Table("OrganisationList").DataRange.RowCount());
    }

    [Fact]
    public async Task An_idp_briefing_names_its_baseline_and_the_list_and_round_it_reads()
    {
        var scope = new EquityScope(2021, Baseline: Baseline.Idps);
        var table = await Db.Equity.GetTableAsync(scope);
        Assert.StartsWith("IDPs: IOM DTM Iraq IDP master list, round 123 (2021) (batch ", table.BaselineNote, StringComparison.Ordinal);
        using var wb = await WorkbookReader.NationalAsync(Db, scope);

        Assert.Equal("Iraq funding and need briefing: 2021, all clusters, baseline IDPs", wb.Properties.Title);
        var m = wb.Worksheet("Methodology");
        Assert.Equal($"This workbook: IDPs (internally displaced people, IOM DTM master list). {table.BaselineNote}",
            m.Cell(m.FindRow(1, "Baseline"), 3).GetString());
        var brief = wb.Worksheet("Brief");
        var need = brief.FindRow(1, "IDPs");
        Assert.Equal(table.TotalNeed, (long)brief.Cell(need, 2).GetDouble());
        Assert.EndsWith(table.BaselineNote!, brief.Cell(need, 3).GetString(), StringComparison.Ordinal);
        Assert.Equal("USD per IDP", brief.Cell(need + 1, 1).GetString());
        var gaps = wb.Worksheet("Governorates");
        Assert.Equal(["IDPs", "IDP share", "USD per IDP"], new[] { gaps.Cell(4, 4), gaps.Cell(4, 7), gaps.Cell(4, 9) }.Select(c => c.GetString()));
    }

    [Fact]
    public async Task Methodology_and_sources_sheets()
    {
        var sources = await Db.Equity.SourcesForYearAsync(2019);
        using var wb = await WorkbookReader.NationalAsync(Db, Scope2019);

        var m = wb.Worksheet("Methodology");
        Assert.Equal(["Term", "What it means", "Rule or threshold used"], m.RowTexts(4));
        Assert.Equal("equity ratio below 0.5", m.Cell(m.FindRow(1, "Flag: under-served"), 3).GetString());
        Assert.Equal("equity ratio above 2", m.Cell(m.FindRow(1, "Flag: over-concentrated"), 3).GetString());
        Assert.Equal("change below -25%", m.Cell(m.FindRow(1, "Flag: funding falling"), 3).GetString());
        Assert.Equal("more than 20 incidents per 100,000 people in need", m.Cell(m.FindRow(1, "Flag: access-constrained"), 3).GetString());
        foreach (var term in new[] { "Equity ratio", "USD per person in need", "Gap to parity (USD)", "Concentration (Gini)", "Flag: no presence" })
            Assert.False(string.IsNullOrWhiteSpace(m.Cell(m.FindRow(1, term), 2).GetString()), term);

        var s = wb.Worksheet("Sources");
        Assert.Equal(["Batch", "Source", "File", "Kind", "Format", "Worksheet", "Reference period", "Imported at (UTC)",
            "Rows read", "Rows written", "Rows skipped", "SHA-256", "Illustrative", "Used for", "Money"], s.RowTexts(4));
        foreach (var b in sources)
        {
            var row = s.FindRow(1, b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), 5);
            Assert.Equal(b.SourceName, s.Cell(row, 2).GetString());
            Assert.Equal(b.FileName, s.Cell(row, 3).GetString());
            Assert.Equal(b.Sha256, s.Cell(row, 12).GetString());
            Assert.Equal(b.RowsWritten, s.Cell(row, 10).GetValue<int>());
            Assert.Equal(b.ImportedAt.UtcDateTime, s.Cell(row, 8).GetDateTime(), TimeSpan.FromSeconds(1));
            Assert.Equal(b.IsIllustrative ? SourcesSheet.IllustrativeMark : "no", s.Cell(row, 13).GetString());
            Assert.Equal("figures of the year", s.Cell(row, 14).GetString());
            Assert.Equal(SourcesSheet.MoneyOf(b, []), s.Cell(row, 15).GetString());
        }
        // The seeded pooled fund's batch says what its money is; no FTS flows are seeded, so nothing was left out.
        Assert.Contains(sources, b => s.Cell(s.FindRow(1, b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), 5), 15).GetString()
            == "allocations of the Iraq Humanitarian Fund");
        Assert.Equal("This workbook: no flows left out", m.Cell(m.FindRow(1, "Money reported twice"), 3).GetString());
        Assert.DoesNotContain(s.Table("SourceTable").DataRange.Rows(), r => r.Cell(14).GetString() == "year-on-year table");

        // In 2020 the 2019 people-in-need batch feeds only the year-on-year blocks, and says so.
        var hrp2019 = sources.Single(b => b.Kind == Core.Records.RecordKind.Need && b.FirstYear == 2019 && b.LastYear == 2019);
        Assert.DoesNotContain(await Db.Equity.SourcesForYearAsync(2020), b => b.Id == hrp2019.Id);
        using var wb2020 = await WorkbookReader.NationalAsync(Db, new EquityScope(2020));
        var s2020 = wb2020.Worksheet("Sources");
        Assert.Equal("year-on-year table", s2020.Cell(s2020.FindRow(2, hrp2019.SourceName, 5), 14).GetString());
    }

    [Fact]
    public async Task Region_filter_lists_the_region_with_its_own_total_and_the_national_rate()
    {
        var scope = new EquityScope(2019, Region: Regions.South);
        var table = await Db.Equity.GetTableAsync(scope);
        using var wb = await WorkbookReader.NationalAsync(Db, scope);
        var ws = wb.Worksheet("Governorates");
        Assert.Equal(9, table.Governorates.Count);
        Assert.Equal("A4:T13", ws.Table("GapTable").RangeAddress.ToString());
        Assert.Equal("Total, South", ws.Cell(14, 2).GetString());
        var south = table.Region(Regions.South);
        Assert.True(ws.Cell(14, 6).HasFormula);
        Assert.Equal(south.FundingShare!.Value, ws.Cell(14, 6).GetValue<double>(), 9);
        Assert.Equal("Iraq (national)", ws.Cell(15, 2).GetString());
        WorkbookReader.Figure(table.UsdPerPin, ws.Cell(15, 9), "national u");
        Assert.Single(wb.Worksheet("Regions").Table("RegionTable").DataRange.Rows());
    }

    [Fact]
    public void File_names_carry_the_scope()
    {
        Assert.Equal("equity-briefing-2019.xlsx", BriefingService.FileName(Scope2019));
        Assert.Equal("equity-briefing-2019-shelter-nfi-donor-a-north-centre-population.xlsx",
            BriefingService.FileName(new EquityScope(2019, "Shelter/NFI", "Donor A", Regions.NorthCentre, Baseline.Population)));
        Assert.Equal("equity-briefing-IQG15-ninewa-2020.xlsx", Db.Briefing().GovernorateFileName("Nineveh", new EquityScope(2020, Region: Regions.South)));
    }
}
