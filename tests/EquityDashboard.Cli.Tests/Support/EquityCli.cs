using System.Diagnostics;
using System.Text;

namespace EquityDashboard.Cli.Tests.Support;

/// <summary>What one run of the `equity` CLI produced.</summary>
public sealed record CliResult(IReadOnlyList<string> Args, int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() =>
        $"equity {string.Join(' ', Args)}\n--- exit code: {ExitCode}\n--- stdout:\n{StdOut}\n--- stderr:\n{StdErr}";

    /// <summary>Fails the test with the whole run in the message unless the exit code is 0.</summary>
    public CliResult AssertSuccess()
    {
        Assert.True(ExitCode == 0, $"Expected exit code 0.\n{this}");
        return this;
    }

    /// <summary>Fails the test unless the exit code is non-zero.</summary>
    public CliResult AssertFailure()
    {
        Assert.True(ExitCode != 0, $"Expected a non-zero exit code.\n{this}");
        return this;
    }
}

/// <summary>
/// Runs the built CLI (`dotnet equity.dll ...`) as a real process, with a sanitised
/// environment: no inherited Equity__* / ConnectionStrings__* settings, and the seed folder
/// pointing at the repository's seeds/ so `seed` works wherever the tests run.
/// </summary>
public static class EquityCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    private static readonly Lazy<string> Dll = new(LocateEquityDll);

    public static string EquityDll => Dll.Value;

    /// <summary>Runs the CLI against the database file <paramref name="db"/> (always passes --db).</summary>
    public static Task<CliResult> RunAsync(string db, params string[] args) =>
        RunRawAsync([.. args, "--db", db]);

    /// <summary>Runs the CLI against <paramref name="db"/> with <paramref name="input"/> on its standard input (e.g. --password-stdin).</summary>
    public static async Task<CliResult> RunWithInputAsync(string db, string input, params string[] args)
    {
        string[] all = [.. args, "--db", db];
        using var process = Start(all, keepInput: true);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(DefaultTimeout);
        await process.WaitForExitAsync(cts.Token);
        return new CliResult(all.ToList(), process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Runs the CLI with exactly <paramref name="args"/>. Callers must name a database with
    /// --db or point ConnectionStrings__Default at a temporary file through <paramref name="environment"/>.
    /// </summary>
    public static async Task<CliResult> RunRawAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        string? workingDirectory = null)
    {
        // Never touch the developer's database (data/equity.db).
        if (!args.Contains("--db") && environment?.ContainsKey("ConnectionStrings__Default") != true)
            throw new InvalidOperationException("A test run must name a temporary database with --db or ConnectionStrings__Default.");

        using var process = Start(args, environment, workingDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync();
            Assert.Fail($"equity {string.Join(' ', args)} timed out after {(timeout ?? DefaultTimeout).TotalSeconds} s.\n" +
                        $"--- stdout:\n{await stdout}\n--- stderr:\n{await stderr}");
        }
        return new CliResult(args.ToList(), process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Starts `dotnet equity.dll` with <paramref name="args"/>, output redirected, standard input
    /// closed, and the environment cleaned of inherited Equity__ / ConnectionStrings__ settings
    /// (the seed folder points at the repository's seeds/). The caller owns the process.
    /// </summary>
    public static Process Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null,
        bool keepInput = false)
    {
        var psi = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        psi.ArgumentList.Add(EquityDll);
        foreach (var a in args) psi.ArgumentList.Add(a);

        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (key.StartsWith("Equity__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Equity:", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase))
            {
                psi.Environment.Remove(key);
            }
        }
        psi.Environment["Equity__SeedFolder"] = Repo.SeedsFolder;
        psi.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;

        var process = new Process { StartInfo = psi };
        if (!process.Start()) throw new InvalidOperationException("Could not start the CLI process.");
        if (!keepInput) process.StandardInput.Close();
        return process;
    }

    private static string DotnetHost()
    {
        var fromEnv = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return self;
        return "dotnet";
    }

    private static string LocateEquityDll()
    {
        // The project reference copies equity.dll (with its deps.json and runtimeconfig.json)
        // next to the test assembly.
        var local = Path.Combine(AppContext.BaseDirectory, "equity.dll");
        if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "equity.runtimeconfig.json")))
            return local;

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal) ? "Release" : "Debug";
        foreach (var config in new[] { configuration, configuration == "Debug" ? "Release" : "Debug" })
        {
            var built = Path.Combine(Repo.Root, "src", "EquityDashboard.Cli", "bin", config, "net10.0", "equity.dll");
            if (File.Exists(built)) return built;
        }
        throw new FileNotFoundException("equity.dll not found next to the tests or under src/EquityDashboard.Cli/bin; build the CLI first.");
    }
}
