using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>
/// Organisations per governorate and cluster as a count matrix (<see cref="Matrix"/>), and the
/// organisations one per row (<see cref="List"/>): on separate sheets, so each has its own column widths.
/// </summary>
internal static class PresenceSheet
{
    public const int HeaderRow = 5;
    public const string ListTableName = "OrganisationList";
    public const string AllClusters = "All clusters";

    public static readonly IReadOnlyList<string> ListHeaders = ["Governorate", "P-code", "Cluster", "Organisation", "Type", "Activities"];

    /// <param name="governorates">The governorates listed (all or a region's), with their engine figures.</param>
    public static void Matrix(IXLWorksheet ws, string title, EquityScope scope, IReadOnlyList<PresenceRow> rows,
        IReadOnlyList<AreaFigures> governorates, bool presenceLoaded)
    {
        var clusters = rows.Select(r => r.Cluster).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
        ws.Column(1).Width = 18;
        for (var col = 2; col <= clusters.Count + 2; col++) ws.Column(col).Width = 12;
        Xl.Title(ws, 1, "Presence: organisations per governorate and cluster");
        ws.Cell(2, 1).Text(scope.Describe());
        Xl.NoteLine(ws, 3, "Organisations are counted once per governorate and cluster (spellings and acronyms merged); "
            + $"'{AllClusters}' counts each organisation once in the governorate. The organisations are listed on the {BriefingSheets.Organisations} sheet.");
        if (!Loaded(ws, scope, rows, presenceLoaded))
        {
            Xl.Printable(ws, title);
            return;
        }

        var headers = new List<string> { "Governorate" };
        headers.AddRange(clusters);
        headers.Add(AllClusters);
        Xl.HeaderRow(ws, HeaderRow, 1, headers);
        var row = HeaderRow + 1;
        foreach (var g in governorates)
        {
            ws.Cell(row, 1).Text(g.Name);
            for (var i = 0; i < clusters.Count; i++)
            {
                var n = rows.Count(r => r.Pcode == g.Key && string.Equals(r.Cluster, clusters[i], StringComparison.OrdinalIgnoreCase));
                if (n > 0) ws.Cell(row, 2 + i).Number((long)n);
            }
            ws.Cell(row, headers.Count).Number((long)g.Orgs);
            ws.Cell(row, headers.Count).Style.Font.Bold = true;
            row++;
        }
        Xl.AlignNumericHeaders(ws, HeaderRow, row - 1, 2, headers.Count);
        ws.SheetView.Freeze(HeaderRow, 1);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }

    /// <summary>One row per organisation, governorate and cluster, as an Excel table.</summary>
    public static void List(IXLWorksheet ws, string title, EquityScope scope, IReadOnlyList<PresenceRow> rows,
        IReadOnlyList<AreaFigures> governorates, bool presenceLoaded, string heading)
    {
        Xl.Widths(ws, 18, 9, 24, 54, 12, 11);
        Xl.Title(ws, 1, heading);
        ws.Cell(2, 1).Text(scope.Describe());
        Xl.NoteLine(ws, 3, "One row per organisation, governorate and cluster; activities are distinct (organisation, cluster, district, activity).");
        if (!Loaded(ws, scope, rows, presenceLoaded))
        {
            Xl.Printable(ws, title);
            return;
        }
        Xl.HeaderRow(ws, HeaderRow, 1, ListHeaders);
        var names = governorates.ToDictionary(g => g.Key, g => g.Name);
        var row = HeaderRow + 1;
        foreach (var r in rows)
        {
            ws.Cell(row, 1).Text(names.GetValueOrDefault(r.Pcode, r.Pcode));
            ws.Cell(row, 2).Text(r.Pcode);
            ws.Cell(row, 3).Text(r.Cluster);
            ws.Cell(row, 4).Text(r.Organisation);
            ws.Cell(row, 5).Text(r.OrgType);
            ws.Cell(row, 6).Number((long)r.Activities);
            row++;
        }
        Xl.Table(ws, ListTableName, HeaderRow, 1, row - 1, ListHeaders.Count);
        ws.SheetView.FreezeRows(HeaderRow);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }

    /// <summary>Writes why there is nothing to show, and returns false, when there is nothing.</summary>
    private static bool Loaded(IXLWorksheet ws, EquityScope scope, IReadOnlyList<PresenceRow> rows, bool presenceLoaded)
    {
        if (presenceLoaded && rows.Count > 0) return true;
        Xl.NoteLine(ws, HeaderRow, presenceLoaded
            ? $"No organisation is reported present for {scope.Describe()}."
            : $"No presence (3W) data is loaded for {scope.Year}.");
        return false;
    }
}
