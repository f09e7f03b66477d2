using System.Net;
using System.Security.Claims;
using EquityDashboard.Web.Accounts;
using EquityDashboard.Web.Tests.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Web.Tests.Accounts;

/// <summary>Single sign-on's settings: off without an Authority, a clear start-up error when incomplete, and the claims read from the provider.</summary>
public sealed class SingleSignOnSettingsTests
{
    [Fact]
    public async Task Without_an_authority_there_is_no_scheme_no_button_and_the_endpoints_are_404()
    {
        await using var app = new EquityAppFactory(seed: false);
        var client = app.CreateClient();

        Assert.Null(await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(SingleSignOn.Scheme));
        var page = await client.GetStringAsync("/account/sign-in");
        Assert.Contains("data-testid=\"sign-in-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sign-in-external", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/sign-in/external?returnUrl=%2Fdata")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/sign-in/external/finish")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/signin-oidc")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_shows_only_its_own_messages_never_text_from_the_address()
    {
        await using var app = new EquityAppFactory(seed: false);
        var client = app.CreateClient();
        Assert.Contains("was cancelled or refused", await client.GetStringAsync("/account/sign-in?external=cancelled"), StringComparison.Ordinal);
        var forged = await client.GetStringAsync("/account/sign-in?external=" + Uri.EscapeDataString("Call +1 555 0100 to unlock"));
        Assert.DoesNotContain("sign-in-error", forged, StringComparison.Ordinal);
        Assert.DoesNotContain("555 0100", forged, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "https://login.agency.example", "true", "Authentication:Oidc:ClientId is missing")]
    [InlineData("equity", "http://login.agency.example", "true", "Authentication:Oidc:Authority must use https")]
    [InlineData("equity", "login.agency.example", "true", "Authentication:Oidc:Authority must be the provider's absolute https address")]
    public void Incomplete_settings_stop_the_app_at_start_with_what_to_fix(string? clientId, string authority, string requireHttps, string expected)
    {
        var settings = new Dictionary<string, string>
        {
            ["Authentication:Oidc:Authority"] = authority,
            ["Authentication:Oidc:RequireHttpsMetadata"] = requireHttps,
        };
        if (clientId is not null) settings["Authentication:Oidc:ClientId"] = clientId;
        using var app = new EquityAppFactory(seed: false, settings: settings);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_settings_have_no_problem_and_an_empty_authority_is_off()
    {
        Assert.Empty(new SingleSignOnOptions { Authority = "https://login.agency.example", ClientId = "equity" }.Problems());
        Assert.Empty(new SingleSignOnOptions { Authority = "http://127.0.0.1:4100", ClientId = "equity", RequireHttpsMetadata = false }.Problems());
        Assert.False(new SingleSignOnOptions { Authority = " ", ClientId = null }.Enabled);
        Assert.Contains("Scopes must include 'openid'",
            Assert.Single(new SingleSignOnOptions { Authority = "https://login.agency.example", ClientId = "equity", Scopes = "profile email" }.Problems()),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_person_is_read_from_the_configured_claims()
    {
        const string issuer = "https://login.agency.example";
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "ana-1", null, issuer),
            new Claim("email", "ana@agency.example", null, issuer),
            new Claim("email_verified", "True", null, issuer),
            new Claim("groups", "staff", null, issuer),
            new Claim("groups", "data-manager", null, issuer),
            new Claim("roles", "admin", null, issuer),
            new Claim("equity_clusters", "Health;WASH", null, issuer),
            new Claim("equity_clusters", "Education", null, issuer),
        ], "oidc"));
        var options = new SingleSignOnOptions { DisplayName = "Agency ID", RoleClaim = "groups", ClustersClaim = "equity_clusters" };

        var who = SingleSignOn.ReadIdentity(principal, options);

        Assert.NotNull(who);
        Assert.Equal((issuer, "Agency ID", "ana-1", "ana@agency.example", true), (who.Issuer, who.ProviderName, who.Subject, who.Email, who.EmailVerified));
        // Only the configured role claim counts: "roles" here is not it.
        Assert.Equal(["staff", "data-manager"], who.RoleValues);
        Assert.Equal(["Health;WASH", "Education"], who.Clusters);
        Assert.Empty(SingleSignOn.ReadIdentity(principal, new SingleSignOnOptions())!.Clusters);
        Assert.False(SingleSignOn.ReadIdentity(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "x"), new Claim("email", "x@agency.example"), new Claim("email_verified", "false")], "oidc")), options)!.EmailVerified);
        Assert.Null(SingleSignOn.ReadIdentity(new ClaimsPrincipal(new ClaimsIdentity([new Claim("email", "x@agency.example")], "oidc")), options));
    }
}
