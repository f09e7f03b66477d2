using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>The donor, trend and incident sheets of a one-governorate briefing.</summary>
internal static class GovernorateSheets
{
    public const int HeaderRow = 4;
    public static readonly IReadOnlyList<string> DonorHeaders = ["Donor", "Funding (USD)", "Share of the governorate's funding"];
    public static readonly IReadOnlyList<string> IncidentHeaders = ["Year", "Type", "Incidents"];

    public static IReadOnlyList<string> TrendHeaders(Baseline b) =>
        ["Year", "Funding (USD)", "People in need", BaselineWords.For(b).UsdPerPersonInWorkbook, "Equity ratio", "Organisations", "Security incidents",
            "Change on the previous year (sources reporting both years)", "Change on the previous year (all funding)", "Funding sources"];

    public static void Donors(IXLWorksheet ws, GovernorateBriefingContent c, string title)
    {
        var d = c.Detail;
        Xl.Widths(ws, 40, 18, 18);
        Xl.Title(ws, 1, $"Donors: funding to {d.Governorate.Name}");
        ws.Cell(2, 1).Text(c.Scope.Describe());
        Xl.NoteLine(ws, 3, "Counted funding attributed to this governorate alone; money for several governorates or the whole country is not here.");
        Xl.HeaderRow(ws, HeaderRow, 1, DonorHeaders);
        var donors = d.Donors.GroupBy(x => x.Donor).Select(x => (Donor: x.Key, Usd: x.Sum(y => y.FundingUsd)))
            .OrderByDescending(x => x.Usd).ThenBy(x => x.Donor, StringComparer.OrdinalIgnoreCase).ToList();
        if (donors.Count == 0)
        {
            Xl.NoRows(ws, title, HeaderRow, $"No counted funding to {d.Governorate.Name} is recorded for {c.Scope.Describe()}.");
            return;
        }
        var first = HeaderRow + 1;
        var total = first + donors.Count;
        var row = first;
        foreach (var (donor, usd) in donors)
        {
            ws.Cell(row, 1).Text(donor);
            ws.Cell(row, 2).Number(usd, Xl.Usd);
            ws.Cell(row, 3).Formula($"IF($B${total}>0,B{row}/$B${total},\"\")", Xl.Share);
            row++;
        }
        Xl.Table(ws, "DonorTable", HeaderRow, 1, total - 1, DonorHeaders.Count);
        ws.Cell(total, 1).Text("Total");
        ws.Cell(total, 2).Formula($"SUM(B{first}:B{total - 1})", Xl.Usd);
        ws.Cell(total, 3).Formula($"SUM(C{first}:C{total - 1})", Xl.Share);
        Xl.TotalsStyle(ws, total, 1, DonorHeaders.Count);
        ws.SheetView.FreezeRows(HeaderRow);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }

    public static void Trend(IXLWorksheet ws, GovernorateBriefingContent c, string title)
    {
        var d = c.Detail;
        var headers = TrendHeaders(c.Scope.Baseline);
        Xl.Widths(ws, 10, 18, 16, 18, 12, 14, 14, 18, 18, 60);
        Xl.Title(ws, 1, $"Trend: {d.Governorate.Name} year by year");
        ws.Cell(2, 1).Text($"Every year with data; otherwise the scope {c.Scope.Describe()}");
        Xl.NoteLine(ws, 3, RegionsSheet.ChartNote);
        Xl.HeaderRow(ws, HeaderRow, 1, headers);
        if (d.Trend.Count == 0)
        {
            Xl.NoRows(ws, title, HeaderRow, "No year has data.");
            return;
        }
        var row = HeaderRow + 1;
        foreach (var y in d.Trend)
        {
            ws.Cell(row, 1).SetValue(y.Year);
            ws.Cell(row, 2).Number(y.FundingUsd, Xl.Usd);
            ws.Cell(row, 3).Number(y.PeopleInNeed);
            ws.Cell(row, 4).Number(y.UsdPerPin, Xl.UsdCents);
            ws.Cell(row, 5).Number(y.EquityRatio, Xl.Ratio);
            ws.Cell(row, 6).Number((long)y.Orgs);
            ws.Cell(row, 7).Number(y.Incidents);
            ws.Cell(row, 8).Number(y.YoyChange, Xl.Share);
            ws.Cell(row, 9).Number(y.RawYoyChange, Xl.Share);
            // The first year has nothing to change from: its sources are listed, not called a start.
            ws.Cell(row, 10).Text(row == HeaderRow + 1 ? string.Join("; ", y.Sources ?? []) : y.CoverageNote ?? "same sources as the year before");
            row++;
        }
        Xl.Table(ws, "TrendTable", HeaderRow, 1, row - 1, headers.Count);
        Xl.RatioScale(ws.Range(HeaderRow + 1, 5, row - 1, 5));
        ws.SheetView.FreezeRows(HeaderRow);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }

    public static void Incidents(IXLWorksheet ws, GovernorateBriefingContent c, string title)
    {
        var d = c.Detail;
        Xl.Widths(ws, 10, 40, 14);
        Xl.Title(ws, 1, $"Security incidents: {d.Governorate.Name}");
        Xl.NoteLine(ws, 2, "Every year with incident data; incidents per 100,000 people in need are on the Brief and Trend sheets.");
        Xl.HeaderRow(ws, HeaderRow, 1, IncidentHeaders);
        if (d.Incidents.Count == 0)
        {
            Xl.NoRows(ws, title, HeaderRow, $"No security incident is recorded for {d.Governorate.Name}.");
            return;
        }
        var first = HeaderRow + 1;
        var row = first;
        foreach (var i in d.Incidents)
        {
            ws.Cell(row, 1).SetValue(i.Year);
            ws.Cell(row, 2).Text(i.Type);
            ws.Cell(row, 3).Number((long)i.Count);
            row++;
        }
        Xl.Table(ws, "IncidentTable", HeaderRow, 1, row - 1, IncidentHeaders.Count);
        ws.Cell(row, 2).Text("Total");
        ws.Cell(row, 3).Formula($"SUM(C{first}:C{row - 1})", Xl.Count);
        Xl.TotalsStyle(ws, row, 1, IncidentHeaders.Count);
        ws.SheetView.FreezeRows(HeaderRow);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }
}
