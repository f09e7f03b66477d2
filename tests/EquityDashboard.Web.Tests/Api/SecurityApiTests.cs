using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Accounts;
using EquityDashboard.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests.Api;

/// <summary>
/// Every state-changing endpoint over the real HTTP pipeline: anonymous callers get 401 and viewers
/// 403, as problem+json, and the right role succeeds; a cluster-limited data manager is refused rows
/// of other clusters with nothing written; each change is audited once, with the user.
/// </summary>
public sealed class SecurityApiTests : IAsyncLifetime
{
    private readonly EquityAppFactory _factory = new(seed: false);
    private HttpClient _client = null!;
    private readonly Dictionary<string, string> _tokens = [];

    private const string FundingCsv = "year,donor,cluster,governorate,amount_usd\n2019,Donor A,Health,Ninewa,1000\n2019,Donor A,WASH,Basra,500\n";

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var accounts = _factory.Services.GetRequiredService<AccountService>();
        var admin = new Actor("setup", Roles.Admin);
        foreach (var (email, role, clusters) in new[]
                 {
                     ("viewer@example.org", Roles.Viewer, (string[]?)null),
                     ("dm@example.org", Roles.DataManager, null),
                     ("health@example.org", Roles.DataManager, ["Health"]),
                     ("admin@example.org", Roles.Admin, null),
                 })
        {
            await accounts.AddAsync(admin, email, role, clusters, "a long enough password");
            _tokens[email] = await accounts.CreateTokenAsync(admin, email, "tests");
        }
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? who, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (who is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[who]);
        return await _client.SendAsync(request);
    }

    private static MultipartFormDataContent File(string csv, string name = "funding.csv")
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name);
        return form;
    }

    private async Task<List<AuditEvent>> AuditAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContextAsync();
        return await db.Audit.OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<int> BatchCountAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<EquityDbContext>>().CreateDbContextAsync();
        return await db.Batches.CountAsync();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, doc.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Every_change_refuses_anonymous_callers_and_viewers_and_writes_nothing()
    {
        var requests = new (HttpMethod Method, string Url, Func<HttpContent?> Content)[]
        {
            (HttpMethod.Post, "/api/imports", () => File(FundingCsv)),
            (HttpMethod.Delete, "/api/batches/1", () => null),
            (HttpMethod.Post, "/api/batches/1/restore", () => null),
            (HttpMethod.Get, "/api/audit", () => null),
        };
        foreach (var (method, url, content) in requests)
        {
            await AssertProblemAsync(await SendAsync(method, url, null, content()), HttpStatusCode.Unauthorized);
            await AssertProblemAsync(await SendAsync(method, url, "viewer@example.org", content()), HttpStatusCode.Forbidden);
        }
        // A data manager may not restore or read the audit trail either.
        await AssertProblemAsync(await SendAsync(HttpMethod.Post, "/api/batches/1/restore", "dm@example.org"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await SendAsync(HttpMethod.Get, "/api/audit", "dm@example.org"), HttpStatusCode.Forbidden);
        // A made-up token is no one.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/audit");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccountService.TokenPrefix + "not-a-real-token");
        await AssertProblemAsync(await _client.SendAsync(forged), HttpStatusCode.Unauthorized);

        Assert.Equal(0, await BatchCountAsync());
        Assert.DoesNotContain(await AuditAsync(), e => e.Action is AuditActions.Import or AuditActions.Withdraw or AuditActions.Restore);
    }

    [Fact]
    public async Task An_import_marked_illustrative_is_listed_as_illustrative()
    {
        var created = await SendAsync(HttpMethod.Post, "/api/imports?illustrative=true", "dm@example.org", File(FundingCsv));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var list = JsonDocument.Parse(await (await SendAsync(HttpMethod.Get, "/api/batches", null)).Content.ReadAsStringAsync());
        Assert.True(Assert.Single(list.RootElement.EnumerateArray()).GetProperty("illustrative").GetBoolean());
    }

    [Fact]
    public async Task A_data_manager_imports_and_withdraws_and_an_admin_restores_each_audited_once()
    {
        var dry = await SendAsync(HttpMethod.Post, "/api/imports?dryRun=true", "dm@example.org", File(FundingCsv));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Equal(0, await BatchCountAsync());

        var created = await SendAsync(HttpMethod.Post, "/api/imports?source=Test%20funding", "dm@example.org", File(FundingCsv));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var report = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = report.RootElement.GetProperty("batchId").GetInt32();
        var before = await _client.GetStringAsync("/api/gaps?year=2019");

        using (var list = JsonDocument.Parse(await (await SendAsync(HttpMethod.Get, "/api/batches", null)).Content.ReadAsStringAsync()))
        {
            var batch = Assert.Single(list.RootElement.EnumerateArray());
            Assert.Equal("dm@example.org", batch.GetProperty("importedBy").GetString());
            Assert.Equal("in-use", batch.GetProperty("status").GetString());
            Assert.False(batch.GetProperty("illustrative").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Delete, $"/api/batches/{id}", "dm@example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Delete, $"/api/batches/{id}", "dm@example.org")).StatusCode);
        Assert.NotEqual(before, await _client.GetStringAsync("/api/gaps?year=2019"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/batches/{id}/restore", "admin@example.org")).StatusCode);
        Assert.Equal(before, await _client.GetStringAsync("/api/gaps?year=2019"));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, "/api/batches/999", "dm@example.org")).StatusCode);

        var changes = (await AuditAsync()).Where(e => e.BatchId == id).Select(e => (e.Action, e.Actor)).ToList();
        Assert.Equal([(AuditActions.Import, "dm@example.org"), (AuditActions.Withdraw, "dm@example.org"), (AuditActions.Restore, "admin@example.org")], changes);

        var csv = await (await SendAsync(HttpMethod.Get, "/api/audit?format=csv&action=withdraw", "admin@example.org")).Content.ReadAsStringAsync();
        var lines = csv.TrimEnd().Split('\n');
        Assert.Equal("id,at_utc,actor,action,batch_id,details", lines[0]);
        Assert.Contains(",dm@example.org,withdraw," + id + ",", Assert.Single(lines[1..]), StringComparison.Ordinal);
        var bad = await SendAsync(HttpMethod.Get, "/api/audit?from=yesterday", "admin@example.org");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_cluster_limited_data_manager_is_refused_another_clusters_rows_with_nothing_written()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/imports", "health@example.org", File(FundingCsv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("this file also holds rows of WASH (1 row)", report.RootElement.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await BatchCountAsync());

        var own = await SendAsync(HttpMethod.Post, "/api/imports", "health@example.org",
            File("year,donor,cluster,governorate,amount_usd\n2019,Donor A,Health,Ninewa,1000\n", "health.csv"));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_the_limit()
    {
        var big = new string('x', 2 * 1024 * 1024);
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("Equity:MaxUploadMegabytes", "1"));
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = File("year,donor\n" + big) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens["dm@example.org"]);
        var response = await client.SendAsync(request);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger than the limit of 1 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_past_the_limit_per_minute_are_refused_for_that_person_only()
    {
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("Access:UploadsPerMinute", "2"));
        using var client = factory.CreateClient();
        async Task<HttpResponseMessage> UploadAsync(string who)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports?dryRun=true") { Content = File(FundingCsv) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[who]);
            return await client.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync("dm@example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync("dm@example.org")).StatusCode);
        var third = await UploadAsync("dm@example.org");
        await AssertProblemAsync(third, HttpStatusCode.TooManyRequests);
        Assert.Contains("wait a minute", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync("admin@example.org")).StatusCode);
        Assert.Equal(0, await BatchCountAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_bearer_scheme()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var scheme = doc.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }
}
