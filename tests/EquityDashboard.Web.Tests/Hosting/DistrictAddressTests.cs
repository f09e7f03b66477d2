using System.Net;
using EquityDashboard.Web.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EquityDashboard.Web.Tests.Hosting;

/// <summary>District pages through the whole app: one address per district, and a 404 that says what was not found.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class DistrictAddressTests(SeededApp app)
{
    [Theory]
    [InlineData("/district/Al-Hawiga?year=2019&data=real")]
    [InlineData("/district/Hawija?year=2019&data=real")]
    [InlineData("/district/Al%20Hawiga?year=2019&data=real")]
    [InlineData("/district/%D8%A7%D9%84%D8%AD%D9%88%D9%8A%D8%AC%D8%A9?year=2019&data=real")]
    public async Task A_name_redirects_to_the_P_code_s_address_keeping_the_query(string path)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/district/IQG13Q01?year=2019&data=real", response.Headers.Location?.PathAndQuery);
        using var page = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"district-name\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/district/Hawijeh?year=2019", "There is no district &#x27;Hawijeh&#x27;.", "href=\"district/IQG13Q01?year=2019\"")]
    [InlineData("/governorate/Kirkuq?year=2019", "There is no governorate &#x27;Kirkuq&#x27;.", "href=\"governorate/IQG13?year=2019\"")]
    public async Task An_unknown_area_answers_404_with_the_not_found_page_saying_what_and_linking_the_closest(string path, string message, string link)
    {
        using var response = await app.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains(link, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_that_matches_no_page_gets_the_not_found_page_without_a_note()
    {
        using var response = await app.Client.GetAsync("/no-such-page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"not-found\"", html, StringComparison.Ordinal);
    }
}
