namespace EquityDashboard.Core.Records;

public enum RecordKind
{
    Funding,
    Presence,
    Need,
    Incidents,
    /// <summary>Internally displaced people per location (IOM DTM master lists): a need baseline.</summary>
    Displacement,
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
    /// <summary>Who imported it: a user's e-mail, or <c>cli:&lt;OS user&gt;</c> for the command line.</summary>
    public string? ImportedBy { get; set; }
    /// <summary>
    /// When the batch was withdrawn: its figures leave every page, total, API answer and workbook,
    /// but its rows stay, so an admin can restore it. Null for a batch in use.
    /// </summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    /// <summary>Who withdrew it.</summary>
    public string? WithdrawnBy { get; set; }
    public bool IsWithdrawn => WithdrawnAt is not null;
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

    /// <summary>
    /// Invented demonstration data, as the seed manifest marks it (or the importer was told):
    /// left out of every "real figures only" view and marked wherever it is shown.
    /// </summary>
    public bool IsIllustrative { get; set; }

    /// <summary>What a funding batch's money is, so that money reported by two sources is counted once.</summary>
    public FundingMoney Money { get; set; }

    /// <summary>For <see cref="FundingMoney.PooledFundAllocations"/>: the fund, by its canonical name (<see cref="Funding.PooledFundNames"/>).</summary>
    public string? PooledFund { get; set; }
}

/// <summary>What the money of a funding batch is (docs/methodology.md, "Money reported twice").</summary>
public enum FundingMoney
{
    /// <summary>Funding as given (the template, HXL tables): counted as it is.</summary>
    Unspecified = 0,
    /// <summary>A pooled fund's allocations to its partners, as the fund reports them (CBPF files).</summary>
    PooledFundAllocations = 1,
    /// <summary>Flows reported to OCHA FTS, with source and destination organisations.</summary>
    ReportedFlows = 2,
}
