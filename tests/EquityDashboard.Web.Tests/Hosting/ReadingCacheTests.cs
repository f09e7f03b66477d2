using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Web.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests.Hosting;

/// <summary>
/// Caching of what people read: an ETag from the data version answers a repeat view 304; the
/// output cache serves a rendered page again without a cookie; any change to the data, from this
/// app or another process (the CLI), shows at once; answers are compressed; signed-in pages are fresh.
/// </summary>
public sealed partial class ReadingCacheTests : IAsyncLifetime
{
    private readonly EquityAppFactory _factory = new(seed: false);
    private HttpClient _client = null!;
    private int _batch;

    private const string Funding = "year,donor,governorate,amount_usd\n2019,Donor A,Ninewa,1234567\n";

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var need = Path.Combine(_factory.Folder, "need.csv");
        await File.WriteAllTextAsync(need, "year,governorate,people_in_need\n2019,Ninewa,1000\n2019,Basra,1000\n");
        var funding = Path.Combine(_factory.Folder, "funding.csv");
        await File.WriteAllTextAsync(funding, Funding);
        var importer = _factory.Services.GetRequiredService<ImportService>();
        Assert.True((await importer.ImportAsync(new ImportRequest(need) { Kind = RecordKind.Need })).Committed);
        var report = await importer.ImportAsync(new ImportRequest(funding) { Kind = RecordKind.Funding });
        _batch = report.BatchId!.Value;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HttpResponseMessage> GetAsync(string path, string? etag = null, string? encoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (encoding is not null) request.Headers.AcceptEncoding.ParseAdd(encoding);
        return await _client.SendAsync(request);
    }

    private static string ETag(HttpResponseMessage response) => response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("no ETag");

    [Theory]
    [InlineData("/?year=2019")]
    [InlineData("/governorate/IQG15?year=2019")]
    [InlineData("/district/IQG15Q05?year=2019")]
    [InlineData("/api/gaps?year=2019")]
    public async Task A_repeat_view_answers_304_until_the_data_changes(string path)
    {
        using var first = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl?.NoCache, "browsers must ask again each time");
        var etag = ETag(first);
        Assert.StartsWith("W/", etag, StringComparison.Ordinal);

        using var repeat = await GetAsync(path, etag);
        Assert.Equal(HttpStatusCode.NotModified, repeat.StatusCode);
        Assert.Empty(await repeat.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, ETag(repeat));

        // Another address has another ETag.
        using var other = await GetAsync(path + "&data=real");
        Assert.NotEqual(etag, ETag(other));

        // A withdrawal from another process (the CLI on the same database) changes the version at once.
        await using (var cli = _factory.OtherProcess())
            await cli.GetRequiredService<BatchStore>().WithdrawAsync(Actor.Cli(), _batch);
        using var after = await GetAsync(path, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, ETag(after));
    }

    [Fact]
    public async Task A_rendered_page_is_served_again_from_the_cache_without_a_cookie_and_never_stale()
    {
        using var first = await GetAsync("/?year=2019");
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains("1,234,567", html, StringComparison.Ordinal);
        Assert.False(first.Headers.Contains("Set-Cookie"), "a reading page sets no cookie (no antiforgery token: it has no form that posts)");

        using var again = await GetAsync("/?year=2019");
        Assert.True(again.Headers.Age is not null, "served from the output cache");
        Assert.False(again.Headers.Contains("Set-Cookie"), string.Join(" | ", again.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.False(again.Headers.Contains("Pragma"));
        Assert.Equal(Figures(html), Figures(await again.Content.ReadAsStringAsync()));

        // Withdrawn through the web app's own services: the next view is rendered afresh without the money.
        await _factory.Services.GetRequiredService<BatchStore>().WithdrawAsync(new Actor("dm@example.org", Roles.DataManager), _batch);
        using var after = await GetAsync("/?year=2019");
        Assert.Null(after.Headers.Age);
        Assert.DoesNotContain("1,234,567", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enhanced_navigation_gets_its_own_cached_answer_with_its_framing()
    {
        async Task<HttpResponseMessage> EnhancedAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/trends");
            request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
            return await _client.SendAsync(request);
        }
        using var plain = await GetAsync("/trends");
        using var again = await GetAsync("/trends");
        Assert.NotNull(again.Headers.Age);
        Assert.False(again.Headers.Contains("ssr-framing"));

        // A page cached for a full load is not what enhanced navigation gets (without its framing, Blazor would reload the page).
        using var enhanced = await EnhancedAsync();
        Assert.True(enhanced.Headers.Contains("ssr-framing"));
        using var enhancedAgain = await EnhancedAsync();
        Assert.NotNull(enhancedAgain.Headers.Age);
        Assert.Equal(enhanced.Headers.GetValues("ssr-framing"), enhancedAgain.Headers.GetValues("ssr-framing"));
    }

    [Fact]
    public async Task Pages_and_api_answers_are_compressed_and_account_pages_are_not()
    {
        foreach (var path in new[] { "/?year=2019", "/api/gaps?year=2019", "/methodology" })
        {
            using var br = await GetAsync(path, encoding: "br");
            Assert.Equal("br", Assert.Single(br.Content.Headers.ContentEncoding));
            using var gzip = await GetAsync(path, encoding: "gzip");
            Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        }
        using var signIn = await GetAsync("/account/sign-in", encoding: "br");
        Assert.Empty(signIn.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_signed_in_reader_gets_a_fresh_page_with_an_etag_of_their_own()
    {
        var accounts = _factory.Services.GetRequiredService<Infrastructure.Accounts.AccountService>();
        await accounts.AddAsync(new Actor("setup", Roles.Admin), "viewer@example.org", Roles.Viewer, null, "a long enough password");
        var token = await accounts.CreateTokenAsync(new Actor("setup", Roles.Admin), "viewer@example.org", "tests");

        using var anonymous = await GetAsync("/api/gaps?year=2019");
        async Task<HttpResponseMessage> SignedInAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/gaps?year=2019");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await _client.SendAsync(request);
        }
        using var first = await SignedInAsync();
        using var second = await SignedInAsync();
        Assert.NotEqual(ETag(anonymous), ETag(first));
        Assert.Equal(ETag(first), ETag(second));
        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task A_reading_page_carries_its_figures_and_nothing_a_circuit_would_need()
    {
        foreach (var path in new[] { "/?year=2019", "/?year=2019&map=districts", "/trends", "/governorate/IQG15?year=2019", "/district/IQG15Q05?year=2019", "/methodology" })
        {
            using var page = await GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            // No persisted component state (a circuit's to resume from) and none of MudBlazor's styles or scripts.
            Assert.DoesNotContain("Component-State", html, StringComparison.Ordinal);
            Assert.DoesNotContain("MudBlazor", html, StringComparison.Ordinal);
            Assert.DoesNotContain("class=\"mud-", html, StringComparison.Ordinal);
            Assert.Contains("app.", html, StringComparison.Ordinal);
        }

        // The Data page runs on a circuit: it gets MudBlazor, the theme and the state to resume from.
        using var data = await GetAsync("/data");
        var dataHtml = await data.Content.ReadAsStringAsync();
        Assert.Contains("MudBlazor.min", dataHtml, StringComparison.Ordinal);
        Assert.Contains("theme.", dataHtml, StringComparison.Ordinal);
        Assert.Contains("<!--Blazor-Server-Component-State:", dataHtml, StringComparison.Ordinal);
    }

    private static List<string> Figures(string html) => Money().Matches(html).Select(m => m.Value).ToList();

    [GeneratedRegex(@"USD [0-9][0-9,.]*( M)?")]
    private static partial Regex Money();
}
