using System.Text.Json.Nodes;
using EquityDashboard.Web.Hosting;

namespace EquityDashboard.Web.Tests.Hosting;

public sealed class ContentRootTests
{
    [Fact]
    public void The_content_root_is_the_app_folder_unless_one_is_given()
    {
        static string? None(string _) => null;

        Assert.Equal(AppContext.BaseDirectory, EquityHost.ContentRoot([], None));
        Assert.Equal(AppContext.BaseDirectory, EquityHost.ContentRoot(["--urls", "http://127.0.0.1:5000"], None));
        Assert.Null(EquityHost.ContentRoot(["--contentRoot", "/srv/equity"], None));
        Assert.Null(EquityHost.ContentRoot(["--contentRoot=/srv/equity"], None));
        Assert.Null(EquityHost.ContentRoot([], name => name == "ASPNETCORE_CONTENTROOT" ? "/srv/equity" : null));
        Assert.Null(EquityHost.ContentRoot([], name => name == "DOTNET_CONTENTROOT" ? "/srv/equity" : null));
    }
}

public sealed class StaticAssetCompressionTests
{
    // The shape the SDK writes: a package's fingerprinted route without variants, its plain
    // route with br and gzip, and an app file whose fingerprinted route has its variants.
    private const string Manifest = """
        {"Version":1,"ManifestType":"Publish","Endpoints":[
          {"Route":"_content/Lib/lib.abc123.css","AssetFile":"_content/Lib/lib.css","Selectors":[],
           "ResponseHeaders":[{"Name":"Cache-Control","Value":"max-age=31536000, immutable"},{"Name":"Content-Length","Value":"1000"}],
           "EndpointProperties":[{"Name":"fingerprint","Value":"abc123"},{"Name":"label","Value":"_content/Lib/lib.css"}]},
          {"Route":"_content/Lib/lib.css","AssetFile":"_content/Lib/lib.css","Selectors":[],
           "ResponseHeaders":[{"Name":"Cache-Control","Value":"no-cache"}],"EndpointProperties":[]},
          {"Route":"_content/Lib/lib.css","AssetFile":"_content/Lib/lib.css.br","Selectors":[{"Name":"Content-Encoding","Value":"br","Quality":"0.01"}],
           "ResponseHeaders":[{"Name":"Cache-Control","Value":"no-cache"},{"Name":"Content-Encoding","Value":"br"},{"Name":"Content-Length","Value":"100"}],
           "EndpointProperties":[{"Name":"original-resource","Value":"\"x\""}]},
          {"Route":"_content/Lib/lib.css","AssetFile":"_content/Lib/lib.css.gz","Selectors":[{"Name":"Content-Encoding","Value":"gzip","Quality":"0.02"}],
           "ResponseHeaders":[{"Name":"Cache-Control","Value":"no-cache"},{"Name":"Content-Encoding","Value":"gzip"}],"EndpointProperties":[]},
          {"Route":"app.f00.css","AssetFile":"app.css","Selectors":[],"ResponseHeaders":[],
           "EndpointProperties":[{"Name":"fingerprint","Value":"f00"},{"Name":"label","Value":"app.css"}]},
          {"Route":"app.f00.css","AssetFile":"app.css.br","Selectors":[{"Name":"Content-Encoding","Value":"br","Quality":"0.1"}],"ResponseHeaders":[],
           "EndpointProperties":[{"Name":"fingerprint","Value":"f00"},{"Name":"label","Value":"app.css"}]},
          {"Route":"app.css","AssetFile":"app.css.gz","Selectors":[{"Name":"Content-Encoding","Value":"gzip","Quality":"0.1"}],"ResponseHeaders":[],"EndpointProperties":[]}
        ]}
        """;

    [Fact]
    public void A_fingerprinted_route_without_variants_gets_its_labels_variants_with_its_own_caching()
    {
        var completed = StaticAssetCompression.Complete(Manifest, out var added);

        Assert.Equal(2, added);
        var endpoints = JsonNode.Parse(completed)!["Endpoints"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var fingerprinted = endpoints.Where(e => (string?)e["Route"] == "_content/Lib/lib.abc123.css").ToList();
        Assert.Equal(
            ["_content/Lib/lib.css", "_content/Lib/lib.css.br", "_content/Lib/lib.css.gz"],
            fingerprinted.Select(e => (string)e["AssetFile"]!).Order(StringComparer.Ordinal));
        var br = fingerprinted.Single(e => (string?)e["AssetFile"] == "_content/Lib/lib.css.br");
        Assert.Equal("br", (string?)br["Selectors"]![0]!["Value"]);
        Assert.Equal("max-age=31536000, immutable", Header(br, "Cache-Control"));
        Assert.Equal("br", Header(br, "Content-Encoding"));
        Assert.Equal("100", Header(br, "Content-Length"));
        var properties = br["EndpointProperties"]!.AsArray().Select(p => (string)p!["Name"]!).ToList();
        Assert.Equal(["fingerprint", "label", "original-resource"], properties);
        Assert.Equal("Accept-Encoding", Header(fingerprinted.Single(e => (string?)e["AssetFile"] == "_content/Lib/lib.css"), "Vary"));

        // The app's own route already had its variant: untouched (still one br, no gzip copied).
        Assert.Equal(2, endpoints.Count(e => (string?)e["Route"] == "app.f00.css"));
    }

    [Fact]
    public void A_complete_manifest_is_returned_as_it_is()
    {
        var once = StaticAssetCompression.Complete(Manifest, out _);

        var twice = StaticAssetCompression.Complete(once, out var added);

        Assert.Equal(0, added);
        Assert.Same(once, twice);
    }

    private static string? Header(JsonObject endpoint, string name) =>
        endpoint["ResponseHeaders"]!.AsArray().Where(h => (string?)h!["Name"] == name).Select(h => (string?)h!["Value"]).SingleOrDefault();
}
