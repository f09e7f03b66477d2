using System.CommandLine;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Cli.Commands;

/// <summary>`seed`: load the demo data into an empty database.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var command = new Command("seed", "Load the demo data (seeds/manifest.json) into an empty database");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct, allowDemoSeed: false);
            var batches = await services.GetRequiredService<BatchStore>().ListAsync(ct);
            if (batches.Count > 0)
            {
                Console.Error.WriteLine($"The database already holds {batches.Count} batches; seed only loads into an empty database.");
                return 1;
            }
            var folder = DataPaths.Resolve(services.GetRequiredService<IOptions<EquityOptions>>().Value.SeedFolder);
            var reports = await services.GetRequiredService<DemoSeeder>().SeedAsync(folder, ct);
            foreach (var r in reports)
                Console.WriteLine($"Batch {r.BatchId}: {r.SourceName} ({r.FileName}), {r.RowsWritten} rows");
            return 0;
        });
        return command;
    }
}
