using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ReadingLoad;

/// <summary>
/// The static-file baseline: a page's bytes as the server sends them (plain, Brotli and gzip, each
/// fetched from the running app) saved as files in the published app's <c>wwwroot</c>, and endpoints
/// for them added to its static assets manifest (<c>EquityDashboard.Web.staticwebassets.endpoints.json</c>),
/// the way the SDK lists a compressed asset: one route, a Content-Encoding selector per variant. After a
/// restart, <c>MapStaticAssets</c> serves them like any other file of the app, through the same
/// middleware (security headers included) but with no rendering and no data version.
/// </summary>
internal static class StaticCopy
{
    public static async Task<int> RunAsync(Uri baseUrl, string webFolder, IReadOnlyList<string> routes)
    {
        var manifestPath = Directory.GetFiles(webFolder, "*.staticwebassets.endpoints.json").Single();
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!.AsObject();
        var endpoints = manifest["Endpoints"]!.AsArray();
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = baseUrl };

        Console.WriteLine("| page | saved as | plain | br | gzip |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var pair in routes)
        {
            var cut = pair.LastIndexOf('=');
            var (page, file) = (pair[..cut], pair[(cut + 1)..].TrimStart('/'));
            var plain = await FetchAsync(client, page, "identity", null);
            var br = await FetchAsync(client, page, Stats.AcceptEncoding, "br");
            var gzip = await FetchAsync(client, page, "gzip", "gzip");
            var target = Path.Combine(webFolder, "wwwroot", file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, plain);
            await File.WriteAllBytesAsync(target + ".br", br);
            await File.WriteAllBytesAsync(target + ".gz", gzip);

            var integrity = Convert.ToBase64String(SHA256.HashData(plain));
            endpoints.Add(Endpoint(file, file + ".br", br, "br", integrity));
            endpoints.Add(Endpoint(file, file + ".gz", gzip, "gzip", integrity));
            endpoints.Add(Endpoint(file, file, plain, null, integrity));
            Console.WriteLine($"| `{page}` | `/{file}` | {Stats.N(plain.Length)} B | {Stats.N(br.Length)} B | {Stats.N(gzip.Length)} B |");
        }
        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString());
        return 0;
    }

    private static async Task<byte[]> FetchAsync(HttpClient client, string path, string acceptEncoding, string? expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        if (encoding != expected) throw new InvalidOperationException($"{path} with Accept-Encoding '{acceptEncoding}' came as '{encoding}', not '{expected}'.");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static JsonObject Endpoint(string route, string assetFile, byte[] bytes, string? encoding, string integrity)
    {
        var headers = new JsonArray
        {
            Header("Cache-Control", "no-cache"),
            Header("Content-Length", bytes.Length.ToString(CultureInfo.InvariantCulture)),
            Header("Content-Type", "text/html; charset=utf-8"),
            Header("ETag", $"\"{Convert.ToBase64String(SHA256.HashData(bytes))}\""),
            Header("Last-Modified", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture)),
            Header("Vary", "Accept-Encoding"),
        };
        var properties = new JsonArray { Property("integrity", $"sha256-{integrity}") };
        var selectors = new JsonArray();
        if (encoding is not null)
        {
            headers.Add(Header("Content-Encoding", encoding));
            properties.Add(Property("original-resource", $"\"{integrity}\""));
            // The SDK's quality: smaller variants are preferred.
            selectors.Add(new JsonObject
            {
                ["Name"] = "Content-Encoding", ["Value"] = encoding,
                ["Quality"] = (1.0 / (bytes.Length + 1)).ToString("0.000000000000", CultureInfo.InvariantCulture),
            });
        }
        return new JsonObject
        {
            ["Route"] = route, ["AssetFile"] = assetFile, ["Selectors"] = selectors,
            ["ResponseHeaders"] = headers, ["EndpointProperties"] = properties,
        };
    }

    private static JsonObject Header(string name, string value) => new() { ["Name"] = name, ["Value"] = value };

    private static JsonObject Property(string name, string value) => new() { ["Name"] = name, ["Value"] = value };
}
