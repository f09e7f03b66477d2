using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EquityDashboard.Web.Tests.Api;

namespace EquityDashboard.Web.Tests.Hosting;

/// <summary>
/// Error answers in Production: no stack trace, exception text or server path, whether the
/// database broke under /healthz or under the API.
/// </summary>
public sealed class ErrorAnswerTests
{
    [Fact]
    public async Task Healthz_on_an_unusable_database_says_unhealthy_and_nothing_more()
    {
        await using var factory = new EquityAppFactory(seed: false, environment: "Production");
        using var client = factory.CreateClient();
        await factory.BreakDatabaseAsync();

        using var response = await client.GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", body);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    public async Task An_api_failure_is_a_bare_problem_json_500(string accept)
    {
        await using var factory = new EquityAppFactory(seed: false, environment: "Production");
        using var client = factory.CreateClient();
        await factory.BreakDatabaseAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/gaps?year=2019");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("An unexpected error occurred.", problem.RootElement.GetProperty("title").GetString());
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _), body);
        AssertNothingInternal(body, factory);
        // The failure itself is in the log, for the operator.
        Assert.Contains(factory.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task A_page_failure_shows_the_error_page_without_details()
    {
        await using var factory = new EquityAppFactory(seed: false, environment: "Production");
        using var client = factory.CreateClient();
        await factory.BreakDatabaseAsync();

        using var response = await client.GetAsync("/trends");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("An error occurred while processing your request.", body);
        AssertNothingInternal(body, factory);
        Assert.NotNull(response.Headers.GetValues("Content-Security-Policy").SingleOrDefault());
    }

    private static void AssertNothingInternal(string body, EquityAppFactory factory)
    {
        Assert.DoesNotContain(factory.Folder, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(EquityAppFactory.RepoRoot, body, StringComparison.Ordinal);
    }

}
