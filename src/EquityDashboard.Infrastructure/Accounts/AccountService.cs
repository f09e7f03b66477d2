using System.Security.Cryptography;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Accounts;

/// <summary>An account as listed: e-mail, role, clusters (for a limited data manager), disabled.</summary>
public sealed record AccountRow(string Email, string Role, IReadOnlyList<string>? Clusters, bool Disabled, bool LockedOut);

/// <summary>Why an account change was refused; nothing was written.</summary>
public sealed class AccountException(string message) : Exception(message);

/// <summary>
/// Accounts and API tokens: what the CLI's `users` and `tokens` commands, the set-up page and the
/// profile page do. Every change checks the caller's role and writes the audit trail in the same
/// transaction. Each operation works in its own service scope (one context, one transaction).
/// </summary>
public sealed class AccountService(IServiceScopeFactory scopes)
{
    /// <summary>Characters of a new API token: 32 random bytes, URL-safe base64, with a prefix that says what it is.</summary>
    public const string TokenPrefix = "edt_";

    public async Task<IReadOnlyList<AccountRow>> ListAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EquityUser>>();
        var rows = new List<AccountRow>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync(ct))
            rows.Add(new AccountRow(user.Email!, await RoleOfAsync(users, user), user.ClusterList, user.IsDisabled,
                await users.IsLockedOutAsync(user)));
        return rows;
    }

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<EquityUser>>().Users.AnyAsync(ct);
    }

    /// <summary>Adds an account. <paramref name="actor"/> must be an admin (the CLI's operator is).</summary>
    public Task AddAsync(Actor actor, string email, string role, IReadOnlyList<string>? clusters, string password, CancellationToken ct = default) =>
        InTransactionAsync(actor, requireAdmin: true, async (users, db) =>
        {
            var known = Roles.Parse(role) ?? throw new AccountException($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.");
            if (clusters is { Count: > 0 } && known != Roles.DataManager)
                throw new AccountException("Only a data manager can be limited to clusters.");
            var user = new EquityUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, Clusters = Join(clusters) };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, known));
            await AuditTrail.WriteAsync(db, actor.Name, AuditActions.UserAdded, null,
                $"{user.Email} as {known}{(clusters is { Count: > 0 } ? $" (clusters {string.Join(", ", clusters)})" : "")}", ct);
        }, ct);

    public Task SetRoleAsync(Actor actor, string email, string role, IReadOnlyList<string>? clusters, CancellationToken ct = default) =>
        InTransactionAsync(actor, requireAdmin: true, async (users, db) =>
        {
            var known = Roles.Parse(role) ?? throw new AccountException($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.");
            if (clusters is { Count: > 0 } && known != Roles.DataManager)
                throw new AccountException("Only a data manager can be limited to clusters.");
            var user = await FindAsync(users, email);
            var old = await RoleOfAsync(users, user);
            Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
            Check(await users.AddToRoleAsync(user, known));
            user.Clusters = Join(clusters);
            Check(await users.UpdateAsync(user));
            await AuditTrail.WriteAsync(db, actor.Name, AuditActions.RoleChanged, null,
                $"{user.Email}: {old} -> {known}{(clusters is { Count: > 0 } ? $" (clusters {string.Join(", ", clusters)})" : "")}", ct);
        }, ct);

    public Task DisableAsync(Actor actor, string email, CancellationToken ct = default) =>
        InTransactionAsync(actor, requireAdmin: true, async (users, db) =>
        {
            var user = await FindAsync(users, email);
            user.IsDisabled = true;
            Check(await users.UpdateAsync(user));
            // Signs the account out everywhere: its cookies carry the old security stamp.
            Check(await users.UpdateSecurityStampAsync(user));
            await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow), ct);
            await AuditTrail.WriteAsync(db, actor.Name, AuditActions.UserDisabled, null, user.Email, ct);
        }, ct);

    /// <summary>Makes an API token for the account and returns it (shown once; only its hash is kept).</summary>
    /// <remarks>An admin may make one for anyone; a user for their own account.</remarks>
    public async Task<string> CreateTokenAsync(Actor actor, string email, string name, CancellationToken ct = default)
    {
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await InTransactionAsync(actor, requireAdmin: false, async (users, db) =>
        {
            var user = await FindAsync(users, email);
            if (!actor.IsAdmin && !string.Equals(actor.Name, user.Email, StringComparison.OrdinalIgnoreCase))
                throw new ForbiddenException("Only an admin can make a token for another account.");
            if (string.IsNullOrWhiteSpace(name)) throw new AccountException("Give the token a name (what it is for).");
            db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = name.Trim(), Hash = Hash(token), CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(ct);
            await AuditTrail.WriteAsync(db, actor.Name, AuditActions.TokenCreated, null, $"'{name.Trim()}' for {user.Email}", ct);
        }, ct);
        return token;
    }

    /// <summary>The account's tokens (never the tokens themselves).</summary>
    public async Task<IReadOnlyList<ApiToken>> TokensAsync(string email, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EquityUser>>();
        var db = scope.ServiceProvider.GetRequiredService<EquityDbContext>();
        var user = await FindAsync(users, email);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.Id).ToListAsync(ct);
    }

    public Task RevokeTokenAsync(Actor actor, string email, int tokenId, CancellationToken ct = default) =>
        InTransactionAsync(actor, requireAdmin: false, async (users, db) =>
        {
            var user = await FindAsync(users, email);
            if (!actor.IsAdmin && !string.Equals(actor.Name, user.Email, StringComparison.OrdinalIgnoreCase))
                throw new ForbiddenException("Only an admin can revoke another account's token.");
            var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.Id, ct)
                ?? throw new AccountException($"No token {tokenId} for {user.Email}.");
            if (token.RevokedAt is not null) return;
            token.RevokedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(ct);
            await AuditTrail.WriteAsync(db, actor.Name, AuditActions.TokenRevoked, null, $"'{token.Name}' of {user.Email}", ct);
        }, ct);

    /// <summary>How stale a token's "last used" time may be.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>The account a bearer token belongs to, or null (unknown, revoked, or the account disabled).</summary>
    public async Task<(EquityUser User, string Role)?> FindByTokenAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200) return null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EquityDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EquityUser>>();
        var hash = Hash(token);
        var stored = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, ct);
        if (stored is null) return null;
        var user = await users.FindByIdAsync(stored.UserId);
        if (user is null || user.IsDisabled) return null;
        // "Last used" to the minute: a script calling many times a second writes once a minute, not on every call.
        var now = DateTimeOffset.UtcNow;
        if (stored.LastUsedAt is not { } last || now - last >= LastUsedPrecision)
        {
            stored.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return (user, await RoleOfAsync(users, user));
    }

    /// <summary>The account's one role (viewer when it has none).</summary>
    public static async Task<string> RoleOfAsync(UserManager<EquityUser> users, EquityUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return Roles.All.LastOrDefault(r => roles.Contains(r)) ?? Roles.Viewer;
    }

    private async Task InTransactionAsync(Actor actor, bool requireAdmin, Func<UserManager<EquityUser>, EquityDbContext, Task> work, CancellationToken ct)
    {
        if (requireAdmin && !actor.IsAdmin) throw new ForbiddenException("Managing accounts needs the admin role.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EquityUser>>();
        var db = scope.ServiceProvider.GetRequiredService<EquityDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await work(users, db);
        await tx.CommitAsync(ct);
    }

    private static async Task<EquityUser> FindAsync(UserManager<EquityUser> users, string email) =>
        await users.FindByEmailAsync(email.Trim()) ?? throw new AccountException($"No account '{email}'.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static string? Join(IReadOnlyList<string>? clusters) => clusters is { Count: > 0 } ? string.Join(';', clusters) : null;

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
