using System.Globalization;
using System.Text;
using EquityDashboard.Core.Records;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
    /// <summary>Adds an entry in the transaction open on <paramref name="connection"/>.</summary>
    internal static async Task WriteAsync(SqliteConnection connection, SqliteTransaction? transaction, string actor, string action,
        int? batchId, string? details, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO AuditEvents (At, Actor, Action, BatchId, Details) VALUES ($at, $actor, $action, $batch, $details)";
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.UtcTicks);
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$batch", (object?)batchId ?? DBNull.Value);
        command.Parameters.AddWithValue("$details", details is null ? DBNull.Value : details.Length <= 2000 ? details : details[..2000]);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Adds an entry in the EF context's current transaction (or on its own when there is none).</summary>
    public static Task WriteAsync(EquityDbContext db, string actor, string action, int? batchId, string? details, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return InsertAsync(db, actor, action, batchId, details, ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        return WithOpenConnectionAsync(db, () => WriteAsync(connection, transaction, actor, action, batchId, details, ct), ct);
    }

    /// <summary>
    /// The same entry through EF's connection and transaction, on any database: table and column
    /// names from the model, quoted as the provider quotes them.
    /// </summary>
    private static Task InsertAsync(EquityDbContext db, string actor, string action, int? batchId, string? details, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(AuditEvent))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({Column(nameof(AuditEvent.At))}, {Column(nameof(AuditEvent.Actor))}, "
            + $"{Column(nameof(AuditEvent.Action))}, {Column(nameof(AuditEvent.BatchId))}, {Column(nameof(AuditEvent.Details))}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}})";
        // EF sends a null as NULL of the column's type.
        object?[] values = [DateTimeOffset.UtcNow.UtcTicks, actor, action, batchId, details is null ? null : Clip(details)];
        return db.Database.ExecuteSqlRawAsync(text, values!, ct);
    }

    private static string Clip(string details) => details.Length <= 2000 ? details : details[..2000];

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
