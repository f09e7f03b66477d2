using System.Globalization;
using System.Net;
using System.Text.Json;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Export;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Web.Tests.Api;

/// <summary>/api/gaps against the equity table computed by EquityService on the same seeded database.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class GapsApiTests(SeededApp app)
{
    private async Task<string> ExpectedJson(EquityScope scope) =>
        GapsDocument.From(await app.Factory.Equity.GetTableAsync(scope)).ToJson();

    [Fact]
    public async Task Json_is_the_gaps_document_of_the_same_scope()
    {
        using var response = await app.Client.GetAsync("/api/gaps?year=2019");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await ExpectedJson(new EquityScope(2019)), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task At_governorate_level_a_governorate_changes_no_figure()
    {
        using var response = await app.Client.GetAsync("/api/gaps?year=2019&level=Governorate&governorate=Basra");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await ExpectedJson(new EquityScope(2019)), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Data_real_gives_the_real_figures_only_table()
    {
        var real = new EquityScope(2019, RealOnly: true);
        using var response = await app.Client.GetAsync("/api/gaps?year=2019&data=real");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(await ExpectedJson(real), body);
        Assert.NotEqual(await ExpectedJson(new EquityScope(2019)), body);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("real", doc.RootElement.GetProperty("scope").GetProperty("data").GetString());
        Assert.Equal((await app.Factory.Equity.GetTableAsync(real)).TotalFundingUsd, doc.RootElement.GetProperty("totalFundingUsd").GetDecimal());
    }

    [Fact]
    public async Task Json_lists_every_governorate_with_figures_from_the_table()
    {
        var table = await app.Factory.Equity.GetTableAsync(new EquityScope(2019));
        using var doc = JsonDocument.Parse(await app.Client.GetStringAsync("/api/gaps?year=2019"));
        var rows = doc.RootElement.GetProperty("governorates").EnumerateArray().ToList();

        Assert.Equal(18, rows.Count);
        foreach (var expected in table.Governorates)
        {
            var row = rows.Single(r => r.GetProperty("pcode").GetString() == expected.Key);
            Assert.Equal(expected.FundingUsd, row.GetProperty("fundingUsd").GetDecimal());
            Assert.Equal(expected.EquityRatio, row.GetProperty("equityRatio").ValueKind == JsonValueKind.Null
                ? null : row.GetProperty("equityRatio").GetDouble());
            Assert.Equal(expected.Flags.Select(f => f.Code),
                row.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        }
    }

    [Fact]
    public async Task Cluster_donor_region_and_baseline_narrow_the_scope_like_the_cli()
    {
        var equity = app.Factory.Equity;
        var cluster = (await equity.ClustersAsync()).First();
        var donor = (await equity.DonorsAsync()).First();
        var url = $"/api/gaps?year=2019&cluster={Uri.EscapeDataString(cluster.ToUpperInvariant())}"
            + $"&donor={Uri.EscapeDataString(donor.ToLowerInvariant())}&region=south&baseline=population";

        var json = await app.Client.GetStringAsync(url);

        Assert.Equal(await ExpectedJson(new EquityScope(2019, cluster, donor, Regions.South, Baseline.Population)), json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(cluster, doc.RootElement.GetProperty("scope").GetProperty("cluster").GetString());
        Assert.All(doc.RootElement.GetProperty("governorates").EnumerateArray(),
            g => Assert.Equal(Regions.South, g.GetProperty("region").GetString()));
    }

    [Fact]
    public async Task The_idps_baseline_is_echoed_with_the_list_and_round_it_reads()
    {
        var json = await app.Client.GetStringAsync("/api/gaps?year=2021&baseline=IDPs&cluster=health");

        var cluster = (await app.Factory.Equity.ClustersAsync()).Single(c => c.Equals("health", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(await ExpectedJson(new EquityScope(2021, cluster, Baseline: Baseline.Idps)), json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("idps", doc.RootElement.GetProperty("scope").GetProperty("baseline").GetString());
        var note = doc.RootElement.GetProperty("baselineNote").GetString();
        Assert.StartsWith("IDPs: IOM DTM Iraq IDP master list, round 123 (2021) (batch ", note, StringComparison.Ordinal);
        Assert.EndsWith($"IDPs are not counted per cluster: {cluster}'s funding and presence are set against all IDPs, the same figure as for every cluster.",
            note, StringComparison.Ordinal);
        // The same IDPs as all clusters.
        using var all = JsonDocument.Parse(await app.Client.GetStringAsync("/api/gaps?year=2021&baseline=idps"));
        Assert.Equal(all.RootElement.GetProperty("totalNeed").GetInt64(), doc.RootElement.GetProperty("totalNeed").GetInt64());
        Assert.True(doc.RootElement.GetProperty("totalNeed").GetInt64() > 0);
    }

    [Fact]
    public async Task Without_a_year_the_configured_default_year_else_the_latest_complete_year_is_used()
    {
        var options = app.Factory.Services.GetRequiredService<IOptions<EquityOptions>>().Value;
        var year = options.DefaultYear ?? await app.Factory.Equity.LatestCompleteYearAsync();
        Assert.NotNull(year);

        var json = await app.Client.GetStringAsync("/api/gaps");

        Assert.Equal(await ExpectedJson(new EquityScope(year.Value)), json);
    }

    [Fact]
    public async Task Csv_has_the_contract_header_and_one_row_per_governorate_of_the_table()
    {
        var table = await app.Factory.Equity.GetTableAsync(new EquityScope(2019));

        using var response = await app.Client.GetAsync("/api/gaps?year=2019&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("gaps-2019.csv", response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "pcode,governorate,region,need,funding_usd,funding_share,need_share,equity_ratio,usd_per_pin,gap_to_parity_usd,orgs,activities,flags",
            lines[0]);
        Assert.Equal(table.Governorates.Count, lines.Length - 1);
        var header = lines[0].Split(',');
        foreach (var line in lines.Skip(1))
        {
            // No governorate name holds a comma or quote, so a plain split is exact here.
            var row = header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second);
            var expected = table.Governorates.Single(g => g.Key == row["pcode"]);
            Assert.Equal(expected.Name, row["governorate"]);
            Assert.Equal(expected.FundingUsd, decimal.Parse(row["funding_usd"], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Need, row["need"].Length == 0 ? null : long.Parse(row["need"], CultureInfo.InvariantCulture));
            Assert.Equal(string.Join(';', expected.Flags.Select(f => f.Code)), row["flags"]);
        }
    }

    [Fact]
    public async Task An_export_is_logged_with_its_scope_row_count_and_time()
    {
        await app.Client.GetStringAsync("/api/gaps?year=2019&region=KRI&format=csv");
        var kriRows = (await app.Factory.Equity.GetTableAsync(new EquityScope(2019, Region: Regions.Kri))).Governorates.Count;

        var entry = app.Factory.Logs.Entries.Last(e => e.EventId.Id == 1000 && e.Values["Format"] is "csv"
            && ((string)e.Values["Scope"]!).Contains("region KRI", StringComparison.Ordinal));
        Assert.Equal("gaps", entry.Values["Export"]);
        Assert.Equal(kriRows, entry.Values["Rows"]);
        Assert.IsType<long>(entry.Values["ElapsedMs"]);
        Assert.Contains("{Rows} rows in {ElapsedMs} ms", (string)entry.Values["{OriginalFormat}"]!, StringComparison.Ordinal);
    }
}
