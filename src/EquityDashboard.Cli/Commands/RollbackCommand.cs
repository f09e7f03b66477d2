using System.CommandLine;
using EquityDashboard.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Cli.Commands;

/// <summary>`rollback`: remove one batch and everything it brought in.</summary>
internal static class RollbackCommand
{
    public static Command Create()
    {
        var id = new Argument<int>("batchId") { Description = "Batch id (see `batches`)" };
        var command = new Command("rollback", "Remove an import batch and all its records") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
            var batchId = parse.GetValue(id);
            if (!await services.GetRequiredService<BatchStore>().RollbackAsync(batchId, ct))
            {
                Console.Error.WriteLine($"No batch {batchId}.");
                return 1;
            }
            Console.WriteLine($"Batch {batchId} removed.");
            return 0;
        });
        return command;
    }
}
