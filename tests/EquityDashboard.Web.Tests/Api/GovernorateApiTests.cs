using System.Net;
using System.Text.Json;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Export;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests.Api;

/// <summary>/api/governorates/{pcode} against the equity table and BreakdownService on the same seeded database.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class GovernorateApiTests(SeededApp app)
{
    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    [Fact]
    public async Task Figures_equal_the_governorates_row_of_the_table()
    {
        var row = (await app.Factory.Equity.GetTableAsync(new EquityScope(2019))).Governorates.Single(g => g.Key == "IQG02");

        using var response = await app.Client.GetAsync("/api/governorates/IQG02?year=2019");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal("IQG02", root.GetProperty("pcode").GetString());
        Assert.Equal(row.Name, root.GetProperty("governorate").GetString());
        Assert.Equal(2019, root.GetProperty("year").GetInt32());
        var figures = root.GetProperty("figures");
        Assert.Equal(row.Need, figures.GetProperty("need").GetInt64());
        Assert.Equal(row.FundingUsd, figures.GetProperty("fundingUsd").GetDecimal());
        Assert.Equal(row.FundingShare, Number(figures.GetProperty("fundingShare")));
        Assert.Equal(row.NeedShare, Number(figures.GetProperty("needShare")));
        Assert.Equal(row.EquityRatio, Number(figures.GetProperty("equityRatio")));
        Assert.Equal(row.GapToParityUsd, Number(figures.GetProperty("gapToParityUsd")));
        Assert.Equal(row.Orgs, figures.GetProperty("orgs").GetInt32());
        Assert.Equal(row.Flags.Select(f => f.Code), figures.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Donor_flows_add_up_to_the_governorates_funding()
    {
        using var doc = JsonDocument.Parse(await app.Client.GetStringAsync("/api/governorates/IQG15?year=2019"));

        var funding = doc.RootElement.GetProperty("figures").GetProperty("fundingUsd").GetDecimal();
        var donors = doc.RootElement.GetProperty("donors").EnumerateArray().Sum(d => d.GetProperty("fundingUsd").GetDecimal());
        Assert.True(funding > 0);
        Assert.InRange(donors, funding - 0.01m, funding + 0.01m);
    }

    [Fact]
    public async Task Json_is_the_document_of_the_breakdown_service()
    {
        var breakdown = app.Factory.Services.GetRequiredService<BreakdownService>();
        var detail = await breakdown.GovernorateAsync("IQG08", new EquityScope(2019, Baseline: Baseline.Population));

        var json = await app.Client.GetStringAsync("/api/governorates/IQG08?year=2019&baseline=population");

        Assert.Equal(GovernorateDetailDocument.From(detail!).ToJson(), json);
    }

    [Theory]
    [InlineData("Basra")]
    [InlineData("al-basrah")]
    [InlineData("البصرة")]
    [InlineData("iqg02")]
    public async Task A_governorate_name_resolves_to_its_pcode(string name)
    {
        using var doc = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/governorates/{Uri.EscapeDataString(name)}?year=2019"));

        Assert.Equal("IQG02", doc.RootElement.GetProperty("pcode").GetString());
    }

    [Fact]
    public async Task An_unknown_governorate_is_not_found_with_suggestions()
    {
        using var response = await app.Client.GetAsync("/api/governorates/Basrra");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("'Basrra'", doc.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Al-Basrah", doc.RootElement.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_bad_year_for_a_governorate_is_a_bad_request()
    {
        using var response = await app.Client.GetAsync("/api/governorates/IQG02?year=twenty");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'twenty'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
