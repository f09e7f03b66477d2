using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>
/// Region figures of the scope, then the region figures year by year laid out for charting
/// (years down, regions across). The workbook has no chart: the sheet says how to draw one.
/// </summary>
internal static class RegionsSheet
{
    public const int HeaderRow = 4;
    public const string TableName = "RegionTable";
    public const string FundingByYearTable = "FundingByYear";
    public const string ChartNote = "This workbook contains no chart (it is written without charts). To draw one, select the table below and choose Insert > Chart, then a line or column chart: years run down, one column per region.";

    public static IReadOnlyList<string> Headers(EquityScope scope) =>
    [
        "Region", "Governorates", BaselineWords.For(scope.Baseline).Label, "Funding (USD)", "Funding share",
        BaselineWords.For(scope.Baseline).ShareLabel, "Equity ratio", BaselineWords.For(scope.Baseline).UsdPerPersonInWorkbook,
        "Gap to parity (USD)", $"Funding {scope.Year - 1} (USD)", $"Change on {scope.Year - 1}", "Organisations",
        "Security incidents", "Flags", "Reasons",
    ];

    public static void Write(IXLWorksheet ws, BriefingContent c, string title)
    {
        var t = c.Table;
        var scope = t.Scope;
        Xl.Widths(ws, 13, 15, 15, 16, 15, 15, 8, 11, 15, 15, 8, 11, 9, 16, 46);
        Xl.Title(ws, 1, "Regions: funding against " + BaselineWords.For(scope.Baseline).Lower);
        ws.Cell(2, 1).Text(scope.Describe());
        Xl.NoteLine(ws, 3, "A region adds up its governorates' funding and need and counts distinct organisations; shares are against national totals.");

        var headers = Headers(scope);
        Xl.HeaderRow(ws, HeaderRow, 1, headers);
        var row = HeaderRow + 1;
        foreach (var r in t.Regions)
        {
            ws.Cell(row, 1).Text(r.Name);
            ws.Cell(row, 2).Number((long)t.Governorates.Count(g => g.Region == r.Key));
            ws.Cell(row, 3).Number(r.Need);
            ws.Cell(row, 4).Number(r.FundingUsd, Xl.Usd);
            ws.Cell(row, 5).Number(r.FundingShare, Xl.Share);
            ws.Cell(row, 6).Number(r.NeedShare, Xl.Share);
            if (r.EquityRatio is null) ws.Cell(row, 7).Text(Money.Ratio(null));
            else ws.Cell(row, 7).Number(r.EquityRatio, Xl.Ratio);
            ws.Cell(row, 8).Number(r.UsdPerPin, Xl.UsdCents);
            ws.Cell(row, 9).Number(r.GapToParityUsd, Xl.Usd);
            ws.Cell(row, 10).Number(r.PreviousFundingUsd, Xl.Usd);
            ws.Cell(row, 11).Number(r.YoyChange, Xl.Share);
            ws.Cell(row, 12).Number((long)r.Orgs);
            if (t.IncidentDataLoaded) ws.Cell(row, 13).Number(r.Incidents);
            ws.Cell(row, 14).Text(string.Join(", ", r.Flags.Select(f => f.Code)));
            ws.Cell(row, 14).Style.Alignment.WrapText = true;
            var reasons = string.Join("\n", r.Flags.Select(f => f.Reason));
            ws.Cell(row, 15).Text(reasons);
            Xl.Wrap(ws, row, 15, reasons, 46);
            ws.Row(row).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            row++;
        }
        var last = row - 1;
        Xl.Table(ws, TableName, HeaderRow, 1, last, headers.Count);
        Xl.RatioScale(ws.Range(HeaderRow + 1, 7, last, 7));

        row = last + 3;
        var years = c.Trends.Select(x => x.Year).Distinct().Order().ToList();
        var regions = c.Trends.Select(x => x.Region).Distinct().ToList();
        if (years.Count == 0)
        {
            Xl.NoteLine(ws, row, "No year has data for this scope: there is no year-on-year table.");
        }
        else
        {
            Xl.Note(ws, row++, ChartNote, 14 + 16 * 4, 1);
            ws.Range(row - 1, 1, row - 1, 5).Merge();
            row = YearTable(ws, row, "Funding by region and year (USD)", years, regions, c.Trends, x => (double)x.FundingUsd, Xl.Usd,
                withTotal: true, tableName: FundingByYearTable);
            row = YearTable(ws, row + 1, "Change on the previous year (funding from the sources reporting both years)", years, regions, c.Trends,
                x => x.YoyChange, Xl.Share);
            row = YearTable(ws, row + 1, "Change on the previous year (all funding, whatever reports each year)", years, regions, c.Trends,
                x => x.RawYoyChange, Xl.Share);
            row = CoverageNotes(ws, row + 1, years, c.Trends);
            row = YearTable(ws, row + 1, "USD per person in need by region and year (people-in-need baseline)", years, regions, c.Trends,
                x => x.UsdPerPin, Xl.UsdCents);
            YearTable(ws, row + 1, "Organisations present by region and year", years, regions, c.Trends, x => x.Orgs, Xl.Count);
        }

        ws.SheetView.FreezeRows(HeaderRow);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }

    /// <summary>
    /// One line per year (after the first) whose funding sources differ from the year before's: which
    /// started or ended, and that the first change table compares only the sources of both years.
    /// </summary>
    private static int CoverageNotes(IXLWorksheet ws, int row, IReadOnlyList<int> years, IReadOnlyList<TrendRow> trends)
    {
        Xl.Heading(ws, row++, "Funding sources by year");
        var changed = years.Skip(1)
            .Select(y => trends.First(t => t.Year == y))
            .Where(t => t.SourcesStarted is { Count: > 0 } || t.SourcesEnded is { Count: > 0 })
            .ToList();
        if (changed.Count == 0)
        {
            Xl.NoteLine(ws, row++, "The same funding sources report every year shown: both change tables are the same.");
            return row;
        }
        foreach (var t in changed)
        {
            var parts = new List<string>();
            if (t.SourcesStarted is { Count: > 0 } started) parts.Add("starts: " + string.Join("; ", started));
            if (t.SourcesEnded is { Count: > 0 } ended) parts.Add("no longer reported: " + string.Join("; ", ended));
            ws.Cell(row, 1).SetValue(t.Year);
            ws.Cell(row, 2).Text("Coverage changed, " + string.Join("; ", parts)
                + ". The first change table compares only the sources reporting both years.");
            row++;
        }
        return row;
    }

    /// <summary>A block with years down and regions across; returns the row after it.</summary>
    private static int YearTable(IXLWorksheet ws, int row, string heading, IReadOnlyList<int> years, IReadOnlyList<string> regions,
        IReadOnlyList<TrendRow> trends, Func<TrendRow, double?> value, string format, bool withTotal = false, string? tableName = null)
    {
        Xl.Heading(ws, row++, heading);
        var headers = new List<string> { "Year" };
        headers.AddRange(regions);
        if (withTotal) headers.Add("Total");
        Xl.HeaderRow(ws, row, 1, headers);
        var headerRow = row++;
        foreach (var year in years)
        {
            ws.Cell(row, 1).SetValue(year);
            for (var i = 0; i < regions.Count; i++)
            {
                var trend = trends.FirstOrDefault(x => x.Year == year && x.Region == regions[i]);
                if (trend is not null) ws.Cell(row, 2 + i).Number(value(trend), format);
            }
            if (withTotal)
                ws.Cell(row, 2 + regions.Count).Formula($"SUM(B{row}:{Xl.Col(1 + regions.Count)}{row})", format);
            row++;
        }
        if (tableName is not null) Xl.Table(ws, tableName, headerRow, 1, row - 1, headers.Count);
        else Xl.AlignNumericHeaders(ws, headerRow, row - 1, 1, headers.Count);
        return row;
    }
}
