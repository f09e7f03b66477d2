using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>
/// The full gap table as an Excel table: one row per governorate with the engine's figures,
/// then a totals row of live formulas (SUM, and USD per person in need as F / N).
/// </summary>
internal static class GovernoratesSheet
{
    public const int HeaderRow = 4;
    public const int FirstDataRow = HeaderRow + 1;
    public const string TableName = "GapTable";

    // Column numbers (1-based).
    public const int Pcode = 1, Name = 2, Region = 3, Need = 4, Funding = 5, FundingShare = 6, NeedShare = 7, Ratio = 8,
        PerPerson = 9, Gap = 10, Previous = 11, Change = 12, Orgs = 13, Activities = 14, OrgsPer100k = 15,
        Incidents = 16, IncidentsPer100k = 17, Flags = 18, Reasons = 19, Illustrative = 20;

    private const double ReasonsWidth = 46;

    public static IReadOnlyList<string> Headers(EquityScope scope) =>
    [
        "P-code", "Governorate", "Region", BaselineWords.For(scope.Baseline).Label, "Funding (USD)", "Funding share",
        BaselineWords.For(scope.Baseline).ShareLabel, "Equity ratio", BaselineWords.For(scope.Baseline).UsdPerPersonInWorkbook,
        "Gap to parity (USD)", $"Funding {scope.Year - 1} (USD)", $"Change on {scope.Year - 1}", "Organisations", "Activities",
        BaselineWords.For(scope.Baseline).OrgsPer100k, "Security incidents", "Incidents per 100k PiN", "Flags", "Reasons",
        "Rests on illustrative data",
    ];

    public static void Write(IXLWorksheet ws, BriefingContent c, string title)
    {
        var t = c.Table;
        var scope = t.Scope;
        Xl.Widths(ws, 8, 14, 11, 12, 15, 8, 10, 7, 11, 15, 15, 8, 11, 9, 9, 9, 9, 16, ReasonsWidth, Xl.IllustrativeWidth);
        Xl.Title(ws, 1, scope.Region is { } r ? $"Governorates of {r}: funding against {BaselineWords.For(scope.Baseline).Lower}" : $"Governorates: funding against {BaselineWords.For(scope.Baseline).Lower}");
        ws.Cell(2, 1).Text(scope.Describe());
        Xl.NoteLine(ws, 3, "Shares, ratios and gaps are against national totals. Equity ratio = funding share / need share: 1 is funding in proportion to need.");

        var headers = Headers(scope);
        Xl.HeaderRow(ws, HeaderRow, 1, headers);
        var row = FirstDataRow;
        foreach (var g in t.Governorates)
        {
            WriteArea(ws, row, g, t.IncidentDataLoaded);
            row++;
        }
        var last = row - 1;
        Xl.Table(ws, TableName, HeaderRow, 1, last, headers.Count);
        Xl.RatioScale(ws.Range(FirstDataRow, Ratio, last, Ratio));

        var totals = last + 1;
        WriteTotals(ws, totals, FirstDataRow, last, scope, t.IncidentDataLoaded);
        var next = totals + 1;
        if (scope.Region is not null)
        {
            ws.Cell(next, Name).Text("Iraq (national)");
            ws.Cell(next, Need).Number(t.TotalNeed);
            ws.Cell(next, Funding).Number(t.TotalFundingUsd, Xl.Usd);
            ws.Cell(next, PerPerson).Number(t.UsdPerPin, Xl.UsdCents);
            ws.Range(next, 1, next, headers.Count).Style.Font.Italic = true;
            next++;
        }

        next++;
        foreach (var note in Notes(scope, t))
        {
            Xl.NoteLine(ws, next++, note);
        }

        ws.SheetView.Freeze(HeaderRow, Name);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }

    /// <summary>One governorate's (or region's) row: the engine's figures, undefined ones left empty.</summary>
    private static void WriteArea(IXLWorksheet ws, int row, AreaFigures g, bool incidentsLoaded)
    {
        ws.Cell(row, Pcode).Text(g.Key);
        ws.Cell(row, Name).Text(g.Name);
        ws.Cell(row, Region).Text(g.Region);
        ws.Cell(row, Need).Number(g.Need);
        ws.Cell(row, Funding).Number(g.FundingUsd, Xl.Usd);
        ws.Cell(row, FundingShare).Number(g.FundingShare, Xl.Share);
        ws.Cell(row, NeedShare).Number(g.NeedShare, Xl.Share);
        if (g.EquityRatio is null) ws.Cell(row, Ratio).Text(Money.Ratio(null));
        else ws.Cell(row, Ratio).Number(g.EquityRatio, Xl.Ratio);
        ws.Cell(row, PerPerson).Number(g.UsdPerPin, Xl.UsdCents);
        ws.Cell(row, Gap).Number(g.GapToParityUsd, Xl.Usd);
        ws.Cell(row, Previous).Number(g.PreviousFundingUsd, Xl.Usd);
        ws.Cell(row, Change).Number(g.YoyChange, Xl.Share);
        ws.Cell(row, Orgs).Number((long)g.Orgs);
        ws.Cell(row, Activities).Number((long)g.Activities);
        ws.Cell(row, OrgsPer100k).Number(g.OrgsPer100kNeed, Xl.Rate);
        if (incidentsLoaded) ws.Cell(row, Incidents).Number(g.Incidents);
        ws.Cell(row, IncidentsPer100k).Number(g.IncidentsPer100kPin, Xl.Rate);
        ws.Cell(row, Flags).Text(string.Join(", ", g.Flags.Select(f => f.Code)));
        var reasons = string.Join("\n", g.Flags.Select(f => f.Reason));
        ws.Cell(row, Reasons).Text(reasons);
        Xl.Wrap(ws, row, Reasons, reasons, ReasonsWidth);
        ws.Cell(row, Flags).Style.Alignment.WrapText = true;
        ws.Cell(row, Flags).Style.Alignment.Indent = 1;
        Xl.Wrap(ws, row, Flags, ws.Cell(row, Flags).GetString(), 15);
        Xl.MarkIllustrative(ws, row, g, Illustrative, FigureColumns);
        ws.Row(row).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    private static readonly (FigureSet Figure, int Column)[] FigureColumns =
    [
        (FigureSet.Need, Need), (FigureSet.Funding, Funding), (FigureSet.FundingShare, FundingShare), (FigureSet.NeedShare, NeedShare),
        (FigureSet.EquityRatio, Ratio), (FigureSet.UsdPerPin, PerPerson), (FigureSet.GapToParity, Gap), (FigureSet.YoyChange, Change),
        (FigureSet.Orgs, Orgs), (FigureSet.Orgs, Activities), (FigureSet.Orgs, OrgsPer100k), (FigureSet.Incidents, Incidents),
        (FigureSet.Incidents, IncidentsPer100k), (FigureSet.Flags, Flags),
    ];

    /// <summary>The totals row: live formulas over the data rows.</summary>
    public static void WriteTotals(IXLWorksheet ws, int row, int first, int last, EquityScope scope, bool incidentsLoaded)
    {
        string Sum(int column) => $"SUM({Xl.Col(column)}{first}:{Xl.Col(column)}{last})";
        string At(int column) => $"{Xl.Col(column)}{row}";

        ws.Cell(row, Name).Text(scope.Region is { } r ? $"Total, {r}" : "Total");
        ws.Cell(row, Need).Formula(Sum(Need), Xl.Count);
        ws.Cell(row, Funding).Formula(Sum(Funding), Xl.Usd);
        ws.Cell(row, FundingShare).Formula(Sum(FundingShare), Xl.Share);
        ws.Cell(row, NeedShare).Formula(Sum(NeedShare), Xl.Share);
        ws.Cell(row, Ratio).Formula($"IF({At(NeedShare)}>0,{At(FundingShare)}/{At(NeedShare)},\"\")", Xl.Ratio);
        ws.Cell(row, PerPerson).Formula($"IF({At(Need)}>0,{At(Funding)}/{At(Need)},\"\")", Xl.UsdCents);
        ws.Cell(row, Gap).Formula(Sum(Gap), Xl.Usd);
        ws.Cell(row, Previous).Formula(Sum(Previous), Xl.Usd);
        ws.Cell(row, Change).Formula($"IF({At(Previous)}>0,({At(Funding)}-{At(Previous)})/{At(Previous)},\"\")", Xl.Share);
        ws.Cell(row, Activities).Formula(Sum(Activities), Xl.Count);
        if (incidentsLoaded)
        {
            ws.Cell(row, Incidents).Formula(Sum(Incidents), Xl.Count);
            if (scope.Baseline == Baseline.Pin)
                ws.Cell(row, IncidentsPer100k).Formula($"IF({At(Need)}>0,{At(Incidents)}/{At(Need)}*100000,\"\")", Xl.Rate);
        }
        Xl.TotalsStyle(ws, row, 1, Illustrative);
    }

    private static IEnumerable<string> Notes(EquityScope scope, EquityTable t)
    {
        yield return "Equity ratio colours (colour-blind-safe): orange below parity, near white at parity (1), purple at twice the share or more.";
        yield return "The total row holds live formulas: edit a funding or need figure and the totals, their equity ratio and "
            + $"{BaselineWords.For(scope.Baseline).UsdPerPersonInWorkbook} recompute. The per-governorate shares, ratios and gaps are the engine's figures and stay as written.";
        if (t.Governorates.Any(g => g.Illustrative != FigureSet.None))
            yield return Xl.IllustrativeRowsNote;
        yield return "Organisations are not added up (one organisation can work in several governorates); empty cells are undefined figures.";
        if (!t.IncidentDataLoaded) yield return $"No security incident data is loaded for {scope.Year}: the incident columns are empty.";
        if (!t.PresenceLoaded) yield return $"No presence (3W) data is loaded for {scope.Year}: organisations and activities read 0 and the no-presence flag is not evaluated.";
    }
}
