using System.CommandLine;
using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Export;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EquityDashboard.Cli.Commands;

/// <summary>`trends`: one row per region and year.</summary>
internal static class TrendsCommand
{
    public static Command Create()
    {
        var from = new Option<int?>("--from") { Description = "First year (default: first year with data)" };
        var to = new Option<int?>("--to") { Description = "Last year (default: last year with data)" };
        var cluster = CommonOptions.Cluster();
        var donor = CommonOptions.Donor();
        var format = CommonOptions.Format();
        var realOnly = CommonOptions.RealOnly();
        var command = new Command("trends", "Funding, need, USD per person in need and presence per region and year")
        {
            from, to, cluster, donor, realOnly, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(from) is { } f && parse.GetValue(to) is { } t && f > t)
            {
                Console.Error.WriteLine($"--from {f} is after --to {t}.");
                return 2;
            }
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
            var equity = services.GetRequiredService<EquityService>();
            if (await CommonOptions.KnownClusterAndDonorAsync(parse, cluster, donor, equity, ct) is not { } names) return 2;
            var rows = await equity.GetTrendsAsync(parse.GetValue(from), parse.GetValue(to), names.Cluster, names.Donor, parse.GetValue(realOnly), ct);
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    Console.Out.Write(TrendsDocument.ToJson(rows) + "\n");
                    break;
                case OutputFormat.Csv:
                    CsvExport.WriteTrends(rows, Console.Out);
                    break;
                default:
                    var table = new Table().Border(TableBorder.Rounded).AddColumns("Region", "Year");
                    foreach (var h in new[] { "Funding", "People in need", "USD per person", "Orgs", "Year on year" })
                        table.AddColumn(new TableColumn(h).RightAligned());
                    foreach (var r in rows)
                        table.AddRow(Markup.Escape(r.Region), r.Year.ToString(CultureInfo.InvariantCulture), Money.Full(r.FundingUsd),
                            Money.Number(r.Need), Money.PerPerson(r.UsdPerPin),
                            Money.Number(r.Orgs), Money.Percent(r.YoyChange));
                    AnsiConsole.Write(table);
                    if (rows.Count == 0) AnsiConsole.MarkupLine("[yellow]No data loaded.[/] Load files with `import`.");
                    break;
            }
            return 0;
        });
        return command;
    }
}
