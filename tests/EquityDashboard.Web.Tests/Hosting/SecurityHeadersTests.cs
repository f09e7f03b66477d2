using System.Net;
using System.Text.RegularExpressions;
using EquityDashboard.Web.Tests.Api;

namespace EquityDashboard.Web.Tests.Hosting;

/// <summary>The security headers on a page, an API answer and a static file, and what the policy allows.</summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class SecurityHeadersTests(SeededApp app)
{
    [Fact]
    public async Task A_page_an_api_answer_and_a_static_file_carry_the_headers()
    {
        using var page = await app.Client.GetAsync("/methodology");
        var html = await page.Content.ReadAsStringAsync();
        var stylesheet = StylesheetHref().Match(html);
        Assert.True(stylesheet.Success, "the page links app.css");
        using var api = await app.Client.GetAsync("/api/gaps?year=2019");
        using var asset = await app.Client.GetAsync("/" + stylesheet.Groups[1].Value);

        foreach (var (what, response) in new[] { ("page", page), ("api", api), ("static file", asset) })
        {
            Assert.True(response.IsSuccessStatusCode, $"{what}: {response.StatusCode}");
            var headers = response.Headers;
            Assert.Equal("nosniff", Single(headers, "X-Content-Type-Options"));
            Assert.Equal("strict-origin-when-cross-origin", Single(headers, "Referrer-Policy"));
            // Blazor's own SAMEORIGIN / frame-ancestors 'self' must not win on pages.
            Assert.Equal("DENY", Single(headers, "X-Frame-Options"));
            var csp = Directives(Single(headers, "Content-Security-Policy"));
            Assert.Equal("'self'", csp["default-src"]);
            Assert.Equal("'self'", csp["script-src"]);
            Assert.Equal("'self'", csp["connect-src"]);
            Assert.Equal("'self' data:", csp["img-src"]);
            Assert.Equal("'self'", csp["font-src"]);
            Assert.Equal("'none'", csp["frame-ancestors"]);
            Assert.Equal("'self'", csp["base-uri"]);
            Assert.Equal("'self'", csp["form-action"]);
            Assert.Equal("'none'", csp["object-src"]);
            Assert.Equal("'self' 'unsafe-inline'", csp["style-src"]);
        }
    }

    [Fact]
    public async Task Account_pages_and_answers_about_accounts_are_never_stored()
    {
        foreach (var path in new[] { "/account/sign-in", "/account/profile", "/admin/audit", "/api/batches", "/api/audit" })
        {
            using var response = await app.Client.GetAsync(path);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} ({response.StatusCode}): {response.Headers.CacheControl}");
        }
        using var reading = await app.Client.GetAsync("/api/gaps?year=2019");
        Assert.False(reading.Headers.CacheControl?.NoStore == true, "the figures may be cached");
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_inline_event_handler()
    {
        foreach (var path in new[] { "/", "/trends", "/governorate/IQG02", "/methodology", "/data" })
        {
            var html = await app.Client.GetStringAsync(path);
            foreach (Match script in ScriptTag().Matches(html))
                Assert.True(script.Groups["attrs"].Value.Contains("src=", StringComparison.Ordinal), $"{path}: inline script {script.Value}");
            Assert.DoesNotMatch(InlineHandler(), html);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Plain_http_is_not_redirected_and_gets_no_hsts_in_development()
    {
        using var response = await app.Client.GetAsync("/api/gaps?year=2019");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Single(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        Assert.Single(headers.GetValues(name));

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty);

    [GeneratedRegex("""<link rel="stylesheet" href="(app\.[^"]*css)"[^>]*>""")]
    private static partial Regex StylesheetHref();

    [GeneratedRegex("""<script(?<attrs>[^>]*)>""")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("""\son[a-z]+\s*=\s*["']""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
