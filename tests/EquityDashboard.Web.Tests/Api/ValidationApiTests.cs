using System.Net;
using System.Text.Json;

namespace EquityDashboard.Web.Tests.Api;

/// <summary>Bad query values get a 400 problem+json that names the parameter and what is accepted.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class ValidationApiTests(SeededApp app)
{
    private async Task<JsonElement> BadRequest(string url)
    {
        using var response = await app.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    private static string Error(JsonElement problem, string parameter) =>
        problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!;

    [Theory]
    [InlineData("abc")]
    [InlineData("1800")]
    [InlineData("1989")]
    [InlineData("2101")]
    [InlineData("2019.5")]
    [InlineData("-2019")]
    public async Task A_bad_year_is_refused(string year)
    {
        var problem = await BadRequest($"/api/gaps?year={Uri.EscapeDataString(year)}");

        Assert.Contains($"got '{year}'", Error(problem, "year"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_cluster_is_refused_with_the_clusters_that_exist()
    {
        var clusters = await app.Factory.Equity.ClustersAsync();

        var problem = await BadRequest("/api/gaps?year=2019&cluster=Helth");

        var message = Error(problem, "cluster");
        Assert.Contains("'Helth'", message, StringComparison.Ordinal);
        Assert.NotEmpty(clusters);
        Assert.All(clusters, c => Assert.Contains(c, message, StringComparison.Ordinal));
        Assert.Equal(message, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_donor_region_baseline_or_format_is_refused_all_at_once()
    {
        var problem = await BadRequest("/api/gaps?donor=Nobody%20At%20All&region=Mars&baseline=percapita&format=xml");

        Assert.Contains("'Nobody At All'", Error(problem, "donor"), StringComparison.Ordinal);
        Assert.Contains("South", Error(problem, "region"), StringComparison.Ordinal);
        Assert.Contains("'pin'", Error(problem, "baseline"), StringComparison.Ordinal);
        Assert.Contains("'csv'", Error(problem, "format"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_level_or_governorate_is_refused()
    {
        var problem = await BadRequest("/api/gaps?year=2019&level=county&governorate=Basrra");

        Assert.Equal("level must be 'governorate' or 'district'; got 'county'.", Error(problem, "level"));
        Assert.StartsWith("Unknown governorate 'Basrra'. Did you mean 'Al-Basrah'", Error(problem, "governorate"), StringComparison.Ordinal);

        var briefing = await BadRequest("/api/governorates/IQG02?year=2019&level=x");
        Assert.Contains("got 'x'", Error(briefing, "level"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/gaps?year=2019&data=fake")]
    [InlineData("/api/trends?data=invented")]
    [InlineData("/api/governorates/IQG02?year=2019&data=x")]
    public async Task An_unknown_data_value_is_refused(string url)
    {
        var problem = await BadRequest(url);
        Assert.Contains("'real'", Error(problem, "data"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_trends_year_is_refused()
    {
        var problem = await BadRequest("/api/trends?from=x");

        Assert.Contains("got 'x'", Error(problem, "from"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_not_a_page()
    {
        using var response = await app.Client.GetAsync("/api/gapz");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
