using System.CommandLine;
using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Scope;
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
        var from = new Option<string?>("--from") { Description = $"First year, {YearRange.Min} to {YearRange.Max} (default: first year with data)" };
        var to = new Option<string?>("--to") { Description = $"Last year, {YearRange.Min} to {YearRange.Max} (default: last year with data)" };
        var scopeOptions = new ScopeOptions(ScopeParameters.Cluster, ScopeParameters.Donor, ScopeParameters.Data);
        var format = CommonOptions.Format();
        var command = new Command("trends", "Funding, need, USD per person in need and presence per region and year") { from, to };
        foreach (var option in scopeOptions.All) command.Options.Add(option);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            var years = new List<int?>();
            foreach (var option in new[] { from, to })
            {
                if (YearRange.TryParse(parse.GetValue(option), out var year)) years.Add(year);
                else Console.Error.WriteLine(YearRange.Problem(option.Name, parse.GetValue(option)));
            }
            if (years.Count < 2) return 2;
            var (first, last) = (years[0], years[1]);
            if (first > last)
            {
                Console.Error.WriteLine($"--from {first} is after --to {last}.");
                return 2;
            }
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
            var equity = services.GetRequiredService<EquityService>();
            if (await scopeOptions.ReadAsync(parse, services, ct) is not { } scope) return 2;
            var rows = await equity.GetTrendsAsync(first, last, scope.Cluster, scope.Donor, scope.RealOnly, ct);
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
                    foreach (var h in new[] { "Funding", "People in need", "USD per person", "Orgs", "Year on year", "All sources" })
                        table.AddColumn(new TableColumn(h).RightAligned());
                    foreach (var r in rows)
                        table.AddRow(Markup.Escape(r.Region), r.Year.ToString(CultureInfo.InvariantCulture), Money.Full(r.FundingUsd),
                            Money.Number(r.Need), Money.PerPerson(r.UsdPerPin),
                            Money.Number(r.Orgs), Money.Percent(r.YoyChange) + (r.FundingFalling ? " [red]falling[/]" : ""),
                            Money.Percent(r.RawYoyChange));
                    AnsiConsole.Write(table);
                    if (rows.Count > 0)
                        AnsiConsole.MarkupLine("Year on year: the change over the sources reporting both years (the funding-falling flag's); all sources: the change of all funding.");
                    // The coverage of a year is the same for every region: one line per year whose sources changed.
                    foreach (var year in rows.Where(r => r.SourcesStarted is { Count: > 0 } || r.SourcesEnded is { Count: > 0 })
                                 .Select(r => r.Year).Distinct().Where(y => y > rows.Min(r => r.Year)))
                    {
                        AnsiConsole.MarkupLine($"[yellow]{year}[/]:");
                        foreach (var r in rows.Where(r => r.Year == year && r.CoverageNote is not null))
                            AnsiConsole.MarkupLine($"  {Markup.Escape(r.Region)}: {Markup.Escape(r.CoverageNote!)}");
                    }
                    if (rows.Count == 0) AnsiConsole.MarkupLine("[yellow]No data loaded.[/] Load files with `import`.");
                    break;
            }
            return 0;
        });
        return command;
    }
}
