using EquityDashboard.Cli.Tests.Support;

namespace EquityDashboard.Cli.Tests;

/// <summary>`users` and `tokens`: the first admin without editing the database, and the audit of it.</summary>
public sealed class UsersTests
{
    [Fact]
    public async Task Users_are_added_listed_changed_and_disabled_and_a_token_is_the_last_line()
    {
        using var db = new TempDatabase("users");
        (await EquityCli.RunWithInputAsync(db.Path, "a long admin password\n", "users", "add", "admin@example.org", "--role", "admin", "--password-stdin"))
            .AssertSuccess();
        var weak = (await EquityCli.RunWithInputAsync(db.Path, "short\n", "users", "add", "x@example.org", "--role", "viewer", "--password-stdin"))
            .AssertFailure();
        Assert.Contains("at least 12 characters", weak.StdErr, StringComparison.Ordinal);
        var badRole = (await EquityCli.RunWithInputAsync(db.Path, "a long enough password\n", "users", "add", "x@example.org", "--role", "boss", "--password-stdin"))
            .AssertFailure();
        Assert.Contains("Unknown role 'boss'", badRole.StdErr, StringComparison.Ordinal);
        (await EquityCli.RunWithInputAsync(db.Path, "a long enough password\n", "users", "add", "dm@example.org", "--role", "data-manager",
            "--clusters", "Health,WASH", "--password-stdin")).AssertSuccess();

        var list = (await EquityCli.RunAsync(db.Path, "users", "list")).AssertSuccess().StdOut;
        Assert.Contains("admin@example.org\tadmin", list, StringComparison.Ordinal);
        Assert.Contains("dm@example.org\tdata-manager (Health, WASH)", list, StringComparison.Ordinal);
        Assert.DoesNotContain("x@example.org", list, StringComparison.Ordinal);

        var token = (await EquityCli.RunAsync(db.Path, "tokens", "create", "dm@example.org", "--name", "nightly")).AssertSuccess().StdOut
            .TrimEnd().Split('\n')[^1];
        Assert.Matches("^edt_[A-Za-z0-9_-]{43}$", token);

        (await EquityCli.RunAsync(db.Path, "users", "set-role", "dm@example.org", "--role", "viewer")).AssertSuccess();
        (await EquityCli.RunAsync(db.Path, "users", "disable", "dm@example.org")).AssertSuccess();
        list = (await EquityCli.RunAsync(db.Path, "users", "list")).AssertSuccess().StdOut;
        Assert.Contains("dm@example.org\tviewer\tdisabled", list, StringComparison.Ordinal);

        var audit = Sql(db.Path, "SELECT Actor || '|' || Action FROM AuditEvents ORDER BY Id");
        var cli = "cli:" + Environment.UserName;
        Assert.Equal([$"{cli}|user-added", $"{cli}|user-added", $"{cli}|token-created", $"{cli}|role-changed", $"{cli}|user-disabled"], audit);
    }

    private static List<string> Sql(string path, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }
}
