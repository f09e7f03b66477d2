using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CircuitsLoad;

/// <summary>
/// Server render time: simulated users each request GET / (the prerendered overview page) in
/// a loop, waiting <c>think</c> between requests, for a fixed duration. Time to first byte
/// (response headers) and to the full body are recorded per request, and the server's CPU time
/// per request (from /proc), which does not depend on what else runs on the machine.
/// </summary>
internal static class RenderLoad
{
    public static async Task<int> RunAsync(Uri baseUrl, int serverPid, int users, TimeSpan duration, TimeSpan think)
    {
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

        // Warm-up outside the measurement: JIT, EF model, SQLite page cache.
        for (var i = 0; i < 20; i++) (await client.GetAsync("/")).EnsureSuccessStatusCode();

        var ttfb = new List<double>[users];
        var full = new List<double>[users];
        var errors = new int[users];
        var bytes = new long[users];
        var cpuBefore = Stats.CpuMs(serverPid);
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, users).Select(async u =>
        {
            ttfb[u] = [];
            full[u] = [];
            // Users start spread over the first think period (or at once without think time).
            if (think > TimeSpan.Zero) await Task.Delay(TimeSpan.FromTicks(think.Ticks * u / users));
            while (Stopwatch.GetTimestamp() < end)
            {
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync("/", HttpCompletionOption.ResponseHeadersRead);
                    var t1 = Stopwatch.GetTimestamp();
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var t2 = Stopwatch.GetTimestamp();
                    if (!response.IsSuccessStatusCode) { errors[u]++; continue; }
                    ttfb[u].Add((t1 - t0) * 1000.0 / Stopwatch.Frequency);
                    full[u].Add((t2 - t0) * 1000.0 / Stopwatch.Frequency);
                    bytes[u] += body.Length;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    errors[u]++;
                }
                if (think > TimeSpan.Zero) await Task.Delay(think);
            }
        }).ToList();
        await Task.WhenAll(tasks);
        var seconds = Stats.Seconds(started);
        var cpuMs = Stats.CpuMs(serverPid) - cpuBefore;

        var first = ttfb.SelectMany(x => x).Order().ToList();
        var whole = full.SelectMany(x => x).Order().ToList();
        var count = whole.Count;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("| users | think time | duration | requests | errors | throughput | response size | server CPU per request |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {users} | {think.TotalMilliseconds.ToString(inv)} ms | {seconds.ToString("0.0", inv)} s | {count.ToString("N0", inv)} | "
            + $"{errors.Sum().ToString(inv)} | {(count / seconds).ToString("0.0", inv)} req/s | {(count == 0 ? 0 : bytes.Sum() / count / 1024).ToString(inv)} KiB | "
            + $"{Stats.Ms(count == 0 ? double.NaN : cpuMs / count)} ms |");
        Console.WriteLine();
        Console.WriteLine("| GET / | p50 | p95 | p99 | max |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, values) in new[] { ("time to first byte", first), ("full response", whole) })
            Console.WriteLine($"| {name} | {Stats.Ms(Stats.Percentile(values, 50))} ms | {Stats.Ms(Stats.Percentile(values, 95))} ms | "
                + $"{Stats.Ms(Stats.Percentile(values, 99))} ms | {Stats.Ms(values.Count == 0 ? double.NaN : values[^1])} ms |");
        Console.WriteLine();
        Console.WriteLine($"<!-- p95-full-ms={Stats.Ms(Stats.Percentile(whole, 95))} cpu-ms-per-request={Stats.Ms(cpuMs / Math.Max(count, 1))} errors={errors.Sum().ToString(inv)} -->");
        return count == 0 ? 1 : 0;
    }
}
