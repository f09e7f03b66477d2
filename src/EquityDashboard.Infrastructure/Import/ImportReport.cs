using System.Globalization;
using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Import;

public enum IssueSeverity
{
    Warning,
    Error,
}

/// <summary>A problem found in an imported file, located precisely enough for a user to fix it.</summary>
public sealed record ImportIssue(IssueSeverity Severity, string File, int Row, string? Column, string? Value, string Message)
{
    public override string ToString()
    {
        var where = new List<string> { File, string.Create(CultureInfo.InvariantCulture, $"row {Row}") };
        if (Column is not null) where.Add($"column '{Column}'");
        if (Value is not null) where.Add($"value '{Shorten(Value)}'");
        return $"{string.Join(", ", where)}: {Message}";
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}

/// <summary>A spelling resolved through a variant, reported so users can check the mapping.</summary>
public sealed record NameMapping(string Input, string Pcode, string Name, int Rows);

/// <summary>
/// The districts of an import: rows placed in a district, rows left at their governorate ("district
/// not specified": no district given, or a name not resolved), and each name not resolved.
/// </summary>
public sealed record DistrictSummary(int RowsInDistricts, int RowsNotSpecified, IReadOnlyList<UnresolvedDistrict> Unresolved);

/// <summary>A district name no district of its governorate has: its rows stay at the governorate.</summary>
public sealed record UnresolvedDistrict(string Input, string GovernoratePcode, string Governorate, int Rows, string Message);

/// <summary>A batch in use that holds the same source and years as the file being imported.</summary>
public sealed record SameSourceBatch(int Id, string FileName, string SourceName, int FirstYear, int LastYear, DateTimeOffset ImportedAt)
{
    /// <summary>"2022" or "2017–2020".</summary>
    public string Years => FirstYear == LastYear
        ? FirstYear.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{FirstYear}–{LastYear}");
}

/// <summary>What an import read, validated and (unless refused or a dry run) wrote.</summary>
public sealed class ImportReport
{
    public required string FileName { get; init; }
    public required RecordKind Kind { get; set; }
    /// <summary>The format the file was read as (template, HXL, FTS, ...).</summary>
    public string? Format { get; set; }
    /// <summary>The worksheet read, for workbooks.</summary>
    public string? SheetName { get; set; }
    /// <summary>Rows left out on purpose, counted by reason (e.g. "flow outside Iraq").</summary>
    public Dictionary<string, int> SkippedRows { get; } = new(StringComparer.Ordinal);
    /// <summary>3W rows that repeat an earlier row's organisation, place and activity (another month, say): merged into it, not written again.</summary>
    public int DuplicatesRemoved { get; set; }
    /// <summary>Rows with errors left out under --skip-invalid.</summary>
    public int RowsSkippedInvalid { get; set; }
    /// <summary>The batch this import replaced (--replace), if any; the first of <see cref="ReplacedBatchIds"/>.</summary>
    public int? ReplacedBatchId => ReplacedBatchIds.Count == 0 ? null : ReplacedBatchIds[0];
    /// <summary>
    /// The batches this import replaced (--replace): the one of an identical file, or else every batch in use
    /// of <see cref="SameSource"/>.
    /// </summary>
    public List<int> ReplacedBatchIds { get; } = [];
    /// <summary>
    /// Batches in use of another file with this kind, source name and some of its years: importing this one
    /// as well would count both. A warning says so; --replace swaps them for this import.
    /// </summary>
    public List<SameSourceBatch> SameSource { get; } = [];
    public required string SourceName { get; init; }
    public string Sha256 { get; internal set; } = string.Empty;
    public int RowsRead { get; set; }
    public int RowsValid { get; set; }
    public int RowsWritten { get; set; }
    public int? BatchId { get; set; }
    public bool DryRun { get; init; }
    /// <summary>Text encoding detected in the file (e.g. "UTF-8", "windows-1256").</summary>
    public string? EncodingName { get; set; }
    /// <summary>Field delimiter detected in the file.</summary>
    public char Delimiter { get; set; } = ',';
    /// <summary>Set when the whole file was refused before reading rows (e.g. already imported).</summary>
    public string? RefusedReason { get; set; }
    public List<ImportIssue> Issues { get; } = [];
    public List<NameMapping> ResolvedVariants { get; } = [];
    /// <summary>How the rows' districts resolved; null when the file names none.</summary>
    public DistrictSummary? Districts { get; set; }
    /// <summary>
    /// Money reported twice (docs/methodology.md): FTS flows from or into a pooled fund that are
    /// counted through the fund's allocations, said by whichever of the two batches came second.
    /// </summary>
    public List<string> PooledFundNotes { get; } = [];
    /// <summary>True when the importer, limited to some clusters, found rows of others: the file is refused whole.</summary>
    public bool ForeignClusters { get; set; }

    public IEnumerable<ImportIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);
    public IEnumerable<ImportIssue> Warnings => Issues.Where(i => i.Severity == IssueSeverity.Warning);
    public int ErrorCount => Issues.Count(i => i.Severity == IssueSeverity.Error);
    public int RowsWithErrors => Errors.Select(e => e.Row).Distinct().Count();
    public bool Committed => BatchId is not null && !DryRun;

    /// <summary>
    /// What the 3W rows became when repeats were merged, for people: "898 organisation-activity rows after
    /// merging 3,941 repeated rows of the same organisation, place and activity"; null when none were.
    /// </summary>
    public string? MergedRepeats => DuplicatesRemoved == 0 ? null : string.Create(CultureInfo.GetCultureInfo("en-US"),
        $"{RowsValid - DuplicatesRemoved:N0} organisation-activity {Rows(RowsValid - DuplicatesRemoved)} after merging {DuplicatesRemoved:N0} repeated {Rows(DuplicatesRemoved)} of the same organisation, place and activity");

    private static string Rows(int count) => count == 1 ? "row" : "rows";

    /// <summary>"batch 6" or "batches 6, 9": the batches replaced, for people; null when none.</summary>
    public string? ReplacedText => ReplacedBatchIds.Count switch
    {
        0 => null,
        1 => string.Create(CultureInfo.InvariantCulture, $"batch {ReplacedBatchIds[0]}"),
        _ => "batches " + string.Join(", ", ReplacedBatchIds.Select(i => i.ToString(CultureInfo.InvariantCulture))),
    };
    public bool SkipInvalid { get; init; }
    public bool Succeeded => RefusedReason is null && (Committed || (DryRun && (ErrorCount == 0 || (SkipInvalid && RowsValid > 0))));

    // ---- Funding naming several governorates (counted as unallocated)

    /// <summary>
    /// Funding rows whose location names several governorates (or a governorate and the
    /// country): counted as unallocated, never split. Null when the file has none.
    /// </summary>
    public MultiGovernorateFunding? MultiGovernorate { get; set; }
}

/// <summary>Valid funding rows naming several governorates: their total, and per governorate named the rows naming it.</summary>
public sealed record MultiGovernorateFunding(decimal TotalUsd, int Rows, IReadOnlyList<NamedGovernorateFunding> Governorates)
{
    /// <summary>Sums per governorate from the tally per list of P-codes (<c>"IQG09;IQG11"</c> -> USD, rows); null when empty.</summary>
    public static MultiGovernorateFunding? From(IReadOnlyDictionary<string, (decimal Usd, int Rows)> byList, Func<string, string> nameOf)
    {
        if (byList.Count == 0) return null;
        var per = new SortedDictionary<string, (decimal Usd, int Rows)>(StringComparer.Ordinal);
        foreach (var (list, (usd, rows)) in byList)
            foreach (var pcode in list.Split(';'))
            {
                var t = per.GetValueOrDefault(pcode);
                per[pcode] = (t.Usd + usd, t.Rows + rows);
            }
        return new MultiGovernorateFunding(
            byList.Values.Sum(v => v.Usd), byList.Values.Sum(v => v.Rows),
            per.Select(kv => new NamedGovernorateFunding(kv.Key, nameOf(kv.Key), kv.Value.Usd, kv.Value.Rows)).ToList());
    }
}

/// <summary>One governorate named by multi-governorate funding: the USD and rows of the funding naming it (each row counted whole).</summary>
public sealed record NamedGovernorateFunding(string Pcode, string Name, decimal Usd, int Rows);
