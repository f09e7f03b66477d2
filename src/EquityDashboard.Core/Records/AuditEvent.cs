namespace EquityDashboard.Core.Records;

/// <summary>
/// One entry of the audit trail: who did what, when. Written in the same transaction as the change
/// it records, and never changed or deleted afterwards (the database refuses both).
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>A user's e-mail, <c>cli:&lt;OS user&gt;</c>, or <c>anonymous</c> (failed sign-ins).</summary>
    public required string Actor { get; set; }
    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }
    /// <summary>The batch concerned, for imports, withdrawals, restores and purges.</summary>
    public int? BatchId { get; set; }
    /// <summary>What else identifies the change, for people (file name, SHA-256, rows; role given; token name).</summary>
    public string? Details { get; set; }
}

/// <summary>The actions the audit trail records.</summary>
public static class AuditActions
{
    public const string Import = "import";
    public const string Replace = "replace";
    public const string Withdraw = "withdraw";
    public const string Restore = "restore";
    public const string Purge = "purge";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string Lockout = "lockout";
    public const string UserAdded = "user-added";
    public const string RoleChanged = "role-changed";
    public const string UserDisabled = "user-disabled";
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    /// <summary>An existing account linked to an identity at the single sign-on provider (found by its verified e-mail).</summary>
    public const string LoginLinked = "login-linked";

    /// <summary>The actions that change the figures (every other action concerns accounts).</summary>
    public static readonly IReadOnlyList<string> DataChanges = [Import, Replace, Withdraw, Restore, Purge];

    public static readonly IReadOnlyList<string> All =
        [Import, Replace, Withdraw, Restore, Purge, SignIn, SignInFailed, Lockout, UserAdded, RoleChanged, UserDisabled, TokenCreated, TokenRevoked, LoginLinked];
}
