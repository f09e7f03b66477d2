using System.Globalization;
using System.Security.Cryptography;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import.Tabular;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>An import to run: the file, its kind, and how to treat it.</summary>
public sealed record ImportRequest(string FilePath, RecordKind Kind)
{
    /// <summary>Source name stored on the batch (defaults to the file name).</summary>
    public string? SourceName { get; init; }
    /// <summary>Validate and report, write nothing.</summary>
    public bool DryRun { get; init; }
    /// <summary>File name to report when <see cref="FilePath"/> is a temporary copy (uploads).</summary>
    public string? DisplayName { get; init; }
}

/// <summary>Progress of a running import: the fraction of the file read so far.</summary>
public readonly record struct ImportProgress(long BytesRead, long TotalBytes, int RowsRead)
{
    public double Fraction => TotalBytes == 0 ? 1 : Math.Min(1, (double)BytesRead / TotalBytes);
}

/// <summary>
/// Reads a template CSV, validates every row and writes the batch and its records in one
/// transaction. Any error means nothing is written.
/// </summary>
public sealed class ImportService(IDbContextFactory<EquityDbContext> factory, NameResolver resolver, ILogger<ImportService>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<ImportService>.Instance;

    public async Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var fileName = request.DisplayName ?? Path.GetFileName(request.FilePath);
        var sha = await HashAsync(request.FilePath, ct);
        var report = new ImportReport
        {
            FileName = fileName,
            Kind = request.Kind,
            SourceName = string.IsNullOrWhiteSpace(request.SourceName) ? fileName : request.SourceName.Trim(),
            Sha256 = sha,
            DryRun = request.DryRun,
        };

        await using var db = await factory.CreateDbContextAsync(ct);
        var previous = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Sha256 == sha, ct);
        if (previous is not null)
        {
            report.RefusedReason = string.Create(CultureInfo.InvariantCulture,
                $"{fileName} was already imported as batch {previous.Id} ('{previous.SourceName}') on {previous.ImportedAt:yyyy-MM-dd HH:mm} UTC; roll that batch back first to import it again.");
            _log.LogWarning("Import refused: {File} already imported as batch {BatchId}", fileName, previous.Id);
            return report;
        }

        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = new ImportBatch
        {
            Kind = request.Kind,
            SourceName = report.SourceName,
            FileName = fileName,
            Sha256 = sha,
            ImportedAt = DateTimeOffset.UtcNow,
        };
        db.Batches.Add(batch);
        await db.SaveChangesAsync(ct);

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using (var context = new ImportContext(connection, (SqliteTransaction)tx.GetDbTransaction(), batch.Id, resolver))
        {
            var years = ReadRows(request.FilePath, fileName, TemplateKind.For(request.Kind), context, report, progress, ct);
            context.Linker?.Flush(context.Connection, context.Transaction);
            batch.FirstYear = years.Count > 0 ? years.Min() : null;
            batch.LastYear = years.Count > 0 ? years.Max() : null;
        }

        if (report.ErrorCount > 0 || request.DryRun || report.RowsValid == 0)
        {
            await tx.RollbackAsync(ct);
            if (report.RowsValid == 0 && report.ErrorCount == 0)
                report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, 1, null, null, "The file has no data rows."));
            _log.LogInformation("Import of {File} ({Kind}) not written: {Errors} errors, dry run {DryRun}", fileName, request.Kind, report.ErrorCount, request.DryRun);
            return report;
        }

        batch.RowsRead = report.RowsRead;
        batch.RowsWritten = report.RowsValid;
        batch.RowsSkipped = report.RowsRead - report.RowsValid;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        report.RowsWritten = report.RowsValid;
        report.BatchId = batch.Id;
        _log.LogInformation("Imported {File} ({Kind}) as batch {BatchId}: {Rows} rows", fileName, request.Kind, batch.Id, report.RowsWritten);
        return report;
    }

    private List<int> ReadRows(string path, string fileName, TemplateKind kind, ImportContext context,
        ImportReport report, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var years = new HashSet<int>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var sample = new byte[64 * 1024];
        var sampleLength = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        if (sampleLength > 0 && TextDecoding.LooksBinary(sample.AsSpan(0, sampleLength)))
        {
            report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, 1, null, null,
                "This is not a text (CSV) file; save the sheet as CSV (UTF-8) and import that."));
            return [];
        }
        stream.Position = 0;
        using var text = TextDecoding.OpenReader(stream, out var encoding, leaveOpen: true);
        report.EncodingName = encoding.Name;
        var firstLines = encoding.Encoding.GetString(sample, 0, sampleLength)
            .Split('\n', 21).Take(20).Select(l => l.TrimEnd('\r')).ToList();
        var delimiter = DelimiterSniffer.Detect(firstLines);
        report.Delimiter = delimiter;
        var records = new CsvReader(text, delimiter).ReadRecords().GetEnumerator();
        if (!records.MoveNext())
        {
            report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, 1, null, null, "The file is empty."));
            return [];
        }

        var headerWidth = records.Current.Fields.Length;
        var columns = MapHeader(records.Current, fileName, kind, report);
        if (columns is null) return [];

        var variants = new Dictionary<(string, string), int>();
        var row = new RowAccessor(fileName, columns, resolver, report.Issues, variants);
        while (records.MoveNext())
        {
            ct.ThrowIfCancellationRequested();
            var record = records.Current;
            report.RowsRead++;
            row.Load(record);
            if (record.Fields.Length != headerWidth)
            {
                row.Error(null, null, string.Create(CultureInfo.InvariantCulture,
                    $"Expected {headerWidth} fields as in the header, found {record.Fields.Length}."));
                continue;
            }
            if (kind.Write(row, context) is { } year)
            {
                report.RowsValid++;
                years.Add(year);
            }
            if (report.RowsRead % 5000 == 0) progress?.Report(new ImportProgress(stream.Position, stream.Length, report.RowsRead));
        }
        progress?.Report(new ImportProgress(stream.Length, stream.Length, report.RowsRead));

        foreach (var ((input, pcode), count) in variants)
            report.ResolvedVariants.Add(new NameMapping(input, pcode, resolver.Gazetteer[pcode].Name, count));
        return years.Order().ToList();
    }

    /// <summary>Maps header names (case-insensitive) to indexes; missing required columns are errors.</summary>
    private static Dictionary<string, int>? MapHeader(CsvRecord header, string fileName, TemplateKind kind, ImportReport report)
    {
        var names = header.Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (kind.Columns.Contains(names[i])) map.TryAdd(names[i], i);
            else report.Issues.Add(new ImportIssue(IssueSeverity.Warning, fileName, header.Line, header.Fields[i], null,
                $"Unknown column ignored (a {kind.Kind.ToString().ToLowerInvariant()} file has: {string.Join(", ", kind.Columns)})."));
        }
        var missing = kind.RequiredColumns.Where(c => !map.ContainsKey(c)).ToList();
        foreach (var column in missing)
            report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, header.Line, column, null,
                $"Required column '{column}' is missing from the header."));
        var missingGroups = kind.OneOfColumns.Where(group => !group.Any(map.ContainsKey)).ToList();
        foreach (var group in missingGroups)
            report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, header.Line, group[0], null,
                $"The header needs at least one of these columns: {string.Join(", ", group)}."));
        return missing.Count > 0 || missingGroups.Count > 0 ? null : map;
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return Convert.ToHexStringLower(hash);
    }
}
