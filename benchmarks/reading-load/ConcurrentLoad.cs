using System.Diagnostics;

namespace ReadingLoad;

/// <summary>
/// Throughput and latency under load: simulated users each request one address in a loop with no
/// think time (every user asks again as soon as its answer is read) for a fixed duration, one
/// address after the other (the page, then its bytes as a static file). Time to first byte
/// (response headers) and to the whole body are recorded per request; the server's CPU time per
/// request comes from /proc. The load generator runs on the same machine and its CPU time is
/// reported too: on two cores, it takes a good part of what the server could have used.
/// </summary>
internal static class ConcurrentLoad
{
    private sealed record Result(string Path, int Users, double Seconds, List<double> Ttfb, List<double> Full, int Errors, long Bytes,
        int WithAge, double ServerCpuMs, double ClientCpuMs);

    public static async Task<int> RunAsync(Uri baseUrl, int serverPid, int users, TimeSpan duration, IReadOnlyList<string> paths)
    {
        var results = new List<Result>();
        foreach (var path in paths) results.Add(await RunOneAsync(baseUrl, serverPid, users, duration, path));

        Console.WriteLine("| `GET` | users | duration | requests | errors | **requests/s** | bytes (br) | from the output cache (`Age`) | server CPU per request | load generator CPU per request |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var n = r.Full.Count;
            Console.WriteLine($"| `{r.Path}` | {r.Users} | {r.Seconds.ToString("0.0", Stats.Inv)} s | {Stats.N(n)} | {r.Errors} | "
                + $"**{(n / r.Seconds).ToString("N0", Stats.Inv)}** | {Stats.N(n == 0 ? 0 : r.Bytes / (double)n)} | {Stats.N(r.WithAge)} of {Stats.N(n)} | "
                + $"{Stats.Ms2(r.ServerCpuMs / Math.Max(n, 1))} ms | {Stats.Ms2(r.ClientCpuMs / Math.Max(n, 1))} ms |");
        }
        Console.WriteLine();
        Console.WriteLine("| `GET` | measure | p50 | **p95** | p99 | max |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in results)
            foreach (var (name, values) in new[] { ("time to first byte", r.Ttfb), ("whole response", r.Full) })
            {
                var s = values.Order().ToList();
                Console.WriteLine($"| `{r.Path}` | {name} | {Stats.Ms(Stats.Percentile(s, 50))} ms | {(name == "whole response" ? "**" : "")}"
                    + $"{Stats.Ms(Stats.Percentile(s, 95))} ms{(name == "whole response" ? "**" : "")} | {Stats.Ms(Stats.Percentile(s, 99))} ms | "
                    + $"{Stats.Ms(s.Count == 0 ? double.NaN : s[^1])} ms |");
            }
        Console.WriteLine();
        var markers = results.Select((r, i) =>
            $"p95-ms-{i}={Stats.Ms(Stats.Percentile(r.Full.Order().ToList(), 95))} rps-{i}={(r.Full.Count / r.Seconds).ToString("0", Stats.Inv)} errors-{i}={r.Errors}");
        if (results.Count >= 2)
        {
            var (page, file) = (results[0], results[1]);
            var ratio = page.Full.Count / page.Seconds / (file.Full.Count / file.Seconds);
            Console.WriteLine($"The page answers **{(ratio * 100).ToString("0", Stats.Inv)} %** of the static file's requests per second; its p95 is "
                + $"{(Stats.Percentile(page.Full.Order().ToList(), 95) / Stats.Percentile(file.Full.Order().ToList(), 95)).ToString("0.0", Stats.Inv)}x the file's.");
            Console.WriteLine();
            markers = markers.Append($"rps-ratio={ratio.ToString("0.00", Stats.Inv)}");
        }
        Console.WriteLine($"<!-- {string.Join(' ', markers)} -->");
        return results.All(r => r.Full.Count > 0) ? 0 : 1;
    }

    private static async Task<Result> RunOneAsync(Uri baseUrl, int serverPid, int users, TimeSpan duration, string path)
    {
        using var client = Stats.Client(baseUrl);
        // Warm-up outside the measurement, with every user's connection opened.
        await Task.WhenAll(Enumerable.Range(0, users).Select(async _ =>
        {
            for (var i = 0; i < 5; i++) (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }));

        var ttfb = new List<double>[users];
        var full = new List<double>[users];
        var errors = new int[users];
        var bytes = new long[users];
        var withAge = new int[users];
        var cpuBefore = Stats.CpuMs(serverPid);
        var ownBefore = Stats.OwnCpuMs();
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, users).Select(u => Task.Run(async () =>
        {
            ttfb[u] = [];
            full[u] = [];
            while (Stopwatch.GetTimestamp() < end)
            {
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                    var t1 = Stopwatch.GetTimestamp();
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var t2 = Stopwatch.GetTimestamp();
                    if (!response.IsSuccessStatusCode) { errors[u]++; continue; }
                    ttfb[u].Add((t1 - t0) * 1000.0 / Stopwatch.Frequency);
                    full[u].Add((t2 - t0) * 1000.0 / Stopwatch.Frequency);
                    bytes[u] += body.Length;
                    if (response.Headers.Age is not null) withAge[u]++;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    errors[u]++;
                }
            }
        })));
        var seconds = Stats.Seconds(started);
        return new Result(path, users, seconds, ttfb.SelectMany(x => x).ToList(), full.SelectMany(x => x).ToList(), errors.Sum(), bytes.Sum(),
            withAge.Sum(), Stats.CpuMs(serverPid) - cpuBefore, Stats.OwnCpuMs() - ownBefore);
    }
}
