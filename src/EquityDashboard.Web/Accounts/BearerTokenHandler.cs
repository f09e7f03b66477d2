using System.Security.Claims;
using System.Text.Encodings.Web;
using EquityDashboard.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer TOKEN</c> for scripts: the token's hash is looked up; a revoked token or
/// a disabled account fails. The principal carries the account's name, role and clusters, as the cookie does.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccountService accounts) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var found = await accounts.FindByTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (found is not { } account) return AuthenticateResult.Fail("Unknown or revoked token.");
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.User.Id),
            new(ClaimTypes.Name, account.User.Email!),
            new(ClaimTypes.Role, account.Role),
        };
        if (account.User.Clusters is { Length: > 0 } clusters) claims.Add(new Claim(AccountsSetup.ClustersClaim, clusters));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Problems.WriteAsync(Context, StatusCodes.Status403Forbidden);
}
