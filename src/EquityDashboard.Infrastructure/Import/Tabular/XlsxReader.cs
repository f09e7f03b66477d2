using System.Globalization;
using System.IO.Compression;
using ExcelDataReader;

namespace EquityDashboard.Infrastructure.Import.Tabular;

/// <summary>
/// Reads .xlsx workbooks as sheets of text cells, after checking the package cannot expand
/// into something huge (a "zip bomb"): limits on total uncompressed size and compression ratio.
/// </summary>
internal static class XlsxReader
{
    // ExcelDataReader asks for code page 1252 even for .xlsx.
    static XlsxReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    /// <summary>Largest total uncompressed size accepted (bytes).</summary>
    public const long MaxUncompressedBytes = 512L * 1024 * 1024;

    /// <summary>Largest ratio of uncompressed to compressed size accepted for any part.</summary>
    public const double MaxCompressionRatio = 200;

    public static bool IsZip(ReadOnlySpan<byte> start) =>
        start.Length >= 4 && start[0] == (byte)'P' && start[1] == (byte)'K' && start[2] == 3 && start[3] == 4;

    /// <summary>Null when the package is safe to open, else why not.</summary>
    public static string? CheckPackage(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long total = 0;
            var hasWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)) hasWorkbook = true;
                if (entry.CompressedLength > 0 && entry.Length > 1024 * 1024 && (double)entry.Length / entry.CompressedLength > MaxCompressionRatio)
                    return string.Create(CultureInfo.InvariantCulture,
                        $"The workbook part '{entry.FullName}' expands {entry.Length / entry.CompressedLength:N0} times its packed size (limit {MaxCompressionRatio:N0}); refused as a possible zip bomb.");
                if (total > MaxUncompressedBytes)
                    return string.Create(CultureInfo.InvariantCulture,
                        $"The workbook expands to more than {MaxUncompressedBytes / (1024 * 1024):N0} MB; refused.");
            }
            return hasWorkbook ? null : "This zip file is not an Excel workbook (.xlsx).";
        }
        catch (InvalidDataException)
        {
            return "The Excel file is damaged or truncated and cannot be opened.";
        }
    }

    /// <summary>Every worksheet of the workbook, each read lazily.</summary>
    public static List<TabularSheet> Sheets(string path)
    {
        var names = new List<string>();
        using (var stream = File.OpenRead(path))
        using (var reader = ExcelReaderFactory.CreateOpenXmlReader(stream))
        {
            do names.Add(reader.Name ?? $"Sheet{names.Count + 1}");
            while (reader.NextResult());
        }
        var sheets = names.Select((name, i) => new TabularSheet(name, i, (_, _) => ReadSheet(path, i))).ToList();
        foreach (var sheet in sheets) sheet.Workbook = sheets;
        return sheets;
    }

    private static IEnumerable<CsvRecord> ReadSheet(string path, int sheetIndex)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        for (var i = 0; i < sheetIndex; i++) reader.NextResult();
        var row = 0;
        while (reader.Read())
        {
            row++;
            var cells = new string[reader.FieldCount];
            var any = false;
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = Cell(reader.GetValue(c));
                any |= cells[c].Length > 0;
            }
            if (any) yield return new CsvRecord(row, cells);
        }
    }

    /// <summary>Cell values as the text a CSV would hold: invariant numbers, ISO dates.</summary>
    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
