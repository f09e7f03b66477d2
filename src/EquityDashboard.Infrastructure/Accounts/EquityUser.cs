using Microsoft.AspNetCore.Identity;

namespace EquityDashboard.Infrastructure.Accounts;

/// <summary>An account (ASP.NET Core Identity), stored in the product's database.</summary>
public sealed class EquityUser : IdentityUser
{
    /// <summary>For a data manager limited to some clusters: those clusters, separated by ';'. Null: every cluster.</summary>
    public string? Clusters { get; set; }
    /// <summary>A disabled account cannot sign in or use its tokens; it is kept for the audit trail.</summary>
    public bool IsDisabled { get; set; }

    public IReadOnlyList<string>? ClusterList =>
        string.IsNullOrWhiteSpace(Clusters) ? null : Clusters.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// An API token for automation (<c>Authorization: Bearer TOKEN</c>). Only its SHA-256 is stored; the
/// token itself is shown once, when it is made.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
