using System.Net;
using System.Text.Json;

namespace EquityDashboard.Web.Tests.Api;

[Collection(SeededAppCollection.Name)]
public sealed class OpenApiTests(SeededApp app)
{
    [Fact]
    public async Task The_document_lists_the_api_with_summaries_and_response_types()
    {
        using var doc = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/gaps", "/api/trends", "/api/governorates/{pcode}" })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()), path);
            var ok = get.GetProperty("responses").GetProperty("200").GetProperty("content");
            Assert.True(ok.GetProperty("application/json").TryGetProperty("schema", out _), path);
            Assert.True(get.GetProperty("responses").TryGetProperty("400", out _), path);
        }
        Assert.True(paths.GetProperty("/api/gaps").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").TryGetProperty("text/csv", out _));
        var parameters = paths.GetProperty("/api/gaps").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        var year = parameters.Single(p => p.GetProperty("name").GetString() == "year");
        Assert.Equal("integer", year.GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal(1990, year.GetProperty("schema").GetProperty("minimum").GetInt32());
        Assert.Equal(2100, year.GetProperty("schema").GetProperty("maximum").GetInt32());
        Assert.Equal(["pin", "population", "idps"], Choices(parameters, "baseline"));
        Assert.Equal(["governorate", "district"], Choices(parameters, "level"));
        Assert.Contains(parameters, p => p.GetProperty("name").GetString() == "governorate");
    }

    private static List<string?> Choices(List<JsonElement> parameters, string name) =>
        parameters.Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema").GetProperty("enum")
            .EnumerateArray().Select(v => v.GetString()).ToList();
}

/// <summary>/healthz on a working database, and on one that became unusable after start-up.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task A_working_database_is_healthy()
    {
        await using var factory = new EquityAppFactory(seed: false);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unusable_database_is_unhealthy_with_503()
    {
        await using var factory = new EquityAppFactory(seed: false);
        using var client = factory.CreateClient();

        await factory.BreakDatabaseAsync();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
