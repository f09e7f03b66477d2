using System.Net;
using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Export.Briefing;

namespace EquityDashboard.Web.Tests.Api;

/// <summary>The briefing downloads: the workbook of the same scope as the dashboard's filters.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class BriefingApiTests(SeededApp app)
{
    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    [Fact]
    public async Task National_briefing_is_a_workbook_of_the_filters_scope()
    {
        var scope = new EquityScope(2019, "Health", Region: "South");
        var table = await app.Factory.Equity.GetTableAsync(scope);

        using var response = await app.Client.GetAsync("/api/briefing.xlsx?year=2019&cluster=health&region=South");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BriefingService.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(BriefingService.FileName(scope), response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var workbook = Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(BriefingSheets.National, workbook.Worksheets.Select(w => w.Name));
        var names = workbook.Worksheet(BriefingSheets.Governorates).CellsUsed().Select(c => c.GetString()).ToHashSet();
        Assert.All(table.Governorates, g => Assert.Contains(g.Name, names));
        Assert.DoesNotContain("Ninewa", names);
    }

    [Fact]
    public async Task Governorate_briefing_accepts_a_name_and_holds_that_governorate()
    {
        using var response = await app.Client.GetAsync("/api/governorates/Basra/briefing.xlsx?year=2019");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(BriefingSheets.Brief, workbook.Worksheets.First().Name);
        Assert.Contains(workbook.Worksheet(BriefingSheets.Brief).CellsUsed(), c => c.GetString().Contains("Al-Basrah", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_filters_and_unknown_governorates_are_problems_not_workbooks()
    {
        using var badYear = await app.Client.GetAsync("/api/briefing.xlsx?year=20x9");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal("application/problem+json", badYear.Content.Headers.ContentType?.MediaType);

        using var unknown = await app.Client.GetAsync("/api/governorates/Atlantis/briefing.xlsx?year=2019");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Atlantis", await unknown.Content.ReadAsStringAsync());
    }
}
