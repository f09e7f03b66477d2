using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import.Formats;
using EquityDashboard.Infrastructure.Import.Storage;
using EquityDashboard.Infrastructure.Import.Tabular;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>An import to run: the file, and how to read and treat it.</summary>
public sealed record ImportRequest(string FilePath, RecordKind? Kind = null)
{
    /// <summary>Source name stored on the batch (defaults to the file name).</summary>
    public string? SourceName { get; init; }
    /// <summary>Validate and report, write nothing.</summary>
    public bool DryRun { get; init; }
    /// <summary>File name to report when <see cref="FilePath"/> is a temporary copy (uploads).</summary>
    public string? DisplayName { get; init; }
    /// <summary>Write the valid rows and record the invalid ones in the report, instead of writing nothing.</summary>
    public bool SkipInvalid { get; init; }
    /// <summary>Re-import a file already imported: the old batch is swapped out in the same transaction.</summary>
    public bool Replace { get; init; }
    /// <summary>Reference year for tables that have no year or date column (HNO tables often do not).</summary>
    public int? Year { get; init; }
    /// <summary>Worksheet to read (name or 1-based number); default: the sheet with a recognisable header.</summary>
    public string? Sheet { get; init; }
    /// <summary>
    /// Who imports: checked here (the data-manager or admin role; a data manager limited to clusters
    /// may write rows of those clusters only) and recorded with the batch and in the audit trail.
    /// In-process callers that do not say are the command line's operator.
    /// </summary>
    public Actor Actor { get; init; } = Actor.Cli();
    /// <summary>Invented demonstration data (the seed manifest's flag): left out of "real figures only" views.</summary>
    public bool Illustrative { get; init; }
    /// <summary>
    /// The file is this pooled fund's allocations to its partners (for files whose format does not
    /// say so itself, as the CBPF tables do): FTS flows from and into the fund are then counted through it.
    /// </summary>
    public string? PooledFundName { get; init; }
    /// <summary>For pooled-fund (CBPF) tables holding every fund: the fund to import (Iraq is 49); default: the Iraq rows.</summary>
    public int? PooledFundId { get; init; }
    /// <summary>
    /// The file's SHA-256 (<see cref="ImportService.HashFileAsync"/>) when the caller has hashed
    /// it already, e.g. while the CLI was starting; otherwise the import hashes the file.
    /// </summary>
    public string? Sha256 { get; init; }
}

/// <summary>Progress of a running import: rows read so far.</summary>
public readonly record struct ImportProgress(long BytesRead, long TotalBytes, int RowsRead)
{
    public double Fraction => TotalBytes == 0 ? 1 : Math.Min(1, (double)BytesRead / TotalBytes);
}

/// <summary>
/// Reads a file (CSV or .xlsx; the template, HXL or a known export), validates every row and
/// writes the batch and its records in one transaction, through the writer of the configured
/// database (<see cref="IImportWriter"/>). By default any error means nothing is written.
/// </summary>
public sealed class ImportService(IDbContextFactory<EquityDbContext> factory, NameResolver resolver, ILogger<ImportService>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<ImportService>.Instance;

    /// <exception cref="ForbiddenException">The actor may not import (a viewer): nothing is read or written.</exception>
    public async Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!request.Actor.CanImport) throw new ForbiddenException("Importing needs the data-manager or admin role.");
        var fileName = request.DisplayName ?? Path.GetFileName(request.FilePath);
        // The file is hashed on another thread while its table is found, unless the caller has hashed it.
        var hashing = request.Sha256 is { } known ? Task.FromResult(known) : Task.Run(() => HashFileAsync(request.FilePath, ct), ct);
        var report = new ImportReport
        {
            FileName = fileName,
            Kind = request.Kind ?? RecordKind.Funding,
            SourceName = string.IsNullOrWhiteSpace(request.SourceName) ? fileName : request.SourceName.Trim(),
            DryRun = request.DryRun,
            SkipInvalid = request.SkipInvalid,
        };

        var table = DetectTable(request, fileName, report);
        var sha = report.Sha256 = await hashing;
        if (table is null) return report;

        var sameSource = await SameSourceCandidatesAsync(report, sha, ct);
        await using var writer = await ImportWriters.OpenAsync(factory, request.DryRun, ct);
        var previous = await writer.BeginAsync(sha, ct);
        if (previous is not null && !request.Replace)
        {
            report.RefusedReason = string.Create(CultureInfo.InvariantCulture,
                $"{fileName} was already imported as batch {previous.Id} ('{previous.SourceName}') on {previous.ImportedAt:yyyy-MM-dd HH:mm} UTC")
                + (previous.IsWithdrawn
                    ? "; that batch is withdrawn: an admin can restore it, or use --replace to swap it for this import."
                    : "; use --replace to swap it for this import, or withdraw that batch first.");
            _log.LogWarning("Import refused: {File} already imported as batch {BatchId}", fileName, previous.Id);
            return report;
        }

        if (previous is not null)
        {
            await writer.DeleteBatchAsync(previous.Id, ct);
            report.ReplacedBatchIds.Add(previous.Id);
        }
        var batch = new ImportBatch
        {
            Kind = report.Kind,
            SourceName = report.SourceName,
            FileName = fileName,
            Sha256 = sha,
            ImportedAt = DateTimeOffset.UtcNow,
            Format = report.Format,
            SheetName = report.SheetName,
            IsIllustrative = request.Illustrative,
            ImportedBy = request.Actor.Name,
        };
        if (report.Kind == RecordKind.Funding) (batch.Money, batch.PooledFund) = MoneyOf(request, table.Match);
        await writer.InsertBatchAsync(batch, ct);

        var context = new ImportContext(writer, batch.Id, request.DryRun) { Money = batch.Money, Actor = request.Actor };
        var kind = table.Match.Projector!.Kind;
        var bulk = !request.DryRun && kind.SuspendIndexesInBulk && new FileInfo(request.FilePath).Length >= BulkIndexes.ThresholdBytes;
        if (bulk) writer.SuspendIndexes(kind.Table);
        if (kind.Kind == RecordKind.Presence) context.Linker = OrganisationLinker.From(await writer.OrganisationLinksAsync(ct));
        var (years, repeatFinder) = ReadRows(request, fileName, table, context, report, progress, ct);
        // Exact repeats are sorted out on another thread while the totals are summed and written.
        var repeats = Task.Run(() => ReportRepeats(repeatFinder, fileName, report), ct);
        context.FundingTotals?.Write(context);
        await repeats;
        context.CompleteInserts();
        if (bulk && (report.ErrorCount == 0 || request.SkipInvalid)) writer.RestoreIndexes();
        if (context.Linker?.TakeLinks() is { Count: > 0 } links) await writer.SaveOrganisationLinksAsync(links, ct);
        batch.FirstYear = years.Count > 0 ? years.Min() : null;
        batch.LastYear = years.Count > 0 ? years.Max() : null;
        report.DuplicatesRemoved = context.DuplicatesRemoved;
        await ReportSameSourceAsync(sameSource, years, previous, request, writer, fileName, table.Header.HeaderRow, report, ct);
        context.ReportForeignClusters(fileName, table.Header.HeaderRow, report);
        if (report.Kind == RecordKind.Funding)
            await PooledFundOverlaps.ReportAsync(writer, batch, years, context.PooledFundFlows, report, ct);
        report.MultiGovernorate = MultiGovernorateFunding.From(context.MultiGovernorate, p => resolver.Gazetteer[p].Name);

        var blocked = (report.ErrorCount > 0 && !request.SkipInvalid) || report.ForeignClusters;
        if (blocked || request.DryRun || report.RowsValid == 0)
        {
            await writer.RollbackAsync(ct);
            if (report.RowsValid == 0 && report.ErrorCount == 0)
                report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName,
                    report.RowsRead == 0 ? table.Header.HeaderRow : table.Header.FirstDataRow, null, null,
                    report.SkippedRows.Count > 0
                        ? $"No row of the file can be imported ({Describe(report.SkippedRows)})."
                        : "The file has no data rows."));
            report.ReplacedBatchIds.Clear();
            _log.LogInformation("Import of {File} ({Kind}) not written: {Errors} errors, dry run {DryRun}", fileName, report.Kind, report.ErrorCount, request.DryRun);
            return report;
        }

        report.RowsSkippedInvalid = report.RowsWithErrors;
        report.RowsWritten = report.RowsValid - report.DuplicatesRemoved;
        batch.RowsRead = report.RowsRead;
        batch.RowsWritten = report.RowsWritten;
        batch.RowsSkipped = Math.Max(0, report.RowsRead - report.RowsWritten);
        batch.ReportJson = ReportJson(report);
        await writer.CompleteBatchAsync(batch, ct);
        await writer.WriteAuditAsync(request.Actor.Name,
            report.ReplacedBatchId is null ? AuditActions.Import : AuditActions.Replace, batch.Id,
            string.Create(CultureInfo.InvariantCulture,
                $"{fileName}; SHA-256 {sha}; {report.RowsWritten:N0} row{(report.RowsWritten == 1 ? "" : "s")}; source '{report.SourceName}'; kind {report.Kind.ToString().ToLowerInvariant()}; format {report.Format}")
                + (report.ReplacedBatchIds.Count == 0 ? string.Empty
                    : $"; replaced batch{(report.ReplacedBatchIds.Count == 1 ? "" : "es")} {string.Join(", ", report.ReplacedBatchIds.Select(i => i.ToString(CultureInfo.InvariantCulture)))}"), ct);
        await writer.CommitAsync(ct);
        report.BatchId = batch.Id;
        _log.LogInformation("Imported {File} ({Kind}, {Format}) as batch {BatchId}: {Rows} rows", fileName, report.Kind, report.Format, batch.Id, report.RowsWritten);
        return report;
    }

    /// <summary>What a funding batch's money is: a pooled fund's allocations when the caller or the format says so, else the format's word.</summary>
    private static (FundingMoney Money, string? PooledFund) MoneyOf(ImportRequest request, FormatMatch match) =>
        Core.Funding.PooledFundNames.Canonical(request.PooledFundName, typedPooledFund: true) is { } fund
            ? (FundingMoney.PooledFundAllocations, fund)
            : (match.Money, match.PooledFund);

    /// <summary>Opens the file and finds its table and format; null (with errors reported) when it cannot.</summary>
    private static DetectedTable? DetectTable(ImportRequest request, string fileName, ImportReport report)
    {
        var sheets = TabularSource.Open(request.FilePath, fileName, report);
        if (sheets is null) return null;
        var candidates = FormatDetector.Select(sheets, request.Sheet).ToList();
        if (candidates.Count == 0)
        {
            report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, 1, null, request.Sheet,
                $"No sheet named '{request.Sheet}'; the workbook has: {string.Join(", ", sheets.Select(s => $"'{s.Name}'"))}."));
            return null;
        }
        if (!candidates.Any(s => s.Rows().Any()))
        {
            report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, 1, null, null, "The file is empty."));
            return null;
        }

        var table = FormatDetector.Detect(candidates, request);
        if (table is null)
        {
            report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, 1, null, null,
                $"No recognisable header in the first {FormatDetector.HeaderSearchRows} rows: expected the template columns (docs/data-formats.md), an HXL hashtag row, or a known export (OCHA FTS, HNO, 3W, CBPF). Give --kind to see which columns are missing."));
            return null;
        }

        if (report.EncodingName is "windows-1252" or "windows-1256")
            report.Issues.Add(new ImportIssue(IssueSeverity.Warning, fileName, 1, null, null,
                $"The file is not UTF-8; it was read as {report.EncodingName}. Check that accented and Arabic letters look right (saving as CSV UTF-8 avoids this)."));
        var match = table.Match;
        report.Kind = match.Kind;
        report.Format = match.FormatName;
        report.SheetName = table.Sheet.Index > 0 || report.EncodingName == "xlsx" ? table.Sheet.Name : null;
        foreach (var note in match.Warnings)
            report.Issues.Add(new ImportIssue(IssueSeverity.Warning, fileName, table.Header.HeaderRow, note.Column, null, note.Message));
        if (match.Refusal is { } refusal)
        {
            report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, table.Header.HeaderRow, null, null, refusal));
            return null;
        }
        foreach (var problem in match.Problems)
            report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, table.Header.HeaderRow, problem.Column, null, problem.Message));
        return match.Problems.Count > 0 ? null : table;
    }

    /// <summary>Validates and queues every row; returns the years written and the rows' fingerprints (none for presence).</summary>
    private (List<int> Years, RepeatFinder? Repeats) ReadRows(ImportRequest request, string fileName, DetectedTable table, ImportContext context,
        ImportReport report, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var years = new HashSet<int>();
        var projector = table.Match.Projector!;
        var kind = projector.Kind;
        var identity = kind.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var variants = new Dictionary<(string, string), int>();
        var row = new RowAccessor(fileName, identity, resolver, report.Issues, variants, projector.SourceNames);
        var projection = new ProjectionContext(fileName, report, request);
        var isCsv = report.EncodingName != "xlsx";
        var width = table.Header.Width;
        long totalBytes = new FileInfo(request.FilePath).Length;

        // Exact repeats are written (two equal flows can be real) but pointed out; 3W presence
        // rows are de-duplicated by the writer instead. Sized from the file (about 80 bytes a CSV row).
        var repeats = report.Kind == RecordKind.Presence ? null
            : new RepeatFinder(isCsv ? (int)Math.Min(totalBytes / 80, 4_000_000) : 0);
        void Write(ProjectedRow projected)
        {
            repeats?.Add(Fingerprint(projected.Fields), projected.Row);
            row.Load(projected.Row, projected.Fields);
            if (kind.Write(row, context) is { } year)
            {
                report.RowsValid++;
                years.Add(year);
            }
        }

        var projectedRows = new List<ProjectedRow>();
        foreach (var record in table.Sheet.StreamRows())
        {
            if (record.Line < table.Header.FirstDataRow) continue;
            ct.ThrowIfCancellationRequested();
            report.RowsRead++;
            if (record.UnclosedQuote)
            {
                row.Load(record.Line, []);
                row.Error(null, null,
                    "A quoted field starting on this row is never closed: the rest of the file would be read into it. Close the quote (\") or remove it.");
                continue;
            }
            if (isCsv && record.Fields.Length != width)
            {
                row.Load(record.Line, []);
                row.Error(null, null, string.Create(CultureInfo.InvariantCulture,
                    $"Expected {width} fields as in the header, found {record.Fields.Length}."));
                continue;
            }
            projector.Project(record, projection, projectedRows);
            foreach (var projected in projectedRows) Write(projected);
            projectedRows.Clear();
            if (report.RowsRead % 5000 == 0)
                progress?.Report(new ImportProgress(Math.Min(totalBytes, table.Sheet.BytesRead), totalBytes, report.RowsRead));
        }
        foreach (var projected in projector.Complete(projection)) Write(projected);
        progress?.Report(new ImportProgress(totalBytes, totalBytes, report.RowsRead));

        foreach (var ((input, pcode), count) in variants)
            report.ResolvedVariants.Add(new NameMapping(input, pcode, resolver.Gazetteer.NameOf(pcode), count));
        report.Districts = row.Districts.Summary(resolver.Gazetteer.NameOf);
        return (years.Order().ToList(), repeats);
    }

    private static void ReportRepeats(RepeatFinder? finder, string fileName, ImportReport report)
    {
        var repeats = finder?.Repeats() ?? [];
        if (repeats.Count == 0) return;
        foreach (var (row, first) in repeats)
            report.Issues.Add(new ImportIssue(IssueSeverity.Warning, fileName, row, null, null, string.Create(CultureInfo.InvariantCulture,
                $"Repeats row {first} exactly; both rows are counted. Remove one if it is a copy.")));
        // Found at the end of the file: put them among the other issues of their rows.
        var ordered = report.Issues.OrderBy(i => i.Row).ToList();
        report.Issues.Clear();
        report.Issues.AddRange(ordered);
    }

    /// <summary>64-bit FNV-1a over the fields (with separators): enough to spot exact repeats in a million rows.</summary>
    private static ulong Fingerprint(string?[] fields)
    {
        var hash = 14695981039346656037UL;
        foreach (var field in fields)
        {
            foreach (var c in field ?? string.Empty) hash = (hash ^ c) * 1099511628211UL;
            hash = (hash ^ 0x1F) * 1099511628211UL;
        }
        return hash;
    }

    /// <summary>The batches in use of this kind and source name from another file (any years): read before the import's transaction.</summary>
    private async Task<List<SameSourceBatch>> SameSourceCandidatesAsync(ImportReport report, string sha, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var kind = report.Kind;
        var batches = await db.Batches.AsNoTracking()
            .Where(b => b.WithdrawnAt == null && b.Kind == kind && b.Sha256 != sha && b.FirstYear != null && b.LastYear != null)
            .Select(b => new { b.Id, b.FileName, b.SourceName, b.FirstYear, b.LastYear, b.ImportedAt })
            .ToListAsync(ct);
        // Compared here, not in SQL: the same words whatever the database's collation.
        return batches
            .Where(b => string.Equals(b.SourceName.Trim(), report.SourceName, StringComparison.OrdinalIgnoreCase))
            .Select(b => new SameSourceBatch(b.Id, b.FileName, b.SourceName, b.FirstYear!.Value, b.LastYear!.Value, b.ImportedAt))
            .OrderBy(b => b.Id)
            .ToList();
    }

    /// <summary>
    /// Warns of each batch in use that holds this source for some of the file's years (importing both
    /// would count them twice) and, with --replace, swaps them for this import in its transaction.
    /// </summary>
    private static async Task ReportSameSourceAsync(List<SameSourceBatch> candidates, List<int> years, ImportBatch? previous,
        ImportRequest request, IImportWriter writer, string fileName, int headerRow, ImportReport report, CancellationToken ct)
    {
        if (years.Count == 0) return;
        var (first, last) = (years.Min(), years.Max());
        foreach (var other in candidates.Where(c => c.FirstYear <= last && c.LastYear >= first && c.Id != previous?.Id))
        {
            report.SameSource.Add(other);
            var replacing = request.Replace && previous is null;
            report.Issues.Add(new ImportIssue(IssueSeverity.Warning, fileName, headerRow, null, null, string.Create(CultureInfo.InvariantCulture,
                $"Batch {other.Id} ({other.FileName}, {other.Years}, imported {other.ImportedAt:yyyy-MM-dd HH:mm} UTC) already holds '{other.SourceName}' for these years: ")
                + (replacing
                    ? (request.DryRun ? "committing this import replaces it." : "this import replaced it.")
                    : "importing this file as well counts both. Replace it with this import (the Data page's replace option, the CLI's --replace), or withdraw it first.")));
            if (!replacing) continue;
            await writer.DeleteBatchAsync(other.Id, ct);
            report.ReplacedBatchIds.Add(other.Id);
        }
    }

    private static string Describe(Dictionary<string, int> skipped) =>
        string.Join("; ", skipped.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Value} {kv.Key}")));

    /// <summary>The report as stored with the batch: counts, skipped rows and the first issues.</summary>
    private static string ReportJson(ImportReport report) => JsonSerializer.Serialize(new
    {
        report.Format,
        report.SheetName,
        report.EncodingName,
        report.RowsRead,
        report.RowsValid,
        report.RowsWritten,
        report.DuplicatesRemoved,
        report.RowsSkippedInvalid,
        report.SkippedRows,
        Variants = report.ResolvedVariants,
        report.Districts,
        Issues = report.Issues.Take(500).Select(i => i.ToString()),
        IssuesTotal = report.Issues.Count,
        report.MultiGovernorate,
    });

    /// <summary>The file's SHA-256 in lower-case hex, as batches store it (see <see cref="ImportRequest.Sha256"/>).</summary>
    public static async Task<string> HashFileAsync(string path, CancellationToken ct = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return Convert.ToHexStringLower(hash);
    }
}
