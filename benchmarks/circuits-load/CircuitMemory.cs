using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CircuitsLoad;

/// <summary>
/// Memory per open circuit: headless Chromium pages each open a page (the overview by default)
/// and wait until it is interactive (<c>[data-ready=true]</c>, set once its Blazor circuit is up). The server's
/// live managed heap (dotnet-gcdump, which forces a full collection) and its resident set
/// (/proc/PID/status VmRSS) are read before and after every <c>step</c> pages; the per-circuit
/// cost is the least-squares slope over those points.
/// </summary>
internal static partial class CircuitMemory
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static async Task<int> RunAsync(Uri baseUrl, int serverPid, int pages, int step, string gcdump, string path)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs, Headless = true,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString() });

        // Warm-up: one circuit opened and closed, so code paths and caches exist before the baseline.
        var warm = await context.NewPageAsync();
        await OpenAsync(warm, path);
        await warm.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });

        var points = new List<(int Circuits, long Heap, long Rss)>();
        points.Add((0, await LiveHeapAsync(gcdump, serverPid), Rss(serverPid)));
        var open = new List<IPage>();
        var openTimes = new List<double>();
        while (open.Count < pages)
        {
            for (var i = 0; i < step && open.Count < pages; i++)
            {
                var page = await context.NewPageAsync();
                var t0 = Stopwatch.GetTimestamp();
                await OpenAsync(page, path);
                openTimes.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                open.Add(page);
            }
            points.Add((open.Count, await LiveHeapAsync(gcdump, serverPid), Rss(serverPid)));
        }
        // Every page must still be interactive: a dropped circuit would make the figures meaningless.
        var stillReady = 0;
        foreach (var page in open)
            if (await page.Locator("[data-ready='true']").CountAsync() == 1) stillReady++;

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("| open circuits | server live managed heap | server RSS |");
        Console.WriteLine("|---|---|---|");
        foreach (var p in points)
            Console.WriteLine($"| {p.Circuits} | {Stats.Kb(p.Heap)} KiB | {Stats.Kb(p.Rss)} KiB |");
        Console.WriteLine();
        var heapSlope = Slope(points.Select(p => ((double)p.Circuits, (double)p.Heap)).ToList());
        var rssSlope = Slope(points.Select(p => ((double)p.Circuits, (double)p.Rss)).ToList());
        var last = points[^1];
        var first = points[0];
        Console.WriteLine("| per circuit | least-squares slope | (last - first) / circuits |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| live managed heap | {Stats.Kb(heapSlope)} KiB | {Stats.Kb((last.Heap - first.Heap) / (double)last.Circuits)} KiB |");
        Console.WriteLine($"| RSS | {Stats.Kb(rssSlope)} KiB | {Stats.Kb((last.Rss - first.Rss) / (double)last.Circuits)} KiB |");
        Console.WriteLine();
        var sortedOpen = openTimes.Order().ToList();
        Console.WriteLine($"Pages still interactive at the end: {stillReady} of {open.Count}. Time to interactive per page "
            + $"(navigation to `[data-ready=true]`, pages opened one after another): p50 {Stats.Ms(Stats.Percentile(sortedOpen, 50))} ms, "
            + $"p95 {Stats.Ms(Stats.Percentile(sortedOpen, 95))} ms.");
        Console.WriteLine();
        Console.WriteLine($"<!-- heap-per-circuit-bytes={heapSlope.ToString("0", inv)} rss-per-circuit-bytes={rssSlope.ToString("0", inv)} ready={stillReady}/{open.Count} -->");
        return stillReady == open.Count ? 0 : 1;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-ready='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
    }

    private static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(Digits().Match(line).Value, CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Bytes of live objects on the server's GC heap, from a gcdump (which runs a full, blocking collection first).</summary>
    private static async Task<long> LiveHeapAsync(string gcdump, int pid)
    {
        var file = Path.Combine(Path.GetTempPath(), $"circuits-{pid}-{Guid.NewGuid():N}.gcdump");
        try
        {
            await RunToolAsync(gcdump, "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", file);
            var report = await RunToolAsync(gcdump, "report", file);
            var match = HeapBytes().Match(report);
            if (!match.Success) throw new InvalidOperationException($"No 'GC Heap bytes' in the gcdump report:\n{report}");
            return long.Parse(match.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunToolAsync(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {process.ExitCode}:\n{await stderr}");
        return await stdout;
    }

    private static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        return points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}
