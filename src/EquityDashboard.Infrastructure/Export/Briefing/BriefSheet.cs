using System.Globalization;
using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>The first sheet: title, scope, key figures, key findings, data sources and contents.</summary>
internal static class BriefSheet
{
    public const int LabelWidth = 34;
    public const int ValueWidth = 20;
    public const int NoteWidth = 92;

    /// <summary>Row of the key figures' header (the figures follow in the order of <see cref="KeyFigures"/>).</summary>
    public const int KeyFiguresHeaderRow = 7;

    public static void Write(IXLWorksheet ws, BriefingContent c, string title)
    {
        var t = c.Table;
        var scope = c.Scope;
        Xl.Widths(ws, LabelWidth, ValueWidth, NoteWidth);

        Xl.Title(ws, 1, c.Scope.Region is { } region ? $"Funding and need briefing: {region}, Iraq" : "Funding and need briefing: Iraq");
        ws.Cell(2, 1).Text("Scope");
        ws.Cell(2, 2).Text(scope.Describe());
        ws.Cell(3, 1).Text("Prepared");
        ws.Cell(3, 2).Text($"{c.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC with EquityDashboard, from the data sources listed below");
        ws.Range(2, 1, 3, 1).Style.Font.Bold = true;
        var illustrative = c.Sources.Where(s => s.InYearFigures && s.Batch.IsIllustrative).ToList();
        if (illustrative.Count > 0)
        {
            var warning = ws.Cell(4, 1).Text(
                $"ILLUSTRATIVE DATA: {illustrative.Count} of the data sources of {scope.Year} are invented for demonstration (marked below and on the Sources sheet). Do not quote their figures as real.");
            warning.Style.Font.Bold = true;
            warning.Style.Fill.BackgroundColor = Xl.IllustrativeFill;
            ws.Range(4, 1, 4, 3).Merge();
            Xl.Wrap(ws, 4, 1, warning.GetString(), LabelWidth + ValueWidth + NoteWidth);
        }

        Xl.Heading(ws, 6, "Key figures");
        Xl.HeaderRow(ws, KeyFiguresHeaderRow, 1, ["Figure", "Value", "What it means"]);
        var row = KeyFiguresHeaderRow + 1;
        foreach (var (label, write, text, figure) in KeyFigures(t))
        {
            var invented = (t.IllustrativeTotals & figure) != FigureSet.None;
            var note = invented ? $"{text} {Xl.IllustrativeNote}" : text;
            ws.Cell(row, 1).Text(label);
            write(ws.Cell(row, 2));
            if (invented) Xl.MarkIllustrative(ws.Cell(row, 2));
            ws.Cell(row, 3).Text(note);
            Xl.Wrap(ws, row, 3, note, NoteWidth);
            ws.Row(row).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            row++;
        }
        if (scope.Region is not null)
        {
            Xl.Note(ws, row, "Key figures are national: the region filter limits the lists, not the totals or shares.", NoteWidth, 3);
            row++;
        }

        row++;
        Xl.Heading(ws, row++, "Key findings");
        foreach (var (finding, i) in c.Findings.Select((f, i) => (f, i)))
        {
            ws.Cell(row, 1).Text($"{i + 1}. {TopicLabel(finding.Topic)}");
            ws.Cell(row, 1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            var text = finding.FullText;
            ws.Cell(row, 2).Text(text);
            ws.Range(row, 2, row, 3).Merge();
            if (finding.RestsOnIllustrative) Xl.MarkIllustrative(ws.Cell(row, 2));
            Xl.Wrap(ws, row, 2, text, ValueWidth + NoteWidth);
            row++;
        }

        row++;
        Xl.Heading(ws, row++, "Data sources");
        Xl.HeaderRow(ws, row++, 1, ["Source", "Reference period", "Kind, file and use"]);
        foreach (var s in c.Sources)
        {
            var b = s.Batch;
            ws.Cell(row, 1).Text(b.SourceName);
            Xl.Wrap(ws, row, 1, b.SourceName, LabelWidth);
            ws.Cell(row, 2).Text(SourcesSheet.Period(b));
            ws.Cell(row, 2).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            var use = s.InYearFigures ? $"figures of {scope.Year}" : "year-on-year table only";
            var note = $"{b.Kind.ToString().ToLowerInvariant()}, {b.FileName}; {use}{(b.IsIllustrative ? "; ILLUSTRATIVE" : string.Empty)}";
            ws.Cell(row, 3).Text(note);
            Xl.Wrap(ws, row, 3, note, NoteWidth);
            if (b.IsIllustrative) ws.Range(row, 1, row, 3).Style.Fill.BackgroundColor = Xl.IllustrativeFill;
            row++;
        }
        if (c.Sources.Count == 0) ws.Cell(row++, 1).Text("No data is recorded for this scope.");

        row++;
        Xl.Heading(ws, row++, "Contents");
        foreach (var (sheet, what) in Contents(scope))
        {
            var link = ws.Cell(row, 1).Text(sheet);
            link.Hyperlink = new XLHyperlink($"'{sheet}'!A1");
            link.Style.Font.FontColor = XLColor.FromHtml("#1F4E79");
            link.Style.Font.Underline = XLFontUnderlineValues.Single;
            ws.Cell(row, 2).Text(what);
            ws.Range(row, 2, row, 3).Merge();
            row++;
        }

        Xl.Printable(ws, title);
    }

    /// <summary>The key figures, in order: label, how the value is written, what it means.</summary>
    /// <remarks>Each comes with the totals it rests on, marked when they rest on illustrative data.</remarks>
    public static IEnumerable<(string Label, Action<IXLCell> Write, string Note, FigureSet Figure)> KeyFigures(EquityTable t)
    {
        var b = t.Scope.Baseline;
        var flagged = t.Governorates.Count(g => g.Flags.Count > 0);
        var perFlag = FlagCodes.All
            .Select(code => (code, n: t.Governorates.Count(g => g.HasFlag(code))))
            .Where(x => x.n > 0)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.code} {x.n}"));
        var listed = t.Scope.Region is { } r ? $"of the {t.Governorates.Count} governorates of {r}" : $"of {t.Governorates.Count} governorates";

        yield return ("Total funding (allocated)", cell => cell.Number(t.TotalFundingUsd, Xl.Usd),
            "Counted funding (paid or committed, incoming) attributed to exactly one governorate: F. Pledges are not counted.", FigureSet.Funding);
        yield return ("Unallocated funding", cell => cell.Number(t.UnallocatedUsd, Xl.Usd),
            "Counted funding for several governorates, the whole country or no stated place: in no governorate's figures.", FigureSet.Unallocated);
        yield return (BaselineWords.For(b).Label, cell => cell.Number(t.TotalNeed),
            t.BaselineNote is { } source ? $"{BaselineWords.For(b).TotalNote} {source}" : BaselineWords.For(b).TotalNote, FigureSet.Need);
        yield return (BaselineWords.For(b).UsdPerPersonInWorkbook, cell => cell.Number(t.UsdPerPin, Xl.UsdCents),
            "F / N: the national rate every governorate is compared with.", FigureSet.UsdPerPin);
        yield return ("Concentration (Gini)", cell => cell.Number(t.Gini, Xl.Ratio),
            $"How unevenly funding per {BaselineWords.For(b).Person} is spread: 0 = the same everywhere, 1 = all with one governorate.", FigureSet.Gini);
        yield return ("Governorates flagged", cell => cell.Number((long)flagged),
            $"Governorates with at least one flag, {listed}" + (flagged > 0 ? $": {string.Join(", ", perFlag)}." : "."),
            t.Governorates.Any(g => g.IsIllustrative(FigureSet.Flags)) ? FigureSet.Flags : FigureSet.None);
        if (t.PledgedUsd > 0)
            yield return ("Pledged (not counted)", cell => cell.Number(t.PledgedUsd, Xl.Usd),
                "Pledges of the scope: promised, not yet committed or paid; in no other figure.", FigureSet.None);
    }

    public static string TopicLabel(FindingTopic topic) => topic switch
    {
        FindingTopic.Region => "Region",
        FindingTopic.UnderServed => "Under-served",
        FindingTopic.FundingFalling => "Funding falling",
        FindingTopic.AccessConstrained => "Access",
        FindingTopic.NoPresence => "Presence",
        FindingTopic.Baseline => "Baselines",
        FindingTopic.Concentration => "Concentration",
        FindingTopic.Unallocated => "Unallocated",
        _ => "Data",
    };

    private static IEnumerable<(string Sheet, string What)> Contents(EquityScope scope)
    {
        yield return (BriefingSheets.Governorates, "The gap table: figures, equity ratio, flags and reasons per governorate, with live totals.");
        yield return (BriefingSheets.Districts, "The same figures per district (shares of what names a district), and per governorate what names no district.");
        yield return (BriefingSheets.Regions, "Figures per region and the funding of each region year by year (a table to chart).");
        yield return (BriefingSheets.Clusters, scope.Cluster is null ? "Need and funding per cluster." : $"Need and funding of {scope.Cluster}.");
        yield return (BriefingSheets.Donors, "Funding per donor and where it went (donor x governorate).");
        yield return (BriefingSheets.Presence, "Organisations per governorate and cluster (counts).");
        yield return (BriefingSheets.Organisations, "The organisations present, one row per governorate and cluster.");
        yield return (BriefingSheets.Methodology, "What every figure and flag means, and the thresholds used.");
        yield return (BriefingSheets.Sources, "Every import batch used: file, source, SHA-256, import time, rows.");
    }
}
