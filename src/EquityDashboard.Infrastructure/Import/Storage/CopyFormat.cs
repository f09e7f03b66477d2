using System.Buffers.Binary;
using System.Text;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>How a column takes a value in PostgreSQL's binary COPY.</summary>
internal enum CopyType : byte { Integer, Bigint, Smallint, Double, Real, Text, Date, Boolean }

/// <summary>
/// PostgreSQL's binary COPY format (the server's documentation, "COPY", "Binary Format"): a
/// header, then each row as its field count and each field as its length (-1 for null) and its
/// bytes in network order, then a trailer. Text is UTF-8, the client encoding Npgsql sets.
/// </summary>
internal static class CopyFormat
{
    /// <summary>The signature "PGCOPY\n\377\r\n\0", no flags, no header extension.</summary>
    public static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>A field count of -1.</summary>
    public static ReadOnlySpan<byte> Trailer => [0xFF, 0xFF];

    /// <summary>PostgreSQL's dates count days from 2000-01-01.</summary>
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;

    /// <summary>The type of a column of <paramref name="table"/> as its store type names it.</summary>
    public static CopyType TypeOf(StoreTable table, int column)
    {
        var storeType = table.StoreTypes[column];
        var type = storeType.ToLowerInvariant();
        var paren = type.IndexOf('(', StringComparison.Ordinal);
        return (paren < 0 ? type : type[..paren]).Trim() switch
        {
            "integer" or "int" or "int4" or "serial" => CopyType.Integer,
            "bigint" or "int8" or "bigserial" => CopyType.Bigint,
            "smallint" or "int2" => CopyType.Smallint,
            "double precision" or "float8" => CopyType.Double,
            "real" or "float4" => CopyType.Real,
            "text" or "character varying" or "varchar" => CopyType.Text,
            "date" => CopyType.Date,
            "boolean" or "bool" => CopyType.Boolean,
            _ => throw new NotSupportedException($"{table.Name}.{table.Columns[column]}: no binary COPY for the type {storeType}."),
        };
    }

    /// <summary>The most bytes <see cref="Write"/> takes for the row.</summary>
    public static int MaxBytes(ReadOnlySpan<DbValue> values)
    {
        var bytes = 2;
        foreach (var value in values)
            bytes += 4 + value.Kind switch
            {
                DbValueKind.Null => 0,
                DbValueKind.Text => Encoding.UTF8.GetMaxByteCount(value.Text!.Length),
                _ => 8,
            };
        return bytes;
    }

    /// <summary>Writes the row into <paramref name="to"/> (at least <see cref="MaxBytes"/> long); returns the bytes written.</summary>
    public static int Write(Span<byte> to, StoreTable table, ReadOnlySpan<CopyType> types, ReadOnlySpan<DbValue> values)
    {
        BinaryPrimitives.WriteInt16BigEndian(to, (short)values.Length);
        var at = 2;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            var field = to[(at + 4)..];
            var length = (value.Kind, types[i]) switch
            {
                (DbValueKind.Null, _) => -1,
                (DbValueKind.Integer, CopyType.Integer) => Int32(field, checked((int)value.Bits)),
                (DbValueKind.Integer, CopyType.Bigint) => Int64(field, value.Bits),
                (DbValueKind.Integer, CopyType.Smallint) => Int16(field, checked((short)value.Bits)),
                (DbValueKind.Integer, CopyType.Boolean) => Byte(field, value.Bits != 0 ? (byte)1 : (byte)0),
                (DbValueKind.Integer, CopyType.Double) => Int64(field, BitConverter.DoubleToInt64Bits((double)value.Bits)),
                (DbValueKind.Real, CopyType.Double) => Int64(field, value.Bits),
                (DbValueKind.Real, CopyType.Real) => Int32(field, BitConverter.SingleToInt32Bits((float)BitConverter.Int64BitsToDouble(value.Bits))),
                (DbValueKind.Text, CopyType.Text) => Encoding.UTF8.GetBytes(value.Text, field),
                (DbValueKind.Date, CopyType.Date) => Int32(field, value.Date.DayNumber - EpochDay),
                _ => throw new InvalidOperationException(
                    $"{table.Name}.{table.Columns[i]} is {table.StoreTypes[i]}; the import has a {value.Kind.ToString().ToLowerInvariant()} for it."),
            };
            BinaryPrimitives.WriteInt32BigEndian(to[at..], length);
            at += 4 + Math.Max(length, 0);
        }
        return at;
    }

    private static int Int16(Span<byte> to, short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(to, value);
        return 2;
    }

    private static int Int32(Span<byte> to, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(to, value);
        return 4;
    }

    private static int Int64(Span<byte> to, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(to, value);
        return 8;
    }

    private static int Byte(Span<byte> to, byte value)
    {
        to[0] = value;
        return 1;
    }
}
