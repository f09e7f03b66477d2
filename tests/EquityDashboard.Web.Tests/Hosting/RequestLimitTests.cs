using System.Net;
using System.Text.Json;
using EquityDashboard.Web.Hosting;
using EquityDashboard.Web.Tests.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Web.Tests.Hosting;

/// <summary>Equity:MaxUploadMegabytes applied to request bodies, and HTTPS only where the site is on HTTPS.</summary>
public sealed class RequestLimitTests
{
    private static readonly Dictionary<string, string> OneMegabyte = new() { ["Equity:MaxUploadMegabytes"] = "1" };

    [Fact]
    public async Task The_upload_setting_sets_the_kestrel_and_form_limits()
    {
        await using var factory = new EquityAppFactory(seed: false, settings: OneMegabyte);

        Assert.Equal(1024 * 1024, factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
        Assert.Equal(1024 * 1024, factory.Services.GetRequiredService<IOptions<FormOptions>>().Value.MultipartBodyLengthLimit);
    }

    [Theory]
    [InlineData("Development", "/")]
    [InlineData("Production", "/")]
    [InlineData("Production", "/api/gaps")]
    public async Task A_body_over_the_limit_is_refused_with_413_problem_json(string environment, string path)
    {
        await using var factory = new EquityAppFactory(seed: false, environment, OneMegabyte);
        using var client = factory.CreateClient();

        using var content = new ByteArrayContent(new byte[1024 * 1024 + 1]);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var response = await client.PostAsync(path, content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(413, problem.RootElement.GetProperty("status").GetInt32());
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains("limit of 1 MB", detail);
        Assert.Contains("Equity:MaxUploadMegabytes", detail);
    }

    [Fact]
    public async Task A_body_at_the_limit_is_not_refused_for_its_size()
    {
        await using var factory = new EquityAppFactory(seed: false, settings: OneMegabyte);
        using var client = factory.CreateClient();

        using var content = new ByteArrayContent(new byte[1024 * 1024]);
        using var response = await client.PostAsync("/api/gaps", content);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task On_https_plain_requests_are_redirected_and_https_answers_carry_hsts()
    {
        await using var factory = new EquityAppFactory(seed: false, "Production", new Dictionary<string, string> { ["https_port"] = "443" });
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://equity.example.org") });

        using var plain = await client.GetAsync("/api/gaps?year=2019");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://equity.example.org/api/gaps?year=2019", plain.Headers.Location?.ToString());

        using var secure = await client.GetAsync("https://equity.example.org/healthz");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Production_on_plain_http_keeps_plain_http()
    {
        await using var factory = new EquityAppFactory(seed: false, "Production", new Dictionary<string, string> { ["urls"] = "http://127.0.0.1:5250" });
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://equity.example.org") });

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("Development", null, "https://+:443", false)]
    [InlineData("Production", null, "http://127.0.0.1:5000", false)]
    [InlineData("Production", null, "http://127.0.0.1:5000;https://0.0.0.0:5001", true)]
    [InlineData("Production", "443", "http://127.0.0.1:5000", true)]
    [InlineData("Staging", null, null, false)]
    public void Https_is_on_only_outside_development_with_an_https_url_or_port(string environment, string? httpsPort, string? urls, bool expected)
    {
        var settings = new Dictionary<string, string?> { ["https_port"] = httpsPort, ["urls"] = urls };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var host = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };

        Assert.Equal(expected, SecurityHeaders.ServesHttps(configuration, host));
    }
}
