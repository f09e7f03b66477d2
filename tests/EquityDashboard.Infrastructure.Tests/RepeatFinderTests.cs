using EquityDashboard.Infrastructure.Import;

namespace EquityDashboard.Infrastructure.Tests;

public sealed class RepeatFinderTests
{
    [Fact]
    public void Every_repeat_points_at_the_first_row_it_repeats_in_row_order()
    {
        // Capacity 2: the finder has to grow. Fingerprint 7 appears three times, 9 twice.
        var finder = new RepeatFinder(2);
        (ulong Fingerprint, int Row)[] rows = [(7, 2), (9, 3), (5, 4), (7, 5), (9, 6), (1, 7), (7, 8)];
        foreach (var (fingerprint, row) in rows) finder.Add(fingerprint, row);

        Assert.Equal([(5, 2), (6, 3), (8, 2)], finder.Repeats());
    }

    [Fact]
    public void Rows_all_different_have_no_repeats_and_an_empty_file_neither()
    {
        var finder = new RepeatFinder(0);
        Assert.Empty(finder.Repeats());
        for (var i = 0; i < 50_000; i++) finder.Add((ulong)i * 2_654_435_761UL, i + 2);
        Assert.Empty(finder.Repeats());
    }
}
