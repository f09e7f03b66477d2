using System.CommandLine;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Cli.Commands;

/// <summary>
/// `users` and `tokens`: accounts without editing the database (the first admin among them). The
/// command line acts as the machine's operator, <c>cli:&lt;OS user&gt;</c>, an admin; every change is audited.
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "Accounts: add, list, set-role, disable");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(List());
        users.Subcommands.Add(SetRole());
        users.Subcommands.Add(Disable());
        return users;
    }

    private static Option<string> RoleOption(bool required) => new("--role")
    {
        Description = "admin, data-manager or viewer",
        Required = required,
    };

    private static Option<string?> ClustersOption() => new("--clusters")
    {
        Description = "Limit a data manager to these clusters, separated by commas (\"Health,WASH\")",
    };

    private static IReadOnlyList<string>? Clusters(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Command Add()
    {
        var email = new Argument<string>("email") { Description = "The account's e-mail (its sign-in name)" };
        var role = RoleOption(required: true);
        var clusters = ClustersOption();
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (one line)", Required = true };
        var command = new Command("add", "Add an account") { email, role, clusters, passwordStdin };
        command.SetAction(async (parse, ct) => await RunAsync(parse, async accounts =>
        {
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? string.Empty;
            await accounts.AddAsync(Actor.Cli(), parse.GetValue(email)!, parse.GetValue(role)!, Clusters(parse.GetValue(clusters)), password, ct);
            Console.WriteLine($"Added {parse.GetValue(email)} as {Roles.Parse(parse.GetValue(role))}.");
        }, ct));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the accounts");
        command.SetAction(async (parse, ct) => await RunAsync(parse, async accounts =>
        {
            var rows = await accounts.ListAsync(ct);
            if (rows.Count == 0) Console.WriteLine("No accounts. Add the first admin: users add EMAIL --role admin --password-stdin");
            foreach (var r in rows)
                Console.WriteLine($"{r.Email}\t{r.Role}{(r.Clusters is { } c ? $" ({string.Join(", ", c)})" : "")}"
                    + $"{(r.Disabled ? "\tdisabled" : "")}{(r.LockedOut ? "\tlocked out" : "")}");
        }, ct));
        return command;
    }

    private static Command SetRole()
    {
        var email = new Argument<string>("email");
        var role = RoleOption(required: true);
        var clusters = ClustersOption();
        var command = new Command("set-role", "Give an account another role (and clusters, for a data manager)") { email, role, clusters };
        command.SetAction(async (parse, ct) => await RunAsync(parse, async accounts =>
        {
            await accounts.SetRoleAsync(Actor.Cli(), parse.GetValue(email)!, parse.GetValue(role)!, Clusters(parse.GetValue(clusters)), ct);
            Console.WriteLine($"{parse.GetValue(email)} is now {Roles.Parse(parse.GetValue(role))}.");
        }, ct));
        return command;
    }

    private static Command Disable()
    {
        var email = new Argument<string>("email");
        var command = new Command("disable", "Disable an account: it can no longer sign in, its tokens are revoked") { email };
        command.SetAction(async (parse, ct) => await RunAsync(parse, async accounts =>
        {
            await accounts.DisableAsync(Actor.Cli(), parse.GetValue(email)!, ct);
            Console.WriteLine($"{parse.GetValue(email)} is disabled.");
        }, ct));
        return command;
    }

    /// <summary>`tokens create EMAIL --name NAME`: prints the new token alone on its last line.</summary>
    public static Command Tokens()
    {
        var email = new Argument<string>("email");
        var name = new Option<string>("--name") { Description = "What the token is for", Required = true };
        var create = new Command("create", "Make an API token for an account (shown once)") { email, name };
        create.SetAction(async (parse, ct) => await RunAsync(parse, async accounts =>
        {
            var token = await accounts.CreateTokenAsync(Actor.Cli(), parse.GetValue(email)!, parse.GetValue(name)!, ct);
            Console.WriteLine($"Token '{parse.GetValue(name)}' for {parse.GetValue(email)}; it is shown only now:");
            Console.WriteLine(token);
        }, ct));
        var tokens = new Command("tokens", "API tokens for automation (Authorization: Bearer TOKEN)") { create };
        return tokens;
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<AccountService, Task> work, CancellationToken ct)
    {
        await using var services = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), ct, allowDemoSeed: false);
        try
        {
            await work(services.GetRequiredService<AccountService>());
            return 0;
        }
        catch (Exception ex) when (ex is AccountException or ForbiddenException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
