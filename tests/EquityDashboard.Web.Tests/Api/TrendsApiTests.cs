using System.Net;
using System.Text.Json;
using EquityDashboard.Infrastructure.Export;

namespace EquityDashboard.Web.Tests.Api;

/// <summary>/api/trends against EquityService.GetTrendsAsync on the same seeded database.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class TrendsApiTests(SeededApp app)
{
    [Fact]
    public async Task Json_is_the_trends_document_of_the_same_years()
    {
        var rows = await app.Factory.Equity.GetTrendsAsync(2017, 2020);

        using var response = await app.Client.GetAsync("/api/trends?from=2017&to=2020");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(TrendsDocument.ToJson(rows), json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(4 * 4, doc.RootElement.GetArrayLength()); // four regions in each of four years
    }

    [Fact]
    public async Task A_cluster_limits_the_trends()
    {
        var cluster = (await app.Factory.Equity.ClustersAsync()).Last();
        var rows = await app.Factory.Equity.GetTrendsAsync(2018, 2019, cluster);

        var json = await app.Client.GetStringAsync($"/api/trends?from=2018&to=2019&cluster={Uri.EscapeDataString(cluster)}");

        Assert.Equal(TrendsDocument.ToJson(rows), json);
    }

    [Fact]
    public async Task Csv_has_the_contract_header_and_the_rows()
    {
        var rows = await app.Factory.Equity.GetTrendsAsync(2019, 2020);

        using var response = await app.Client.GetAsync("/api/trends?from=2019&to=2020&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("trends-2019-2020.csv", response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("region,year,funding_usd,need,usd_per_pin,orgs,yoy_change,raw_yoy_change,common_sources_funding_usd,common_sources_previous_funding_usd,sources,sources_started,sources_ended,funding_falling,coverage_note", lines[0]);
        Assert.Equal(rows.Select(r => $"{r.Region},{r.Year}"), lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));
    }

    [Fact]
    public async Task From_after_to_is_a_bad_request()
    {
        using var response = await app.Client.GetAsync("/api/trends?from=2020&to=2018");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("from 2020 is after to 2018", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
