using System.CommandLine;
using System.Text;
using EquityDashboard.Cli;
using EquityDashboard.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("EquityDashboard: where aid goes compared with where the need is, per Iraqi governorate.");
root.Options.Add(CommonOptions.Database);
root.Subcommands.Add(GapsCommand.Create());
root.Subcommands.Add(TrendsCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(BatchesCommand.Create());
root.Subcommands.Add(RollbackCommand.Create());
root.Subcommands.Add(SeedCommand.Create());
return await root.Parse(args).InvokeAsync();
