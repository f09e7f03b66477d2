using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EquityDashboard.Web.Api;

/// <summary>
/// Healthy when the configured database opens and answers a one-row query on the
/// governorate table (so a missing file, a broken file, an unreachable PostgreSQL server or a
/// missing schema are all caught).
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<EquityDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var engine = db is PostgreSqlEquityDbContext ? "PostgreSQL" : "SQLite";
            var areas = await db.Areas.AnyAsync(cancellationToken);
            return areas
                ? HealthCheckResult.Healthy($"The {engine} database answers.")
                : HealthCheckResult.Unhealthy("The database has no areas: it was not initialised.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be queried.", ex);
        }
    }
}
