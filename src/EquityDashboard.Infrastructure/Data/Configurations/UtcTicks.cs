using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EquityDashboard.Infrastructure.Data.Configurations;

/// <summary>
/// Moments stored as UTC ticks: SQLite has no date type, and text would neither sort nor
/// compare by time. Shared by every configuration that stores a <see cref="DateTimeOffset"/>.
/// </summary>
internal static class UtcTicks
{
    public static readonly ValueConverter<DateTimeOffset, long> Converter =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public static readonly ValueConverter<DateTimeOffset?, long?> NullableConverter =
        new(v => v == null ? null : v.Value.UtcTicks, v => v == null ? null : new DateTimeOffset(v.Value, TimeSpan.Zero));
}
