using System.Globalization;
using System.Text.Json;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Export;
using static EquityDashboard.Infrastructure.Tests.TestSupport;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>The machine contracts (CSV and JSON) over the hand-made dataset of <see cref="FundingSemanticsTests"/>.</summary>
public sealed class ExportContractTests
{
    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Gaps_csv_has_the_exact_header_18_rows_empty_undefined_and_semicolon_flags()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var table = await db.TableAsync(2019);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CsvExport.WriteGaps(table, writer);
        var lines = writer.ToString().Split('\n');

        Assert.Equal("pcode,governorate,region,need,funding_usd,funding_share,need_share,equity_ratio,usd_per_pin,gap_to_parity_usd,orgs,activities,flags", lines[0]);
        Assert.Equal("", lines[^1]); // ends with a line break
        var rows = lines[1..^1].Select(l => l.Split(',')).ToList();
        Assert.Equal(18, rows.Count);
        Assert.All(rows, r => Assert.Equal(13, r.Length));
        Assert.Equal(Enumerable.Range(1, 18).Select(i => $"IQG{i:00}"), rows.Select(r => r[0]).Order(StringComparer.Ordinal));

        var ninewa = rows.Single(r => r[0] == "IQG15");
        Assert.Equal(("Ninewa", "North/Centre", "100000"), (ninewa[1], ninewa[2], ninewa[3]));
        // Unrounded: fs = 6/7, ns = 0.2, r = 30/7, USD/PiN 15, gap -1,150,000; orgs 2, activities 2.
        Assert.Equal(1_500_000m, decimal.Parse(ninewa[4], CultureInfo.InvariantCulture));
        Near(6.0 / 7, D(ninewa[5]));
        Assert.True(ninewa[5].Length > 6, $"funding_share {ninewa[5]} looks rounded");
        Near(0.2, D(ninewa[6]));
        Near(30.0 / 7, D(ninewa[7]));
        Near(15, D(ninewa[8]));
        Near(-1_150_000, D(ninewa[9]));
        Assert.Equal(("2", "2", "over-concentrated"), (ninewa[10], ninewa[11], ninewa[12]));

        // Erbil: r = 0 and 300,000 -> 0: two flags, ';'-separated.
        var erbil = rows.Single(r => r[0] == "IQG11");
        Assert.Equal(["funding-falling", "under-served"], erbil[12].Split(';').Order(StringComparer.Ordinal));

        // Baghdad: no need, no money: need, need share, ratio, USD/PiN and gap are empty; no flags.
        var baghdad = rows.Single(r => r[0] == "IQG08");
        Assert.Equal(["IQG08", "Baghdad", "Baghdad", "", "0", "0", "", "", "", "", "0", "0", ""], baghdad);
    }

    [Fact]
    public async Task Gaps_json_has_the_camelCase_contract_with_nulls_for_undefined()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var table = await db.TableAsync(2019);
        using var doc = JsonDocument.Parse(GapsDocument.From(table).ToJson());
        var root = doc.RootElement;

        Assert.Equal(["year", "scope", "totalFundingUsd", "unallocatedUsd", "totalNeed", "usdPerPin", "gini", "governorates", "regions",
                "countedThroughPooledFund", "baselineNote", "illustrativeTotals", "fundingCoverage"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("baselineNote").ValueKind);   // people in need: no note
        Assert.Empty(root.GetProperty("countedThroughPooledFund").EnumerateArray());
        Assert.Equal(2019, root.GetProperty("year").GetInt32());
        var scope = root.GetProperty("scope");
        Assert.Equal(JsonValueKind.Null, scope.GetProperty("cluster").ValueKind);
        Assert.Equal(JsonValueKind.Null, scope.GetProperty("donor").ValueKind);
        Assert.Equal("pin", scope.GetProperty("baseline").GetString());
        Assert.Equal("all", scope.GetProperty("data").GetString());
        // F 1,750,000; unallocated 600,000; N 500,000; u 3.5; Gini 24/35 (see FundingSemanticsTests).
        Assert.Equal(1_750_000m, root.GetProperty("totalFundingUsd").GetDecimal());
        Assert.Equal(600_000m, root.GetProperty("unallocatedUsd").GetDecimal());
        Assert.Equal(500_000, root.GetProperty("totalNeed").GetInt64());
        Near(3.5, root.GetProperty("usdPerPin").GetDouble());
        Near(24.0 / 35, root.GetProperty("gini").GetDouble());

        var governorates = root.GetProperty("governorates").EnumerateArray().ToList();
        Assert.Equal(18, governorates.Count);
        string[] fields = ["pcode", "governorate", "region", "need", "fundingUsd", "fundingShare", "needShare", "equityRatio",
            "usdPerPin", "gapToParityUsd", "orgs", "activities", "yoyChange", "flags", "illustrative",
            "rawYoyChange", "commonSourcesFundingUsd", "commonSourcesPreviousFundingUsd", "coverageNote"];
        Assert.All(governorates, g => Assert.Equal(fields, g.EnumerateObject().Select(p => p.Name)));

        var anbar = governorates.Single(g => g.GetProperty("pcode").GetString() == "IQG01");
        Assert.Equal("Al-Anbar", anbar.GetProperty("governorate").GetString());
        Near(1.0 / 7, anbar.GetProperty("fundingShare").GetDouble()); // a fraction, not a percentage
        Near(5.0 / 21, anbar.GetProperty("equityRatio").GetDouble());
        Near(1.5, anbar.GetProperty("yoyChange").GetDouble());
        var flag = Assert.Single(anbar.GetProperty("flags").EnumerateArray());
        Assert.Equal(["code", "reason"], flag.EnumerateObject().Select(p => p.Name));
        Assert.Equal("under-served", flag.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(flag.GetProperty("reason").GetString()));

        var baghdad = governorates.Single(g => g.GetProperty("pcode").GetString() == "IQG08");
        foreach (var nullField in new[] { "need", "needShare", "equityRatio", "usdPerPin", "gapToParityUsd", "yoyChange" })
            Assert.True(baghdad.GetProperty(nullField).ValueKind == JsonValueKind.Null, $"Baghdad {nullField} should be null");
        Assert.Empty(baghdad.GetProperty("flags").EnumerateArray());

        var regions = root.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(Regions.All.Order(StringComparer.Ordinal), regions.Select(r => r.GetProperty("region").GetString()!).Order(StringComparer.Ordinal));
        // KRI: orgs distinct across Erbil and Duhok = 2.
        Assert.Equal(2, regions.Single(r => r.GetProperty("region").GetString() == Regions.Kri).GetProperty("orgs").GetInt32());
    }

    [Fact]
    public async Task Trends_csv_has_the_exact_header_and_one_row_per_region_and_year()
    {
        await using var db = await FundingSemanticsTests.CreateDatasetAsync();
        var trends = await db.Equity.GetTrendsAsync();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CsvExport.WriteTrends(trends, writer);
        var lines = writer.ToString().Split('\n');

        Assert.Equal("region,year,funding_usd,need,usd_per_pin,orgs,yoy_change,raw_yoy_change,common_sources_funding_usd,common_sources_previous_funding_usd,sources,sources_started,sources_ended,funding_falling,coverage_note", lines[0]);
        var rows = lines[1..^1].Select(l => l.Split(',')).ToList();
        // Years with data: 2018 (funding), 2019 (all), 2020 (F12): 3 years x 4 regions.
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal(15, r.Length));
        // One source (funding.csv) reports every year: the raw change is the change, and only the first year is a start.
        Assert.All(rows, r => Assert.Equal(r[6], r[7]));
        Assert.All(rows, r => Assert.Equal("funding.csv", r[10]));
        Assert.All(rows, r => Assert.Equal(r[1] == "2018" ? "funding.csv" : string.Empty, r[11]));
        Assert.All(rows.Where(r => r[1] != "2018"), r => Assert.Equal(string.Empty, r[14]));

        // KRI 2019: funding 0, need 100,000 (Erbil), USD/PiN 0, orgs 2, change 300,000 -> 0 = -1.
        var kri = rows.Single(r => r[0] == "KRI" && r[1] == "2019");
        Assert.Equal(("0", "100000", "2"), (kri[2], kri[3], kri[5]));
        Near(0, D(kri[4]));
        Near(-1, D(kri[6]));
        // North/Centre 2018: 2,000,000 + 100,000 = 2,100,000; no 2018 need: need and USD/PiN empty; no 2017: change empty.
        var nc2018 = rows.Single(r => r[0] == "North/Centre" && r[1] == "2018");
        Assert.Equal(["North/Centre", "2018", "2100000", "", "", "0", ""], nc2018[..7]);
    }
}
