using System.Globalization;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Web.Accounts;
using EquityDashboard.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Web.Api;

/// <summary>A batch as the API lists it: provenance, who imported it, and whether it is withdrawn.</summary>
public sealed record BatchDocument(int Id, string Kind, string SourceName, string FileName, string? Format, string Sha256,
    DateTimeOffset ImportedAt, string? ImportedBy, int? FirstYear, int? LastYear, int RowsWritten, bool Illustrative,
    string Status, DateTimeOffset? WithdrawnAt, string? WithdrawnBy)
{
    public static BatchDocument From(ImportBatch b) => new(b.Id, b.Kind.ToString().ToLowerInvariant(), b.SourceName, b.FileName, b.Format,
        b.Sha256, b.ImportedAt, b.ImportedBy, b.FirstYear, b.LastYear, b.RowsWritten, b.IsIllustrative,
        b.IsWithdrawn ? "withdrawn" : "in-use", b.WithdrawnAt, b.WithdrawnBy);
}

/// <summary>The import report as the API answers it.</summary>
public sealed record ImportReportDocument(int? BatchId, bool Committed, bool DryRun, bool Succeeded, string FileName, string Kind,
    string? Format, string SourceName, string Sha256, int RowsRead, int RowsValid, int RowsWritten, int DuplicatesRemoved,
    string? RefusedReason, IReadOnlyDictionary<string, int> SkippedRows, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings,
    IReadOnlyList<string> PooledFundNotes)
{
    public static ImportReportDocument From(ImportReport r) => new(r.BatchId, r.Committed, r.DryRun, r.Succeeded, r.FileName,
        r.Kind.ToString().ToLowerInvariant(), r.Format, r.SourceName, r.Sha256, r.RowsRead, r.RowsValid, r.RowsWritten, r.DuplicatesRemoved,
        r.RefusedReason, r.SkippedRows, r.Errors.Take(500).Select(e => e.ToString()).ToList(),
        r.Warnings.Take(500).Select(w => w.ToString()).ToList(), r.PooledFundNotes);
}

/// <summary>
/// The API for automation: imports, batches (withdraw, restore) and the audit trail. Authorised by
/// role (cookie or bearer token); the services check the role again and audit each change.
/// </summary>
public static class BatchesApi
{
    public static RouteGroupBuilder MapBatchesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/batches", ListAsync).RequireAuthorization(Policies.Read)
            .WithName("GetBatches").WithSummary("Import batches with who imported (and withdrew) them, when, and their status");
        api.MapDelete("/batches/{id:int}", WithdrawAsync).RequireAuthorization(Policies.Import)
            .WithName("WithdrawBatch").WithSummary("Withdraw a batch: its figures leave every view; its rows stay (data-manager, admin)");
        api.MapPost("/batches/{id:int}/restore", RestoreAsync).RequireAuthorization(Policies.Admin)
            .WithName("RestoreBatch").WithSummary("Bring a withdrawn batch back (admin)");
        api.MapGet("/audit", AuditAsync).RequireAuthorization(Policies.Admin)
            .WithName("GetAudit").WithSummary("The audit trail, newest first; from, to (yyyy-MM-dd, UTC), user, action; format=csv (admin)");
        api.MapPost("/imports", ImportAsync).RequireAuthorization(Policies.Import)
            .DisableAntiforgery() // scripts with a bearer token; a cookie alone cannot post here cross-site (SameSite=Lax)
            .WithName("PostImport").WithSummary("Import a file (multipart field 'file'; query source, kind, dryRun, illustrative): the import report; 201 with batchId when committed");
        return api;
    }

    private static async Task<IResult> ListAsync(BatchStore store, CancellationToken ct) =>
        TypedResults.Json((await store.ListAsync(ct)).Select(BatchDocument.From).ToList(), Infrastructure.Export.GapsDocument.JsonOptions);

    private static Task<IResult> WithdrawAsync(int id, HttpContext http, BatchStore store, CancellationToken ct) =>
        ChangeAsync(id, http, store, (s, a, c) => s.WithdrawAsync(a, id, c), "is already withdrawn", ct);

    private static Task<IResult> RestoreAsync(int id, HttpContext http, BatchStore store, CancellationToken ct) =>
        ChangeAsync(id, http, store, (s, a, c) => s.RestoreAsync(a, id, c), "is not withdrawn", ct);

    private static async Task<IResult> ChangeAsync(int id, HttpContext http, BatchStore store,
        Func<BatchStore, Actor, CancellationToken, Task<BatchChange>> change, string wrongState, CancellationToken ct)
    {
        try
        {
            return await change(store, AccountsSetup.ActorOf(http.User), ct) switch
            {
                BatchChange.NotFound => TypedResults.Problem(statusCode: 404, title: $"No batch {id}."),
                BatchChange.WrongState => TypedResults.Problem(statusCode: 409, title: $"Batch {id} {wrongState}."),
                _ => TypedResults.Json(BatchDocument.From((await store.ListAsync(ct)).Single(b => b.Id == id)), Infrastructure.Export.GapsDocument.JsonOptions),
            };
        }
        catch (ForbiddenException ex)
        {
            return TypedResults.Problem(statusCode: 403, title: "Not allowed.", detail: ex.Message);
        }
    }

    private static async Task<IResult> AuditAsync(HttpContext http, AuditTrail trail, [FromQuery] string? from, [FromQuery] string? to,
        [FromQuery] string? user, [FromQuery] string? action, [FromQuery] string? format, CancellationToken ct)
    {
        var query = AuditQueryParser.Parse(from, to, user, action, out var error);
        if (query is null) return TypedResults.Problem(statusCode: 400, title: "The query is not valid.", detail: error);
        var events = await trail.ListAsync(query with { Limit = 100_000 }, ct);
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(AuditTrail.ToCsv(events)), "text/csv; charset=utf-8", "audit.csv");
        return TypedResults.Json(events, Infrastructure.Export.GapsDocument.JsonOptions);
    }

    private static async Task<IResult> ImportAsync(HttpContext http, ImportService importer, IOptions<EquityOptions> options,
        UploadThrottle throttle, [FromQuery] string? source, [FromQuery] string? kind, [FromQuery] bool? dryRun, [FromQuery] bool? illustrative,
        CancellationToken ct)
    {
        // A declared body over the limit was answered 413 before this runs (RequestBodyLimit).
        var limit = RequestBodyLimit.Bytes(options.Value);
        if (!http.Request.HasFormContentType)
            return TypedResults.Problem(statusCode: 400, title: "Send the file as multipart/form-data in a field named 'file'.");
        // Refused before the body is read.
        if (!throttle.TryAcquire(AccountsSetup.ActorOf(http.User).Name))
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many uploads.", detail: throttle.Refusal);
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return RequestBodyLimit.Problem(limit);
        }
        if (form.Files.GetFile("file") is not { } file)
            return TypedResults.Problem(statusCode: 400, title: "Send the file as multipart/form-data in a field named 'file'.");
        if (file.Length > limit) return RequestBodyLimit.Problem(limit);
        RecordKind? recordKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<RecordKind>(kind, ignoreCase: true, out var k))
                return TypedResults.Problem(statusCode: 400, title: "The query is not valid.",
                    detail: $"kind must be one of {string.Join(", ", Enum.GetNames<RecordKind>().Select(n => n.ToLowerInvariant()))}; got '{kind}'.");
            recordKind = k;
        }

        var folder = Directory.CreateTempSubdirectory("equity-api-import-");
        try
        {
            var fileName = Path.GetFileName(file.FileName);
            var path = Path.Combine(folder.FullName, "upload" + Path.GetExtension(fileName));
            await using (var stream = File.Create(path)) await file.CopyToAsync(stream, ct);
            var report = await importer.ImportAsync(new ImportRequest(path, recordKind)
            {
                DisplayName = fileName,
                SourceName = source,
                DryRun = dryRun ?? false,
                Illustrative = illustrative ?? false,
                Actor = AccountsSetup.ActorOf(http.User),
            }, ct: ct);
            var document = ImportReportDocument.From(report);
            if (report.Committed)
                return TypedResults.Json(document, Infrastructure.Export.GapsDocument.JsonOptions, statusCode: StatusCodes.Status201Created);
            return TypedResults.Json(document, Infrastructure.Export.GapsDocument.JsonOptions,
                statusCode: report.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }
        catch (ForbiddenException ex)
        {
            return TypedResults.Problem(statusCode: 403, title: "Not allowed.", detail: ex.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
