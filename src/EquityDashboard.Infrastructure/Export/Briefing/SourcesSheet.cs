using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>Every import batch the workbook draws on, with its provenance; illustrative batches marked.</summary>
internal static class SourcesSheet
{
    public const int HeaderRow = 4;
    public const string TableName = "SourceTable";
    public const string IllustrativeMark = "ILLUSTRATIVE (invented demonstration data)";

    public static readonly IReadOnlyList<string> Headers =
    [
        "Batch", "Source", "File", "Kind", "Format", "Worksheet", "Reference period", "Imported at (UTC)",
        "Rows read", "Rows written", "Rows skipped", "SHA-256", "Illustrative", "Used for", "Money",
    ];

    public static void Write(IXLWorksheet ws, string title, IReadOnlyList<BriefingSource> sources, IReadOnlyList<PooledFundOverlap> overlaps)
    {
        Xl.Widths(ws, 7, 34, 26, 9, 9, 10, 10, 16, 8, 8, 8, 34, 16, 13, 22);
        Xl.Title(ws, 1, "Sources: the import batches used");
        Xl.NoteLine(ws, 2, "Each file was imported as one batch; every figure in this workbook comes from the batches below.");
        Xl.NoteLine(ws, 3, "SHA-256 identifies the exact file imported. Illustrative batches are invented for demonstration and highlighted.");
        Xl.HeaderRow(ws, HeaderRow, 1, Headers);
        if (sources.Count == 0)
        {
            Xl.NoRows(ws, title, HeaderRow, "No import batch holds data for this scope.");
            return;
        }
        var row = HeaderRow + 1;
        foreach (var s in sources)
        {
            var b = s.Batch;
            ws.Cell(row, 1).SetValue(b.Id);
            ws.Cell(row, 2).Text(b.SourceName);
            ws.Cell(row, 3).Text(b.FileName);
            ws.Cell(row, 4).Text(b.Kind.ToString().ToLowerInvariant());
            ws.Cell(row, 5).Text(b.Format);
            ws.Cell(row, 6).Text(b.SheetName);
            ws.Cell(row, 7).Text(Period(b));
            ws.Cell(row, 8).SetValue(b.ImportedAt.UtcDateTime);
            ws.Cell(row, 8).Style.NumberFormat.Format = Xl.Timestamp;
            ws.Cell(row, 9).Number((long)b.RowsRead);
            ws.Cell(row, 10).Number((long)b.RowsWritten);
            ws.Cell(row, 11).Number((long)b.RowsSkipped);
            ws.Cell(row, 12).Text(b.Sha256);
            ws.Cell(row, 13).Text(b.IsIllustrative ? IllustrativeMark : "no");
            ws.Cell(row, 14).Text(s.InYearFigures ? "figures of the year" : "year-on-year table");
            ws.Cell(row, 15).Text(MoneyOf(b, overlaps));
            ws.Row(row).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            foreach (var (col, text) in new[] { (2, b.SourceName), (3, b.FileName), (12, b.Sha256), (13, ws.Cell(row, 13).GetString()), (14, ws.Cell(row, 14).GetString()), (15, ws.Cell(row, 15).GetString()) })
                Xl.Wrap(ws, row, col, text, ws.Column(col).Width);
            if (b.IsIllustrative) ws.Range(row, 1, row, Headers.Count).Style.Fill.BackgroundColor = Xl.IllustrativeFill;
            row++;
        }
        Xl.Table(ws, TableName, HeaderRow, 1, row - 1, Headers.Count);
        var noteRow = row + 1;
        foreach (var overlap in overlaps)
        {
            Xl.NoteLine(ws, noteRow, "Counted through the pooled fund: " + overlap.Describe());
            noteRow++;
        }
        ws.SheetView.FreezeRows(HeaderRow);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }

    /// <summary>What a funding batch's money is (empty for other kinds); reported flows say when some were counted through a pooled fund.</summary>
    public static string MoneyOf(ImportBatch b, IReadOnlyList<PooledFundOverlap> overlaps) => b.Kind != RecordKind.Funding ? string.Empty : b.Money switch
    {
        FundingMoney.PooledFundAllocations => $"allocations of the {b.PooledFund}",
        FundingMoney.ReportedFlows when overlaps.Count > 0 =>
            $"flows reported to FTS; those from or into the {string.Join(", ", overlaps.Select(o => o.Fund))} counted through the pooled fund",
        FundingMoney.ReportedFlows => "flows reported to FTS",
        _ => "funding as given",
    };

    /// <summary>"2019", "2017–2020", or "not recorded".</summary>
    public static string Period(ImportBatch b) => (b.FirstYear, b.LastYear) switch
    {
        ({ } f, { } l) when f == l => $"{f}",
        ({ } f, { } l) => $"{f}–{l}",
        _ => "not recorded",
    };
}
