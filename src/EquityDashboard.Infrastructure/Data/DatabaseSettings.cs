using Microsoft.Extensions.Configuration;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>The database engines the store runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>One file on one machine: the default, and the demo.</summary>
    Sqlite,
    /// <summary>A shared server: several web instances and scheduled imports on one database.</summary>
    PostgreSql,
}

/// <summary>
/// Which database the app uses: <c>Database:Provider</c> (<c>Sqlite</c>, the default, or
/// <c>PostgreSQL</c>, any case; <c>Database__Provider</c> in the environment), with the
/// connection string in <c>ConnectionStrings:Default</c> for either.
/// </summary>
public static class DatabaseSettings
{
    public const string ProviderKey = "Database:Provider";

    /// <summary>The configured provider; Sqlite when none is set.</summary>
    /// <exception cref="InvalidOperationException">The setting names no known provider.</exception>
    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        var value = configuration[ProviderKey]?.Trim();
        if (string.IsNullOrEmpty(value) || value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)) return DatabaseProvider.Sqlite;
        if (value.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            return DatabaseProvider.PostgreSql;
        throw new InvalidOperationException($"{ProviderKey} is '{value}': it must be Sqlite or PostgreSQL.");
    }
}
