using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace EquityDashboard.Web.EndToEnd.Tests.Support;

/// <summary>
/// The web app and the CLI as an operator runs them: the built <c>EquityDashboard.Web.dll</c> and
/// <c>equity.dll</c> of this configuration started with <c>dotnet</c> as processes of their own,
/// configured only by environment variables (<c>Database__Provider</c>,
/// <c>ConnectionStrings__Default</c>, ...). Inherited <c>Equity__*</c> and <c>ConnectionStrings__*</c>
/// variables are removed first.
/// </summary>
internal static class AppProcesses
{
    /// <summary>Debug or Release: the configuration these tests were built in (the app and the CLI are built with them).</summary>
    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";

    public static string WebFolder => Built("EquityDashboard.Web", "EquityDashboard.Web.dll");

    public static string CliFolder => Built("EquityDashboard.Cli", "equity.dll");

    private static string Built(string project, string dll)
    {
        var folder = Path.Combine(DashboardServer.RepoRoot, "src", project, "bin", Configuration, "net10.0");
        if (!File.Exists(Path.Combine(folder, dll)))
            throw new FileNotFoundException($"{dll} is not built in {folder}: build the solution (dotnet build) first.");
        return folder;
    }

    public static ProcessStartInfo StartInfo(string folder, string dll, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(folder, dll));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("Equity__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Database__", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(key);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }

    /// <summary>A port free on loopback now (the app listens on it a moment later).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>What one CLI run printed, and its exit code.</summary>
internal sealed record CliRun(string Command, int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"equity {Command}: exit {ExitCode}\n--- stdout:\n{StdOut}\n--- stderr:\n{StdErr}";

    public CliRun Succeeded()
    {
        Assert.True(ExitCode == 0, ToString());
        return this;
    }
}

/// <summary>The CLI on one database, run as processes (several at once if asked).</summary>
internal sealed class CliProcess(IReadOnlyDictionary<string, string> environment, string workingFolder, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public async Task<CliRun> RunAsync(string? input, params string[] args)
    {
        var start = AppProcesses.StartInfo(AppProcesses.CliFolder, "equity.dll", environment, args);
        start.WorkingDirectory = workingFolder;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        if (input is not null) await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"equity {string.Join(' ', args)} did not end within {Timeout.TotalSeconds} s:\n{await stdout}\n{await stderr}");
        }
        var run = new CliRun(string.Join(' ', args), process.ExitCode, await stdout, await stderr);
        output.WriteLine(run.ToString());
        return run;
    }
}

/// <summary>
/// One instance of the web app on a free loopback port, started as its own process; disposing
/// stops it. <see cref="StartAsync"/> returns once <c>/healthz</c> answers 200 (the database is
/// migrated and reachable).
/// </summary>
internal sealed class WebProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _name;
    private readonly ITestOutputHelper _output;

    private WebProcess(string name, Process process, Uri address, ITestOutputHelper output)
    {
        _name = name;
        _process = process;
        _output = output;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Client { get; }

    public static async Task<WebProcess> StartAsync(string name, IReadOnlyDictionary<string, string> environment, ITestOutputHelper output)
    {
        var port = AppProcesses.FreePort();
        var settings = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        };
        var start = AppProcesses.StartInfo(AppProcesses.WebFolder, "EquityDashboard.Web.dll", settings, []);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        var web = new WebProcess(name, process, new Uri($"http://127.0.0.1:{port}/"), output);
        try
        {
            await web.WaitForHealthAsync();
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
        return web;
    }

    private async Task WaitForHealthAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{_name} exited with {_process.ExitCode}:\n{Log}");
            try
            {
                using var health = await Client.GetAsync("/healthz");
                if (health.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{_name}: /healthz did not answer 200 within {StartTimeout.TotalSeconds} s:\n{Log}");
    }

    private string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _output.WriteLine($"--- {_name} log:\n{Log}");
    }
}
