using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests.Briefing;

/// <summary>
/// Names that a spreadsheet would run as formulas, imported through the real importer, come out
/// of the workbook as plain text (string cells with the quote prefix) and in no formula.
/// </summary>
public sealed class FormulaInjectionTests : IAsyncLifetime
{
    private const string Hyperlink = "=HYPERLINK(\"http://example.invalid/x\",\"Click me\")";
    private const string Dde = "+cmd|' /C calc'!A0";
    private const string Minus = "-2+3";
    private const string At = "@SUM(1,2)";

    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        static string Q(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await _db.ImportOkAsync("presence.csv", RecordKind.Presence,
            "year,organisation,acronym,org_type,cluster,governorate,district,activity",
            $"2019,{Q(Hyperlink)},,INGO,Health,Ninewa,,",
            $"2019,{Q(Dde)},,{Q(At)},Health,Ninewa,,",
            $"2019,{Q(Minus)},,NNGO,WASH,Al-Basrah,,",
            $"2019,{Q("\tTabbed org")},,NNGO,WASH,Al-Basrah,,",
            $"2019,Plain Org,,NNGO,{Q("=1+1")},Al-Basrah,,");
        await _db.ImportOkAsync("funding.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
            $"2019,,{Q("=2*3")},,Health,Ninewa,1000,paid,,f1",
            $"2019,,{Q("@Donor")},,Health,Al-Basrah,500,paid,,f2");
        var path = _db.WriteCsv("need.csv",
            "year,governorate,cluster,people_in_need,targeted,reached",
            "2019,Ninewa,,100000,,",
            "2019,Al-Basrah,,50000,,");
        var report = await _db.Importer.ImportAsync(new Import.ImportRequest(path, RecordKind.Need) { SourceName = "=cmd|' /C notepad'!A0" });
        Assert.True(report.Committed);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Imported_names_starting_with_formula_characters_stay_text()
    {
        // What the store holds (the importer may trim), read independently of the workbook.
        var breakdown = _db.Services.GetRequiredService<BreakdownService>();
        var presence = await breakdown.PresenceAsync(new EquityScope(2019));
        var stored = presence.Select(p => p.Organisation)
            .Concat(presence.Select(p => p.OrgType ?? string.Empty))
            .Concat(presence.Select(p => p.Cluster))
            .Concat((await breakdown.DonorFlowsAsync(new EquityScope(2019))).Select(d => d.Donor))
            .Concat((await _db.Equity.SourcesForYearAsync(2019)).Select(b => b.SourceName))
            .Where(s => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            .Distinct()
            .ToList();
        foreach (var expected in new[] { Hyperlink, Dde, Minus, At, "=1+1", "=2*3", "@Donor", "=cmd|' /C notepad'!A0" })
            Assert.Contains(expected, stored);

        var stream = new MemoryStream();
        await _db.Briefing().WriteAsync(new EquityScope(2019), stream, CancellationToken.None);

        stream.Position = 0;
        using (var wb = new XLWorkbook(stream))
        {
            foreach (var text in stored)
            {
                var cells = wb.Worksheets.SelectMany(w => w.CellsUsed()).Where(c => !c.HasFormula && c.GetString() == text).ToList();
                Assert.True(cells.Count > 0, $"'{text}' is not in the workbook as a cell of its own");
                Assert.All(cells, c =>
                {
                    Assert.Equal(XLDataType.Text, c.DataType);
                    Assert.True(c.Style.IncludeQuotePrefix, $"{c.Worksheet.Name}!{c.Address} '{text}' has no quote prefix");
                });
            }
            var orgs = wb.Worksheet("Organisations").Table("OrganisationList").DataRange.Rows().Select(r => r.Cell(4).GetString()).ToList();
            Assert.Contains(Hyperlink, orgs);
            Assert.Contains(Dde, orgs);
        }

        // The file itself: every formula is one the writer made (SUM / IF over cells), none holds imported text.
        stream.Position = 0;
        using var package = SpreadsheetDocument.Open(stream, false);
        var formulas = package.WorkbookPart!.WorksheetParts
            .SelectMany(p => p.Worksheet.Descendants<CellFormula>())
            .Select(f => f.Text)
            .ToList();
        Assert.NotEmpty(formulas);
        Assert.All(formulas, f => Assert.Matches(@"^(SUM|IF|IF\(N)\(", f));
        Assert.DoesNotContain(formulas, f => f.Contains("HYPERLINK", StringComparison.OrdinalIgnoreCase) || f.Contains("cmd", StringComparison.OrdinalIgnoreCase));
    }
}
