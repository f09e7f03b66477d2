namespace EquityDashboard.Core.Records;

public enum RecordKind
{
    Funding,
    Presence,
    Need,
    Incidents,
}

/// <summary>One imported file: every record points back to the batch that brought it in.</summary>
public sealed class ImportBatch
{
    public int Id { get; set; }
    public RecordKind Kind { get; set; }
    public required string SourceName { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public int RowsRead { get; set; }
    public int RowsWritten { get; set; }
    public int RowsSkipped { get; set; }
    /// <summary>Format the file was read as (template, HXL, FTS, ...).</summary>
    public string? Format { get; set; }
    /// <summary>Worksheet read, for workbooks.</summary>
    public string? SheetName { get; set; }
    /// <summary>The import report (issues, skipped rows), as JSON.</summary>
    public string? ReportJson { get; set; }
    /// <summary>Smallest and largest reference year of the records, when any.</summary>
    public int? FirstYear { get; set; }
    public int? LastYear { get; set; }

    /// <summary>Invented demonstration data; its source name says so.</summary>
    public bool IsIllustrative => IsIllustrativeSource(SourceName);

    public static bool IsIllustrativeSource(string sourceName) =>
        sourceName.Contains("illustrative", StringComparison.OrdinalIgnoreCase);
}
