using System.Security.Claims;
using System.Threading.RateLimiting;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Web.Accounts;

/// <summary>Who may read (<c>Access</c> in appsettings).</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";
    /// <summary>True (the default): reading needs no account (public data, the demo). False: every page and API call needs sign-in.</summary>
    public bool AnonymousRead { get; set; } = true;
    /// <summary>Sign-in attempts accepted per minute from one address (then 429).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
    /// <summary>Files one person may upload per minute, on the Data page and through the API together (then refused).</summary>
    public int UploadsPerMinute { get; set; } = 20;
}

/// <summary>The authorization policies; each accepts the sign-in cookie and API tokens.</summary>
public static class Policies
{
    public const string Read = "read";
    public const string Import = "import";
    public const string Admin = "admin";
}

/// <summary>
/// Sign-in with ASP.NET Core Identity: a cookie for people, <c>Authorization: Bearer TOKEN</c> for
/// scripts; three roles enforced by policies here and again by the services on every change.
/// </summary>
public static class AccountsSetup
{
    /// <summary>Chooses the cookie or the token per request.</summary>
    public const string Scheme = "equity";
    public const string ClustersClaim = "equity:clusters";
    public const string SignInPath = "/account/sign-in";

    public static IServiceCollection AddEquityAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var access = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        services.Configure<AccessOptions>(configuration.GetSection(AccessOptions.Section));
        new IdentityBuilder(typeof(EquityUser), typeof(IdentityRole), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<EquityClaimsFactory>();
        services.AddSingleton<SetupLink>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or API token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddEquitySingleSignOn(configuration)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "equity.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API answers 401/403 as problem+json instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized, () => ctx.Response.Redirect(ctx.RedirectUri));
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden, () => ctx.Response.Redirect(ctx.RedirectUri));
        });
        // A disabled account's cookie stops working at the next check of its security stamp.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p =>
            {
                if (access.AnonymousRead) p.RequireAssertion(_ => true);
                else p.RequireAuthenticatedUser();
            })
            .AddPolicy(Policies.Import, p => p.RequireRole(Roles.DataManager, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .SetFallbackPolicy(access.AnonymousRead ? null : new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) => await ctx.HttpContext.Response.WriteAsJsonAsync(new
            {
                title = "Too many requests.",
                status = 429,
                detail = "Too many attempts from this address; wait a minute and try again.",
            }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
            // Sign-in attempts (form posts): a few a minute per address; the lockout after 5 wrong
            // passwords guards each account, this guards against trying many accounts.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = access.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("none"));
        });
        return services;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> ctx, int status, Action redirect)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api"))
        {
            redirect();
            return Task.CompletedTask;
        }
        return Problems.WriteAsync(ctx.HttpContext, status);
    }

    /// <summary>The caller as the services check it: a viewer unless signed in with another role.</summary>
    public static Actor ActorOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return new Actor("anonymous", Roles.Viewer);
        var role = Roles.All.LastOrDefault(user.IsInRole) ?? Roles.Viewer;
        var clusters = user.FindFirst(ClustersClaim)?.Value is { Length: > 0 } c
            ? c.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
        return new Actor(user.Identity.Name ?? "unknown", role, clusters);
    }
}

/// <summary>401 and 403 as problem+json, saying what is needed.</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        object problem = status == StatusCodes.Status401Unauthorized
            ? new { title = "Sign-in needed.", status, detail = "Sign in, or send an API token as 'Authorization: Bearer TOKEN'." }
            : new { title = "Not allowed.", status, detail = "Your role does not allow this. Data managers import and withdraw; admins also restore, purge and read the audit trail." };
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}

/// <summary>Adds the data manager's clusters to the sign-in cookie.</summary>
public sealed class EquityClaimsFactory(UserManager<EquityUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<EquityUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(EquityUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.Clusters is { Length: > 0 } clusters) identity.AddClaim(new Claim(AccountsSetup.ClustersClaim, clusters));
        return identity;
    }
}

/// <summary>The account endpoints that are not pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async (SignInManager<EquityUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/");
            })
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute())
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapEquitySingleSignOn();
        return app;
    }
}
