using System.CommandLine;
using System.Globalization;
using EquityDashboard.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EquityDashboard.Cli.Commands;

/// <summary>`batches`: the import history with provenance.</summary>
internal static class BatchesCommand
{
    public static Command Create()
    {
        var command = new Command("batches", "List import batches (provenance of every figure)");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
            var batches = await services.GetRequiredService<BatchStore>().ListAsync(ct);
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("Id", "Kind", "Source", "File", "Read as", "Years", "Rows", "Imported (UTC)", "By", "Status", "SHA-256");
            foreach (var b in batches)
            {
                table.AddRow(
                    b.Id.ToString(CultureInfo.InvariantCulture),
                    b.Kind.ToString().ToLowerInvariant(),
                    (b.IsIllustrative ? "[red]ILLUSTRATIVE[/] " : "") + Markup.Escape(b.SourceName),
                    Markup.Escape(b.FileName),
                    Markup.Escape(b.Format is null ? "" : b.SheetName is null ? b.Format : $"{b.Format}, sheet '{b.SheetName}'"),
                    b.FirstYear == b.LastYear ? $"{b.FirstYear}" : $"{b.FirstYear}-{b.LastYear}",
                    b.RowsWritten.ToString("N0", CultureInfo.InvariantCulture),
                    b.ImportedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape(b.ImportedBy ?? ""),
                    b.IsWithdrawn ? "[yellow]withdrawn[/]" : "in use",
                    b.Sha256[..12]);
            }
            AnsiConsole.Write(table);
            // Who withdrew what, in full (the table wraps on a narrow terminal).
            foreach (var b in batches.Where(b => b.IsWithdrawn))
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"Batch {b.Id}: withdrawn {b.WithdrawnAt:yyyy-MM-dd HH:mm} UTC by {b.WithdrawnBy}; its figures are out of every view (restore {b.Id} brings them back).")));
            return 0;
        });
        return command;
    }
}
