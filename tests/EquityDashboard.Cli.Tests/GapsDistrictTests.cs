using System.Text.Json;
using EquityDashboard.Cli.Tests.Support;
using static EquityDashboard.Cli.Tests.Support.Outputs;

namespace EquityDashboard.Cli.Tests;

/// <summary>
/// `gaps --level district` on a small database imported through the CLI; every expected figure is
/// worked out by hand from the files below (2021): funding Al-Mosul 600,000, Telafar 200,000, Ninewa
/// without district 200,000, Al-Hawiga 500,000, Kirkuk without district 500,000; people in need
/// Al-Mosul 200,000, Telafar 300,000, Sinjar 100,000, Ninewa without district 400,000, Al-Hawiga 250,000,
/// Kirkuk without district 250,000; IDPs Al-Mosul 1,200, Sinjar 800, Ninewa without district 40.
/// </summary>
public sealed class GapsDistrictTests : IAsyncLifetime
{
    private const string DistrictsHeader = "row,pcode,district,district_ar,parent_pcode,governorate,region,need,idps,funding_usd,"
        + "funding_share,need_share,equity_ratio,usd_per_pin,gap_to_parity_usd,orgs,activities,flags";

    private readonly TempDatabase _db = new("districts");

    public async Task InitializeAsync()
    {
        async Task Import(string name, string kind, string contents) =>
            (await EquityCli.RunAsync(_db.Path, "import", _db.File(name, contents), "--kind", kind)).AssertSuccess();
        await Import("funding.csv", "funding", """
            year,donor,governorate,district,amount_usd
            2021,Donor A,Ninewa,Al-Mosul,600000
            2021,Donor B,Ninewa,Telafar,200000
            2021,Donor B,Ninewa,,200000
            2021,Donor A,Kirkuk,Al-Hawiga,500000
            2021,Donor A,Kirkuk,,500000

            """);
        await Import("need.csv", "need", """
            year,governorate,district,people_in_need
            2021,Ninewa,Al-Mosul,200000
            2021,Ninewa,Telafar,300000
            2021,Ninewa,Sinjar,100000
            2021,Ninewa,,400000
            2021,Kirkuk,Al-Hawiga,250000
            2021,Kirkuk,,250000

            """);
        await Import("idps.csv", "displacement", """
            year,governorate,district,location,idps
            2021,Ninewa,Al-Mosul,Hay Al-Zahraa,1200
            2021,Ninewa,Sinjar,Sinuni,800
            2021,Ninewa,,Unnamed camp,40

            """);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    private Task<CliResult> Gaps(params string[] args) => EquityCli.RunAsync(_db.Path, ["gaps", "--year", "2021", .. args]);

    private static JsonElement District(JsonElement root, string pcode) =>
        root.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("pcode").GetString() == pcode);

    /// <summary>The lines of the output joined by spaces, box characters dropped: text that wraps at the console's width reads whole.</summary>
    private static string Flat(string stdout) =>
        string.Join(' ', Lines(stdout).Select(l => l.Trim(' ', '│').Trim()).Where(l => l.Length > 0));

    [Fact]
    public async Task Json_lists_the_districts_of_the_governorate_with_the_figures_by_hand()
    {
        using var json = Json(await Gaps("--level", "district", "--governorate", "Ninawa", "--format", "json"));
        var root = json.RootElement;

        Assert.Equal("district", root.GetProperty("level").GetString());
        Assert.Equal("IQG15", root.GetProperty("governorate").GetProperty("pcode").GetString());
        Assert.Equal(9, root.GetProperty("districts").GetArrayLength());
        Assert.Equal(800_000m, Decimal(root, "totalFundingUsd"));
        Assert.Equal(600_000, root.GetProperty("totalNeed").GetInt64());

        var mosul = District(root, "IQG15Q05");
        Assert.Equal(("Al-Mosul", "الموصل", "IQG15"), (mosul.GetProperty("name").GetString(), mosul.GetProperty("nameAr").GetString(),
            mosul.GetProperty("parentPcode").GetString()));
        Assert.Equal((600_000m, 200_000L, 1_200L), (Decimal(mosul, "fundingUsd"), Long(mosul, "need"), Long(mosul, "idps")));
        Assert.Equal(0.75, Double(mosul, "fundingShare")!.Value, 12);
        Assert.Equal(1.0 / 3, Double(mosul, "needShare")!.Value, 12);
        Assert.Equal(2.25, Double(mosul, "equityRatio")!.Value, 12);
        Assert.Equal(3, Double(mosul, "usdPerPin")!.Value, 12);
        Assert.Equal(["over-concentrated"], FlagCodes(mosul));
        var sinjar = District(root, "IQG15Q07");
        Assert.Equal(0, Double(sinjar, "equityRatio")!.Value, 12);
        Assert.Contains("under-served", FlagCodes(sinjar));

        var ns = Assert.Single(root.GetProperty("notSpecified").EnumerateArray());
        Assert.Equal("IQG15", ns.GetProperty("governoratePcode").GetString());
        Assert.Equal((200_000m, 400_000L, 40L), (Decimal(ns, "fundingUsd"), Long(ns, "need"), Long(ns, "idps")));
        Assert.Equal(3, root.GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task Each_governorates_districts_plus_what_names_none_are_its_figure_in_the_governorate_table()
    {
        using var governorates = Json(await Gaps("--format", "json"));
        using var districts = Json(await Gaps("--level", "district", "--format", "json"));
        var rows = districts.RootElement.GetProperty("districts").EnumerateArray().ToList();
        Assert.Equal(101, rows.Count);

        foreach (var ns in districts.RootElement.GetProperty("notSpecified").EnumerateArray())
        {
            var pcode = ns.GetProperty("governoratePcode").GetString()!;
            var gov = Governorate(governorates.RootElement, pcode);
            var mine = rows.Where(d => d.GetProperty("parentPcode").GetString() == pcode).ToList();
            Assert.Equal(Decimal(gov, "fundingUsd"), mine.Sum(d => Decimal(d, "fundingUsd")) + Decimal(ns, "fundingUsd"));
            Assert.Equal(Long(gov, "need") ?? 0, mine.Sum(d => Long(d, "need") ?? 0) + (Long(ns, "need") ?? 0));
        }
        Assert.Equal(1_000_000m, Decimal(Governorate(governorates.RootElement, "IQG15"), "fundingUsd"));
        Assert.Equal(1_000_000m, Decimal(Governorate(governorates.RootElement, "IQG13"), "fundingUsd"));
    }

    [Fact]
    public async Task Csv_is_the_apis_district_contract()
    {
        var rows = Csv(await Gaps("--level", "district", "--governorate", "kirkuk", "--format", "csv"), DistrictsHeader);

        Assert.Equal(["district", "district", "district", "district", "not-specified"], rows.Select(r => r["row"]));
        var hawiga = rows.Single(r => r["pcode"] == "IQG13Q01");
        Assert.Equal(("Al-Hawiga", "500000", "250000", "1"), (hawiga["district"], hawiga["funding_usd"], hawiga["need"], hawiga["equity_ratio"]));
        var ns = rows[^1];
        Assert.Equal(("IQG13", "Kirkuk", "500000", "250000", ""), (ns["parent_pcode"], ns["governorate"], ns["funding_usd"], ns["need"], ns["pcode"]));
    }

    [Fact]
    public async Task The_table_names_the_governorate_its_districts_and_what_names_none()
    {
        var run = (await Gaps("--level", "district", "--governorate", "IQG15")).AssertSuccess();
        var text = Flat(run.StdOut);

        Assert.Contains("Equity table, districts of Ninewa (IQG15)", text, StringComparison.Ordinal);
        Assert.Contains("Naming a district: funding USD 800,000, people in need 600,000, USD per person USD 1.33. "
            + "District not specified: funding USD 200,000, people in need 400,000.", text, StringComparison.Ordinal);
        Assert.Contains("Funding: USD 800 K of the USD 1.0 M allocated to Ninewa (80.0%) names a district; USD 200 K is 'district not specified'.",
            text, StringComparison.Ordinal);
        Assert.Contains("over-concentrated Al-Mosul: Gets 75.0% of funding for 33.3% of people in need", text, StringComparison.Ordinal);
        Assert.Contains("under-served Sinjar:", text, StringComparison.Ordinal);
        // Inside one governorate the rows do not repeat its name; the table has its own not-specified row.
        Assert.DoesNotContain("Governorate", Lines(run.StdOut).First(l => l.Contains("Dist", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(Lines(run.StdOut), l => l.Contains("Distr", StringComparison.Ordinal) && l.Contains("400,0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_governorate_level_a_governorate_changes_nothing()
    {
        var plain = (await Gaps("--format", "json")).AssertSuccess();
        var named = (await Gaps("--level", "governorate", "--governorate", "Ninewa", "--format", "json")).AssertSuccess();
        Assert.Equal(plain.StdOut, named.StdOut);
    }

    [Theory]
    [InlineData("district", "Atlantis", "Unknown governorate 'Atlantis'.")]
    [InlineData("county", "Ninewa", "--level must be 'governorate' or 'district'; got 'county'.")]
    public async Task A_bad_level_or_governorate_exits_2_with_the_parsers_message(string level, string governorate, string message)
    {
        var run = await Gaps("--level", level, "--governorate", governorate, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.StdOut.Trim());
    }

    [Fact]
    public async Task Help_names_the_level_and_governorate_options()
    {
        var help = Flat((await EquityCli.RunAsync(_db.Path, "gaps", "--help")).AssertSuccess().StdOut);

        Assert.Contains("--level <governorate|district>", help, StringComparison.Ordinal);
        Assert.Contains("--governorate", help, StringComparison.Ordinal);
        Assert.Contains("with --level district per district", help, StringComparison.Ordinal);
    }
}
