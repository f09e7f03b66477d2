namespace EquityDashboard.Infrastructure.Import.Tabular;

/// <summary>Opens a user's file as sheets of text cells: CSV (any encoding/delimiter) or .xlsx.</summary>
internal static class TabularSource
{
    /// <summary>The file's sheets, or null with an error added to the report when it cannot be read.</summary>
    public static List<TabularSheet>? Open(string path, string fileName, ImportReport report)
    {
        var sample = new byte[TextDecoding.SampleSize];
        int length;
        using (var stream = File.OpenRead(path))
            length = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        var head = sample.AsSpan(0, length);

        if (XlsxReader.IsZip(head))
        {
            if (XlsxReader.CheckPackage(path) is { } problem)
                return Fail(report, fileName, problem);
            report.EncodingName = "xlsx";
            try
            {
                return XlsxReader.Sheets(path);
            }
            catch (Exception ex) when (ex is InvalidDataException or ExcelDataReader.Exceptions.HeaderException or IOException)
            {
                return Fail(report, fileName, "The Excel file is damaged or truncated and cannot be opened.");
            }
        }
        if (length > 0 && TextDecoding.LooksBinary(head))
            return Fail(report, fileName, "This is not a text (CSV) or Excel (.xlsx) file; save the sheet as CSV (UTF-8) or .xlsx and import that.");

        var encoding = TextDecoding.Detect(head);
        var firstLines = encoding.Encoding.GetString(sample, encoding.BomLength, length - encoding.BomLength)
            .Split('\n', 41).Take(40).Select(l => l.TrimEnd('\r')).ToList();
        var delimiter = DelimiterSniffer.Detect(firstLines);
        report.EncodingName = encoding.Name;
        report.Delimiter = delimiter;
        return [new TabularSheet(fileName, 0, (sheet, reuseFields) => ReadCsv(path, delimiter, sheet, reuseFields))];
    }

    private static IEnumerable<CsvRecord> ReadCsv(string path, char delimiter, TabularSheet sheet, bool reuseFields)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var text = TextDecoding.OpenReader(stream, out _);
        foreach (var record in new CsvReader(text, delimiter).ReadRecords(reuseFields))
        {
            sheet.BytesRead = stream.Position;
            yield return record;
        }
    }

    private static List<TabularSheet>? Fail(ImportReport report, string fileName, string message)
    {
        report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, 1, null, null, message));
        return null;
    }
}
