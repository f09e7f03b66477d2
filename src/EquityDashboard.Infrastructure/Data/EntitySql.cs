using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>
/// Plain SQL on one entity's table with the names and value conversions of the EF model, for the
/// few statements run outside EF (EF would compile a query and its change-tracking pipeline for
/// them on every run of the CLI, about 0.15 s of a command's start). The SQL is what SQLite and
/// PostgreSQL both accept: double-quoted names and @-named parameters.
/// </summary>
internal sealed class EntitySql
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;

    public EntitySql(IModel model, Type entity)
    {
        _entity = model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the EF model.");
        var name = _entity.GetTableName() ?? throw new InvalidOperationException($"{entity.Name} is not mapped to a table.");
        _table = StoreObjectIdentifier.Table(name, _entity.GetSchema());
        Table = _table.Schema is { } schema ? $"{Quote(schema)}.{Quote(name)}" : Quote(name);
    }

    /// <summary>The table, quoted.</summary>
    public string Table { get; }

    /// <summary>A property's column, quoted.</summary>
    public string this[string property] => Quote(Property(property).GetColumnName(_table)!);

    /// <summary>A value as stored in the property's column (its converter applied: enums as names, moments as ticks...).</summary>
    public object ToStore(string property, object? value)
    {
        if (value is null) return DBNull.Value;
        var converter = Property(property).GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value) ?? DBNull.Value;
    }

    /// <summary>A column's value read back as the property's type (null for SQL NULL).</summary>
    public T? FromStore<T>(string property, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return default;
        var mapping = Property(property).GetTypeMapping();
        var stored = reader.GetValue(ordinal);
        if (mapping.Converter is { } converter)
            return (T?)converter.ConvertFromProvider(ChangeType(stored, converter.ProviderClrType));
        return (T?)ChangeType(stored, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>Adds an @-named parameter holding the property's stored value.</summary>
    public void Parameter(DbCommand command, string name, string property, object? value) =>
        Add(command, name, ToStore(property, value));

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>SQLite hands back integers as Int64 and PostgreSQL sums as wider types than the column's.</summary>
    private static object ChangeType(object value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsInstanceOfType(value) || !(value is IConvertible) ? value : Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    private IProperty Property(string name) =>
        _entity.FindProperty(name) ?? throw new InvalidOperationException($"{_entity.ClrType.Name} has no property {name}.");
}
