using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>
/// Cell writing and layout shared by every sheet: number formats, safe text, headings, tables,
/// column widths and print set-up. Every text goes through <see cref="Text"/>.
/// </summary>
internal static class Xl
{
    public const string Usd = "\"USD \"#,##0";
    public const string UsdCents = "\"USD \"#,##0.00";
    public const string Count = "#,##0";
    public const string Share = "0.0%";
    public const string Ratio = "0.00";
    public const string Rate = "0.0";
    public const string Timestamp = "yyyy-mm-dd hh:mm";

    /// <summary>
    /// Header fill and the colour-blind-safe diverging scale (ColorBrewer PuOr, the mid tones so
    /// black figures stay readable): orange below parity, purple above.
    /// </summary>
    public static readonly XLColor HeaderFill = XLColor.FromHtml("#DDE4EE");
    public static readonly XLColor Below = XLColor.FromHtml("#F1A340");
    public static readonly XLColor Parity = XLColor.FromHtml("#F7F7F7");
    public static readonly XLColor Above = XLColor.FromHtml("#998EC3");
    public static readonly XLColor IllustrativeFill = XLColor.FromHtml("#FFF2CC");

    /// <summary>What a note adds after a figure that rests on illustrative (invented) data.</summary>
    public const string IllustrativeNote = "(Rests on illustrative, invented data.)";

    /// <summary>A cell whose figure rests on illustrative data: the illustrative fill (its row or column says why in words).</summary>
    public static void MarkIllustrative(IXLCell cell) => cell.Style.Fill.BackgroundColor = IllustrativeFill;

    /// <summary>Width of the column that names a row's figures resting on illustrative data.</summary>
    public const double IllustrativeWidth = 24;

    /// <summary>
    /// The figures of an area's row that rest on illustrative data: named in words in <paramref name="wordsColumn"/>,
    /// their cells (<paramref name="columns"/>: which figure each column shows) filled.
    /// </summary>
    public static void MarkIllustrative(IXLWorksheet ws, int row, AreaFigures area, int wordsColumn, IEnumerable<(FigureSet Figure, int Column)> columns)
    {
        if (area.Illustrative == FigureSet.None) return;
        var words = Provenance.Describe(area.Illustrative);
        ws.Cell(row, wordsColumn).Text(words);
        Wrap(ws, row, wordsColumn, words, IllustrativeWidth);
        MarkIllustrative(ws.Cell(row, wordsColumn));
        foreach (var (figure, column) in columns)
        {
            if (area.IsIllustrative(figure)) MarkIllustrative(ws.Cell(row, column));
        }
    }

    /// <summary>The note under a table whose rows have illustrative marks.</summary>
    public const string IllustrativeRowsNote =
        "Shaded cells, named in the last column, rest on illustrative (invented) batches: leaving those batches out would change them. Never quote them as real.";
    public static readonly XLColor NoteColour = XLColor.FromHtml("#44546A");

    /// <summary>Characters that make a spreadsheet treat typed text as a formula (or, for tab and CR, hide one).</summary>
    public static bool LooksLikeFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// Writes text as a string cell, never as a formula or a converted number. Text starting with
    /// =, +, -, @, tab or CR also gets the quote prefix, so editing the cell keeps it text.
    /// </summary>
    public static IXLCell Text(this IXLCell cell, string? value)
    {
        var text = value ?? string.Empty;
        cell.SetValue(text);
        if (LooksLikeFormula(text)) cell.Style.IncludeQuotePrefix = true;
        return cell;
    }

    public static IXLCell Number(this IXLCell cell, decimal value, string format)
    {
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = format;
        return cell;
    }

    /// <summary>Writes the number, or leaves the cell empty when it is undefined.</summary>
    public static IXLCell Number(this IXLCell cell, double? value, string format)
    {
        if (value is { } v && double.IsFinite(v))
        {
            cell.SetValue(v);
            cell.Style.NumberFormat.Format = format;
        }
        return cell;
    }

    public static IXLCell Number(this IXLCell cell, long? value, string format = Count)
    {
        if (value is { } v)
        {
            cell.SetValue(v);
            cell.Style.NumberFormat.Format = format;
        }
        return cell;
    }

    public static IXLCell Formula(this IXLCell cell, string formulaA1, string format)
    {
        cell.FormulaA1 = formulaA1;
        cell.Style.NumberFormat.Format = format;
        return cell;
    }

    public static void Title(IXLWorksheet ws, int row, string text)
    {
        var cell = ws.Cell(row, 1).Text(text);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 15;
        ws.Row(row).Height = 22;
    }

    public static void Heading(IXLWorksheet ws, int row, string text, int column = 1)
    {
        var cell = ws.Cell(row, column).Text(text);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 12;
        ws.Row(row).Height = 18;
    }

    /// <summary>A note in grey italics that wraps over <paramref name="width"/> characters of column <paramref name="column"/>.</summary>
    public static void Note(IXLWorksheet ws, int row, string text, double width, int column = 1)
    {
        var cell = ws.Cell(row, column).Text(text);
        cell.Style.Font.Italic = true;
        cell.Style.Font.FontColor = NoteColour;
        Wrap(ws, row, column, text, width);
    }

    /// <summary>A one-line note in grey italics (it runs over the empty cells to its right).</summary>
    public static void NoteLine(IXLWorksheet ws, int row, string text, int column = 1)
    {
        var cell = ws.Cell(row, column).Text(text);
        cell.Style.Font.Italic = true;
        cell.Style.Font.FontColor = NoteColour;
    }

    /// <summary>Finishes a sheet whose table has no rows: says so under the header and sets the page up.</summary>
    public static void NoRows(IXLWorksheet ws, string documentTitle, int headerRow, string text)
    {
        NoteLine(ws, headerRow + 1, text);
        Printable(ws, documentTitle, headerRow, headerRow);
    }

    /// <summary>Wraps the cell and sets the row tall enough for the text at about one character per unit of width.</summary>
    public static void Wrap(IXLWorksheet ws, int row, int column, string text, double width)
    {
        ws.Cell(row, column).Style.Alignment.WrapText = true;
        ws.Cell(row, column).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        var lines = LineCount(text, width);
        var height = Math.Max(15, lines * 15.0);
        if (height > ws.Row(row).Height) ws.Row(row).Height = height;
    }

    /// <summary>
    /// Lines a wrapped text takes in a column of <paramref name="width"/> units (an estimate: a
    /// unit is the width of a digit, ordinary text fits about 1.25 characters per unit, bold about 1).
    /// </summary>
    public static int LineCount(string text, double width, double charsPerUnit = 1.25)
    {
        var perLine = Math.Max(6, (int)(width * charsPerUnit) - 1);
        return text.Split('\n').Sum(part => WrappedLines(part, perLine));
    }

    /// <summary>Lines of one paragraph broken at spaces (a word longer than a line takes its own lines).</summary>
    private static int WrappedLines(string text, int perLine)
    {
        var lines = 1;
        var used = 0;
        foreach (var word in text.Split(' '))
        {
            var need = used == 0 ? word.Length : used + 1 + word.Length;
            if (need <= perLine)
            {
                used = need;
                continue;
            }
            if (used > 0) lines++;
            lines += Math.Max(0, (word.Length - 1) / perLine);
            used = word.Length % perLine == 0 && word.Length > 0 ? perLine : word.Length % perLine;
        }
        return lines;
    }

    /// <summary>Bold header cells with a fill and a bottom border; texts wrap and the row is as tall as the longest.</summary>
    public static void HeaderRow(IXLWorksheet ws, int row, int column, IReadOnlyList<string> headers)
    {
        var lines = 1;
        for (var i = 0; i < headers.Count; i++)
        {
            ws.Cell(row, column + i).Text(headers[i]);
            lines = Math.Max(lines, LineCount(headers[i], ws.Column(column + i).Width, 1.0));
        }
        var range = ws.Range(row, column, row, column + headers.Count - 1);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = HeaderFill;
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        range.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        ws.Row(row).Height = lines * 15.0 + 1;
    }

    /// <summary>Right-aligns the header of every column whose data rows hold numbers, so the header sits over its figures.</summary>
    public static void AlignNumericHeaders(IXLWorksheet ws, int headerRow, int lastRow, int firstColumn, int lastColumn)
    {
        for (var col = firstColumn; col <= lastColumn; col++)
        {
            var numeric = false;
            for (var r = headerRow + 1; r <= lastRow && !numeric; r++)
                numeric = ws.Cell(r, col).DataType == XLDataType.Number && !ws.Cell(r, col).IsEmpty();
            if (numeric) ws.Cell(headerRow, col).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        }
    }

    /// <summary>
    /// Turns a header row and its data rows into an Excel table (filter buttons), keeping the
    /// explicit styles (no table theme, so every reader shows the same thing).
    /// </summary>
    public static IXLTable Table(IXLWorksheet ws, string name, int headerRow, int firstColumn, int lastRow, int lastColumn)
    {
        var table = ws.Range(headerRow, firstColumn, lastRow, lastColumn).CreateTable(name);
        table.Theme = XLTableTheme.None;
        table.ShowAutoFilter = true;
        AlignNumericHeaders(ws, headerRow, lastRow, firstColumn, lastColumn);
        return table;
    }

    /// <summary>Thin top border and bold for a totals row.</summary>
    public static void TotalsStyle(IXLWorksheet ws, int row, int firstColumn, int lastColumn)
    {
        var range = ws.Range(row, firstColumn, row, lastColumn);
        range.Style.Font.Bold = true;
        range.Style.Border.TopBorder = XLBorderStyleValues.Thin;
        range.Style.Border.BottomBorder = XLBorderStyleValues.Double;
    }

    public static void Widths(IXLWorksheet ws, params double[] widths)
    {
        for (var i = 0; i < widths.Length; i++) ws.Column(i + 1).Width = widths[i];
    }

    /// <summary>The diverging colour scale on equity ratios: 0 orange, 1 (parity) near white, 2 and above purple.</summary>
    public static void RatioScale(IXLRange range) =>
        range.AddConditionalFormat().ColorScale()
            .Minimum(XLCFContentType.Number, 0, Below)
            .Midpoint(XLCFContentType.Number, 1, Parity)
            .Maximum(XLCFContentType.Number, 2, Above);

    /// <summary>Landscape A4, one page wide, the header rows repeated, sheet name and page in the footer.</summary>
    public static void Printable(IXLWorksheet ws, string documentTitle, int repeatFrom = 0, int repeatTo = 0)
    {
        var page = ws.PageSetup;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
        page.Margins.Left = page.Margins.Right = 0.5;
        page.Margins.Top = page.Margins.Bottom = 0.6;
        page.Margins.Header = page.Margins.Footer = 0.3;
        if (repeatFrom > 0) page.SetRowsToRepeatAtTop(repeatFrom, repeatTo);
        page.Header.Center.AddText(documentTitle, XLHFOccurrence.AllPages);
        page.Footer.Left.AddText(XLHFPredefinedText.SheetName, XLHFOccurrence.AllPages);
        page.Footer.Right.AddText("Page ", XLHFOccurrence.AllPages);
        page.Footer.Right.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
        page.Footer.Right.AddText(" of ", XLHFOccurrence.AllPages);
        page.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages, XLHFOccurrence.AllPages);
    }

    /// <summary>Column letter of a 1-based column number.</summary>
    public static string Col(int column) => XLHelper.GetColumnLetterFromNumber(column);
}
