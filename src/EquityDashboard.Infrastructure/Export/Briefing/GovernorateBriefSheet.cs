using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>The first sheet of a one-governorate briefing: its figures beside the national ones, flags, findings.</summary>
internal static class GovernorateBriefSheet
{
    public const int KeyFiguresHeaderRow = 7;
    private const double NoteWidth = 70;

    public static void Write(IXLWorksheet ws, GovernorateBriefingContent c, string title)
    {
        var d = c.Detail;
        var g = d.Figures;
        var t = d.Table;
        var b = c.Scope.Baseline;
        Xl.Widths(ws, 30, 18, 18, NoteWidth);

        Xl.Title(ws, 1, $"{d.Governorate.Name} ({d.Governorate.Pcode}): funding and need briefing");
        ws.Cell(2, 1).Text("Scope");
        ws.Cell(2, 2).Text(c.Scope.Describe());
        ws.Cell(3, 1).Text("Region");
        ws.Cell(3, 2).Text($"{d.Governorate.Region}; prepared {c.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC with EquityDashboard");
        ws.Range(2, 1, 3, 1).Style.Font.Bold = true;
        var illustrative = d.Sources.Count(s => s.IsIllustrative);
        if (illustrative > 0)
        {
            var text = $"ILLUSTRATIVE DATA: {illustrative} of the data sources are invented for demonstration (see Sources). Do not quote their figures as real.";
            var warning = ws.Cell(4, 1).Text(text);
            warning.Style.Font.Bold = true;
            warning.Style.Fill.BackgroundColor = Xl.IllustrativeFill;
            ws.Range(4, 1, 4, 4).Merge();
            Xl.Wrap(ws, 4, 1, text, 30 + 18 + 18 + NoteWidth);
        }

        Xl.Heading(ws, 6, "Key figures");
        Xl.HeaderRow(ws, KeyFiguresHeaderRow, 1, ["Figure", d.Governorate.Name, "Iraq (national)", "What it means"]);
        var row = KeyFiguresHeaderRow + 1;
        // A figure resting on illustrative data: its cell filled and its note saying so.
        void Line(string label, Action<IXLCell> mine, Action<IXLCell>? national, string text, FigureSet figure = FigureSet.None)
        {
            var invented = g.IsIllustrative(figure);
            var note = invented ? $"{text} {Xl.IllustrativeNote}" : text;
            ws.Cell(row, 1).Text(label);
            mine(ws.Cell(row, 2));
            if (invented) Xl.MarkIllustrative(ws.Cell(row, 2));
            national?.Invoke(ws.Cell(row, 3));
            ws.Cell(row, 4).Text(note);
            Xl.Wrap(ws, row, 4, note, NoteWidth);
            ws.Row(row).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            row++;
        }
        Line(BaselineWords.For(b).Label, x => x.Number(g.Need), x => x.Number(t.TotalNeed),
            g.Need is null ? "Not reported for this governorate: no share, ratio or gap can be computed." : "The need figure of the scope.", FigureSet.Need);
        Line("Funding (USD)", x => x.Number(g.FundingUsd, Xl.Usd), x => x.Number(t.TotalFundingUsd, Xl.Usd),
            "Counted funding attributed to this governorate alone (national: all allocated funding, F).", FigureSet.Funding);
        Line("Funding share", x => x.Number(g.FundingShare, Xl.Share), null, "Its part of all allocated funding.", FigureSet.FundingShare);
        Line(BaselineWords.For(b).ShareLabel, x => x.Number(g.NeedShare, Xl.Share), null, "Its part of the national need.", FigureSet.NeedShare);
        Line("Equity ratio", x =>
        {
            if (g.EquityRatio is null) x.Text(Money.Ratio(null));
            else x.Number(g.EquityRatio, Xl.Ratio);
        }, null, "Funding share / need share: 1 = in proportion to need.", FigureSet.EquityRatio);
        Line(BaselineWords.For(b).UsdPerPersonInWorkbook, x => x.Number(g.UsdPerPin, Xl.UsdCents), x => x.Number(t.UsdPerPin, Xl.UsdCents),
            "Funding per person; the national figure is the parity rate.", FigureSet.UsdPerPin);
        Line("Gap to parity (USD)", x => x.Number(g.GapToParityUsd, Xl.Usd), null,
            "Funding it would need to be at the national rate (negative: above it).", FigureSet.GapToParity);
        Line($"Funding {c.Scope.Year - 1} (USD)", x => x.Number(g.PreviousFundingUsd, Xl.Usd), null, "The previous year, same scope.");
        Line($"Change on {c.Scope.Year - 1}", x => x.Number(g.YoyChange, Xl.Share), null,
            g.CoverageNote ?? "Over the funding sources reporting both years; undefined when they gave nothing the previous year.", FigureSet.YoyChange);
        Line("Organisations", x => x.Number((long)g.Orgs), null,
            t.PresenceLoaded ? "Distinct organisations reported present." : $"No presence (3W) data is loaded for {c.Scope.Year}.", FigureSet.Orgs);
        Line("Activities", x => x.Number((long)g.Activities), null, "Distinct activities reported.");
        Line(BaselineWords.For(b).OrgsPer100k, x => x.Number(g.OrgsPer100kNeed, Xl.Rate), null, "Organisations per 100,000 of the need figure.");
        Line("Security incidents", x => x.Number(g.Incidents), null,
            t.IncidentDataLoaded ? "Incidents recorded in the year." : $"No incident data is loaded for {c.Scope.Year}.");
        Line("Incidents per 100k people in need", x => x.Number(g.IncidentsPer100kPin, Xl.Rate), null,
            $"Above {t.Thresholds.AccessIncidentsPer100kPin:0.##} the governorate is access-constrained.");

        row++;
        Xl.Heading(ws, row++, "Flags");
        if (g.Flags.Count == 0) ws.Cell(row++, 1).Text("No flag is raised.");
        foreach (var flag in g.Flags)
        {
            ws.Cell(row, 1).Text(flag.Code);
            ws.Cell(row, 2).Text(flag.Reason);
            ws.Range(row, 2, row, 4).Merge();
            Xl.Wrap(ws, row, 2, flag.Reason, 18 + 18 + NoteWidth);
            row++;
        }

        row++;
        Xl.Heading(ws, row++, $"Findings about {d.Governorate.Name} and {d.Governorate.Region}");
        if (c.Findings.Count == 0) ws.Cell(row++, 1).Text("No national finding names this governorate or its region.");
        foreach (var (finding, i) in c.Findings.Select((f, i) => (f, i)))
        {
            ws.Cell(row, 1).Text($"{i + 1}. {BriefSheet.TopicLabel(finding.Topic)}");
            ws.Cell(row, 1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            ws.Cell(row, 2).Text(finding.FullText);
            ws.Range(row, 2, row, 4).Merge();
            if (finding.RestsOnIllustrative) Xl.MarkIllustrative(ws.Cell(row, 2));
            Xl.Wrap(ws, row, 2, finding.FullText, 18 + 18 + NoteWidth);
            row++;
        }
        Xl.Printable(ws, title);
    }
}
