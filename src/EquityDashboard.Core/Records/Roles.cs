namespace EquityDashboard.Core.Records;

/// <summary>
/// The three roles. A viewer reads; a data manager also uploads, commits and withdraws imports (of
/// their clusters only, when limited to some); an admin also manages users, restores and purges
/// withdrawn batches and reads the audit trail.
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string DataManager = "data-manager";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, DataManager, Admin];

    /// <summary>The role as written, or null when it is not one of <see cref="All"/>.</summary>
    public static string? Parse(string? text) =>
        All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Who asks for a change, as the services check it on the server: a name for the audit trail,
/// a role, and for a data manager limited to some clusters those clusters.
/// </summary>
public sealed record Actor(string Name, string Role, IReadOnlyList<string>? Clusters = null)
{
    /// <summary>The command line: the machine's own operator, an admin (<c>cli:&lt;OS user&gt;</c>).</summary>
    public static Actor Cli() => new($"cli:{Environment.UserName}", Roles.Admin);

    /// <summary>The app itself loading the demo data on first start.</summary>
    public static readonly Actor System = new("system:seed", Roles.Admin);

    public bool CanImport => Role is Roles.DataManager or Roles.Admin;
    public bool CanWithdraw => CanImport;
    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>Whether the actor may write rows of this cluster (always, unless limited to clusters).</summary>
    public bool MayWriteCluster(string? cluster) =>
        Clusters is not { Count: > 0 } limited
        || (cluster is not null && limited.Any(c => string.Equals(c, cluster.Trim(), StringComparison.OrdinalIgnoreCase)));
}

/// <summary>The caller lacks the role for a change; nothing was written.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
