using System.CommandLine;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Cli.Commands;

/// <summary>
/// `withdraw`, `restore` and `purge`: a batch's figures leave every view (its rows stay), come back,
/// or are deleted for good. The command line acts as <c>cli:&lt;OS user&gt;</c>, recorded in the audit trail.
/// </summary>
internal static class BatchChangeCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Make("withdraw", "Withdraw an import batch: its figures leave every page, total and export; its rows stay, so it can be restored",
            (store, actor, id, ct) => store.WithdrawAsync(actor, id, ct), "withdrawn (restore brings it back)", "is already withdrawn");
        yield return Make("restore", "Bring a withdrawn batch back, with the same figures as before",
            (store, actor, id, ct) => store.RestoreAsync(actor, id, ct), "restored", "is not withdrawn");
        var yes = new Option<bool>("--yes") { Description = "Confirm: the batch and its rows are deleted for good" };
        var purge = Make("purge", "Delete a withdrawn batch and its rows for good (the audit trail keeps its history)",
            (store, actor, id, ct) => store.PurgeAsync(actor, id, ct), "purged", "is not withdrawn: withdraw it first", yes);
        yield return purge;
    }

    private static Command Make(string name, string description, Func<BatchStore, Actor, int, CancellationToken, Task<BatchChange>> change,
        string done, string wrongState, Option<bool>? confirm = null)
    {
        var id = new Argument<int>("batchId") { Description = "Batch id (see `batches`)" };
        var command = new Command(name, description) { id };
        if (confirm is not null) command.Add(confirm);
        command.SetAction(async (parse, ct) =>
        {
            var batchId = parse.GetValue(id);
            if (confirm is not null && !parse.GetValue(confirm))
            {
                Console.Error.WriteLine($"{name} deletes batch {batchId} and its rows for good; add --yes to confirm.");
                return 2;
            }
            await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct);
            var result = await change(services.GetRequiredService<BatchStore>(), Actor.Cli(), batchId, ct);
            switch (result)
            {
                case BatchChange.NotFound:
                    Console.Error.WriteLine($"No batch {batchId}.");
                    return 1;
                case BatchChange.WrongState:
                    Console.Error.WriteLine($"Batch {batchId} {wrongState}.");
                    return 1;
                default:
                    Console.WriteLine($"Batch {batchId} {done}.");
                    return 0;
            }
        });
        return command;
    }
}
