using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EquityDashboard.Core.Scope;
using EquityDashboard.Infrastructure.Export.Briefing;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Cli.Commands;

/// <summary>`export`: the briefing workbook (.xlsx) of a scope, or of one governorate.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var scopeOptions = new ScopeOptions(ScopeParameters.Year, ScopeParameters.Cluster, ScopeParameters.Donor,
            ScopeParameters.Region, ScopeParameters.Baseline, ScopeParameters.Data, ScopeParameters.Governorate);
        scopeOptions[ScopeParameters.Governorate].Description = "One governorate's briefing (P-code or name) instead of the national one";
        var output = new Option<FileInfo?>("--out")
        {
            Description = "Workbook to write (default: a name made from the scope, in the current folder)",
        };

        var command = new Command("export", "Briefing workbook (.xlsx): key figures, findings, gap table, regions, clusters, donors, presence, sources");
        foreach (var option in scopeOptions.All) command.Options.Add(option);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
            var briefing = services.GetRequiredService<BriefingService>();
            if (await scopeOptions.ReadAsync(parse, services, ct) is not { } scope) return 2;
            // The governorate of the scope is the one whose briefing is written.
            var place = scope.Governorate;
            var fileName = place is null ? BriefingService.FileName(scope) : briefing.GovernorateFileName(place, scope);
            var target = parse.GetValue(output) ?? new FileInfo(fileName);

            var clock = Stopwatch.StartNew();
            // Written next to the target and moved over it at the end: a failed export leaves no half-written workbook.
            var partial = target.FullName + ".partial";
            try
            {
                await using (var stream = File.Create(partial))
                {
                    if (place is null) await briefing.WriteAsync(scope, stream, ct);
                    else await briefing.WriteGovernorateAsync(place, scope, stream, ct);
                }
                File.Move(partial, target.FullName, overwrite: true);
            }
            finally
            {
                if (File.Exists(partial)) File.Delete(partial);
            }
            clock.Stop();

            var size = new FileInfo(target.FullName).Length;
            Console.Out.Write(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {target.FullName}\n{(place is null ? $"Briefing: {scope.Describe()}" : $"Governorate briefing ({place}): {(scope with { Region = null }).Describe()}")}\n"
                + $"{size / 1024.0:0.0} KiB in {clock.Elapsed.TotalSeconds:0.000} s\n"));
            return 0;
        });
        return command;
    }
}
