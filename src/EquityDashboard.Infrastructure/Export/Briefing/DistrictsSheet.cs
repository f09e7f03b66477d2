using ClosedXML.Excel;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>
/// The district table as an Excel table, in the Governorates sheet's columns and formats: each
/// governorate's districts together (governorates in P-code order, as on the Governorates sheet), the
/// lowest equity ratio first so the districts least funded for their need lead each governorate, those
/// without a ratio after them by name. A totals row of live formulas, then, apart from the table (so
/// sorting or filtering it never mixes them in), the "District not specified" block: per governorate
/// what names no district, beside the governorate's whole figures. The table's notes close the sheet.
/// </summary>
internal static class DistrictsSheet
{
    public const int HeaderRow = 4;
    public const int FirstDataRow = HeaderRow + 1;
    public const string TableName = "DistrictTable";
    public const string NotSpecifiedLabel = DistrictNotes.NotSpecifiedLabel;

    /// <summary>Not "IDPs": under the IDP baseline the need column is called so, and a table's headers must differ.</summary>
    public const string IdpsHeader = "IDP individuals";

    // Column numbers (1-based).
    public const int Pcode = 1, Name = 2, NameAr = 3, Governorate = 4, Need = 5, Funding = 6, FundingShare = 7, NeedShare = 8,
        Ratio = 9, PerPerson = 10, Gap = 11, Idps = 12, Orgs = 13, Activities = 14, Flags = 15, Reasons = 16, Illustrative = 17;

    private static readonly (FigureSet Figure, int Column)[] FigureColumns =
    [
        (FigureSet.Need, Need), (FigureSet.Funding, Funding), (FigureSet.FundingShare, FundingShare), (FigureSet.NeedShare, NeedShare),
        (FigureSet.EquityRatio, Ratio), (FigureSet.UsdPerPin, PerPerson), (FigureSet.GapToParity, Gap), (FigureSet.Idps, Idps),
        (FigureSet.Orgs, Orgs), (FigureSet.Orgs, Activities), (FigureSet.Flags, Flags),
    ];

    // In the "District not specified" block: the governorate's whole figures, under the columns of the district-only ones.
    public const int GovernorateNeed = PerPerson, GovernorateFunding = Gap;

    private const double ReasonsWidth = 46;

    public static IReadOnlyList<string> Headers(EquityScope scope)
    {
        var words = BaselineWords.For(scope.Baseline);
        return
        [
            "P-code", "District", "Arabic name", "Governorate", words.Label, "Funding (USD)", "Funding share", words.ShareLabel,
            "Equity ratio", words.UsdPerPersonInWorkbook, "Gap to parity (USD)", IdpsHeader, "Organisations", "Activities", "Flags", "Reasons",
            "Rests on illustrative data",
        ];
    }

    public static IReadOnlyList<string> NotSpecifiedHeaders(EquityScope scope)
    {
        var words = BaselineWords.For(scope.Baseline);
        return
        [
            "P-code", "District", string.Empty, "Governorate", words.Label, "Funding (USD)", "Share of its funding",
            $"Share of its {words.Lower}", string.Empty, $"Governorate total: {words.Lower}", "Governorate total: funding (USD)",
            IdpsHeader, "Organisations", "Activities",
        ];
    }

    public static void Write(IXLWorksheet ws, DistrictTable t, Gazetteer gazetteer, string title)
    {
        var scope = t.Scope;
        var words = BaselineWords.For(scope.Baseline);
        Xl.Widths(ws, 10, 17, 13, 14, 12, 15, 11, 11, 7, 12, 15, 10, 14, 11, 16, ReasonsWidth, Xl.IllustrativeWidth);
        var area = t.GovernorateName ?? scope.Region;
        Xl.Title(ws, 1, $"Districts{(area is null ? string.Empty : $" of {area}")}: funding against {words.Lower}");
        ws.Cell(2, 1).Text(scope.Describe());
        Xl.NoteLine(ws, 3, $"Shares, ratios and gaps are of the funding and {words.Lower} that name a district "
            + (t.GovernorateName is { } g ? $"of {g}" : "(national)") + $"; what names none is under '{NotSpecifiedLabel}' below, in no district's share.");

        var headers = Headers(scope);
        Xl.HeaderRow(ws, HeaderRow, 1, headers);
        var districts = t.DistrictsForReading();
        if (districts.Count == 0)
        {
            Xl.NoRows(ws, title, HeaderRow, "The gazetteer has no districts for this scope.");
            return;
        }
        var row = FirstDataRow;
        foreach (var d in districts)
        {
            WriteDistrict(ws, row++, d, gazetteer);
        }
        var last = row - 1;
        Xl.Table(ws, TableName, HeaderRow, 1, last, headers.Count);
        Xl.RatioScale(ws.Range(FirstDataRow, Ratio, last, Ratio));

        var totals = last + 1;
        WriteTotals(ws, totals, FirstDataRow, last);

        var next = totals + 2;
        Xl.Heading(ws, next++, $"{NotSpecifiedLabel}: what each governorate's figures name no district for");
        Xl.NoteLine(ws, next++, $"Kept at the governorate, in no district's figures or share; its shares are of the governorate's total. A governorate's "
            + $"funding, {words.Lower}, IDPs and activities are its districts' plus this row; its organisations are counted once (one can work in several districts).");
        var blockHeader = next++;
        Xl.HeaderRow(ws, blockHeader, 1, NotSpecifiedHeaders(scope));
        foreach (var n in t.NotSpecified)
        {
            WriteNotSpecified(ws, next++, n);
        }
        Xl.AlignNumericHeaders(ws, blockHeader, next - 1, 1, NotSpecifiedHeaders(scope).Count);

        next++;
        foreach (var note in t.Notes.Concat(Notes(t)))
        {
            Xl.NoteLine(ws, next++, note);
        }

        ws.SheetView.Freeze(HeaderRow, Name);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }

    private static void WriteDistrict(IXLWorksheet ws, int row, AreaFigures d, Gazetteer gazetteer)
    {
        ws.Cell(row, Pcode).Text(d.Key);
        ws.Cell(row, Name).Text(d.Name);
        var arabic = ws.Cell(row, NameAr).Text(gazetteer.TryGetDistrict(d.Key, out var district) ? district.NameAr : string.Empty);
        arabic.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        arabic.Style.Alignment.Indent = 1;
        ws.Cell(row, Governorate).Text(d.ParentName);
        ws.Cell(row, Need).Number(d.Need);
        ws.Cell(row, Funding).Number(d.FundingUsd, Xl.Usd);
        ws.Cell(row, FundingShare).Number(d.FundingShare, Xl.Share);
        ws.Cell(row, NeedShare).Number(d.NeedShare, Xl.Share);
        if (d.EquityRatio is null) ws.Cell(row, Ratio).Text(Money.Ratio(null));
        else ws.Cell(row, Ratio).Number(d.EquityRatio, Xl.Ratio);
        ws.Cell(row, PerPerson).Number(d.UsdPerPin, Xl.UsdCents);
        ws.Cell(row, Gap).Number(d.GapToParityUsd, Xl.Usd);
        ws.Cell(row, Idps).Number(d.Idps);
        ws.Cell(row, Orgs).Number((long)d.Orgs);
        ws.Cell(row, Activities).Number((long)d.Activities);
        ws.Cell(row, Flags).Text(string.Join(", ", d.Flags.Select(f => f.Code)));
        var reasons = string.Join("\n", d.Flags.Select(f => f.Reason));
        ws.Cell(row, Reasons).Text(reasons);
        Xl.Wrap(ws, row, Reasons, reasons, ReasonsWidth);
        ws.Cell(row, Flags).Style.Alignment.Indent = 1;
        Xl.Wrap(ws, row, Flags, ws.Cell(row, Flags).GetString(), 15);
        Xl.MarkIllustrative(ws, row, d, Illustrative, FigureColumns);
        ws.Row(row).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    /// <summary>The totals of the districts: live formulas over the data rows (what names a district).</summary>
    private static void WriteTotals(IXLWorksheet ws, int row, int first, int last)
    {
        string Sum(int column) => $"SUM({Xl.Col(column)}{first}:{Xl.Col(column)}{last})";
        string At(int column) => $"{Xl.Col(column)}{row}";

        ws.Cell(row, Name).Text("Total naming a district");
        ws.Cell(row, Need).Formula(Sum(Need), Xl.Count);
        ws.Cell(row, Funding).Formula(Sum(Funding), Xl.Usd);
        ws.Cell(row, FundingShare).Formula(Sum(FundingShare), Xl.Share);
        ws.Cell(row, NeedShare).Formula(Sum(NeedShare), Xl.Share);
        ws.Cell(row, PerPerson).Formula($"IF({At(Need)}>0,{At(Funding)}/{At(Need)},\"\")", Xl.UsdCents);
        ws.Cell(row, Idps).Formula(Sum(Idps), Xl.Count);
        ws.Cell(row, Activities).Formula(Sum(Activities), Xl.Count);
        Xl.TotalsStyle(ws, row, 1, Illustrative);
    }

    private static void WriteNotSpecified(IXLWorksheet ws, int row, NotSpecifiedFigures n)
    {
        ws.Cell(row, Pcode).Text(n.GovernoratePcode);
        ws.Cell(row, Name).Text(NotSpecifiedLabel);
        ws.Cell(row, Name).Style.Font.Italic = true;
        ws.Cell(row, Governorate).Text(n.GovernorateName);
        ws.Cell(row, Need).Number(n.Need);
        ws.Cell(row, Funding).Number(n.FundingUsd, Xl.Usd);
        ws.Cell(row, FundingShare).Number(n.FundingShareOfGovernorate, Xl.Share);
        ws.Cell(row, NeedShare).Number(n.NeedShareOfGovernorate, Xl.Share);
        ws.Cell(row, GovernorateNeed).Number(n.GovernorateNeed);
        ws.Cell(row, GovernorateFunding).Number(n.GovernorateFundingUsd, Xl.Usd);
        ws.Cell(row, Idps).Number(n.Idps);
        ws.Cell(row, Orgs).Number((long)n.Orgs);
        ws.Cell(row, Activities).Number((long)n.Activities);
    }

    private static IEnumerable<string> Notes(DistrictTable t)
    {
        yield return "Equity ratio colours (colour-blind-safe): orange below parity, near white at parity (1), purple at twice the share or more.";
        yield return "The total row holds live formulas over the districts; the per-district shares, ratios and gaps are the engine's figures and stay as written.";
        if (t.Districts.Any(d => d.Illustrative != FigureSet.None)) yield return Xl.IllustrativeRowsNote;
        yield return "Organisations are not added up (one organisation can work in several districts); empty cells are undefined figures.";
        if (!t.PresenceLoaded) yield return $"No presence (3W) data is loaded for {t.Scope.Year}: organisations and activities read 0 and the no-presence flag is not evaluated.";
    }
}
