using System.Text;
using EquityDashboard.Infrastructure.Import;

namespace EquityDashboard.Infrastructure.Tests.Tabular;

public sealed class CsvReaderTests
{
    private static List<CsvRecord> Read(string text, char delimiter = ',') =>
        new CsvReader(new StringReader(text), delimiter).ReadRecords().ToList();

    [Fact]
    public void Quoted_fields_keep_delimiters_quotes_and_line_breaks_and_rows_count_as_a_spreadsheet_shows_them()
    {
        var records = Read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,end");

        Assert.Equal([["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", "end"]], records.Select(r => r.Fields));
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
        Assert.All(records, r => Assert.False(r.UnclosedQuote));
    }

    [Fact]
    public void Streaming_reuses_the_fields_array_while_the_width_stays_the_same()
    {
        var seen = new List<(string[] Array, string Text)>();
        foreach (var record in new CsvReader(new StringReader("a,b\n1,2\n3,4\nx,y,z\n5,6,7\n")).ReadRecords(reuseFields: true))
            seen.Add((record.Fields, string.Join('|', record.Fields)));

        Assert.Equal(["a|b", "1|2", "3|4", "x|y|z", "5|6|7"], seen.Select(s => s.Text));
        Assert.Same(seen[0].Array, seen[2].Array);
        Assert.NotSame(seen[2].Array, seen[3].Array); // a new width needs a new array
        Assert.Same(seen[3].Array, seen[4].Array);
        // Without reuse every record keeps its own fields.
        var kept = Read("a,b\n1,2\n");
        Assert.NotSame(kept[0].Fields, kept[1].Fields);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_an_unclosed_quote_is_flagged()
    {
        var records = Read("a;b\n\n1;\"open\n2;3\n", ';');

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["1", "open\n2;3\n"], records[1].Fields);
        Assert.True(records[1].UnclosedQuote);
    }

    [Fact]
    public void Rows_crossing_the_read_buffer_come_back_whole_with_any_line_end()
    {
        // About 600 KB: many 64K buffer boundaries fall inside fields, quotes and CR LF pairs.
        var expected = new List<string[]>();
        var text = new StringBuilder();
        for (var i = 0; i < 8_000; i++)
        {
            string[] row = [$"row {i}", i % 7 == 0 ? $"quoted, {i}" : $"plain{i}", new string('x', i % 50), i % 3 == 0 ? "" : "Donor A", $"{i * 1.5:0.0}"];
            expected.Add(row);
            text.Append(string.Join(',', row.Select(f => f.Contains(',') ? $"\"{f}\"" : f)));
            text.Append(i % 2 == 0 ? "\r\n" : "\n");
        }

        var records = Read(text.ToString());

        Assert.Equal(expected.Count, records.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], records[i].Fields);
            Assert.Equal(i + 1, records[i].Line);
        }
    }

    [Fact]
    public void A_value_repeated_in_a_column_is_one_string_and_varied_columns_stay_exact()
    {
        var lines = Enumerable.Range(0, 2_000).Select(i => $"Donor A,{i},Health");
        var records = Read(string.Join('\n', lines) + "\n");

        Assert.Same(records[0].Fields[0], records[1_999].Fields[0]);
        Assert.Same(records[0].Fields[2], records[1_000].Fields[2]);
        // The second column has 2,000 different values: past the pool's size, each is still read right.
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            records.Select(r => r.Fields[1]));
    }
}
