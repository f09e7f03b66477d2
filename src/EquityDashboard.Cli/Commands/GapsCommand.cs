using System.CommandLine;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Export;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EquityDashboard.Cli.Commands;

/// <summary>`gaps`: the equity table for a year and scope.</summary>
internal static class GapsCommand
{
    public static Command Create()
    {
        var year = CommonOptions.Year();
        var cluster = CommonOptions.Cluster();
        var donor = CommonOptions.Donor();
        var region = CommonOptions.Region();
        var baseline = CommonOptions.Baseline();
        var realOnly = CommonOptions.RealOnly();
        var format = CommonOptions.Format();

        var command = new Command("gaps", "Equity table: funding against need per governorate and region")
        {
            year, cluster, donor, region, baseline, realOnly, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!CommonOptions.TryGetRegion(parse, region, out var regionName)) return 2;
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
            var service = services.GetRequiredService<EquityService>();
            if (await CommonOptions.KnownClusterAndDonorAsync(parse, cluster, donor, service, ct) is not { } names) return 2;
            var scope = new EquityScope(parse.GetValue(year), names.Cluster, names.Donor, regionName,
                CommonOptions.GetBaseline(parse, baseline), parse.GetValue(realOnly));
            var table = await service.GetTableAsync(scope, ct);
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    Console.Out.Write(GapsDocument.From(table).ToJson() + "\n");
                    break;
                case OutputFormat.Csv:
                    CsvExport.WriteGaps(table, Console.Out);
                    break;
                default:
                    GapsTable.Write(AnsiConsole.Console, table, await service.SourcesForYearAsync(scope.Year, scope.RealOnly, ct));
                    break;
            }
            return 0;
        });
        return command;
    }
}
