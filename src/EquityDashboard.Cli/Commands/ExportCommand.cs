using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Export.Briefing;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Cli.Commands;

/// <summary>`export`: the briefing workbook (.xlsx) of a scope, or of one governorate.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var year = CommonOptions.Year();
        var cluster = CommonOptions.Cluster();
        var donor = CommonOptions.Donor();
        var region = CommonOptions.Region();
        var baseline = CommonOptions.Baseline();
        var realOnly = CommonOptions.RealOnly();
        var governorate = new Option<string?>("--governorate")
        {
            Description = "One governorate's briefing (P-code or name) instead of the national one",
        };
        var output = new Option<FileInfo?>("--out")
        {
            Description = "Workbook to write (default: a name made from the scope, in the current folder)",
        };

        var command = new Command("export", "Briefing workbook (.xlsx): key figures, findings, gap table, regions, clusters, donors, presence, sources")
        {
            year, cluster, donor, region, baseline, realOnly, governorate, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!CommonOptions.TryGetRegion(parse, region, out var regionName)) return 2;
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
            var equity = services.GetRequiredService<EquityService>();
            var briefing = services.GetRequiredService<BriefingService>();

            if (await CommonOptions.KnownClusterAndDonorAsync(parse, cluster, donor, equity, ct) is not { } names) return 2;

            var scope = new EquityScope(parse.GetValue(year), names.Cluster, names.Donor, regionName,
                CommonOptions.GetBaseline(parse, baseline), parse.GetValue(realOnly));
            string? place = null;
            if (parse.GetValue(governorate) is { } typed)
            {
                var resolution = services.GetRequiredService<NameResolver>().Resolve(typed);
                if (resolution.Pcode is null)
                {
                    Console.Error.WriteLine(resolution.Error);
                    return 2;
                }
                if (resolution.Warning is not null) Console.Error.WriteLine(resolution.Warning);
                place = resolution.Pcode;
            }
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
