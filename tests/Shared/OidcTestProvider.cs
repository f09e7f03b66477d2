using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EquityDashboard.Tests.Shared;

/// <summary>
/// A real OpenID Connect provider for single sign-on tests: <c>tests/oidc-provider/server.mjs</c>
/// (the npm package oidc-provider) in Node.js on a free loopback port. The first start on a
/// fresh clone runs <c>npm ci</c> in that folder (one test process at a time; again whenever
/// package-lock.json changes). Disposing closes the provider's standard input, which stops it,
/// and kills it if it lingers. Linked into the test projects that use it.
/// </summary>
internal sealed partial class OidcTestProvider : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private readonly Process _process;

    private OidcTestProvider(Process process, string issuer)
    {
        _process = process;
        Issuer = issuer;
    }

    /// <summary>The provider's issuer exactly as its tokens name it (<c>http://127.0.0.1:PORT</c>), the app's Authority.</summary>
    public string Issuer { get; }

    /// <summary>A test account: its subject (typed as the login on the provider's page) and the claims it releases.</summary>
    public static Dictionary<string, object> Account(string subject, string email, string name, string[] roles, bool emailVerified = true,
        string? clusters = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject, ["email"] = email, ["email_verified"] = emailVerified, ["name"] = name, ["roles"] = roles,
        };
        if (clusters is not null) claims["clusters"] = clusters;
        return claims;
    }

    public static async Task<OidcTestProvider> StartAsync(string clientId, string clientSecret, IEnumerable<string> redirectUris,
        IEnumerable<IReadOnlyDictionary<string, object>> accounts)
    {
        var folder = Path.Combine(Infrastructure.Data.DataPaths.BaseDirectory, "tests", "oidc-provider");
        await EnsureInstalledAsync(folder);

        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "server.mjs", "--port", "0", "--client-id", clientId, "--client-secret", clientSecret })
            psi.ArgumentList.Add(arg);
        foreach (var uri in redirectUris)
        {
            psi.ArgumentList.Add("--redirect-uri");
            psi.ArgumentList.Add(uri);
        }
        psi.Environment["OIDC_TEST_ACCOUNTS"] = JsonSerializer.Serialize(accounts);
        psi.Environment["NODE_ENV"] = "test";

        var log = new StringBuilder();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
            if (ReadyLine().Match(e.Data) is { Success: true } m) ready.TrySetResult(m.Groups[1].Value);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (log) log.AppendLine(e.Data);
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The OIDC test provider stopped (exit {process.ExitCode}):\n{Text(log)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new OidcTestProvider(process, await ready.Task.WaitAsync(StartTimeout));
        }
        catch (TimeoutException)
        {
            await StopAsync(process);
            throw new TimeoutException($"The OIDC test provider printed no ready line in {StartTimeout.TotalSeconds:0} s:\n{Text(log)}");
        }
        catch
        {
            await StopAsync(process);
            throw;
        }
    }

    /// <summary>Runs <c>npm ci</c> unless node_modules was installed from this very package-lock.json.</summary>
    private static async Task EnsureInstalledAsync(string folder)
    {
        await CheckNodeAsync();
        var lockHash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "package-lock.json"))));
        var marker = Path.Combine(folder, "node_modules", ".installed-from-lock");
        if (File.Exists(marker) && await File.ReadAllTextAsync(marker) == lockHash) return;

        // Test projects run in parallel processes: one installs while the others wait on the lock file.
        var lockPath = Path.Combine(Path.GetTempPath(), $"equitydashboard-npm-ci-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..16]}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        FileStream? held = null;
        while (held is null)
        {
            try
            {
                held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
        await using (held)
        {
            if (File.Exists(marker) && await File.ReadAllTextAsync(marker) == lockHash) return;
            var (code, output) = await RunAsync("npm", folder, "ci", "--ignore-scripts", "--no-audit", "--no-fund");
            if (code != 0) throw new InvalidOperationException($"npm ci in {folder} failed (exit {code}):\n{output}");
            await File.WriteAllTextAsync(marker, lockHash);
        }
    }

    /// <summary>oidc-provider 9 needs Node.js 20.18 or later (URL.parse, crypto.hash).</summary>
    private static async Task CheckNodeAsync()
    {
        (int Code, string Output) version;
        try
        {
            version = await RunAsync("node", Directory.GetCurrentDirectory(), "--version");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Node.js is not installed (the single sign-on tests run an OpenID Connect provider on it): install Node.js 20.18 or later.", ex);
        }
        var match = NodeVersion().Match(version.Output);
        if (!match.Success || new Version(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) < new Version(20, 18))
            throw new InvalidOperationException($"The single sign-on tests need Node.js 20.18 or later; 'node --version' printed '{version.Output.Trim()}'.");
    }

    private static async Task<(int Code, string Output)> RunAsync(string command, string folder, params string[] args)
    {
        var psi = new ProcessStartInfo(command)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(InstallTimeout);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Text(StringBuilder log)
    {
        lock (log) return log.ToString();
    }

    public async ValueTask DisposeAsync() => await StopAsync(_process);

    private static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.Close();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    [GeneratedRegex(@"^oidc-provider ready at (http://\S+)$")]
    private static partial Regex ReadyLine();

    [GeneratedRegex(@"^v(\d+)\.(\d+)")]
    private static partial Regex NodeVersion();
}
