using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>
/// ClosedXML 0.95 writes the rows to repeat on every printed page as "Sheet!4:4"; LibreOffice
/// ignores that form and only repeats "Sheet!$4:$4" (what Excel itself writes). This rewrites
/// the saved package's print titles to the absolute form.
/// </summary>
internal static partial class PrintTitles
{
    private const string PrintTitlesName = "_xlnm.Print_Titles";

    [GeneratedRegex(@"^(?<sheet>.+)!\$?(?<first>\d+):\$?(?<last>\d+)$")]
    private static partial Regex RowRange();

    /// <summary>Rewrites the print titles of the workbook package in <paramref name="package"/> (seekable, writable).</summary>
    public static void MakeAbsolute(Stream package)
    {
        package.Position = 0;
        using var document = SpreadsheetDocument.Open(package, true);
        var workbook = document.WorkbookPart!.Workbook;
        foreach (var name in workbook.DefinedNames?.Elements<DefinedName>() ?? [])
        {
            if (name.Name?.Value != PrintTitlesName) continue;
            var match = RowRange().Match(name.Text);
            if (match.Success)
                name.Text = $"{match.Groups["sheet"].Value}!${match.Groups["first"].Value}:${match.Groups["last"].Value}";
        }
        workbook.Save();
    }
}
