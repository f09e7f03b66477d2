using System.CommandLine;
using System.Text;
using EquityDashboard.Cli;
using EquityDashboard.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("EquityDashboard: where aid goes compared with where the need is, per Iraqi governorate and district.");
root.Options.Add(CommonOptions.Database);
root.Subcommands.Add(GapsCommand.Create());
root.Subcommands.Add(TrendsCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(BatchesCommand.Create());
foreach (var command in BatchChangeCommands.Create()) root.Subcommands.Add(command);
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(UsersCommand.Create());
root.Subcommands.Add(UsersCommand.Tokens());
return await root.Parse(args).InvokeAsync();
