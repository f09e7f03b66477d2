using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Web.Accounts;

/// <summary>
/// Uploads per person and minute (<c>Access:UploadsPerMinute</c>), counted together for the Data
/// page (whose upload travels over the Blazor circuit, out of reach of the HTTP rate limiter) and
/// <c>POST /api/imports</c>, so neither way goes round the other's limit.
/// </summary>
public sealed class UploadThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public UploadThrottle(IOptions<AccessOptions> access)
    {
        var perMinute = Math.Max(1, access.Value.UploadsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetFixedWindowLimiter(caller,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        PerMinute = perMinute;
    }

    public int PerMinute { get; }

    /// <summary>True when <paramref name="caller"/> may upload now (and counts the upload).</summary>
    public bool TryAcquire(string caller)
    {
        using var lease = _limiter.AttemptAcquire(caller.ToUpperInvariant());
        return lease.IsAcquired;
    }

    /// <summary>What a refused caller is told.</summary>
    public string Refusal => $"You have uploaded {PerMinute} files in the last minute, the most this server accepts; wait a minute and try again.";

    public void Dispose() => _limiter.Dispose();
}
