using System.Globalization;
using System.Net;
using System.Text.Json;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests.Api;

/// <summary>
/// <c>/api/gaps?level=district</c> on a small hand-made database; every expected figure is worked out
/// by hand from the rows below (2021):
/// funding Al-Mosul 600,000, Telafar 200,000, Ninewa without district 200,000; Al-Hawiga 500,000, Kirkuk
/// without district 500,000. People in need Al-Mosul 200,000, Telafar 300,000, Sinjar 100,000, Ninewa
/// without district 400,000; Al-Hawiga 250,000, Kirkuk without district 250,000. Presence: Org A in
/// Al-Mosul and Telafar, Org B in Al-Mosul, Org C in Ninewa without district. IDPs: Al-Mosul 1,200,
/// Sinjar 800, Ninewa without district 40.
/// </summary>
public sealed class DistrictGapsApiTests : IAsyncLifetime
{
    private const string Mosul = "IQG15Q05", Telafar = "IQG15Q08", Sinjar = "IQG15Q07", Hawiga = "IQG13Q01";

    private readonly EquityAppFactory _factory = new(seed: false);
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        var importer = _factory.Services.GetRequiredService<ImportService>();
        async Task Import(string name, RecordKind kind, params string[] lines)
        {
            var path = Path.Combine(_factory.Folder, name);
            await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n");
            var report = await importer.ImportAsync(new ImportRequest(path) { Kind = kind });
            Assert.True(report.Committed, string.Join("; ", report.Errors.Select(e => e.ToString())));
        }
        await Import("funding.csv", RecordKind.Funding,
            "year,donor,governorate,district,amount_usd",
            "2021,Donor A,Ninewa,Al-Mosul,600000",
            "2021,Donor B,Ninewa,Telafar,200000",
            "2021,Donor B,Ninewa,,200000",
            "2021,Donor A,Kirkuk,Al-Hawiga,500000",
            "2021,Donor A,Kirkuk,,500000");
        await Import("need.csv", RecordKind.Need,
            "year,governorate,district,people_in_need",
            "2021,Ninewa,Al-Mosul,200000",
            "2021,Ninewa,Telafar,300000",
            "2021,Ninewa,Sinjar,100000",
            "2021,Ninewa,,400000",
            "2021,Kirkuk,Al-Hawiga,250000",
            "2021,Kirkuk,,250000");
        await Import("presence.csv", RecordKind.Presence,
            "year,organisation,cluster,governorate,district,activity",
            "2021,Org A,Health,Ninewa,Al-Mosul,Clinics",
            "2021,Org A,Health,Ninewa,Telafar,Clinics",
            "2021,Org B,WASH,Ninewa,Al-Mosul,Water",
            "2021,Org C,WASH,Ninewa,,Water");
        await Import("idps.csv", RecordKind.Displacement,
            "year,governorate,district,location,idps",
            "2021,Ninewa,Al-Mosul,Hay Al-Zahraa,1200",
            "2021,Ninewa,Sinjar,Sinuni,800",
            "2021,Ninewa,,Unnamed camp,40");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    private static JsonElement District(JsonElement root, string pcode) =>
        root.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("pcode").GetString() == pcode);

    private static double? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    private static void Near(double expected, double? actual, string what) =>
        Assert.True(actual is { } a && Math.Abs(a - expected) < 1e-9 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");

    [Fact]
    public async Task Inside_a_governorate_named_in_any_spelling_the_districts_have_shares_of_its_figures_that_name_one()
    {
        var root = await JsonAsync("/api/gaps?year=2021&level=district&governorate=Ninawa");

        Assert.Equal("district", root.GetProperty("level").GetString());
        Assert.Equal("IQG15", root.GetProperty("governorate").GetProperty("pcode").GetString());
        Assert.Equal("Ninewa", root.GetProperty("governorate").GetProperty("name").GetString());
        Assert.Equal(9, root.GetProperty("districts").GetArrayLength());
        Assert.All(root.GetProperty("districts").EnumerateArray(), d => Assert.Equal("IQG15", d.GetProperty("parentPcode").GetString()));
        Assert.Equal(800_000m, root.GetProperty("totalFundingUsd").GetDecimal());
        Assert.Equal(600_000, root.GetProperty("totalNeed").GetInt64());
        Assert.Equal(1_000_000m, root.GetProperty("scopeFundingUsd").GetDecimal());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("unallocatedUsd").ValueKind);

        // u = 800,000 / 600,000; Al-Mosul: 600,000 of 800,000 for 200,000 of 600,000.
        var mosul = District(root, Mosul);
        Assert.Equal("Al-Mosul", mosul.GetProperty("name").GetString());
        Assert.Equal("الموصل", mosul.GetProperty("nameAr").GetString());
        Assert.Equal("Ninewa", mosul.GetProperty("parentName").GetString());
        Assert.Equal(600_000m, mosul.GetProperty("fundingUsd").GetDecimal());
        Assert.Equal(200_000, mosul.GetProperty("need").GetInt64());
        Assert.Equal(1_200, mosul.GetProperty("idps").GetInt64());
        Assert.Equal(2, mosul.GetProperty("orgs").GetInt32());
        Near(0.75, Number(mosul, "fundingShare"), "funding share");
        Near(1.0 / 3, Number(mosul, "needShare"), "need share");
        Near(2.25, Number(mosul, "equityRatio"), "equity ratio");
        Near(3, Number(mosul, "usdPerPin"), "USD per person in need");
        Near(200_000 * (800_000 / 600_000.0) - 600_000, Number(mosul, "gapToParityUsd"), "gap to parity");
        var flag = Assert.Single(mosul.GetProperty("flags").EnumerateArray());
        Assert.Equal("over-concentrated", flag.GetProperty("code").GetString());
        Assert.Contains("Ninewa's figures by district", flag.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var telafar = District(root, Telafar);
        Near(0.5, Number(telafar, "equityRatio"), "Telafar ratio");          // 0.25 / 0.5
        Near(300_000 * (800_000 / 600_000.0) - 200_000, Number(telafar, "gapToParityUsd"), "Telafar gap");
        var sinjar = District(root, Sinjar);
        Assert.Equal(800, sinjar.GetProperty("idps").GetInt64());
        Assert.Equal(["under-served", "no-presence"], sinjar.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        var aqra = District(root, "IQG15Q01");                               // nothing recorded
        Assert.Equal(JsonValueKind.Null, aqra.GetProperty("need").ValueKind);
        Assert.Equal(JsonValueKind.Null, aqra.GetProperty("equityRatio").ValueKind);
        Assert.Equal(JsonValueKind.Null, aqra.GetProperty("idps").ValueKind);

        var ns = Assert.Single(root.GetProperty("notSpecified").EnumerateArray());
        Assert.Equal("IQG15", ns.GetProperty("governoratePcode").GetString());
        Assert.Equal(200_000m, ns.GetProperty("fundingUsd").GetDecimal());
        Assert.Equal(400_000, ns.GetProperty("need").GetInt64());
        Assert.Equal(40, ns.GetProperty("idps").GetInt64());
        Assert.Equal(1, ns.GetProperty("orgs").GetInt32());
        Near(0.2, Number(ns, "fundingShareOfGovernorate"), "not specified share of funding");
        Near(0.4, Number(ns, "needShareOfGovernorate"), "not specified share of need");
        Assert.Equal(3, ns.GetProperty("governorateOrgs").GetInt32());

        var notes = root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains("Funding: USD 800 K of the USD 1.0 M allocated to Ninewa (80.0%) names a district; USD 200 K is 'district not specified'.", notes);
    }

    [Fact]
    public async Task A_governorates_districts_and_its_part_naming_none_add_up_to_its_row_of_the_governorate_table()
    {
        var governorates = await JsonAsync("/api/gaps?year=2021");
        var ninewa = governorates.GetProperty("governorates").EnumerateArray().Single(g => g.GetProperty("pcode").GetString() == "IQG15");
        var districts = await JsonAsync("/api/gaps?year=2021&level=district&governorate=IQG15");
        var rows = districts.GetProperty("districts").EnumerateArray().ToList();
        var ns = districts.GetProperty("notSpecified")[0];

        Assert.Equal(1_000_000m, ninewa.GetProperty("fundingUsd").GetDecimal());
        Assert.Equal(ninewa.GetProperty("fundingUsd").GetDecimal(), rows.Sum(d => d.GetProperty("fundingUsd").GetDecimal()) + ns.GetProperty("fundingUsd").GetDecimal());
        Assert.Equal(ninewa.GetProperty("need").GetInt64(),
            rows.Sum(d => d.GetProperty("need").ValueKind == JsonValueKind.Null ? 0 : d.GetProperty("need").GetInt64()) + ns.GetProperty("need").GetInt64());
        Assert.Equal(ninewa.GetProperty("activities").GetInt32(), rows.Sum(d => d.GetProperty("activities").GetInt32()) + ns.GetProperty("activities").GetInt32());
        Assert.Equal(ns.GetProperty("governorateFundingUsd").GetDecimal(), ninewa.GetProperty("fundingUsd").GetDecimal());
        Assert.Equal(2_040, ns.GetProperty("governorateIdps").GetInt64());
        Assert.Equal(1_200 + 800 + 40, rows.Sum(d => d.GetProperty("idps").ValueKind == JsonValueKind.Null ? 0 : d.GetProperty("idps").GetInt64())
            + ns.GetProperty("idps").GetInt64());
    }

    [Fact]
    public async Task Without_a_governorate_every_district_has_shares_of_the_national_figures_that_name_one()
    {
        var root = await JsonAsync("/api/gaps?year=2021&level=district");

        Assert.Equal(JsonValueKind.Null, root.GetProperty("governorate").ValueKind);
        Assert.Equal(101, root.GetProperty("districts").GetArrayLength());
        Assert.Equal(18, root.GetProperty("notSpecified").GetArrayLength());
        Assert.Equal(1_300_000m, root.GetProperty("totalFundingUsd").GetDecimal());
        Assert.Equal(850_000, root.GetProperty("totalNeed").GetInt64());
        Assert.Equal(700_000m, root.GetProperty("notSpecifiedFundingUsd").GetDecimal());
        Assert.Equal(0m, root.GetProperty("unallocatedUsd").GetDecimal());
        // Al-Hawiga: 500,000 of 1,300,000 for 250,000 of 850,000.
        var hawiga = District(root, Hawiga);
        Near(500_000 / 1_300_000.0, Number(hawiga, "fundingShare"), "Hawiga funding share");
        Near(250_000 / 850_000.0, Number(hawiga, "needShare"), "Hawiga need share");
        Near((500_000 / 1_300_000.0) / (250_000 / 850_000.0), Number(hawiga, "equityRatio"), "Hawiga ratio");
        var kirkuk = root.GetProperty("notSpecified").EnumerateArray().Single(n => n.GetProperty("governoratePcode").GetString() == "IQG13");
        Assert.Equal(500_000m, kirkuk.GetProperty("fundingUsd").GetDecimal());
    }

    [Theory]
    [InlineData("")]
    [InlineData("&level=governorate")]
    [InlineData("&level=Governorate&governorate=Ninewa")]
    public async Task At_governorate_level_the_answer_is_the_governorate_table(string query)
    {
        var plain = await _client.GetStringAsync("/api/gaps?year=2021");
        var answer = await _client.GetStringAsync("/api/gaps?year=2021" + query);

        Assert.Equal(plain, answer);
        using var doc = JsonDocument.Parse(answer);
        Assert.Equal(18, doc.RootElement.GetProperty("governorates").GetArrayLength());
        Assert.False(doc.RootElement.TryGetProperty("districts", out _));
    }

    [Fact]
    public async Task An_unknown_governorate_is_refused_with_the_parsers_message()
    {
        using var response = await _client.GetAsync("/api/gaps?year=2021&level=district&governorate=Atlantis");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = doc.RootElement.GetProperty("errors").GetProperty("governorate")[0].GetString()!;
        Assert.StartsWith("Unknown governorate 'Atlantis'.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_has_a_row_per_district_then_one_per_governorate_for_what_names_none()
    {
        using var response = await _client.GetAsync("/api/gaps?year=2021&level=district&governorate=Ninewa&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("gaps-districts-2021-IQG15.csv", response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("row,pcode,district,district_ar,parent_pcode,governorate,region,need,idps,funding_usd,funding_share,need_share,"
            + "equity_ratio,usd_per_pin,gap_to_parity_usd,orgs,activities,flags", lines[0]);
        Assert.Equal(9 + 1, lines.Length - 1);
        var header = lines[0].Split(',');
        // No name in Ninewa holds a comma or quote, so a plain split is exact here.
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(Enumerable.Repeat("district", 9).Append("not-specified"), rows.Select(r => r["row"]));

        var mosul = rows.Single(r => r["pcode"] == Mosul);
        Assert.Equal(("Al-Mosul", "IQG15", "200000", "1200", "600000", "2.25"),
            (mosul["district"], mosul["parent_pcode"], mosul["need"], mosul["idps"], mosul["funding_usd"], mosul["equity_ratio"]));
        Assert.Equal("over-concentrated", mosul["flags"]);
        var ns = rows[^1];
        Assert.Equal(("", "IQG15", "Ninewa", "400000", "40", "200000", "", "", "1"),
            (ns["pcode"], ns["parent_pcode"], ns["governorate"], ns["need"], ns["idps"], ns["funding_usd"], ns["funding_share"], ns["equity_ratio"], ns["orgs"]));
        Assert.Equal(1_000_000m, rows.Sum(r => decimal.Parse(r["funding_usd"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_district_answer()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var get = doc.RootElement.GetProperty("paths").GetProperty("/api/gaps").GetProperty("get");

        Assert.Contains("level=district", get.GetProperty("description").GetString(), StringComparison.Ordinal);
        var schema = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var refs = schema.GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("$ref").GetString()).ToList();
        Assert.Equal(["#/components/schemas/GapsDocument", "#/components/schemas/DistrictGapsDocument"], refs);
        var district = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("DistrictGapsDocument").GetProperty("properties");
        foreach (var field in new[] { "level", "governorate", "districts", "notSpecified", "notes", "totalFundingUsd" })
            Assert.True(district.TryGetProperty(field, out _), $"DistrictGapsDocument lacks {field}");
        var level = get.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "level");
        Assert.Contains("district", level.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
