using System.Globalization;

namespace EquityDashboard.Core.Scope;

/// <summary>
/// The years the product knows: a view's year, a trend's first and last year and every year or
/// date the importer reads fall in this range (funding totals pack the year as years since <see cref="Min"/>).
/// </summary>
public static class YearRange
{
    public const int Min = 1990;
    public const int Max = 2100;

    public static bool Contains(int year) => year is >= Min and <= Max;

    /// <summary>Reads a year typed as text (digits only); blank is "not given" (true, null).</summary>
    public static bool TryParse(string? text, out int? year)
    {
        year = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || !Contains(value)) return false;
        year = value;
        return true;
    }

    /// <summary>"year must be a year from 1990 to 2100, such as 2019; got 'abc'."</summary>
    public static string Problem(string parameter, string? text) =>
        string.Create(CultureInfo.InvariantCulture, $"{parameter} must be a year from {Min} to {Max}, such as 2019; got '{text}'.");
}
