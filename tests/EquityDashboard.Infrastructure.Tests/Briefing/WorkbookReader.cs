using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Export.Briefing;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests.Briefing;

/// <summary>Writes a briefing workbook to memory and reopens it with ClosedXML, as a user's spreadsheet would read it.</summary>
internal static class WorkbookReader
{
    public static BriefingService Briefing(this TestDatabase db) => db.Services.GetRequiredService<BriefingService>();

    public static async Task<XLWorkbook> NationalAsync(TestDatabase db, EquityScope scope)
    {
        var stream = new MemoryStream();
        await db.Briefing().WriteAsync(scope, stream, CancellationToken.None);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    public static async Task<XLWorkbook> GovernorateAsync(TestDatabase db, string governorate, EquityScope scope)
    {
        var stream = new MemoryStream();
        await db.Briefing().WriteGovernorateAsync(governorate, scope, stream, CancellationToken.None);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    public static string[] SheetNames(this XLWorkbook wb) => wb.Worksheets.Select(w => w.Name).ToArray();

    /// <summary>The texts of a row from <paramref name="firstColumn"/> to the last used cell.</summary>
    public static string[] RowTexts(this IXLWorksheet ws, int row, int firstColumn = 1)
    {
        var last = ws.Row(row).LastCellUsed()?.Address.ColumnNumber ?? 0;
        return Enumerable.Range(firstColumn, Math.Max(0, last - firstColumn + 1)).Select(c => ws.Cell(row, c).GetString()).ToArray();
    }

    /// <summary>The first row (from <paramref name="fromRow"/>) whose cell in <paramref name="column"/> reads <paramref name="text"/>.</summary>
    public static int FindRow(this IXLWorksheet ws, int column, string text, int fromRow = 1)
    {
        var last = ws.LastRowUsed()!.RowNumber();
        for (var r = fromRow; r <= last; r++)
            if (ws.Cell(r, column).GetString() == text) return r;
        throw new Xunit.Sdk.XunitException($"'{text}' not found in column {column} of {ws.Name}.");
    }

    /// <summary>The number in a cell (its own value, not a formula result), or null when the cell is empty.</summary>
    public static double? NumberOrNull(this IXLCell cell)
    {
        Assert.False(cell.HasFormula, $"{cell.Address} holds a formula");
        if (cell.IsEmpty()) return null;
        Assert.Equal(XLDataType.Number, cell.DataType);
        return cell.GetDouble();
    }

    /// <summary>A money figure written from a decimal: equal to the cent.</summary>
    public static void Money(decimal expected, IXLCell cell) =>
        Assert.Equal((double)expected, cell.NumberOrNull()!.Value, 2);

    /// <summary>A fraction or ratio written from a double: equal, or both undefined.</summary>
    public static void Figure(double? expected, IXLCell cell, string what)
    {
        var actual = cell.NumberOrNull();
        if (expected is null)
        {
            Assert.True(actual is null, $"{what}: expected empty, got {actual}");
            return;
        }
        Assert.True(actual is not null, $"{what}: expected {expected}, got an empty cell");
        Assert.True(Math.Abs(expected.Value - actual!.Value) <= 1e-12 * Math.Max(1, Math.Abs(expected.Value)), $"{what}: expected {expected}, got {actual}");
    }
}
