using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EquityDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>
/// The rows an import writes to one table, as the code knows them: the entity and its
/// properties, in the order a row's values come. Where they are stored is the EF model's
/// business (<see cref="StoreTable"/>).
/// </summary>
internal sealed class StoreShape(Type entity, params string[] properties)
{
    public Type Entity => entity;
    public IReadOnlyList<string> Properties => properties;

    public override string ToString() => $"{entity.Name}({string.Join(", ", properties)})";
}

/// <summary>
/// A <see cref="StoreShape"/> as the database has it: the table's name and each property's
/// column name and store type, read from the context's EF model (the compiled one on SQLite),
/// once per model and shape.
/// </summary>
internal sealed class StoreTable
{
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<StoreShape, StoreTable>> Cache = new();

    private StoreTable(string name, string? schema, string[] columns, string[] storeTypes)
    {
        Name = name;
        Schema = schema;
        Columns = columns;
        StoreTypes = storeTypes;
    }

    public string Name { get; }
    public string? Schema { get; }
    public IReadOnlyList<string> Columns { get; }
    /// <summary>Each column's type as the database declares it ("INTEGER", "character varying(300)", ...).</summary>
    public IReadOnlyList<string> StoreTypes { get; }

    /// <summary>The table's name quoted for SQL (both SQLite and PostgreSQL quote with double quotes).</summary>
    public string Quoted => Schema is null ? EntitySql.Quote(Name) : $"{EntitySql.Quote(Schema)}.{EntitySql.Quote(Name)}";

    public string QuotedColumns => string.Join(", ", Columns.Select(EntitySql.Quote));

    public static StoreTable Of(IModel model, StoreShape shape) =>
        Cache.GetValue(model, _ => new ConcurrentDictionary<StoreShape, StoreTable>()).GetOrAdd(shape, s => Resolve(model, s));

    private static StoreTable Resolve(IModel model, StoreShape shape)
    {
        var entity = model.FindEntityType(shape.Entity)
            ?? throw new InvalidOperationException($"{shape.Entity.Name} is not in the EF model.");
        var name = entity.GetTableName() ?? throw new InvalidOperationException($"{shape.Entity.Name} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var properties = shape.Properties.Select(p => entity.FindProperty(p)
            ?? throw new InvalidOperationException($"{shape.Entity.Name} has no property {p}.")).ToList();
        return new StoreTable(name, entity.GetSchema(),
            properties.Select(p => p.GetColumnName(table) ?? throw new InvalidOperationException($"{shape.Entity.Name}.{p.Name} has no column.")).ToArray(),
            properties.Select(p => p.GetColumnType(table)).ToArray());
    }
}
