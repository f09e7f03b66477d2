using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Core.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("12345678", "USD 12,345,678")]
    [InlineData("800000", "USD 800,000")]
    [InlineData("0", "USD 0")]
    [InlineData("999.4", "USD 999")]
    [InlineData("-1400000", "USD -1,400,000")]
    public void Full(string usd, string expected) =>
        Assert.Equal(expected, Money.Full(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("12345678", "USD 12.3 M")]   // 12.345678 M -> one decimal
    [InlineData("1000000", "USD 1.0 M")]
    [InlineData("450000", "USD 450 K")]
    [InlineData("1200000000", "USD 1.20 B")]
    [InlineData("2000000", "USD 2.0 M")]
    [InlineData("999", "USD 999")]
    [InlineData("0", "USD 0")]
    [InlineData("-2500000", "USD -2.5 M")]
    public void Short(string usd, string expected) =>
        Assert.Equal(expected, Money.Short(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("999999", "USD 1.0 M")]        // 999.999 K would round to "1000 K"
    [InlineData("999960000", "USD 1.00 B")]    // 999.96 M would round to "1000.0 M"
    public void Short_ValueThatRoundsUpToTheNextUnit_UsesTheNextUnit(string usd, string expected) =>
        Assert.Equal(expected, Money.Short(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Percent()
    {
        Assert.Equal("25.0", Money.Percent(0.25).TrimEnd('%', ' ', '\u00A0', '\u202F'));
        Assert.EndsWith("%", Money.Percent(0.25), StringComparison.Ordinal);
        // 2/3 -> 66.666..% -> one decimal 66.7 (machine outputs stay 0.666..; display rounds).
        Assert.StartsWith("66.7", Money.Percent(2.0 / 3), StringComparison.Ordinal);
        Assert.StartsWith("-37.5", Money.Percent(-0.375), StringComparison.Ordinal);
        Assert.StartsWith("0.0", Money.Percent(0), StringComparison.Ordinal);
        Assert.DoesNotContain("%", Money.Percent(null), StringComparison.Ordinal);
        Assert.DoesNotContain("0", Money.Percent(null), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5555555555555556, "0.56")]
    [InlineData(3.3333333333333335, "3.33")]
    [InlineData(0.5, "0.50")]
    [InlineData(0.0, "0.00")]
    public void Ratio(double ratio, string expected) => Assert.Equal(expected, Money.Ratio(ratio));

    [Fact]
    public void Ratio_Null_IsNoRecordedNeed() => Assert.Equal("no recorded need", Money.Ratio(null));

    [Fact]
    public void Number()
    {
        Assert.Equal("1,234,567", Money.Number(1_234_567));
        Assert.Equal("0", Money.Number(0));
        Assert.Equal("not reported", Money.Number(null));
    }

    [Theory]
    [InlineData(0.0004, "0.04%")]      // 0.0004 * 100 = 0.04: a small share must not read as 0.0%
    [InlineData(0.000123, "0.012%")]   // 0.0123 % to three decimals
    [InlineData(0.000001, "<0.001%")]  // 0.0001 %: below what three decimals show
    public void Percent_SmallNonZeroShares_NeverReadAsZero(double fraction, string expected) =>
        Assert.Equal(expected, Money.Percent(fraction));

    [Fact]
    public void PerPerson_has_two_decimals_and_a_dash_when_undefined()
    {
        Assert.Equal("USD 71.47", Money.PerPerson(71.4655));   // rounds half away: 71.4655 -> 71.47
        Assert.Equal("USD 1,234.50", Money.PerPerson(1234.5));
        Assert.Equal("–", Money.PerPerson(null));
    }
}
