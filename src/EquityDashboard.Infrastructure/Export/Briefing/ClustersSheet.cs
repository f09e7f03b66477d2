using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>Need against funding per cluster (national, one region or one governorate).</summary>
internal static class ClustersSheet
{
    public const int HeaderRow = 5;
    public const string TableName = "ClusterTable";

    public static readonly IReadOnlyList<string> Headers =
        ["Cluster", "People in need (cluster)", "Funding (USD)", "Share of funding", "USD per person in need", "Organisations"];

    public static void Write(IXLWorksheet ws, string title, EquityScope scope, IReadOnlyList<ClusterRow> rows, string place, bool includesUnallocated)
    {
        Xl.Widths(ws, 30, 16, 18, 12, 16, 14);
        Xl.Title(ws, 1, $"Clusters: need and funding, {place}");
        ws.Cell(2, 1).Text(scope.Describe());
        Xl.NoteLine(ws, 3, "Cluster people-in-need figures overlap (one person can need help from several clusters), so they are not added up.");
        Xl.NoteLine(ws, 4, includesUnallocated
            ? "Funding includes money not attributed to one governorate; funding that names no cluster is its own row."
            : "Funding is the money located here; funding that names no cluster is its own row.");

        Xl.HeaderRow(ws, HeaderRow, 1, Headers);
        if (rows.Count == 0)
        {
            Xl.NoRows(ws, title, HeaderRow, $"No cluster need, funding or presence is recorded for {scope.Describe()}.");
            return;
        }
        var first = HeaderRow + 1;
        var last = first + rows.Count - 1;
        var total = last + 1;
        var row = first;
        foreach (var r in rows)
        {
            ws.Cell(row, 1).Text(r.Cluster);
            ws.Cell(row, 2).Number(r.PeopleInNeed);
            ws.Cell(row, 3).Number(r.FundingUsd, Xl.Usd);
            ws.Cell(row, 4).Formula($"IF($C${total}>0,C{row}/$C${total},\"\")", Xl.Share);
            ws.Cell(row, 5).Formula($"IF(N(B{row})>0,C{row}/B{row},\"\")", Xl.UsdCents);
            ws.Cell(row, 6).Number((long)r.Orgs);
            row++;
        }
        Xl.Table(ws, TableName, HeaderRow, 1, last, Headers.Count);
        ws.Cell(total, 1).Text("Total funding");
        ws.Cell(total, 3).Formula($"SUM(C{first}:C{last})", Xl.Usd);
        ws.Cell(total, 4).Formula($"SUM(D{first}:D{last})", Xl.Share);
        Xl.TotalsStyle(ws, total, 1, Headers.Count);
        ws.SheetView.FreezeRows(HeaderRow);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }
}
