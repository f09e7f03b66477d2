namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>What a <see cref="DbValue"/> holds.</summary>
internal enum DbValueKind : byte { Null, Integer, Real, Text, Date }

/// <summary>
/// One value of a row an import writes: null, an integer, a real, text or a date. A struct converted
/// implicitly from the column's type, so a row travels as a span of these without a boxed
/// number or an object array per row.
/// </summary>
internal readonly struct DbValue
{
    private readonly long _bits;

    private DbValue(DbValueKind kind, long bits, string? text)
    {
        Kind = kind;
        _bits = bits;
        Text = text;
    }

    public static DbValue Null => default;

    public DbValueKind Kind { get; }
    public string? Text { get; }
    /// <summary>An integer, a real's IEEE 754 bits, or a date's day number.</summary>
    public long Bits => _bits;

    public DateOnly Date => DateOnly.FromDayNumber((int)_bits);

    public static implicit operator DbValue(string? text) => text is null ? default : new(DbValueKind.Text, 0, text);
    public static implicit operator DbValue(int value) => new(DbValueKind.Integer, value, null);
    public static implicit operator DbValue(long value) => new(DbValueKind.Integer, value, null);
    public static implicit operator DbValue(double value) => new(DbValueKind.Real, BitConverter.DoubleToInt64Bits(value), null);
    public static implicit operator DbValue(DateOnly value) => new(DbValueKind.Date, value.DayNumber, null);
    public static implicit operator DbValue(DateOnly? value) => value is { } v ? (DbValue)v : Null;
    public static implicit operator DbValue(int? value) => value is { } v ? (DbValue)v : Null;
    public static implicit operator DbValue(long? value) => value is { } v ? (DbValue)v : Null;
    public static implicit operator DbValue(double? value) => value is { } v ? (DbValue)v : Null;
}
