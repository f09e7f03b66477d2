using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ReadingLoad;

/// <summary>
/// Server memory for open viewer tabs: one headless Chromium opens a page (the overview) in many
/// tabs, a few tabs per browser context (a context is a separate profile: its own cache and
/// connections, like another person), and keeps them all open. The server's live managed heap
/// (dotnet-gcdump, which forces a full collection first) and resident set (VmRSS, its working set)
/// are read before the first tab and after every <c>step</c> tabs, and once more after the tabs
/// have been left open a while. A static page holds nothing on the server once it is sent: what
/// remains is the connections the browser keeps alive. Every WebSocket a tab opens, and every
/// request to Blazor's circuit endpoint (<c>/_blazor</c>), is counted: there must be none.
/// Opening stops early when the machine's available memory falls below a floor.
/// </summary>
internal static partial class OpenTabs
{
    private sealed record Point(string When, int Tabs, long Heap, long Rss, int Connections, long MemAvailable, long BrowserPss);

    public static async Task<int> RunAsync(Uri baseUrl, int serverPid, int tabs, int perContext, int step, int minFreeMb, string gcdump, string path)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var options = new BrowserNewContextOptions { BaseURL = baseUrl.ToString() };

        // Warm-up: the page rendered once (then from the output cache) and its assets served, in a context closed again.
        await using (var warm = await browser.NewContextAsync(options))
            await OpenAsync(await warm.NewPageAsync(), path);
        await Task.Delay(2000);

        var sockets = 0;
        var circuitRequests = 0;
        var points = new List<Point> { await PointAsync("idle (after one tab opened and closed)", 0, serverPid, baseUrl.Port, gcdump) };
        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        var openMs = new List<double>();
        string? stopped = null;
        while (pages.Count < tabs)
        {
            if (Stats.MemAvailable() < minFreeMb * 1024L * 1024)
            {
                stopped = $"stopped at {pages.Count} tabs: the machine's available memory fell below {minFreeMb} MB";
                break;
            }
            var context = await browser.NewContextAsync(options);
            contexts.Add(context);
            var batch = Math.Min(perContext, tabs - pages.Count);
            var opened = await Task.WhenAll(Enumerable.Range(0, batch).Select(async _ =>
            {
                var page = await context.NewPageAsync();
                page.WebSocket += (_, _) => Interlocked.Increment(ref sockets);
                page.Request += (_, r) => { if (r.Url.Contains("/_blazor", StringComparison.Ordinal)) Interlocked.Increment(ref circuitRequests); };
                var t0 = Stopwatch.GetTimestamp();
                await OpenAsync(page, path);
                lock (openMs) openMs.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                return page;
            }));
            pages.AddRange(opened);
            if (pages.Count % step == 0 || pages.Count == tabs)
            {
                points.Add(await PointAsync($"{pages.Count} tabs open", pages.Count, serverPid, baseUrl.Port, gcdump));
                Console.Error.WriteLine($"  {pages.Count} tabs open, machine memory available {Stats.Kb(Stats.MemAvailable()) } KiB");
            }
        }
        if (points[^1].Tabs != pages.Count) points.Add(await PointAsync($"{pages.Count} tabs open", pages.Count, serverPid, baseUrl.Port, gcdump));
        await Task.Delay(TimeSpan.FromSeconds(15));
        points.Add(await PointAsync($"{pages.Count} tabs, 15 s later", pages.Count, serverPid, baseUrl.Port, gcdump));

        // Every tab must still show the page with its figures.
        var showing = 0;
        foreach (var page in pages)
            if (await page.Locator("[data-ready='true'] [data-kpi] .kpi-value").First.IsVisibleAsync()) showing++;

        Console.WriteLine("| when | tabs | server live managed heap | server working set (VmRSS) | server connections | browser memory (PSS) | machine memory available |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var p in points)
            Console.WriteLine($"| {p.When} | {p.Tabs} | {Stats.Kb(p.Heap)} KiB | {Stats.Kb(p.Rss)} KiB | {p.Connections} | {Stats.Kb(p.BrowserPss / 1024.0)} MiB | {Stats.Kb(p.MemAvailable / 1024.0)} MiB |");
        Console.WriteLine();
        var idle = points[0];
        var end = points[^1];
        var peakHeap = points.Max(p => p.Heap) - idle.Heap;
        var peakRss = points.Max(p => p.Rss) - idle.Rss;
        Console.WriteLine($"Above idle with {pages.Count} tabs open (last reading): live managed heap **{Signed(end.Heap - idle.Heap)}**, "
            + $"working set **{Signed(end.Rss - idle.Rss)}**; the most at any reading: heap {Signed(peakHeap)}, working set {Signed(peakRss)}.");
        Console.WriteLine();
        var sorted = openMs.Order().ToList();
        Console.WriteLine($"Tabs opened: {pages.Count} of {tabs} in one browser, {contexts.Count} contexts of up to {perContext} tabs"
            + (stopped is null ? "" : $" ({stopped})") + $"; showing their figures at the end: {showing} of {pages.Count}. "
            + $"WebSockets opened: **{sockets}**; requests to `/_blazor`: {circuitRequests}. "
            + $"Time to open a tab ({perContext} at once in a context): p50 {Stats.Ms(Stats.Percentile(sorted, 50))} ms, p95 {Stats.Ms(Stats.Percentile(sorted, 95))} ms.");
        Console.WriteLine();
        Console.WriteLine($"<!-- tabs={pages.Count} heap-above-idle-bytes={end.Heap - idle.Heap} rss-above-idle-bytes={end.Rss - idle.Rss} "
            + $"peak-rss-above-idle-bytes={peakRss} peak-heap-above-idle-bytes={peakHeap} websockets={sockets} circuit-requests={circuitRequests} showing={showing} -->");

        foreach (var context in contexts) await context.CloseAsync();
        return 0;
    }

    private static string Signed(long bytes) => $"{(bytes < 0 ? "-" : "+")}{(Math.Abs(bytes) / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} MiB";

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new PageGotoOptions { Timeout = 120_000 });
        await page.Locator("[data-ready='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
    }

    private static async Task<Point> PointAsync(string when, int tabs, int pid, int port, string gcdump)
    {
        var heap = await LiveHeapAsync(gcdump, pid);
        return new Point(when, tabs, heap, Stats.Rss(pid), Browser.ServerConnections(port), Stats.MemAvailable(), Browser.DescendantsMemory().PssBytes);
    }

    /// <summary>Bytes of live objects on the server's GC heap, from a gcdump (which runs a full, blocking collection first).</summary>
    private static async Task<long> LiveHeapAsync(string gcdump, int pid)
    {
        var file = Path.Combine(Path.GetTempPath(), $"reading-{pid}-{Guid.NewGuid():N}.gcdump");
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

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}
