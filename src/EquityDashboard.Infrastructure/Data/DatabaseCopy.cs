using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>Rows of one table in the SQLite source and in the PostgreSQL target after the copy.</summary>
public sealed record TableCopy(string Table, long SourceRows, long TargetRows);

/// <summary>The copy was refused or failed its check; nothing was written to the target.</summary>
public sealed class DatabaseCopyException(string message) : Exception(message);

/// <summary>
/// Moves a deployment from SQLite to PostgreSQL (<c>db copy</c>): every table of the model (batches,
/// flows and totals, areas, organisation aliases, accounts with their roles and claims, the audit
/// trail, API tokens) from a SQLite database into an empty PostgreSQL one that the app's PostgreSQL
/// migrations have made, ids kept. Tables, columns and their types come from the two contexts'
/// models; each table is written with binary COPY, all in one transaction, and the row counts of
/// both sides are compared before it commits. Identity sequences then continue after the copied ids.
/// </summary>
public static class DatabaseCopy
{
    /// <summary>
    /// Tables the migrations and the app's start fill themselves (the roles, the gazetteer): replaced
    /// by the source's rows. Every other table of the target must be empty.
    /// </summary>
    private static readonly HashSet<string> RefilledTables = new(StringComparer.Ordinal) { "AspNetRoles", "Areas" };

    /// <param name="source">A context on the SQLite database, read in one snapshot.</param>
    /// <param name="target">A context on the PostgreSQL database, migrated and holding no data.</param>
    public static async Task<IReadOnlyList<TableCopy>> CopyAsync(EquityDbContext source, EquityDbContext target, CancellationToken ct = default)
    {
        if (source.Database.GetDbConnection() is not SqliteConnection from)
            throw new DatabaseCopyException("The source of a copy must be a SQLite database.");
        if (target.Database.GetDbConnection() is not NpgsqlConnection to)
            throw new DatabaseCopyException("The target of a copy must be a PostgreSQL database.");
        var tables = Tables(source.Model, target.Model);

        await source.Database.OpenConnectionAsync(ct);
        await target.Database.OpenConnectionAsync(ct);
        // One read transaction: the rows copied and counted are one snapshot, even while the app writes.
        await using var snapshot = from.BeginTransaction(deferred: true);
        await using var tx = await to.BeginTransactionAsync(ct);

        var busy = new List<string>();
        foreach (var table in tables.Where(t => !RefilledTables.Contains(t.Target.Name)))
        {
            var rows = await CountAsync(to, tx, table.Target.Name, ct);
            if (rows > 0) busy.Add($"{table.Target.Name} ({rows.ToString("N0", CultureInfo.InvariantCulture)} rows)");
        }
        if (busy.Count > 0)
            throw new DatabaseCopyException($"The target database is not empty: {string.Join(", ", busy)}. Copy into a new, empty database.");
        foreach (var table in tables.Where(t => RefilledTables.Contains(t.Target.Name)).Reverse())
        {
            // The rows that refer to another of the table first (the districts, then the governorates).
            if (table.SelfReference is { } parent)
                await ExecuteAsync(to, tx, $"DELETE FROM {Quote(table.Target.Name)} WHERE {Quote(parent)} IS NOT NULL", ct);
            await ExecuteAsync(to, tx, $"DELETE FROM {Quote(table.Target.Name)}", ct);
        }

        var result = new List<TableCopy>();
        foreach (var table in tables)
        {
            var sourceRows = await CountAsync(from, snapshot, table.Source.Name, ct);
            await CopyTableAsync(from, snapshot, to, table, ct);
            result.Add(new TableCopy(table.Target.Name, sourceRows, await CountAsync(to, tx, table.Target.Name, ct)));
        }
        if (result.Where(r => r.SourceRows != r.TargetRows).ToList() is { Count: > 0 } wrong)
        {
            throw new DatabaseCopyException("The row counts differ, nothing was copied: "
                + string.Join(", ", wrong.Select(r => $"{r.Table} {r.SourceRows} in the source, {r.TargetRows} in the target")));
        }
        foreach (var table in tables)
            foreach (var column in table.Columns.Where(c => c.IsGeneratedKey))
                await ExecuteAsync(to, tx, $"SELECT setval(pg_get_serial_sequence('{Quote(table.Target.Name)}', '{column.Target.Name}'), "
                    + $"COALESCE(MAX({Quote(column.Target.Name)}), 1), MAX({Quote(column.Target.Name)}) IS NOT NULL) FROM {Quote(table.Target.Name)}", ct);
        await tx.CommitAsync(ct);
        return result;
    }

    private sealed record Column(IColumn Source, IColumn Target, Func<DbDataReader, int, object?> Read, Func<object?, object?> Convert, string DataType,
        bool IsGeneratedKey);

    private sealed record Table(ITable Source, ITable Target, IReadOnlyList<Column> Columns, string? SelfReference);

    /// <summary>The model's tables, principals before their dependents, each column matched to the target's by property.</summary>
    private static List<Table> Tables(IModel sourceModel, IModel targetModel)
    {
        var targets = targetModel.GetRelationalModel().Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var tables = new List<Table>();
        foreach (var table in sourceModel.GetRelationalModel().Tables)
        {
            if (!targets.TryGetValue(table.Name, out var target))
                throw new DatabaseCopyException($"The PostgreSQL model has no table {table.Name}.");
            var columns = new List<Column>();
            foreach (var column in table.Columns)
            {
                var property = column.PropertyMappings.First().Property;
                var targetColumn = target.Columns.FirstOrDefault(c => c.PropertyMappings.Any(m =>
                        m.Property.DeclaringType.Name == property.DeclaringType.Name && m.Property.Name == property.Name))
                    ?? throw new DatabaseCopyException($"The PostgreSQL table {target.Name} has no column for {property.DeclaringType.Name}.{property.Name}.");
                var sourceMapping = column.PropertyMappings.First().TypeMapping;
                var targetMapping = targetColumn.PropertyMappings.First().TypeMapping;
                columns.Add(new Column(column, targetColumn, Reader(sourceMapping.Converter?.ProviderClrType ?? sourceMapping.ClrType),
                    Converter(sourceMapping, targetMapping), DataTypeName(targetColumn.StoreType),
                    IsIdentity(targetColumn.PropertyMappings.First().Property)));
            }
            var self = table.ForeignKeyConstraints.FirstOrDefault(f => f.PrincipalTable == table)?.Columns.Single().Name;
            tables.Add(new Table(table, target, columns, self));
        }
        return Ordered(tables);
    }

    /// <summary>
    /// A column whose values the target's sequence generates (an identity column), whether or not the
    /// source generates them (SQLite's flows take the rowid, their column says nothing of it).
    /// </summary>
    private static bool IsIdentity(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(int) || property.ClrType == typeof(long) || property.ClrType == typeof(short));

    /// <summary>"character varying(256)" is written as "character varying".</summary>
    private static string DataTypeName(string storeType) => storeType.Split('(')[0].Trim();

    private static List<Table> Ordered(List<Table> tables)
    {
        var ordered = new List<Table>();
        var done = new HashSet<ITable>();
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Where(t => !done.Contains(t.Source)
                && t.Source.ForeignKeyConstraints.All(f => f.PrincipalTable == t.Source || done.Contains(f.PrincipalTable))).ToList();
            if (ready.Count == 0) throw new DatabaseCopyException("The model's foreign keys form a cycle; its tables cannot be copied in order.");
            foreach (var t in ready.OrderBy(t => t.Source.Name, StringComparer.Ordinal))
            {
                ordered.Add(t);
                done.Add(t.Source);
            }
        }
        return ordered;
    }

    private static async Task CopyTableAsync(SqliteConnection from, SqliteTransaction snapshot, NpgsqlConnection to, Table table, CancellationToken ct)
    {
        await using var read = from.CreateCommand();
        read.Transaction = snapshot;
        // A table that refers to itself (the districts' governorate): the rows without a parent first.
        read.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => Quote(c.Source.Name)))} FROM {Quote(table.Source.Name)}"
            + (table.SelfReference is { } parent ? $" ORDER BY {Quote(parent)} IS NOT NULL" : "");
        await using var reader = await read.ExecuteReaderAsync(ct);
        await using var writer = await to.BeginBinaryImportAsync(
            $"COPY {Quote(table.Target.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Target.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
        while (await reader.ReadAsync(ct))
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                var value = column.Convert(column.Read(reader, i));
                if (value is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(value, column.DataType, ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>From the source's stored value to the model's, then to the target's stored value.</summary>
    private static Func<object?, object?> Converter(CoreTypeMapping source, CoreTypeMapping target)
    {
        var fromSource = source.Converter?.ConvertFromProvider;
        var toTarget = target.Converter?.ConvertToProvider;
        return value =>
        {
            if (value is null) return null;
            if (fromSource is not null) value = fromSource(value);
            if (value is not null && toTarget is not null) value = toTarget(value);
            return value switch
            {
                // PostgreSQL's timestamp with time zone takes UTC only.
                DateTimeOffset moment => moment.ToUniversalTime(),
                DateTime { Kind: DateTimeKind.Unspecified } moment when target.Converter is null && target is RelationalTypeMapping { StoreType: "timestamp with time zone" }
                    => DateTime.SpecifyKind(moment, DateTimeKind.Utc),
                _ => value,
            };
        };
    }

    private static readonly ConcurrentDictionary<Type, Func<DbDataReader, int, object?>> Readers = new();

    /// <summary>Reads a column as <paramref name="type"/> (SQLite's reader converts its stored text and numbers).</summary>
    private static Func<DbDataReader, int, object?> Reader(Type type) => Readers.GetOrAdd(Nullable.GetUnderlyingType(type) ?? type, t =>
        typeof(DatabaseCopy).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(t)
            .CreateDelegate<Func<DbDataReader, int, object?>>());

    private static object? ReadAs<T>(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
