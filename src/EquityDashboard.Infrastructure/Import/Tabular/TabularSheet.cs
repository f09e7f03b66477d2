namespace EquityDashboard.Infrastructure.Import.Tabular;

/// <summary>
/// One table of cells: a CSV file, or one worksheet of a workbook. Rows are read lazily and
/// may be enumerated more than once (the header is searched for first, then rows streamed).
/// </summary>
internal sealed class TabularSheet(string name, int index, Func<TabularSheet, bool, IEnumerable<CsvRecord>> rows)
{
    /// <summary>The worksheet name, or the file name for CSV.</summary>
    public string Name => name;

    /// <summary>0-based position of the worksheet in the workbook.</summary>
    public int Index => index;

    public IEnumerable<CsvRecord> Rows() => rows(this, false);

    /// <summary>
    /// The rows for one pass that looks at each row only until it asks for the next: a CSV
    /// row's fields array is then reused for the next row of the same width.
    /// </summary>
    public IEnumerable<CsvRecord> StreamRows() => rows(this, true);

    private IReadOnlyList<TabularSheet>? _workbook;

    /// <summary>
    /// Every sheet of the file this one belongs to, in workbook order (itself only for CSV), so a
    /// format can read what a workbook says about its data elsewhere (a survey round's date, say).
    /// </summary>
    public IReadOnlyList<TabularSheet> Workbook
    {
        get => _workbook ?? [this];
        internal set => _workbook = value;
    }

    /// <summary>Bytes of the file read so far by the current enumeration (CSV only; 0 for workbooks).</summary>
    public long BytesRead { get; internal set; }
}
