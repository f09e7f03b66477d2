using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace EquityDashboard.Web.Hosting;

/// <summary>
/// <c>MapStaticAssets</c> with compression negotiation on the fingerprinted URLs of package assets.
/// </summary>
/// <remarks>
/// <para>The SDK writes an endpoint manifest (<c>{app}.staticwebassets.endpoints.json</c>) with one
/// endpoint per route and encoding. For the app's own files, and the framework's, the
/// fingerprinted route (<c>app.ihj1tsg1o4.css</c>, what <c>@Assets[...]</c> links) has a br and a
/// gzip variant. For assets a package declares with its endpoints already fingerprinted
/// (MudBlazor 9's <c>MudBlazor.min.k4r0it8844.css</c> and <c>.js</c>) the SDK compresses the files
/// but gives the variants only to the plain route (<c>_content/MudBlazor/MudBlazor.min.css</c>):
/// the fingerprinted one, which the page links, always goes out uncompressed (627 KB instead of
/// 42 KB with brotli).</para>
/// <para>This adds the missing variants: for a fingerprinted endpoint (it has a <c>label</c>, the
/// plain route) with no Content-Encoding variant, each variant of its label is copied onto the
/// fingerprinted route, keeping the fingerprinted endpoint's long-lived caching. The completed
/// manifest is written to a temporary file named by the original's hash and mapped from there;
/// when nothing is missing, the manifest is mapped as it is.</para>
/// </remarks>
public static class StaticAssetCompression
{
    /// <summary>
    /// Maps the static assets from the completed manifest and returns its path, for
    /// <c>MapRazorComponents&lt;App&gt;().WithStaticAssets(path)</c> so <c>@Assets[...]</c> links the
    /// same endpoints (null: the default manifest, nothing was missing).
    /// </summary>
    public static string? MapEquityStaticAssets(this WebApplication app)
    {
        var path = CompletedManifest(app.Environment.ApplicationName);
        app.MapStaticAssets(path).AllowAnonymous();
        return path;
    }

    /// <summary>The path of the completed manifest, or null when the app's manifest lacks nothing (or is absent).</summary>
    internal static string? CompletedManifest(string applicationName)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{applicationName}.staticwebassets.endpoints.json");
        if (!File.Exists(manifest)) return null;
        var original = File.ReadAllText(manifest);
        var completed = Complete(original, out var added);
        if (added == 0) return null;

        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(original)))[..16];
        var folder = Path.Combine(Path.GetTempPath(), "equitydashboard-assets");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{applicationName}.{hash}.endpoints.json");
        if (!File.Exists(path))
        {
            // Written aside and moved, so a second instance starting at the same time reads a whole file.
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, completed);
            File.Move(temporary, path, overwrite: true);
        }
        return path;
    }

    /// <summary>The manifest with the missing compressed variants of fingerprinted routes added; <paramref name="added"/> counts them.</summary>
    internal static string Complete(string manifestJson, out int added)
    {
        added = 0;
        var root = JsonNode.Parse(manifestJson)?.AsObject() ?? throw new InvalidDataException("The static assets manifest is empty.");
        if (root["Endpoints"] is not JsonArray endpoints) return manifestJson;

        var all = endpoints.OfType<JsonObject>().ToList();
        var byRoute = all.ToLookup(e => (string?)e["Route"] ?? string.Empty, StringComparer.Ordinal);
        foreach (var fingerprinted in all)
        {
            var route = (string?)fingerprinted["Route"] ?? string.Empty;
            if (Property(fingerprinted, "fingerprint") is null || Property(fingerprinted, "label") is not { } label) continue;
            if (HasSelectors(fingerprinted) || byRoute[route].Any(HasEncoding)) continue;

            var cacheControl = Header(fingerprinted, "Cache-Control");
            var variants = 0;
            foreach (var variant in byRoute[label].Where(HasEncoding))
            {
                var copy = variant.DeepClone().AsObject();
                copy["Route"] = route;
                if (cacheControl is not null) SetHeader(copy, "Cache-Control", cacheControl);
                var properties = fingerprinted["EndpointProperties"]?.DeepClone().AsArray() ?? [];
                if (variant["EndpointProperties"] is JsonArray variantProperties)
                    foreach (var p in variantProperties.OfType<JsonObject>().Where(p => (string?)p["Name"] == "original-resource"))
                        properties.Add(p.DeepClone());
                copy["EndpointProperties"] = properties;
                endpoints.Add(copy);
                variants++;
            }
            // Caches must now keep the encodings of this URL apart.
            if (variants > 0 && Header(fingerprinted, "Vary") is null) SetHeader(fingerprinted, "Vary", "Accept-Encoding");
            added += variants;
        }
        return added == 0 ? manifestJson : root.ToJsonString();
    }

    private static bool HasSelectors(JsonObject endpoint) => endpoint["Selectors"] is JsonArray { Count: > 0 };

    private static bool HasEncoding(JsonObject endpoint) =>
        endpoint["Selectors"] is JsonArray selectors
        && selectors.OfType<JsonObject>().Any(s => (string?)s["Name"] == "Content-Encoding");

    private static string? Property(JsonObject endpoint, string name) =>
        endpoint["EndpointProperties"] is JsonArray properties
            ? properties.OfType<JsonObject>().Where(p => (string?)p["Name"] == name).Select(p => (string?)p["Value"]).FirstOrDefault()
            : null;

    private static string? Header(JsonObject endpoint, string name) =>
        endpoint["ResponseHeaders"] is JsonArray headers
            ? headers.OfType<JsonObject>().Where(h => string.Equals((string?)h["Name"], name, StringComparison.OrdinalIgnoreCase))
                .Select(h => (string?)h["Value"]).FirstOrDefault()
            : null;

    private static void SetHeader(JsonObject endpoint, string name, string value)
    {
        if (endpoint["ResponseHeaders"] is not JsonArray headers) endpoint["ResponseHeaders"] = headers = [];
        var existing = headers.OfType<JsonObject>().FirstOrDefault(h => string.Equals((string?)h["Name"], name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null) existing["Value"] = value;
        else headers.Add(new JsonObject { ["Name"] = name, ["Value"] = value });
    }
}
