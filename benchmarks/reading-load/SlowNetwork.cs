using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace ReadingLoad;

/// <summary>
/// A slow network in Chromium (DevTools protocol <c>Network.emulateNetworkConditions</c>: a round
/// trip of <c>latency</c> ms before each response's headers, and a download and upload rate): how long
/// until the overview shows its figures, and how many bytes it takes, on a first view (a new browser
/// context, empty cache) and on a repeat view (the same tab navigating to the address again).
/// <para>"Figures shown" is the first animation frame in which the first key figure is rendered in
/// the viewport (an init script checks on every frame; Chromium runs no frame while render-blocking
/// stylesheets are loading, so that is when it can be seen); first contentful paint and the largest
/// contentful paint (PerformanceObserver) are given beside it, all from the navigation's start.
/// Bytes are the sum of <c>encodedDataLength</c> of <c>Network.loadingFinished</c> (what came over the
/// wire: headers and compressed bodies), per resource.</para>
/// </summary>
internal static class SlowNetwork
{
    private const string Probe = """
        (() => {
          const t = window.__equityTimes = {};
          new PerformanceObserver(list => { for (const e of list.getEntries()) t.lcp = e.startTime; })
            .observe({ type: 'largest-contentful-paint', buffered: true });
          const tick = () => {
            const el = document.querySelector('[data-ready="true"] [data-kpi] .kpi-value');
            if (el && el.textContent.trim() && el.checkVisibility()) {
              const r = el.getBoundingClientRect();
              if (r.width > 0 && r.height > 0 && r.top < innerHeight) { t.shown = performance.now(); t.kpiText = el.textContent.trim(); return; }
            }
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        })();
        """;

    private sealed record Resource(string Url, int Status, string Encoding, long Bytes, bool FromCache);

    private sealed record View(double Shown, double FirstByte, double Fcp, double Lcp, double DomContentLoaded, double Load, List<Resource> Resources, string KpiText)
    {
        public long Bytes => Resources.Sum(r => r.Bytes);
    }

    public static async Task<int> RunAsync(Uri baseUrl, int runs, int latencyMs, int kbitPerSecond, string path)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var firsts = new List<View>();
        var repeats = new List<View>();
        for (var run = 0; run < runs; run++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString() });
            await context.AddInitScriptAsync(Probe);
            var page = await context.NewPageAsync();
            var cdp = await context.NewCDPSessionAsync(page);
            var log = new Log(cdp);
            await cdp.SendAsync("Network.enable");
            var bytesPerSecond = kbitPerSecond * 1000 / 8;
            await cdp.SendAsync("Network.emulateNetworkConditions", new()
            {
                ["offline"] = false, ["latency"] = latencyMs, ["downloadThroughput"] = bytesPerSecond, ["uploadThroughput"] = bytesPerSecond,
            });
            firsts.Add(await ViewAsync(page, path, log));
            repeats.Add(await ViewAsync(page, path, log));
        }

        Console.WriteLine($"| view (median of {runs}) | **figures shown** | document's first byte | first contentful paint | largest contentful paint | DOMContentLoaded | load | requests over the network | **bytes transferred** |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, views) in new[] { ("first view (empty cache)", firsts), ("repeat view (same tab, same address again)", repeats) })
            Console.WriteLine($"| {name} | **{Stats.N(Stats.Median(views.Select(v => v.Shown)))} ms** | {Stats.N(Stats.Median(views.Select(v => v.FirstByte)))} ms | {Stats.N(Stats.Median(views.Select(v => v.Fcp)))} ms | "
                + $"{Stats.N(Stats.Median(views.Select(v => v.Lcp)))} ms | {Stats.N(Stats.Median(views.Select(v => v.DomContentLoaded)))} ms | "
                + $"{Stats.N(Stats.Median(views.Select(v => v.Load)))} ms | {Stats.Median(views.Select(v => (double)v.Resources.Count(r => !r.FromCache)))} | "
                + $"**{Stats.N(Stats.Median(views.Select(v => (double)v.Bytes)))} B** |");
        Console.WriteLine();
        Console.WriteLine($"Runs, figures shown (ms): first view {string.Join(", ", firsts.Select(v => Stats.N(v.Shown)))}; repeat view "
            + $"{string.Join(", ", repeats.Select(v => Stats.N(v.Shown)))}. The first key figure read \"{firsts[0].KpiText}\".");
        Console.WriteLine();
        foreach (var (name, view) in new[] { ("First view", firsts[0]), ("Repeat view", repeats[0]) })
        {
            Console.WriteLine($"{name}, by resource (first run; bytes include the response headers):");
            Console.WriteLine();
            Console.WriteLine("| resource | status | encoding | bytes | share |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var r in view.Resources.OrderByDescending(r => r.Bytes))
                Console.WriteLine($"| `{Short(baseUrl, r.Url)}` | {(r.FromCache ? "from the browser's cache" : r.Status.ToString(Stats.Inv))} | {r.Encoding} | {Stats.N(r.Bytes)} | "
                    + $"{(view.Bytes == 0 ? 0 : 100.0 * r.Bytes / view.Bytes).ToString("0", Stats.Inv)} % |");
            Console.WriteLine();
        }
        var first = firsts.OrderBy(v => v.Shown).ElementAt(firsts.Count / 2);
        Console.WriteLine($"<!-- first-shown-ms={Stats.Median(firsts.Select(v => v.Shown)).ToString("0", Stats.Inv)} "
            + $"repeat-shown-ms={Stats.Median(repeats.Select(v => v.Shown)).ToString("0", Stats.Inv)} "
            + $"first-bytes={Stats.Median(firsts.Select(v => (double)v.Bytes)).ToString("0", Stats.Inv)} "
            + $"repeat-bytes={Stats.Median(repeats.Select(v => (double)v.Bytes)).ToString("0", Stats.Inv)} "
            + $"first-lcp-ms={Stats.Median(firsts.Select(v => v.Lcp)).ToString("0", Stats.Inv)} -->");
        return firsts.All(v => v.Shown > 0) ? 0 : 1;
    }

    private static string Short(Uri baseUrl, string url) => url.StartsWith(baseUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
        ? url[baseUrl.GetLeftPart(UriPartial.Authority).Length..] : url;

    private static async Task<View> ViewAsync(IPage page, string path, Log log)
    {
        log.Clear();
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => window.__equityTimes && window.__equityTimes.shown > 0", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 120_000 });
        var times = await page.EvaluateAsync<JsonElement>("""
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const fcp = performance.getEntriesByName('first-contentful-paint')[0];
              const t = window.__equityTimes;
              return { shown: t.shown, lcp: t.lcp ?? 0, kpi: t.kpiText, fcp: fcp ? fcp.startTime : 0,
                       dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, firstByte: nav.responseStart };
            }
            """);
        return new View(times.GetProperty("shown").GetDouble(), times.GetProperty("firstByte").GetDouble(), times.GetProperty("fcp").GetDouble(), times.GetProperty("lcp").GetDouble(),
            times.GetProperty("dcl").GetDouble(), times.GetProperty("load").GetDouble(), log.Resources(), times.GetProperty("kpi").GetString() ?? "");
    }

    /// <summary>What the Network domain reports, per request id.</summary>
    private sealed class Log
    {
        private readonly ConcurrentDictionary<string, (string Url, int Status, string Encoding, long Bytes, bool Cached, bool Done)> _requests = new();

        /// <summary>The status as it came over the network (304 for a revalidation, which responseReceived reports as the cached 200).</summary>
        private readonly ConcurrentDictionary<string, int> _wireStatus = new();

        public Log(ICDPSession cdp)
        {
            cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
            {
                if (e is not { } v) return;
                var id = v.GetProperty("requestId").GetString()!;
                _requests[id] = (v.GetProperty("request").GetProperty("url").GetString()!, 0, "", 0, false, false);
            };
            cdp.Event("Network.requestServedFromCache").OnEvent += (_, e) =>
            {
                if (e is { } v && _requests.TryGetValue(v.GetProperty("requestId").GetString()!, out var r)) _requests[v.GetProperty("requestId").GetString()!] = r with { Cached = true };
            };
            cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
            {
                if (e is not { } v || !_requests.TryGetValue(v.GetProperty("requestId").GetString()!, out var r)) return;
                var response = v.GetProperty("response");
                var encoding = "";
                if (response.TryGetProperty("headers", out var headers))
                    foreach (var h in headers.EnumerateObject())
                        if (h.Name.Equals("content-encoding", StringComparison.OrdinalIgnoreCase)) encoding = h.Value.GetString() ?? "";
                var cached = r.Cached || (response.TryGetProperty("fromDiskCache", out var disk) && disk.GetBoolean())
                    || (response.TryGetProperty("fromMemoryCache", out var memory) && memory.GetBoolean());
                _requests[v.GetProperty("requestId").GetString()!] = r with { Status = response.GetProperty("status").GetInt32(), Encoding = encoding, Cached = cached };
            };
            cdp.Event("Network.responseReceivedExtraInfo").OnEvent += (_, e) =>
            {
                if (e is { } v && v.TryGetProperty("statusCode", out var code)) _wireStatus[v.GetProperty("requestId").GetString()!] = code.GetInt32();
            };
            cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
            {
                if (e is not { } v || !_requests.TryGetValue(v.GetProperty("requestId").GetString()!, out var r)) return;
                _requests[v.GetProperty("requestId").GetString()!] = r with { Bytes = (long)v.GetProperty("encodedDataLength").GetDouble(), Done = true };
            };
        }

        public void Clear()
        {
            _requests.Clear();
            _wireStatus.Clear();
        }

        public List<Resource> Resources() => _requests
            .Select(p => new Resource(p.Value.Url, _wireStatus.TryGetValue(p.Key, out var wire) ? wire : p.Value.Status, p.Value.Encoding, p.Value.Bytes, p.Value.Cached && !_wireStatus.ContainsKey(p.Key)))
            .ToList();
    }
}
