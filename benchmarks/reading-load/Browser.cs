using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace ReadingLoad;

/// <summary>Debian's Chromium through Playwright, as the browser tests launch it (see docs of the end-to-end tests).</summary>
internal static class Browser
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs, Headless = true });

    public static string Version()
    {
        var info = new ProcessStartInfo("/usr/bin/chromium", "--version") { RedirectStandardOutput = true };
        using var p = Process.Start(info)!;
        var v = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return v;
    }

    /// <summary>
    /// Memory of this process's descendants (the Playwright driver and the browser's processes):
    /// the sum of their proportional set sizes (shared pages split between the processes that share them), and how many there are.
    /// </summary>
    public static (long PssBytes, int Processes) DescendantsMemory()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        var self = Environment.ProcessId;
        long pss = 0;
        var count = 0;
        foreach (var pid in parents.Keys)
        {
            var p = pid;
            var depth = 0;
            while (p > 1 && p != self && depth++ < 64) p = parents.GetValueOrDefault(p, 0);
            if (p != self || pid == self) continue;
            try
            {
                var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                if (line is null) continue;
                pss += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                count++;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return (pss, count);
    }

    /// <summary>Established TCP connections whose local port is the server's (its side of each open connection).</summary>
    public static int ServerConnections(int port)
    {
        var hex = port.ToString("X4", CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(file)) continue;
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length > 3 && f[1].EndsWith(":" + hex, StringComparison.Ordinal) && f[3] == "01") count++;
            }
        }
        return count;
    }
}
