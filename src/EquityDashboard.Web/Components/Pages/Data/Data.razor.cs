using System.Diagnostics;
using System.Globalization;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace EquityDashboard.Web.Components.Pages.Data;

/// <summary>
/// Upload a file, check it (a dry run of the importer), then commit or cancel; the batch history with rollback.
/// The upload is streamed to a temporary folder of its own, deleted on commit, cancel, a new upload or when the
/// circuit ends.
/// </summary>
public partial class Data : ReadyPage, IAsyncDisposable
{
    private enum Stage
    {
        Idle,
        Uploading,
        Checking,
        Preview,
        Committing,
        Done,
    }

    /// <summary>The kinds of file the importer reads (it detects the content; the extension only guards the picker).</summary>
    private static readonly string[] AcceptedExtensions = [".csv", ".tsv", ".txt", ".xlsx"];
    private const string AutoKind = "auto";
    private const int OverviewLinksMax = 10;
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(150);
    private static readonly string AcceptAttribute = string.Join(',', AcceptedExtensions);

    private readonly CancellationTokenSource _disposed = new();
    private CancellationTokenSource? _operationCts;
    private Task? _operation;

    private Stage _stage = Stage.Idle;
    private bool _dragging;
    private string _kind = AutoKind;
    private string? _sourceName;
    private bool _skipInvalid;
    private bool _replace;
    /// <summary>The file holds invented demonstration figures: its batch is marked illustrative wherever it is shown.</summary>
    private bool _illustrative;

    private string? _fileName;
    private long _fileSize;
    private long _bytesUploaded;
    private TemporaryUpload? _upload;
    private ImportProgress _importProgress;
    private ImportReport? _report;
    private ImportBatch? _refusedBatch;
    private ImportBatch? _writtenBatch;
    private string? _error;

    private IReadOnlyList<ImportBatch>? _batches;
    private string? _historyError;
    private int? _rollingBack;

    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;
    /// <summary>The signed-in user as the services check them (a viewer when not signed in).</summary>
    private Actor _actor = new("anonymous", Roles.Viewer);

    [Inject] private ImportService Importer { get; set; } = default!;
    [Inject] private BatchStore Batches { get; set; } = default!;
    [Inject] private UploadStorage Storage { get; set; } = default!;
    [Inject] private UploadThrottle Throttle { get; set; } = default!;
    [Inject] private IOptions<EquityOptions> Options { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<Data> Log { get; set; } = default!;

    private long LimitBytes => Math.Max(1, Options.Value.MaxUploadMegabytes) * ByteSize.Megabyte;
    private bool Busy => _stage is Stage.Uploading or Stage.Checking or Stage.Committing || _rollingBack is not null;
    /// <summary>
    /// Prerendered, or on the circuit but still loading: the page looks whole but its buttons do nothing
    /// yet, so they are shown disabled with a "Connecting…" status until it is ready.
    /// </summary>
    private bool Connecting => !IsReady;
    /// <summary>The controls that start something are off: an operation is running or the page is not live yet.</summary>
    private bool Inactive => Busy || Connecting;
    private string StageName => _stage.ToString().ToLowerInvariant();
    private RecordKind? Kind => Enum.TryParse<RecordKind>(_kind, out var kind) ? kind : null;

    /// <summary>Years the written batch covers (the most recent ones when it spans many), each a link to its overview.</summary>
    private IEnumerable<int> OverviewYears => _writtenBatch is { FirstYear: { } first, LastYear: { } last }
        ? Enumerable.Range(Math.Max(first, last - OverviewLinksMax + 1), last - Math.Max(first, last - OverviewLinksMax + 1) + 1)
        : [];

    protected override async Task OnInitializedAsync()
    {
        _actor = AccountsSetup.ActorOf((await Auth).User);
        await LoadBatchesAsync();
    }

    private void OnDragEnter() => _dragging = true;

    private Task OnKindChangedAsync(string value)
    {
        _kind = value;
        return RecheckAsync();
    }

    private Task OnSourceNameChangedAsync(string? value)
    {
        _sourceName = value;
        return RecheckAsync();
    }

    private Task OnSkipInvalidChangedAsync(bool value)
    {
        _skipInvalid = value;
        return RecheckAsync();
    }

    /// <summary>"batch 6" or "batches 6 and 9": the batches of the same source the report names.</summary>
    private string SameSourceText => _report?.SameSource is { Count: > 0 } same
        ? same.Count == 1
            ? string.Create(En, $"batch {same[0].Id}")
            : "batches " + string.Join(", ", same.Take(same.Count - 1).Select(b => b.Id.ToString(En))) + " and " + same[^1].Id.ToString(En)
        : "";

    private Task OnReplaceChangedAsync(bool value)
    {
        _replace = value;
        return RecheckAsync();
    }

    private Task OnIllustrativeChangedAsync(bool value)
    {
        _illustrative = value;
        return Task.CompletedTask;
    }

    /// <summary>Options changed while a report is shown: check the same file again, so Commit writes what the report says.</summary>
    private Task RecheckAsync() =>
        _stage == Stage.Preview && _upload is not null ? Track(PreviewAsync) : Task.CompletedTask;

    private async Task OnFileChosenAsync(InputFileChangeEventArgs e)
    {
        _dragging = false;
        if (Busy) return;
        Reset();
        var file = e.File;
        _fileName = file.Name;
        _fileSize = file.Size;
        if (Refusal(file) is { } refusal)
        {
            _error = refusal;
            Log.LogWarning("Upload of {File} ({Bytes} bytes) refused before upload: {Reason}", file.Name, file.Size, refusal);
            return;
        }
        if (!_actor.CanImport)
        {
            // The page offers no upload then; this guards the handler itself, before a byte is stored.
            _error = "Your role does not allow imports; a data manager imports files.";
            return;
        }
        if (!Throttle.TryAcquire(_actor.Name))
        {
            _error = Throttle.Refusal;
            Log.LogWarning("Upload of {File} by {Actor} refused: more than {PerMinute} a minute", file.Name, _actor.Name, Throttle.PerMinute);
            return;
        }
        await Track(ct => UploadAndCheckAsync(file, ct));
    }

    /// <summary>Why a file is not uploaded at all, or null.</summary>
    private string? Refusal(IBrowserFile file)
    {
        var extension = Path.GetExtension(file.Name).ToLowerInvariant();
        if (extension == ".xls")
            return $"{file.Name} is an old Excel (.xls) workbook: open it and save it as .xlsx or as CSV (UTF-8), then import that.";
        if (!AcceptedExtensions.Contains(extension))
            return $"{file.Name} is not a CSV, TSV, TXT or Excel (.xlsx) file, which are the files the importer reads.";
        if (file.Size <= LimitBytes) return null;
        var limit = ByteSize.Format(LimitBytes);
        // Just over the limit rounds to the limit itself: then give the exact size.
        var size = ByteSize.Format(file.Size) == limit ? file.Size.ToString("N0", En) + " bytes" : ByteSize.Format(file.Size);
        return $"{file.Name} is {size}, more than the {limit} this page accepts. " +
               "Split the file, or ask the administrator to raise the setting Equity:MaxUploadMegabytes.";
    }

    private async Task UploadAndCheckAsync(IBrowserFile file, CancellationToken ct)
    {
        _stage = Stage.Uploading;
        var watch = Stopwatch.StartNew();
        try
        {
            _upload = Storage.Create(file.Name);
            await CopyToDiskAsync(file, _upload.FilePath, ct);
            Log.LogInformation("Upload of {File} received: {Bytes} bytes in {ElapsedMs} ms", _fileName, _bytesUploaded, watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "Upload of {File} failed after {Bytes} bytes and {ElapsedMs} ms", _fileName, _bytesUploaded, watch.ElapsedMilliseconds);
            _error = $"The upload of {_fileName} stopped after {ByteSize.Format(_bytesUploaded)} of {ByteSize.Format(_fileSize)}. " +
                     "Check the connection and choose the file again. The error has been logged.";
            DiscardUpload();
            _stage = Stage.Idle;
            return;
        }
        await PreviewAsync(ct);
    }

    /// <summary>Streams the browser file to disk in chunks, never holding the whole file in memory.</summary>
    private async Task CopyToDiskAsync(IBrowserFile file, string path, CancellationToken ct)
    {
        const int chunk = 64 * 1024;
        var buffer = new byte[chunk];
        await using var source = file.OpenReadStream(maxAllowedSize: LimitBytes, ct);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, chunk, useAsync: true);
        var lastRender = Stopwatch.GetTimestamp();
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            _bytesUploaded += read;
            if (Stopwatch.GetElapsedTime(lastRender) < ProgressInterval) continue;
            lastRender = Stopwatch.GetTimestamp();
            StateHasChanged();
        }
    }

    /// <summary>A dry run of the importer on the uploaded file: the report, nothing written.</summary>
    private async Task PreviewAsync(CancellationToken ct)
    {
        var request = Request(dryRun: true);
        _stage = Stage.Checking;
        _report = null;
        _refusedBatch = null;
        _error = null;
        _importProgress = default;
        var watch = Stopwatch.StartNew();
        try
        {
            var report = await RunImportAsync(request, ct);
            Log.LogInformation(
                "Preview of {File} ({Kind}, {Format}): {RowsRead} rows read, {RowsValid} valid, {Errors} errors, {Warnings} warnings, importable {Succeeded}, in {ElapsedMs} ms",
                report.FileName, report.Kind, report.Format, report.RowsRead, report.RowsValid, report.ErrorCount,
                report.Issues.Count - report.ErrorCount, report.Succeeded, watch.ElapsedMilliseconds);
            await ShowReportAsync(report);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "Preview of {File} failed after {ElapsedMs} ms", _fileName, watch.ElapsedMilliseconds);
            _error = $"{_fileName} could not be checked. The error has been logged.";
            DiscardUpload();
            _stage = Stage.Idle;
        }
    }

    private async Task ShowReportAsync(ImportReport report)
    {
        _report = report;
        _stage = Stage.Preview;
        if (report.RefusedReason is null) return;
        // Refused as already imported: name the earlier batch so the page can say what to do here (not the CLI's --replace).
        await LoadBatchesAsync();
        _refusedBatch = _batches?.FirstOrDefault(b => b.Sha256 == report.Sha256);
    }

    private async Task CommitAsync()
    {
        if (_report is not { Succeeded: true } || _upload is null || Busy) return;
        await Track(async ct =>
        {
            var request = Request(dryRun: false);
            _stage = Stage.Committing;
            _importProgress = default;
            var watch = Stopwatch.StartNew();
            try
            {
                var report = await RunImportAsync(request, ct);
                if (!report.Committed)
                {
                    // Something changed since the preview (e.g. the same file was imported meanwhile): show why.
                    Log.LogWarning("Commit of {File} ({Kind}) wrote nothing: {Errors} errors, refused {Refused}, in {ElapsedMs} ms",
                        report.FileName, report.Kind, report.ErrorCount, report.RefusedReason is not null, watch.ElapsedMilliseconds);
                    await ShowReportAsync(report);
                    return;
                }
                Log.LogInformation("Commit of {File} ({Kind}, {Format}) wrote batch {BatchId}: {Rows} rows, replaced batch {ReplacedBatchId}, in {ElapsedMs} ms",
                    report.FileName, report.Kind, report.Format, report.BatchId, report.RowsWritten, report.ReplacedBatchId, watch.ElapsedMilliseconds);
                _report = report;
                _stage = Stage.Done;
                DiscardUpload();
                // The source name, the replace choice and the illustrative mark were for this file, not the next one.
                _sourceName = null;
                _replace = false;
                _illustrative = false;
                await LoadBatchesAsync();
                _writtenBatch = _batches?.FirstOrDefault(b => b.Id == report.BatchId);
                Snackbar.Add(string.Create(En, $"Batch {report.BatchId} written: {report.RowsWritten:N0} rows."), Severity.Success);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Log.LogError(ex, "Commit of {File} failed after {ElapsedMs} ms", _fileName, watch.ElapsedMilliseconds);
                _error = $"{_fileName} could not be written; nothing was saved. The error has been logged.";
                _stage = Stage.Preview;
            }
        });
    }

    /// <summary>Runs the importer off the circuit's thread (it reads rows synchronously), reporting progress back to it.</summary>
    private Task<ImportReport> RunImportAsync(ImportRequest request, CancellationToken ct)
    {
        var progress = new Progress<ImportProgress>(p => _ = InvokeAsync(() =>
        {
            _importProgress = p;
            StateHasChanged();
        }));
        return Task.Run(() => Importer.ImportAsync(request, progress, ct), ct);
    }

    private ImportRequest Request(bool dryRun) => new(_upload!.FilePath, Kind)
    {
        DryRun = dryRun,
        DisplayName = _fileName,
        SourceName = string.IsNullOrWhiteSpace(_sourceName) ? null : _sourceName.Trim(),
        SkipInvalid = _skipInvalid,
        Replace = _replace,
        Illustrative = _illustrative,
        Actor = _actor,
    };

    private async Task CancelAsync()
    {
        if (_stage == Stage.Committing) return;
        Log.LogInformation("Import of {File} cancelled while {Stage}", _fileName, StageName);
        await StopOperationAsync();
        Reset();
    }

    /// <summary>Back to an empty upload: the temporary file is deleted and the report cleared.</summary>
    private void Reset()
    {
        DiscardUpload();
        _stage = Stage.Idle;
        _report = null;
        _refusedBatch = null;
        _writtenBatch = null;
        _error = null;
        _fileName = null;
        _fileSize = 0;
        _bytesUploaded = 0;
        _importProgress = default;
    }

    private void DiscardUpload()
    {
        if (_upload is null) return;
        try
        {
            _upload.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning(ex, "Temporary upload folder {Folder} could not be deleted", _upload.Folder);
        }
        _upload = null;
    }

    /// <summary>A withdrawal, restore or purge of a batch: asked, then done by the store, which checks the role again.</summary>
    private async Task ChangeAsync(ImportBatch batch, BatchAction action)
    {
        if (Busy) return;
        var parameters = new DialogParameters<BatchChangeDialog> { { d => d.Batch, batch }, { d => d.Action, action } };
        var options = new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true };
        var dialog = await Dialogs.ShowAsync<BatchChangeDialog>(BatchChangeDialog.Title(action), parameters, options);
        var result = await dialog.Result;
        if (result is null || result.Canceled) return;

        _rollingBack = batch.Id;
        _historyError = null;
        var watch = Stopwatch.StartNew();
        try
        {
            var outcome = action switch
            {
                BatchAction.Withdraw => await Batches.WithdrawAsync(_actor, batch.Id, _disposed.Token),
                BatchAction.Restore => await Batches.RestoreAsync(_actor, batch.Id, _disposed.Token),
                _ => await Batches.PurgeAsync(_actor, batch.Id, _disposed.Token),
            };
            Log.LogInformation("{Action} of batch {BatchId} ({File}) by {Actor}: {Outcome} in {ElapsedMs} ms",
                action, batch.Id, batch.FileName, _actor.Name, outcome, watch.ElapsedMilliseconds);
            if (outcome == BatchChange.Done)
                Snackbar.Add(BatchChangeDialog.Done(action, batch), Severity.Success);
            else
                Snackbar.Add($"Batch {batch.Id} was changed meanwhile; the list is up to date again.", Severity.Warning);
        }
        catch (ForbiddenException ex)
        {
            Log.LogWarning("{Action} of batch {BatchId} refused for {Actor}: {Reason}", action, batch.Id, _actor.Name, ex.Message);
            _historyError = ex.Message;
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "{Action} of batch {BatchId} failed after {ElapsedMs} ms", action, batch.Id, watch.ElapsedMilliseconds);
            _historyError = $"Batch {batch.Id} could not be changed; nothing was changed. The error has been logged.";
        }
        finally
        {
            _rollingBack = null;
        }
        await LoadBatchesAsync();
        // The batch just written is out of use again: its success message no longer holds.
        if (_stage == Stage.Done && _report?.BatchId == batch.Id) Reset();
        // A file refused as already imported may be importable now that its batch is gone.
        if (_stage == Stage.Preview && _report?.RefusedReason is not null) await Track(PreviewAsync);
    }

    private async Task LoadBatchesAsync()
    {
        try
        {
            _batches = (await Batches.ListAsync(_disposed.Token)).OrderByDescending(b => b.Id).ToList();
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "Could not list the import batches");
            _historyError = "The list of batches could not be read. The error has been logged.";
        }
    }

    /// <summary>Runs an upload, check or commit that Cancel and disposal can stop and wait for.</summary>
    private Task Track(Func<CancellationToken, Task> work)
    {
        _operationCts?.Dispose();
        _operationCts = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _operation = work(_operationCts.Token);
        return _operation;
    }

    private async Task StopOperationAsync()
    {
        if (_operationCts is { } cts) await cts.CancelAsync();
        if (_operation is { IsCompleted: false } running) await Task.WhenAny(running);
    }

    public async ValueTask DisposeAsync()
    {
        if (_upload is not null)
            Log.LogInformation("Import of {File} abandoned when the page closed while {Stage}", _fileName, StageName);
        await _disposed.CancelAsync();
        await StopOperationAsync();
        DiscardUpload();
        _operationCts?.Dispose();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }

    private static int Percent(long done, long total) =>
        total <= 0 ? 100 : (int)Math.Clamp(done * 100 / total, 0, 100);

    private static string FormatOf(ImportBatch b) =>
        b.Format is null ? "" : b.SheetName is null ? b.Format : $"{b.Format}, sheet '{b.SheetName}'";

    private static string YearsOf(ImportBatch b) =>
        b.FirstYear is null ? "" : b.FirstYear == b.LastYear ? $"{b.FirstYear}" : $"{b.FirstYear}–{b.LastYear}";

    private static string Short(string sha) => sha.Length <= 12 ? sha : sha[..12];
}
