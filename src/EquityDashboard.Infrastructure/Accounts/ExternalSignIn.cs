using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Accounts;

/// <summary>
/// What an identity provider (single sign-on) says about the person signing in.
/// </summary>
/// <param name="Issuer">The provider's issuer; with <paramref name="Subject"/> it names the person for good.</param>
/// <param name="ProviderName">The provider as people know it (the sign-in button's label).</param>
/// <param name="Subject">The provider's identifier of the person (<c>sub</c>).</param>
/// <param name="Email">The e-mail address the provider gives, if any.</param>
/// <param name="EmailVerified">Whether the provider vouches for <paramref name="Email"/> (<c>email_verified</c>).</param>
/// <param name="RoleValues">The values of the provider's role claim, as sent.</param>
/// <param name="Clusters">The values of the provider's clusters claim, as sent (each may list several, separated by ';').</param>
public sealed record ExternalIdentity(string Issuer, string ProviderName, string Subject, string? Email, bool EmailVerified,
    IReadOnlyList<string> RoleValues, IReadOnlyList<string> Clusters);

/// <summary>Why a single sign-on was refused; nothing was written.</summary>
public enum ExternalRefusal
{
    /// <summary>No account is linked to the person and the provider gave no verified e-mail to find or make one.</summary>
    NoVerifiedEmail,
    /// <summary>The local account is disabled.</summary>
    Disabled,
    /// <summary>The account with that e-mail is already linked to another identity at the same provider.</summary>
    LinkedToAnotherIdentity,
}

/// <summary>The local account a single sign-on resolved to, or why it was refused.</summary>
/// <param name="User">The account (also set when it was refused because it is disabled).</param>
/// <param name="Role">The account's role after the sign-in, when accepted.</param>
public sealed record ExternalSignInResult(EquityUser? User, string? Role, ExternalRefusal? Refusal)
{
    public bool Accepted => Refusal is null;
}

/// <summary>
/// Single sign-on onto local accounts: the person the provider vouches for becomes a local
/// ASP.NET Core Identity account, so roles, the audit trail, the cookie, the security stamp and
/// disabling work as for a password sign-in. The account is found by its link to the provider
/// (issuer and subject, Identity's user logins), else by the verified e-mail (and then linked),
/// else made without a password. Its role and clusters follow the provider's claims at every
/// sign-in. Every change is audited in the transaction that makes it.
/// </summary>
public sealed class ExternalSignIn(IServiceScopeFactory scopes)
{
    /// <summary>Finds, links or makes the account and brings its role and clusters in line with the provider's claims.</summary>
    public async Task<ExternalSignInResult> ResolveAsync(ExternalIdentity who, CancellationToken ct = default)
    {
        var role = HighestRole(who.RoleValues);
        var clusters = role == Roles.DataManager ? ClusterList(who.Clusters) : null;
        var actor = ActorName(who.Issuer);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EquityUser>>();
        var db = scope.ServiceProvider.GetRequiredService<EquityDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var user = await users.FindByLoginAsync(who.Issuer, who.Subject);
        if (user is null)
        {
            if (!who.EmailVerified || string.IsNullOrWhiteSpace(who.Email))
                return new ExternalSignInResult(null, null, ExternalRefusal.NoVerifiedEmail);
            var email = who.Email.Trim();
            user = await users.FindByEmailAsync(email);
            if (user is not null)
            {
                if (user.IsDisabled) return new ExternalSignInResult(user, null, ExternalRefusal.Disabled);
                if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == who.Issuer))
                    return new ExternalSignInResult(user, null, ExternalRefusal.LinkedToAnotherIdentity);
                Check(await users.AddLoginAsync(user, new UserLoginInfo(who.Issuer, who.Subject, who.ProviderName)));
                await AuditTrail.WriteAsync(db, actor, AuditActions.LoginLinked, null,
                    $"{user.Email} to {who.ProviderName} (subject {who.Subject})", ct);
            }
            else
            {
                user = new EquityUser { UserName = email, Email = email, EmailConfirmed = true, Clusters = Join(clusters) };
                Check(await users.CreateAsync(user));
                Check(await users.AddToRoleAsync(user, role));
                Check(await users.AddLoginAsync(user, new UserLoginInfo(who.Issuer, who.Subject, who.ProviderName)));
                await AuditTrail.WriteAsync(db, actor, AuditActions.UserAdded, null,
                    $"{user.Email} as {role}{ClustersNote(clusters)}, from single sign-on with {who.ProviderName} (subject {who.Subject})", ct);
                await tx.CommitAsync(ct);
                return new ExternalSignInResult(user, role, null);
            }
        }
        if (user.IsDisabled) return new ExternalSignInResult(user, null, ExternalRefusal.Disabled);

        var old = await AccountService.RoleOfAsync(users, user);
        if (old != role || !string.Equals(user.Clusters, Join(clusters), StringComparison.Ordinal))
        {
            Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
            Check(await users.AddToRoleAsync(user, role));
            user.Clusters = Join(clusters);
            Check(await users.UpdateAsync(user));
            await AuditTrail.WriteAsync(db, actor, AuditActions.RoleChanged, null,
                $"{user.Email}: {old} -> {role}{ClustersNote(clusters)}, from {who.ProviderName}'s role claim", ct);
        }
        await tx.CommitAsync(ct);
        return new ExternalSignInResult(user, role, null);
    }

    /// <summary>
    /// The role the provider's claim values give: the highest of viewer, data-manager and admin
    /// named (in any case); viewer when none is.
    /// </summary>
    public static string HighestRole(IEnumerable<string> values)
    {
        var known = values.Select(Roles.Parse).OfType<string>().ToHashSet();
        return Roles.All.LastOrDefault(known.Contains) ?? Roles.Viewer;
    }

    /// <summary>The clusters from the claim's values (repeated, or separated by ';'), or null (every cluster) when none.</summary>
    public static IReadOnlyList<string>? ClusterList(IEnumerable<string> values)
    {
        var clusters = values
            .SelectMany(v => v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return clusters.Count > 0 ? clusters : null;
    }

    /// <summary>Who made a change in the audit trail: <c>oidc:&lt;the issuer's host&gt;</c>.</summary>
    public static string ActorName(string issuer) =>
        "oidc:" + (Uri.TryCreate(issuer, UriKind.Absolute, out var uri) ? uri.Authority : issuer);

    private static string? Join(IReadOnlyList<string>? clusters) => clusters is { Count: > 0 } ? string.Join(';', clusters) : null;

    private static string ClustersNote(IReadOnlyList<string>? clusters) =>
        clusters is { Count: > 0 } ? $" (clusters {string.Join(", ", clusters)})" : "";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
