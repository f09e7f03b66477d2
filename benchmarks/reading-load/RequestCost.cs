using System.Diagnostics;

namespace ReadingLoad;

/// <summary>
/// Server CPU time per request, one request at a time (so it does not depend on how requests
/// queue): a page that misses the output cache (a query parameter the page ignores, new on every
/// request, so each address is rendered once), the same page from the output cache, and its bytes
/// as a static file. Rounds of each, interleaved, so other work on the machine hits all three alike;
/// CPU time is the server's user + system time from /proc over the round, divided by its requests.
/// Every answer must be 200 in Brotli; a miss must have no <c>Age</c> header and a hit must have one.
/// A fourth kind, for reading the others: the cached page asked again with its ETag
/// (<c>If-None-Match</c>), answered 304 with no body, which costs what every reading request pays
/// before the output cache is even asked (the data version read from the database, the ETag).
/// </summary>
internal static class RequestCost
{
    private sealed record Kind(string Name, Func<int, string> Path, bool? ExpectAge, string? IfNoneMatch = null)
    {
        public List<double> CpuPerRequest { get; } = [];
        public List<double> Latencies { get; } = [];
        public long Bytes { get; set; }
        public int Requests { get; set; }
        public int AgeWrong { get; set; }
        public string FirstPath { get; set; } = "";
    }

    public static async Task<int> RunAsync(Uri baseUrl, int serverPid, int requests, int rounds, int warmup, string uncachedPrefix, string cachedPath, string staticPath)
    {
        using var client = Stats.Client(baseUrl);
        string etag;
        using (var first = await client.GetAsync(cachedPath)) etag = first.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"{cachedPath} has no ETag.");
        // A salt per run, so addresses rendered by an earlier run on the same server miss too.
        var salt = Guid.NewGuid().ToString("N")[..6];
        var kinds = new[]
        {
            new Kind("rendered (output cache miss)", i => $"{uncachedPrefix}{salt}-{i}", false),
            new Kind("from the output cache", _ => cachedPath, true),
            new Kind("static file, same bytes", _ => staticPath, null),
            new Kind("(for reading the above) repeat view: 304 to `If-None-Match`", _ => cachedPath, null, etag),
        };
        // Warm-up: enough requests of each kind for the JIT's tiered compilation to finish with the code they run
        // (a few hundred were not: the first rounds of a fresh server cost up to twice as much).
        var counter = 0;
        foreach (var kind in kinds)
            for (var i = 0; i < warmup; i++) await GetAsync(client, kind.Path(counter++), null, kind.IfNoneMatch);

        for (var round = 0; round < rounds; round++)
            foreach (var kind in kinds)
            {
                var cpu0 = Stats.CpuMs(serverPid);
                for (var i = 0; i < requests; i++)
                {
                    var path = kind.Path(counter++);
                    if (kind.Requests == 0) kind.FirstPath = path;
                    var (ms, bytes, ageOk) = await GetAsync(client, path, kind.ExpectAge, kind.IfNoneMatch);
                    kind.Latencies.Add(ms);
                    kind.Bytes += bytes;
                    kind.Requests++;
                    if (!ageOk) kind.AgeWrong++;
                }
                kind.CpuPerRequest.Add((Stats.CpuMs(serverPid) - cpu0) / requests);
            }

        var (rendered, cached, file, revalidated) = (kinds[0], kinds[1], kinds[2], kinds[3]);
        Console.WriteLine($"| `GET` | example address | server CPU per request (median of {rounds} rounds) | per round | p50 | p95 | body bytes | `Age` header |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var k in kinds)
        {
            var sorted = k.Latencies.Order().ToList();
            var age = k.ExpectAge switch
            {
                false => k.AgeWrong == 0 ? $"none of {Stats.N(k.Requests)} (all missed)" : $"**{k.AgeWrong} of {Stats.N(k.Requests)} had one**",
                true => k.AgeWrong == 0 ? $"all {Stats.N(k.Requests)} (all hits)" : $"**{k.AgeWrong} of {Stats.N(k.Requests)} lacked it**",
                null => k.IfNoneMatch is null ? "(not a page)" : "(304, no body)",
            };
            Console.WriteLine($"| {k.Name} | `{k.FirstPath}` | **{Stats.Ms2(Stats.Median(k.CpuPerRequest))} ms** | "
                + $"{string.Join(", ", k.CpuPerRequest.Select(Stats.Ms2))} | {Stats.Ms2(Stats.Percentile(sorted, 50))} ms | "
                + $"{Stats.Ms2(Stats.Percentile(sorted, 95))} ms | {Stats.N(k.Bytes / (double)k.Requests)} | {age} |");
        }
        var r = Stats.Median(rendered.CpuPerRequest);
        var c = Stats.Median(cached.CpuPerRequest);
        var f = Stats.Median(file.CpuPerRequest);
        Console.WriteLine();
        Console.WriteLine($"Ratios of server CPU per request: rendered / static file **{(r / f).ToString("0.0", Stats.Inv)}x**, "
            + $"output cache / static file **{(c / f).ToString("0.00", Stats.Inv)}x**, rendered / output cache {(r / c).ToString("0.0", Stats.Inv)}x.");
        Console.WriteLine();
        Console.WriteLine($"<!-- rendered-cpu-ms={Stats.Ms2(r)} cached-cpu-ms={Stats.Ms2(c)} static-cpu-ms={Stats.Ms2(f)} "
            + $"cached-static-ratio={(c / f).ToString("0.00", Stats.Inv)} revalidated-cpu-ms={Stats.Ms2(Stats.Median(revalidated.CpuPerRequest))} rendered-age-hits={rendered.AgeWrong} cached-age-misses={cached.AgeWrong} -->");
        return 0;
    }

    /// <summary>One GET, whole body read; time in ms, body bytes, whether the Age header is as expected.</summary>
    private static async Task<(double Ms, long Bytes, bool AgeOk)> GetAsync(HttpClient client, string path, bool? expectAge, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        var t0 = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        if (ifNoneMatch is not null)
            return response.StatusCode == System.Net.HttpStatusCode.NotModified ? (ms, body.Length, true)
                : throw new InvalidOperationException($"GET {path} with If-None-Match: {(int)response.StatusCode}, not 304");
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        if (!response.Content.Headers.ContentEncoding.Contains("br")) throw new InvalidOperationException($"GET {path}: not Brotli ({string.Join(',', response.Content.Headers.ContentEncoding)})");
        var hasAge = response.Headers.Age is not null;
        return (ms, body.Length, expectAge is null || hasAge == expectAge);
    }
}
