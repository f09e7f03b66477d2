using System.Globalization;
using System.Text.RegularExpressions;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EquityDashboard.Web.EndToEnd.Tests;

/// <summary>The main journeys of a coordinator, in a real browser on the seeded demo database.</summary>
[Collection(DashboardCollection.Name)]
public sealed class JourneyTests(DashboardFixture app, ITestOutputHelper output)
{
    private static ILocator Kpi(DashboardPage page, string id) => page.Page.Locator($"[data-kpi='{id}'] .kpi-value");

    [BrowserFact]
    public async Task Changing_year_and_cluster_updates_the_url_and_the_figures()
    {
        var y2020 = await app.Server.Equity.GetTableAsync(new EquityScope(2020));
        var health = await app.Server.Equity.GetTableAsync(new EquityScope(2020, "Health"));
        await using var page = await app.NewPageAsync(output);
        await page.OpenAsync("/?year=2019");

        await page.Page.SelectOptionAsync("select[data-testid=year]", "2020");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"[?&]year=2020"));
        await Expect(Kpi(page, "funding")).ToHaveAttributeAsync("title", Money.Full(y2020.TotalFundingUsd));
        await Expect(Kpi(page, "need")).ToHaveAttributeAsync("title", Money.Number(y2020.TotalNeed));

        await page.Page.SelectOptionAsync("select[data-testid=cluster]", "Health");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"year=2020.*cluster=Health|cluster=Health.*year=2020"));
        await Expect(Kpi(page, "need")).ToHaveAttributeAsync("title", Money.Number(health.TotalNeed));
        var worst = health.Governorates.OrderBy(g => g.EquityRatio ?? double.MaxValue).First();
        await Expect(page.Page.Locator("[data-testid='gap-table'] tbody tr").First.Locator("th a")).ToHaveTextAsync(worst.Name);
        await page.ScreenshotAsync("overview-2020-health");

        // The copied address reopens the same view.
        await using var second = await app.NewPageAsync(output);
        await second.OpenAsync(new Uri(page.Page.Url).PathAndQuery);
        await Expect(Kpi(second, "need")).ToHaveAttributeAsync("title", Money.Number(health.TotalNeed));
        Assert.Equal("Health", await second.Page.InputValueAsync("select[data-testid=cluster]"));
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [BrowserFact]
    public async Task Map_tile_opens_the_governorate_page_with_the_filters()
    {
        var detailYear = 2019;
        var basrah = (await app.Server.Equity.GetTableAsync(new EquityScope(detailYear))).Governorates.Single(g => g.Key == "IQG02");
        await using var page = await app.NewPageAsync(output);
        await page.OpenAsync($"/?year={detailYear}");

        // The tile grid is the other way to show the map, kept in the address.
        await page.Page.Locator("[data-testid=map-choice-tiles]").ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex($@"\?year={detailYear}&map=tiles$"));
        await Expect(page.Page.Locator("[data-testid=tile]")).ToHaveCountAsync(18);
        await page.ScreenshotAsync("overview-tiles");
        await page.Page.Locator("[data-testid=tile][data-pcode=IQG02]").ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(new Regex($@"/governorate/IQG02\?year={detailYear}"));
        await page.Page.Locator("[data-testid=governorate][data-ready=true]").WaitForAsync();
        await Expect(page.Page.Locator("[data-testid=governorate-name]")).ToContainTextAsync("Al-Basrah");
        await Expect(page.Page.Locator("[data-figure=equity-ratio]")).ToContainTextAsync(Money.Ratio(basrah.EquityRatio));
        await Expect(page.Page.Locator("[data-testid=flags] [data-flag='under-served']")).ToHaveCountAsync(basrah.HasFlag(FlagCodes.UnderServed) ? 1 : 0);
        await page.ScreenshotAsync("governorate-basrah");
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [BrowserFact]
    public async Task A_data_manager_uploads_commits_and_withdraws_and_an_admin_restores_it_seen_in_the_audit_trail()
    {
        const decimal amount = 1_234_567m;
        var before = await app.Server.Equity.GetTableAsync(new EquityScope(2019));
        var file = Path.Combine(app.Server.Folder, "muthanna-2019.csv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
            $"2019,,Journey Donor,,WASH,Al-Muthanna,{amount.ToString(CultureInfo.InvariantCulture)},paid,,J1",
            "2019,,Journey Donor,,WASH,Nowhere Land,1000,paid,,J2") + "\n");
        await using var page = await app.NewPageAsync(output);
        await page.SignInAsync(DashboardFixture.Manager);
        await Expect(page.Page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("dm@example.org (data-manager)");

        // A file with an unknown governorate: the report names the row and commit stays off.
        await page.Page.Locator("[data-testid=upload-section] input[type=file]").SetInputFilesAsync(file);
        var report = page.Page.Locator("[data-testid=import-report]");
        await Expect(report).ToHaveAttributeAsync("data-succeeded", "false");
        await Expect(page.Page.Locator("[data-testid=issue-table] tbody tr").First).ToContainTextAsync("Nowhere Land");
        await Expect(page.Page.Locator("[data-testid=commit]")).ToBeDisabledAsync();
        await page.ScreenshotAsync("data-report-with-error");

        // Skipping invalid rows re-checks the file; then the one valid row can be committed.
        await page.Page.Locator("input[data-testid=skip-invalid]").CheckAsync();
        await Expect(report).ToHaveAttributeAsync("data-succeeded", "true");
        // Marked as invented data: the batch carries the mark in the list.
        await page.Page.Locator("input[data-testid=illustrative]").CheckAsync();
        await page.Page.Locator("[data-testid=commit]").ClickAsync();
        var committed = page.Page.Locator("[data-testid=commit-message]");
        await Expect(committed).ToContainTextAsync("written: 1 row");
        var batchId = int.Parse(Regex.Match(await committed.InnerTextAsync(), @"Batch (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        await Expect(page.Page.Locator($"tr:has(td[data-batch-id='{batchId}']) [data-testid=illustrative-badge]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("data-committed");

        await page.OpenAsync("/?year=2019");
        await Expect(Kpi(page, "funding")).ToHaveAttributeAsync("title", Money.Full(before.TotalFundingUsd + amount));

        await page.OpenAsync("/data");
        await page.Page.Locator($"button[data-testid=withdraw][data-batch-id='{batchId}']").ClickAsync();
        await Expect(page.Page.Locator("[data-testid=change-question]")).ToContainTextAsync($"batch {batchId}");
        await page.Page.Locator("[data-testid=change-confirm]").ClickAsync();
        await Expect(page.Page.Locator($"button[data-testid=withdraw][data-batch-id='{batchId}']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("data-withdrawn");

        await page.OpenAsync("/?year=2019");
        await Expect(Kpi(page, "funding")).ToHaveAttributeAsync("title", Money.Full(before.TotalFundingUsd));
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));

        // An admin restores it: the figure is back; the audit trail shows both events.
        await using var admin = await app.NewPageAsync(output);
        await admin.SignInAsync(DashboardFixture.Admin);
        await admin.Page.Locator($"button[data-testid=restore][data-batch-id='{batchId}']").ClickAsync();
        await admin.Page.Locator("[data-testid=change-confirm]").ClickAsync();
        await Expect(admin.Page.Locator($"button[data-testid=withdraw][data-batch-id='{batchId}']")).ToHaveCountAsync(1);
        await admin.OpenAsync("/?year=2019");
        await Expect(Kpi(admin, "funding")).ToHaveAttributeAsync("title", Money.Full(before.TotalFundingUsd + amount));
        await admin.Page.GotoAsync("/admin/audit");
        var table = admin.Page.Locator("[data-testid=audit-table]");
        await Expect(table.Locator("tr[data-action=withdraw]").First).ToContainTextAsync("dm@example.org");
        await Expect(table.Locator("tr[data-action=restore]").First).ToContainTextAsync("admin@example.org");
        await Expect(table.Locator("tr[data-action=import]").First).ToContainTextAsync("muthanna-2019.csv");
        await admin.ScreenshotAsync("audit-trail");
        Assert.True(admin.Errors.Count == 0, string.Join("\n", admin.Errors));
    }

    [BrowserFact]
    public async Task A_viewer_is_offered_no_upload_and_five_wrong_passwords_lock_an_account()
    {
        await using var page = await app.NewPageAsync(output);
        await page.SignInAsync(DashboardFixture.Viewer);
        await Expect(page.Page.Locator("[data-testid=import-needs-role]")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid=upload-section]")).ToHaveCountAsync(0);
        await Expect(page.Page.Locator("button[data-testid=withdraw]")).ToHaveCountAsync(0);
        // A direct attempt with the viewer's cookie is refused by the server.
        var direct = await page.Page.APIRequest.DeleteAsync("/api/batches/1");
        Assert.Equal(403, direct.Status);
        // The audit trail is an admin's page.
        await page.Page.GotoAsync("/admin/audit");
        await Expect(page.Page.Locator("[data-testid=denied]")).ToBeVisibleAsync();

        await using var locked = await app.NewPageAsync(output);
        for (var i = 1; i <= 5; i++)
        {
            await locked.Page.GotoAsync("/account/sign-in");
            await locked.Page.FillAsync("input[data-testid=email]", DashboardFixture.Locked);
            await locked.Page.FillAsync("input[data-testid=password]", $"wrong password {i}");
            await locked.Page.ClickAsync("button[data-testid=sign-in]");
            await Expect(locked.Page.Locator("[data-testid=sign-in-error]")).ToBeVisibleAsync();
        }
        await Expect(locked.Page.Locator("[data-testid=sign-in-error]")).ToContainTextAsync("locked");
        await locked.ScreenshotAsync("locked-out");
        Assert.True(page.Errors.Count == 0 && locked.Errors.Count == 0, string.Join("\n", page.Errors.Concat(locked.Errors)));
    }

    [BrowserFact]
    public async Task Every_page_renders_without_errors_and_says_what_it_shows()
    {
        await using var page = await app.NewPageAsync(output);

        await page.OpenAsync("/trends");
        await Expect(page.Page.Locator("[data-testid=yoy-table]")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid=sources]")).ToBeVisibleAsync();
        // The demo's funding files cover different years: each year whose sources change is marked on the
        // funding chart, in its caption and under the year-on-year table.
        var changed = (await app.Server.Equity.GetYearTablesAsync(new EquityScope(0))).Skip(1)
            .Where(t => t.Coverage is { Changed: true }).Select(t => t.Scope.Year.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(changed);
        await Expect(page.Page.Locator("[data-testid=funding-chart] .marker")).ToHaveCountAsync(changed.Count);
        foreach (var year in changed)
        {
            await Expect(page.Page.Locator($"[data-testid=funding-chart] .marker[data-marker='{year}'] .marker-label")).ToBeVisibleAsync();
            await Expect(page.Page.Locator($"[data-testid=coverage-notes] li[data-year='{year}']")).ToContainTextAsync("Coverage changed");
        }
        await Expect(page.Page.Locator("[data-testid=funding-chart-markers]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("trends-coverage");

        await page.OpenAsync("/methodology");
        await Expect(page.Page.Locator("#equity-ratio")).ToBeVisibleAsync();

        await page.OpenAsync("/governorate/IQG13?year=2019");
        await Expect(page.Page.Locator("[data-testid=sources]")).ToBeVisibleAsync();

        await page.OpenAsync("/data");
        await Expect(page.Page.Locator("[data-testid=batch-table]")).ToBeVisibleAsync();

        await page.OpenAsync("/?year=2019");
        await Expect(page.Page.Locator("[data-testid=findings] [data-testid=finding]").First).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid=illustrative-badge]").First).ToBeVisibleAsync();

        // Keyboard: a metric's help link is reachable and shows its definition on focus.
        await page.Page.Locator("[data-testid=metric-help]").First.FocusAsync();
        await Expect(page.Page.Locator("[data-testid=metric-help]").First).ToBeFocusedAsync();
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [BrowserFact]
    public async Task Download_briefing_saves_the_workbook_of_the_current_filters()
    {
        await using var page = await app.NewPageAsync(output);
        await page.OpenAsync("/?year=2019&cluster=Health");

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.Locator("[data-testid=download-briefing]").ClickAsync());

        Assert.Equal(EquityDashboard.Infrastructure.Export.Briefing.BriefingService.FileName(new EquityScope(2019, "Health")), download.SuggestedFilename);
        var path = Path.Combine(app.Server.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using var workbook = new ClosedXML.Excel.XLWorkbook(path);
        Assert.Equal("Brief", workbook.Worksheets.First().Name);
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }
}
