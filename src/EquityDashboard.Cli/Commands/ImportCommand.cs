using System.Globalization;
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
        var file = new Argument<FileInfo>("file") { Description = "CSV or .xlsx: the template, an HXL table, or a known export (docs/data-formats.md)" };
        var kind = new Option<RecordKind?>("--kind") { Description = "funding, presence, need, incidents or displacement (default: detected from the header)" };
        var source = new Option<string?>("--source") { Description = "Source name stored with the batch (default: the file name)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and print the report; write nothing" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Write the valid rows; list the invalid ones in the batch report" };
        var replace = new Option<bool>("--replace") { Description = "Replace the batch of a file imported before (same content)" };
        var illustrative = new Option<bool>("--illustrative")
        {
            Description = "The file holds invented demonstration figures: mark its batch illustrative wherever it is shown (and leave it out of 'real figures only' views)",
        };
        var year = new Option<int?>("--year") { Description = "Reference year for tables without a year or date column" };
        var sheet = new Option<string?>("--sheet") { Description = "Worksheet to read (name or number); default: the first with a recognisable header" };
        var fund = new Option<int?>("--fund") { Description = "Pooled fund id for CBPF tables of all funds (Iraq: 49); default: the Iraq rows" };
        var pooledFund = new Option<string?>("--pooled-fund")
        {
            Description = "The file is this pooled fund's allocations (e.g. \"Iraq Humanitarian Fund\"): FTS flows from and into the fund are then counted through it (CBPF files say so themselves)",
        };
        var command = new Command("import", "Import a file as one batch: by default any invalid row and nothing is written")
        {
            file, kind, source, dryRun, skipInvalid, replace, illustrative, year, sheet, fund, pooledFund,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"File not found: {path.FullName}");
                return 2;
            }
            // Hashing a large file takes a while: it runs on another core while the services start.
            var hashing = Task.Run(() => ImportService.HashFileAsync(path.FullName, ct), ct);
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
            var importer = services.GetRequiredService<ImportService>();
            var request = new ImportRequest(path.FullName, parse.GetValue(kind))
            {
                Sha256 = await hashing,
                SourceName = parse.GetValue(source),
                DryRun = parse.GetValue(dryRun),
                SkipInvalid = parse.GetValue(skipInvalid),
                Replace = parse.GetValue(replace),
                Illustrative = parse.GetValue(illustrative),
                Year = parse.GetValue(year),
                Sheet = parse.GetValue(sheet),
                PooledFundId = parse.GetValue(fund),
                PooledFundName = parse.GetValue(pooledFund),
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
        if (report.Format is not null)
            output.WriteLine($"Read as: {report.Format}{(report.SheetName is null ? "" : $", sheet '{report.SheetName}'")}");
        if (report.EncodingName is not null and not "xlsx")
            output.WriteLine($"Encoding: {report.EncodingName}; delimiter: {(report.Delimiter == '\t' ? "tab" : $"'{report.Delimiter}'")}");
        output.WriteLine($"Rows read: {report.RowsRead}");
        output.WriteLine($"Rows valid: {report.RowsValid}");
        output.WriteLine($"Rows written: {report.RowsWritten}");
        output.WriteLine($"Errors: {report.ErrorCount}");
        if (report.MergedRepeats is { } merged) output.WriteLine($"Merged: {merged}");
        foreach (var (reason, count) in report.SkippedRows) output.WriteLine($"Skipped: {count} row(s), {reason}");
        if (report.RowsSkippedInvalid > 0) output.WriteLine($"Invalid rows left out (--skip-invalid): {report.RowsSkippedInvalid}");
        if (report.ReplacedText is { } replaced) output.WriteLine($"Replaced {replaced}.");
        if (report.MultiGovernorate is { } multi) output.WriteLine(MultiGovernorateLine(multi));
        foreach (var mapping in report.ResolvedVariants)
            output.WriteLine($"  '{mapping.Input}' -> {mapping.Name} ({mapping.Pcode}), {mapping.Rows} row(s)");
        if (report.Districts is { } districts) output.WriteLine(DistrictsLine(districts));
        foreach (var unresolved in report.Districts?.Unresolved ?? [])
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  district '{unresolved.Input}' in {unresolved.Governorate} not resolved: {unresolved.Rows} row(s) counted at the governorate, district not specified"));
        foreach (var note in report.PooledFundNotes) output.WriteLine($"Counted through the pooled fund: {note}");
        foreach (var warning in report.Warnings) output.WriteLine($"Warning: {warning}");
        foreach (var error in report.Errors) Console.Error.WriteLine($"Error: {error}");
        if (report.Committed) output.WriteLine($"Written as batch {report.BatchId}.");
        else if (report.DryRun) output.WriteLine("Dry run: nothing written.");
        else output.WriteLine("Nothing written.");
    }

    /// <summary>"Districts: 2,640 rows in a district, 202 district not specified (68 of them with a name not resolved)".</summary>
    internal static string DistrictsLine(DistrictSummary districts)
    {
        var unresolved = districts.Unresolved.Sum(u => u.Rows);
        return string.Create(CultureInfo.InvariantCulture,
            $"Districts: {districts.RowsInDistricts:N0} row(s) in a district, {districts.RowsNotSpecified:N0} district not specified")
            + (unresolved > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({unresolved:N0} of them with a name not resolved)") : string.Empty);
    }

    /// <summary>"USD 1,250,000 in 3 rows names several governorates ...: Duhok (2 rows), Erbil (3)".</summary>
    internal static string MultiGovernorateLine(MultiGovernorateFunding multi)
    {
        var each = multi.Governorates.Select((g, i) => string.Create(CultureInfo.InvariantCulture,
            $"{g.Name} ({g.Rows}{(i == 0 ? (g.Rows == 1 ? " row" : " rows") : "")}, USD {g.Usd:N0})"));
        return string.Create(CultureInfo.InvariantCulture,
            $"USD {multi.TotalUsd:N0} in {multi.Rows} {(multi.Rows == 1 ? "row names" : "rows name")} several governorates (or a governorate and the country) and is counted as unallocated: {string.Join(", ", each)}");
    }
}
