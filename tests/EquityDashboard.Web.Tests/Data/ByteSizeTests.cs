using EquityDashboard.Web.Components.Pages.Data;

namespace EquityDashboard.Web.Tests.Data;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1, "1 byte")]
    [InlineData(1023, "1,023 bytes")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(1024 * 1024, "1 MB")]
    [InlineData(100L * 1024 * 1024, "100 MB")]
    [InlineData(5L * 1024 * 1024 * 1024 / 2, "2560 MB")]
    public void Sizes_read_as_people_say_them(long bytes, string expected) => Assert.Equal(expected, ByteSize.Format(bytes));
}
