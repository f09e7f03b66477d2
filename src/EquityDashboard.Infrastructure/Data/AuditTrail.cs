using System.Data.Common;
using System.Globalization;
using System.Text;
using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>What to list from the audit trail; every part optional.</summary>
public sealed record AuditQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, string? Actor = null, string? Action = null,
    int Limit = 1000);

/// <summary>
/// The audit trail: entries are added inside the transaction of the change they record (plain SQL
/// on that connection, so the importer's and EF's transactions both can), and read with filters.
/// The table refuses UPDATE and DELETE (triggers in the migration).
/// </summary>
public sealed class AuditTrail(IDbContextFactory<EquityDbContext> factory)
{
    /// <summary>Adds an entry in the transaction open on <paramref name="connection"/>, with the names of <paramref name="model"/>.</summary>
    internal static async Task WriteAsync(DbConnection connection, DbTransaction? transaction, IModel model, string actor, string action,
        int? batchId, string? details, CancellationToken ct)
    {
        var audit = new EntitySql(model, typeof(AuditEvent));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO {audit.Table} ({audit[nameof(AuditEvent.At)]}, {audit[nameof(AuditEvent.Actor)]}, {audit[nameof(AuditEvent.Action)]},
                {audit[nameof(AuditEvent.BatchId)]}, {audit[nameof(AuditEvent.Details)]})
            VALUES (@at, @actor, @action, @batch, @details)
            """;
        audit.Parameter(command, "@at", nameof(AuditEvent.At), DateTimeOffset.UtcNow);
        audit.Parameter(command, "@actor", nameof(AuditEvent.Actor), actor);
        audit.Parameter(command, "@action", nameof(AuditEvent.Action), action);
        audit.Parameter(command, "@batch", nameof(AuditEvent.BatchId), batchId);
        audit.Parameter(command, "@details", nameof(AuditEvent.Details), details is null || details.Length <= 2000 ? details : details[..2000]);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Adds an entry in the EF context's current transaction (or on its own when there is none).</summary>
    public static Task WriteAsync(EquityDbContext db, string actor, string action, int? batchId, string? details, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return WithOpenConnectionAsync(db, () => WriteAsync(connection, transaction, db.Model, actor, action, batchId, details, ct), ct);
    }

    private static async Task WithOpenConnectionAsync(EquityDbContext db, Func<Task> work, CancellationToken ct)
    {
        var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try { await work(); }
        finally { if (opened) await db.Database.CloseConnectionAsync(); }
    }

    /// <summary>Adds an entry on its own (sign-in events, which change nothing else).</summary>
    public async Task AddAsync(string actor, string action, string? details, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await WriteAsync(db, actor, action, null, details, ct);
    }

    /// <summary>Entries, newest first, filtered.</summary>
    public async Task<IReadOnlyList<AuditEvent>> ListAsync(AuditQuery query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.Audit.AsNoTracking();
        if (query.From is { } from) q = q.Where(e => e.At >= from);
        if (query.To is { } to) q = q.Where(e => e.At <= to);
        if (!string.IsNullOrWhiteSpace(query.Actor)) q = q.Where(e => e.Actor == query.Actor.Trim());
        if (!string.IsNullOrWhiteSpace(query.Action)) q = q.Where(e => e.Action == query.Action.Trim());
        return await q.OrderByDescending(e => e.Id).Take(Math.Clamp(query.Limit, 1, 100_000)).ToListAsync(ct);
    }

    /// <summary>The entries as CSV (UTF-8; cells that a spreadsheet would run as a formula are quoted with a leading apostrophe).</summary>
    public static string ToCsv(IEnumerable<AuditEvent> events)
    {
        var csv = new StringBuilder("id,at_utc,actor,action,batch_id,details\n");
        foreach (var e in events)
            csv.Append(CultureInfo.InvariantCulture, $"{e.Id},{e.At.UtcDateTime:yyyy-MM-dd HH:mm:ss},{Cell(e.Actor)},{Cell(e.Action)},{e.BatchId},{Cell(e.Details)}\n");
        return csv.ToString();
    }

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
