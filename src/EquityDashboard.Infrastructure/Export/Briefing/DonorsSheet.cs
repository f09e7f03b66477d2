using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>
/// Funding per donor, then where it went: governorates down, the largest donors across (the rest
/// in one "other donors" column), unallocated money as its own row.
/// </summary>
internal static class DonorsSheet
{
    public const int HeaderRow = 5;
    public const string TableName = "DonorTable";
    public const int MaxDonorColumns = 12;
    public const string Unallocated = "Unallocated";

    public static readonly IReadOnlyList<string> Headers =
        ["Donor", "Funding (USD)", "Share of funding", "Allocated to a governorate (USD)", "Unallocated (USD)", "Governorates reached"];

    public static void Write(IXLWorksheet ws, BriefingContent c, string title)
    {
        var scope = c.Scope;
        Xl.Widths(ws, 34, 17, 17, 17, 17, 17);
        for (var col = 7; col <= 2 + MaxDonorColumns + 2; col++) ws.Column(col).Width = 17;
        Xl.Title(ws, 1, "Donors: funding per donor and where it went");
        ws.Cell(2, 1).Text(scope.Describe());
        Xl.NoteLine(ws, 3, "Counted funding only (paid or committed, incoming); pledges are left out, as in every other figure.");
        Xl.NoteLine(ws, 4, scope.Region is { } r ? $"Only money located in {r} is listed." : "Unallocated money has no governorate: it is counted in the donor's total but in no governorate.");

        Xl.HeaderRow(ws, HeaderRow, 1, Headers);
        var donors = c.Donors
            .GroupBy(d => d.Donor)
            .Select(g => (Donor: g.Key, Total: g.Sum(d => d.FundingUsd), Allocated: g.Where(d => d.Pcode is not null).Sum(d => d.FundingUsd),
                Places: g.Where(d => d.Pcode is not null && d.FundingUsd > 0).Select(d => d.Pcode).Distinct().Count()))
            .OrderByDescending(d => d.Total).ThenBy(d => d.Donor, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (donors.Count == 0)
        {
            Xl.NoRows(ws, title, HeaderRow, $"No counted funding is recorded for {scope.Describe()}.");
            return;
        }

        var first = HeaderRow + 1;
        var last = first + donors.Count - 1;
        var total = last + 1;
        var row = first;
        foreach (var d in donors)
        {
            ws.Cell(row, 1).Text(d.Donor);
            ws.Cell(row, 2).Number(d.Total, Xl.Usd);
            ws.Cell(row, 3).Formula($"IF($B${total}>0,B{row}/$B${total},\"\")", Xl.Share);
            ws.Cell(row, 4).Number(d.Allocated, Xl.Usd);
            ws.Cell(row, 5).Number(d.Total - d.Allocated, Xl.Usd);
            ws.Cell(row, 6).Number((long)d.Places);
            row++;
        }
        Xl.Table(ws, TableName, HeaderRow, 1, last, Headers.Count);
        ws.Cell(total, 1).Text("Total");
        foreach (var col in new[] { 2, 4, 5 })
            ws.Cell(total, col).Formula($"SUM({Xl.Col(col)}{first}:{Xl.Col(col)}{last})", Xl.Usd);
        ws.Cell(total, 3).Formula($"SUM(C{first}:C{last})", Xl.Share);
        Xl.TotalsStyle(ws, total, 1, Headers.Count);

        Matrix(ws, total + 3, c, donors.Select(d => d.Donor).ToList());
        ws.SheetView.FreezeRows(HeaderRow);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }

    /// <summary>Governorates down, donors across; returns nothing, it is the last block of the sheet.</summary>
    private static void Matrix(IXLWorksheet ws, int row, BriefingContent c, IReadOnlyList<string> donorsByTotal)
    {
        Xl.Heading(ws, row++, "Where it went: governorate x donor (USD)");
        var shown = donorsByTotal.Take(donorsByTotal.Count > MaxDonorColumns ? MaxDonorColumns - 1 : MaxDonorColumns).ToList();
        var others = donorsByTotal.Count - shown.Count;
        var headers = new List<string> { "Governorate" };
        headers.AddRange(shown);
        if (others > 0) headers.Add($"{others} other donors");
        headers.Add("Total");
        Xl.HeaderRow(ws, row, 1, headers);
        var first = row + 1;

        var places = c.Table.Governorates.Select(g => ((string?)g.Key, g.Name)).ToList();
        if (c.Donors.Any(d => d.Pcode is null)) places.Add((null, Unallocated));
        row = first;
        foreach (var (pcode, name) in places)
        {
            ws.Cell(row, 1).Text(name);
            var flows = c.Donors.Where(d => d.Pcode == pcode).ToList();
            for (var i = 0; i < shown.Count; i++)
            {
                var sum = flows.Where(d => d.Donor == shown[i]).Sum(d => d.FundingUsd);
                if (sum != 0) ws.Cell(row, 2 + i).Number(sum, Xl.Usd);
            }
            if (others > 0)
            {
                var rest = flows.Where(d => !shown.Contains(d.Donor)).Sum(d => d.FundingUsd);
                if (rest != 0) ws.Cell(row, 2 + shown.Count).Number(rest, Xl.Usd);
            }
            var lastDonorCol = headers.Count - 1;
            ws.Cell(row, headers.Count).Formula($"SUM(B{row}:{Xl.Col(lastDonorCol)}{row})", Xl.Usd);
            row++;
        }
        ws.Cell(row, 1).Text("Total");
        for (var col = 2; col <= headers.Count; col++)
            ws.Cell(row, col).Formula($"SUM({Xl.Col(col)}{first}:{Xl.Col(col)}{row - 1})", Xl.Usd);
        Xl.TotalsStyle(ws, row, 1, headers.Count);
        Xl.AlignNumericHeaders(ws, first - 1, row, 2, headers.Count);
        if (places.Any(p => p.Item1 is null))
            Xl.NoteLine(ws, row + 1, $"{Unallocated}: funding for several governorates, the whole country or no stated place.");
    }
}
