using System.Security.Claims;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Accounts;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Web.Components.Pages.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EquityDashboard.Web.Accounts;

/// <summary>
/// Single sign-on with the agency's OpenID Connect provider (<c>Authentication:Oidc</c> in
/// appsettings). Off while <see cref="Authority"/> is empty.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The provider's issuer address (its discovery document is under it). Empty: no single sign-on.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    /// <summary>The client secret; empty only for a provider that registered the app as a public client.</summary>
    public string? ClientSecret { get; set; }
    /// <summary>The claim carrying role names (viewer, data-manager, admin; the highest counts).</summary>
    public string RoleClaim { get; set; } = "roles";
    /// <summary>The claim carrying a data manager's clusters (repeated, or separated by ';'). Empty: every cluster.</summary>
    public string? ClustersClaim { get; set; }
    /// <summary>The provider as people know it, on the button: "Sign in with …".</summary>
    public string DisplayName { get; set; } = "your organisation's account";
    /// <summary>The scopes asked for, separated by spaces.</summary>
    public string Scopes { get; set; } = "openid profile email";
    /// <summary>The discovery document must come over HTTPS. Only tests against a provider on loopback turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What is wrong with the settings, for the start-up error (none when single sign-on is off).</summary>
    public IReadOnlyList<string> Problems()
    {
        if (!Enabled) return [];
        var problems = new List<string>();
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            problems.Add($"{Section}:Authority must be the provider's absolute https address; got '{Authority}'.");
        else if (authority.Scheme == "http" && RequireHttpsMetadata)
            problems.Add($"{Section}:Authority must use https (RequireHttpsMetadata is false only for tests against a provider on loopback).");
        if (string.IsNullOrWhiteSpace(ClientId))
            problems.Add($"{Section}:ClientId is missing: set the client id the provider registered for this app, or empty {Section}:Authority to turn single sign-on off.");
        if (string.IsNullOrWhiteSpace(RoleClaim))
            problems.Add($"{Section}:RoleClaim must name the claim carrying role names (default 'roles').");
        if (!ScopeList.Contains("openid"))
            problems.Add($"{Section}:Scopes must include 'openid'; got '{Scopes}'.");
        return problems;
    }
}

/// <summary>
/// The OpenID Connect handler and the two endpoints around it. The sign-in page links (GET) to
/// <see cref="StartPath"/>, which challenges the provider; the provider answers at
/// <see cref="CallbackPath"/>; the handler keeps the person in Identity's short-lived external
/// cookie and returns to <see cref="FinishPath"/>, which signs in the matching local account
/// (<see cref="ExternalSignIn"/>) with the usual cookie.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "oidc";
    public const string StartPath = "/account/sign-in/external";
    public const string FinishPath = "/account/sign-in/external/finish";
    public const string CallbackPath = "/signin-oidc";
    private const string ReturnUrlItem = "returnUrl";

    /// <summary>Registers the handler when <c>Authentication:Oidc:Authority</c> is set; refuses to start on incomplete settings.</summary>
    public static AuthenticationBuilder AddEquitySingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var section = configuration.GetSection(SingleSignOnOptions.Section);
        authentication.Services.Configure<SingleSignOnOptions>(section);
        var sso = section.Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        if (!sso.Enabled) return authentication;
        if (sso.Problems() is { Count: > 0 } problems)
            throw new OptionsValidationException(SingleSignOnOptions.Section, typeof(SingleSignOnOptions), problems);

        authentication.Services.AddSingleton<ExternalSignIn>();
        return authentication.AddOpenIdConnect(Scheme, sso.DisplayName, o =>
        {
            o.Authority = sso.Authority;
            o.ClientId = sso.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(sso.ClientSecret) ? null : sso.ClientSecret;
            o.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.SaveTokens = false;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Scope.Clear();
            foreach (var scope in sso.ScopeList) o.Scope.Add(scope);
            // Claims keep the provider's names (sub, email, name, roles), not WS-* URIs.
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.TokenValidationParameters.NameClaimType = "name";
            o.TokenValidationParameters.RoleClaimType = sso.RoleClaim;
            // The handler maps sub, name and email from the user info by default; these are ours.
            o.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
            o.ClaimActions.MapJsonKey(sso.RoleClaim, sso.RoleClaim);
            if (!string.IsNullOrWhiteSpace(sso.ClustersClaim)) o.ClaimActions.MapJsonKey(sso.ClustersClaim, sso.ClustersClaim);
            o.Events.OnRemoteFailure = OnRemoteFailureAsync;
        });
    }

    /// <summary>Maps the start and finish endpoints when single sign-on is on (otherwise both are 404).</summary>
    public static IEndpointRouteBuilder MapEquitySingleSignOn(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<SingleSignOnOptions>>().Value.Enabled) return app;

        app.MapGet(StartPath, (string? returnUrl) =>
            {
                var local = SignIn.SafeReturn(returnUrl);
                var properties = new AuthenticationProperties { RedirectUri = $"{FinishPath}?returnUrl={Uri.EscapeDataString(local)}" };
                properties.Items[ReturnUrlItem] = local;
                return Results.Challenge(properties, [Scheme]);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGet(FinishPath, FinishAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The sign-in page with a message about the single sign-on (see <see cref="SingleSignOnMessages"/>).</summary>
    internal static string SignInPage(string outcome, string returnUrl) =>
        $"{AccountsSetup.SignInPath}?external={outcome}&ReturnUrl={Uri.EscapeDataString(returnUrl)}";

    private static async Task<IResult> FinishAsync(string? returnUrl, HttpContext http, SignInManager<EquityUser> signIn,
        ExternalSignIn external, AuditTrail audit, IOptions<SingleSignOnOptions> options, ILoggerFactory loggers, CancellationToken ct)
    {
        var local = SignIn.SafeReturn(returnUrl);
        var result = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        var who = result.Succeeded ? ReadIdentity(result.Principal, options.Value) : null;
        if (who is null) return Results.LocalRedirect(SignInPage(SingleSignOnMessages.Failed, local));

        ExternalSignInResult resolved;
        try
        {
            resolved = await external.ResolveAsync(who, ct);
        }
        catch (AccountException ex)
        {
            loggers.CreateLogger(typeof(SingleSignOn)).LogWarning("Single sign-on of {Subject} refused by the account store: {Reason}", who.Subject, ex.Message);
            return Results.LocalRedirect(SignInPage(SingleSignOnMessages.Failed, local));
        }
        if (resolved.Refusal is { } refusal)
        {
            var name = resolved.User?.Email ?? who.Email ?? $"subject {who.Subject}";
            await audit.AddAsync("anonymous", AuditActions.SignInFailed, $"{name}: {Describe(refusal)} (single sign-on)", ct);
            return Results.LocalRedirect(SignInPage(SingleSignOnMessages.For(refusal), local));
        }

        // The provider vouched for the person: a locked-out password does not stop this sign-in.
        await signIn.SignInAsync(resolved.User!, isPersistent: false, authenticationMethod: Scheme);
        await audit.AddAsync(resolved.User!.Email!, AuditActions.SignIn, $"single sign-on with {who.ProviderName}", ct);
        return Results.LocalRedirect(local);
    }

    /// <summary>What the provider said about the person, from the handler's claims; null without a subject.</summary>
    internal static ExternalIdentity? ReadIdentity(ClaimsPrincipal? principal, SingleSignOnOptions options)
    {
        var subject = principal?.FindFirst("sub");
        if (principal is null || subject is null || string.IsNullOrWhiteSpace(subject.Value)) return null;
        IReadOnlyList<string> Values(string? type) =>
            string.IsNullOrWhiteSpace(type) ? [] : principal.FindAll(type).Select(c => c.Value).ToList();
        return new ExternalIdentity(
            Issuer: subject.Issuer,
            ProviderName: options.DisplayName,
            Subject: subject.Value,
            Email: principal.FindFirst("email")?.Value,
            EmailVerified: bool.TryParse(principal.FindFirst("email_verified")?.Value, out var verified) && verified,
            RoleValues: Values(options.RoleClaim),
            Clusters: Values(options.ClustersClaim));
    }

    /// <summary>A failure at or from the provider (cancelled, refused, an error answer, a broken callback): the sign-in page says so.</summary>
    private static Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        var error = context.Failure?.Data["error"] as string;
        var outcome = error == "access_denied" ? SingleSignOnMessages.Cancelled : SingleSignOnMessages.Failed;
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn))
            .LogWarning(context.Failure, "Single sign-on did not complete ({Error})", error ?? "no protocol error");
        var returnUrl = context.Properties?.Items.TryGetValue(ReturnUrlItem, out var r) == true ? SignIn.SafeReturn(r) : "/";
        context.Response.Redirect(SignInPage(outcome, returnUrl));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static string Describe(ExternalRefusal refusal) => refusal switch
    {
        ExternalRefusal.Disabled => "account disabled",
        ExternalRefusal.NoVerifiedEmail => "no verified e-mail from the provider",
        ExternalRefusal.LinkedToAnotherIdentity => "e-mail already linked to another identity at the provider",
        _ => refusal.ToString(),
    };
}

/// <summary>What the sign-in page says after a single sign-on that did not sign the person in, by the code in its address.</summary>
public static class SingleSignOnMessages
{
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
    public const string Disabled = "disabled";
    public const string NoVerifiedEmail = "no-email";
    public const string LinkedElsewhere = "linked-elsewhere";

    public static string For(ExternalRefusal refusal) => refusal switch
    {
        ExternalRefusal.Disabled => Disabled,
        ExternalRefusal.NoVerifiedEmail => NoVerifiedEmail,
        ExternalRefusal.LinkedToAnotherIdentity => LinkedElsewhere,
        _ => Failed,
    };

    /// <summary>The message for a code, or null for none or an unknown one (the address is not trusted to say more).</summary>
    public static string? Text(string? code, string provider) => code switch
    {
        Cancelled => $"Sign-in with {provider} was cancelled or refused. Try again, or sign in with your password.",
        Failed => $"Sign-in with {provider} did not complete. Try again; if it keeps failing, ask an admin.",
        Disabled => "Your account here is disabled, so you cannot sign in. Ask an admin of EquityDashboard.",
        NoVerifiedEmail => $"{provider} did not give a verified e-mail address, so no account could be found or made for you. Ask an admin.",
        LinkedElsewhere => $"The account with your e-mail address is already linked to another identity at {provider}. Ask an admin.",
        _ => null,
    };
}
