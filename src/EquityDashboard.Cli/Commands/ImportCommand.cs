using System.CommandLine;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EquityDashboard.Cli.Commands;

/// <summary>`import`: validate a file and write it as one batch (or nothing).</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV file in the project's template format (docs/data-formats.md)" };
        var kind = new Option<RecordKind>("--kind") { Description = "funding, presence, need or incidents", Required = true };
        var source = new Option<string?>("--source") { Description = "Source name stored with the batch (default: the file name)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and print the report; write nothing" };
        var command = new Command("import", "Import a file as one batch: any invalid row and nothing is written")
        {
            file, kind, source, dryRun,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"File not found: {path.FullName}");
                return 2;
            }
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
            var importer = services.GetRequiredService<ImportService>();
            var request = new ImportRequest(path.FullName, parse.GetValue(kind))
            {
                SourceName = parse.GetValue(source),
                DryRun = parse.GetValue(dryRun),
            };
            var report = await RunWithProgressAsync(importer, request, ct);
            Print(report);
            return report.Succeeded ? 0 : 1;
        });
        return command;
    }

    private static async Task<ImportReport> RunWithProgressAsync(ImportService importer, ImportRequest request, CancellationToken ct)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return await importer.ImportAsync(request, ct: ct);
        ImportReport? report = null;
        await AnsiConsole.Progress().StartAsync(async ctx =>
        {
            var task = ctx.AddTask($"Importing {Markup.Escape(Path.GetFileName(request.FilePath))}", maxValue: 1);
            report = await importer.ImportAsync(request, new Progress<ImportProgress>(p => task.Value = p.Fraction), ct);
            task.Value = 1;
        });
        return report!;
    }

    private static void Print(ImportReport report)
    {
        var output = Console.Out;
        if (report.RefusedReason is not null)
        {
            Console.Error.WriteLine($"Refused: {report.RefusedReason}");
            return;
        }
        output.WriteLine($"File: {report.FileName} ({report.Kind.ToString().ToLowerInvariant()}), source '{report.SourceName}'");
        if (report.EncodingName is not null)
            output.WriteLine($"Encoding: {report.EncodingName}; delimiter: {(report.Delimiter == '\t' ? "tab" : $"'{report.Delimiter}'")}");
        output.WriteLine($"Rows read: {report.RowsRead}");
        output.WriteLine($"Rows valid: {report.RowsValid}");
        output.WriteLine($"Rows written: {report.RowsWritten}");
        output.WriteLine($"Errors: {report.ErrorCount}");
        foreach (var mapping in report.ResolvedVariants)
            output.WriteLine($"  '{mapping.Input}' -> {mapping.Name} ({mapping.Pcode}), {mapping.Rows} row(s)");
        foreach (var warning in report.Warnings) output.WriteLine($"Warning: {warning}");
        foreach (var error in report.Errors) Console.Error.WriteLine($"Error: {error}");
        if (report.Committed) output.WriteLine($"Written as batch {report.BatchId}.");
        else if (report.DryRun) output.WriteLine("Dry run: nothing written.");
        else output.WriteLine("Nothing written.");
    }
}
