using ClosedXML.Excel;
using EquityDashboard.Cli.Tests.Support;
using static EquityDashboard.Cli.Tests.Support.Outputs;

namespace EquityDashboard.Cli.Tests;

/// <summary>`export`: the briefing workbook written by the real process, reopened with ClosedXML.</summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class ExportTests(SeededDatabaseFixture seeded) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("equity-export-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private string OutFile(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Writes_the_national_workbook_with_the_figures_of_gaps()
    {
        var path = OutFile("brief.xlsx");
        var run = (await EquityCli.RunAsync(seeded.Db, "export", "--year", "2019", "--out", path)).AssertSuccess();
        Assert.Contains($"Wrote {path}", run.StdOut);
        Assert.Contains("Briefing: 2019, all clusters, baseline people in need", run.StdOut);
        Assert.False(File.Exists(path + ".partial"));

        using var gaps = Json(await seeded.RunAsync("gaps", "--year", "2019", "--format", "json"));
        using var wb = new XLWorkbook(path);
        Assert.Equal(["Brief", "Governorates", "Districts", "Regions", "Clusters", "Donors", "Presence", "Organisations", "Methodology", "Sources"],
            wb.Worksheets.Select(w => w.Name));
        var ws = wb.Worksheet("Governorates");
        Assert.Equal("P-code", ws.Cell(4, 1).GetString());
        foreach (var g in gaps.RootElement.GetProperty("governorates").EnumerateArray())
        {
            var pcode = g.GetProperty("pcode").GetString()!;
            var row = Enumerable.Range(5, 18).Single(r => ws.Cell(r, 1).GetString() == pcode);
            Assert.Equal((double)Decimal(g, "fundingUsd"), ws.Cell(row, 5).GetDouble(), 2);
            if (Double(g, "equityRatio") is { } ratio) Assert.Equal(ratio, ws.Cell(row, 8).GetDouble(), 12);
            else Assert.Equal("no recorded need", ws.Cell(row, 8).GetString());
        }
        Assert.Equal("SUM(E5:E22)", ws.Cell(23, 5).FormulaA1);
        Assert.Equal(Double(gaps.RootElement, "usdPerPin")!.Value, ws.Cell(23, 9).GetValue<double>(), 9);
    }

    [Fact]
    public async Task Without_out_the_file_is_named_after_the_scope_in_the_current_folder()
    {
        (await EquityCli.RunRawAsync(
                ["export", "--year", "2019", "--cluster", "health", "--baseline", "population", "--region", "kurdistan", "--db", seeded.Db],
                workingDirectory: _folder))
            .AssertSuccess();
        // The cluster takes its stored spelling and the region its canonical name.
        var path = OutFile("equity-briefing-2019-health-kri-population.xlsx");
        Assert.True(File.Exists(path), string.Join(", ", Directory.GetFiles(_folder)));
        using var wb = new XLWorkbook(path);
        Assert.Equal("Iraq funding and need briefing: 2019, cluster Health, region KRI, baseline population", wb.Properties.Title);
        Assert.Equal("Population", wb.Worksheet("Governorates").Cell(4, 4).GetString());
        Assert.Equal(3, wb.Worksheet("Governorates").Table("GapTable").DataRange.RowCount());
    }

    [Fact]
    public async Task Governorate_briefing_by_name()
    {
        var path = OutFile("basra.xlsx");
        var run = (await EquityCli.RunAsync(seeded.Db, "export", "--year", "2019", "--governorate", "Basra", "--out", path)).AssertSuccess();
        Assert.Contains("Governorate briefing (IQG02)", run.StdOut);
        using var wb = new XLWorkbook(path);
        Assert.Equal(["Brief", "Districts", "Clusters", "Donors", "Presence", "Trend", "Incidents", "Methodology", "Sources"], wb.Worksheets.Select(w => w.Name));
        Assert.Equal("Al-Basrah (IQG02): funding and need briefing", wb.Worksheet("Brief").Cell(1, 1).GetString());

        using var gaps = Json(await seeded.RunAsync("gaps", "--year", "2019", "--format", "json"));
        var basrah = Governorate(gaps.RootElement, "IQG02");
        var brief = wb.Worksheet("Brief");
        var funding = Enumerable.Range(8, 20).Single(r => brief.Cell(r, 1).GetString() == "Funding (USD)");
        Assert.Equal((double)Decimal(basrah, "fundingUsd"), brief.Cell(funding, 2).GetDouble(), 2);
    }

    [Theory]
    [InlineData("--region", "Atlantis", "Unknown region 'Atlantis'")]
    [InlineData("--cluster", "Helth", "Unknown cluster 'Helth'. Clusters: CCCM, Education")]
    [InlineData("--donor", "Nobody", "Unknown donor 'Nobody'. Donors: Donor A")]
    [InlineData("--governorate", "Basrra", "Unknown governorate 'Basrra'. Did you mean 'Al-Basrah'")]
    public async Task Unknown_names_are_refused_and_nothing_is_written(string option, string value, string message)
    {
        var path = OutFile("refused.xlsx");
        var run = await EquityCli.RunAsync(seeded.Db, "export", "--year", "2019", option, value, "--out", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Without_a_year_the_briefing_is_of_the_default_year()
    {
        var run = (await EquityCli.RunRawAsync(["export", "--out", OutFile("default-year.xlsx"), "--db", seeded.Db],
            new Dictionary<string, string> { ["Equity__DefaultYear"] = "2019" })).AssertSuccess();
        Assert.Contains("Briefing: 2019, all clusters, baseline people in need", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malicious_organisation_name_imported_with_the_cli_stays_text()
    {
        using var db = new TempDatabase("export-injection");
        const string evil = "=HYPERLINK(\"http://example.invalid\",\"Open\")";
        var presence = db.File("presence.csv",
            "year,organisation,acronym,org_type,cluster,governorate,district,activity\n"
            + $"2019,\"{evil.Replace("\"", "\"\"", StringComparison.Ordinal)}\",,INGO,Health,Ninewa,,\n"
            + "2019,\"-1+1\",,NNGO,Health,Duhok,,\n");
        (await EquityCli.RunAsync(db.Path, "import", presence, "--kind", "presence")).AssertSuccess();
        var path = OutFile("evil.xlsx");
        (await EquityCli.RunAsync(db.Path, "export", "--year", "2019", "--out", path)).AssertSuccess();

        using var wb = new XLWorkbook(path);
        var list = wb.Worksheet("Organisations").Table("OrganisationList").DataRange.Rows().Select(r => r.Cell(4)).ToList();
        foreach (var name in new[] { evil, "-1+1" })
        {
            var cell = Assert.Single(list, c => c.GetString() == name);
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.True(cell.Style.IncludeQuotePrefix);
        }
    }
}
