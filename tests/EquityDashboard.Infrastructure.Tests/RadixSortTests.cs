using EquityDashboard.Infrastructure.Import;

namespace EquityDashboard.Infrastructure.Tests;

public sealed class RadixSortTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(50_000, 0)]          // full 64-bit keys: eight passes
    [InlineData(50_000, 0xFF00)]     // one varying byte: one pass, ends in the buffer
    [InlineData(50_000, 0xFFFF_0000_00FFUL)] // three varying bytes: odd passes
    public void Keys_come_out_sorted_with_their_items_and_equal_keys_keep_their_order(int count, ulong mask)
    {
        var random = new Random(count + (int)mask);
        var keys = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var key = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
            keys[i] = mask == 0 ? key : (key & mask) | 0x0100_0000_0000_0000UL;
        }
        keys.AsSpan(0, count / 2).CopyTo(keys.AsSpan(count / 2)); // many equal keys
        var items = Enumerable.Range(0, count).ToArray();
        var expected = keys.Select((k, i) => (k, i)).OrderBy(p => p.k).ToList(); // OrderBy is stable

        RadixSort.Sort(keys.AsSpan(), items.AsSpan());

        Assert.Equal(expected.Select(p => p.k), keys);
        Assert.Equal(expected.Select(p => p.i), items);
    }

    [Fact]
    public void Items_must_match_the_keys_one_to_one() =>
        Assert.Throws<ArgumentException>(() => RadixSort.Sort(new ulong[3].AsSpan(), new int[2].AsSpan()));
}
