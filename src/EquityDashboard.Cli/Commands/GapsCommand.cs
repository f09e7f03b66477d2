using System.CommandLine;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Scope;
using EquityDashboard.Infrastructure.Export;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EquityDashboard.Cli.Commands;

/// <summary>`gaps`: the equity table for a year and scope, of governorates or (<c>--level district</c>) of districts.</summary>
internal static class GapsCommand
{
    public static Command Create()
    {
        var scopeOptions = new ScopeOptions(ScopeParameters.Year, ScopeParameters.Cluster, ScopeParameters.Donor,
            ScopeParameters.Region, ScopeParameters.Baseline, ScopeParameters.Data, ScopeParameters.Level, ScopeParameters.Governorate);
        var format = CommonOptions.Format();

        var command = new Command("gaps", "Equity table: funding against need per governorate and region, or with "
            + "--level district per district (of --governorate, else every district), what names no district apart");
        foreach (var option in scopeOptions.All) command.Options.Add(option);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
            var service = services.GetRequiredService<EquityService>();
            if (await scopeOptions.ReadAsync(parse, services, ct) is not { } scope) return 2;
            if (scope.Level == Level.District)
            {
                var districts = await service.GetDistrictTableAsync(scope, scope.Governorate, ct);
                var gazetteer = services.GetRequiredService<Gazetteer>();
                switch (parse.GetValue(format))
                {
                    case OutputFormat.Json:
                        Console.Out.Write(DistrictGapsDocument.From(districts, gazetteer).ToJson() + "\n");
                        break;
                    case OutputFormat.Csv:
                        CsvExport.WriteDistricts(DistrictGapsDocument.From(districts, gazetteer), Console.Out);
                        break;
                    default:
                        GapsTable.WriteDistricts(AnsiConsole.Console, districts, await service.SourcesForYearAsync(scope.Year, scope.RealOnly, ct));
                        break;
                }
                return 0;
            }

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
