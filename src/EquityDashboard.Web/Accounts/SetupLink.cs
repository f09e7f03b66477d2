using System.Security.Cryptography;
using EquityDashboard.Infrastructure.Accounts;

namespace EquityDashboard.Web.Accounts;

/// <summary>
/// The first administrator without editing the database: when no account exists at start, a random
/// one-time token is made and logged as a link to <c>/account/setup</c>; it creates one admin, then
/// is spent. A restart with no account yet makes a new one.
/// </summary>
public sealed class SetupLink(AccountService accounts, ILogger<SetupLink> log)
{
    private string? _token;
    private readonly Lock _gate = new();

    public async Task LogIfNeededAsync(string baseUrl, CancellationToken ct = default)
    {
        if (await accounts.AnyAsync(ct)) return;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        lock (_gate) _token = token;
        log.LogWarning("No account exists yet. Create the first admin at {Url} (this link works once).",
            $"{baseUrl.TrimEnd('/')}/account/setup?token={token}");
    }

    /// <summary>True once for the right token: the caller then creates the first admin.</summary>
    public bool TrySpend(string? token)
    {
        lock (_gate)
        {
            if (_token is null || token is null
                || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(_token), System.Text.Encoding.ASCII.GetBytes(token)))
                return false;
            _token = null;
            return true;
        }
    }

    public bool IsOpen(string? token)
    {
        lock (_gate) return _token is not null && token is not null && string.Equals(_token, token, StringComparison.Ordinal);
    }
}
