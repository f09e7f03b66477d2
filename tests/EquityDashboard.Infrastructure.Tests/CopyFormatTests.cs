using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data.PostgreSql;
using EquityDashboard.Infrastructure.Import.Storage;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>The rows the PostgreSQL importer sends by binary COPY, byte for byte; no server needed.</summary>
public sealed class CopyFormatTests
{
    private static StoreTable Table(params string[] properties)
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        return StoreTable.Of(db.Model, new StoreShape(typeof(FundingRecord), properties));
    }

    [Fact]
    public void A_row_is_its_field_count_then_each_field_as_length_and_bytes_in_network_order()
    {
        var table = Table(nameof(FundingRecord.BatchId), nameof(FundingRecord.Date), nameof(FundingRecord.Donor),
            nameof(FundingRecord.DistrictPcode), nameof(FundingRecord.AmountUsd), nameof(FundingRecord.Id));
        var types = Enumerable.Range(0, table.Columns.Count).Select(i => CopyFormat.TypeOf(table, i)).ToArray();
        Assert.Equal([CopyType.Integer, CopyType.Date, CopyType.Text, CopyType.Text, CopyType.Double, CopyType.Bigint], types);

        DbValue[] row = [7, new DateOnly(2000, 1, 3), "Bé", DbValue.Null, 1.5, 1L << 40];
        var buffer = new byte[CopyFormat.MaxBytes(row)];
        var written = CopyFormat.Write(buffer, table, types, row);

        byte[] expected =
        [
            0, 6,                                   // six fields
            0, 0, 0, 4, 0, 0, 0, 7,                 // integer 7
            0, 0, 0, 4, 0, 0, 0, 2,                 // 2000-01-03: two days after PostgreSQL's epoch
            0, 0, 0, 3, (byte)'B', 0xC3, 0xA9,      // "Bé" in UTF-8
            0xFF, 0xFF, 0xFF, 0xFF,                 // null
            0, 0, 0, 8, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0, // 1.5 as IEEE 754
            0, 0, 0, 8, 0, 0, 1, 0, 0, 0, 0, 0,     // 2^40
        ];
        Assert.Equal(expected, buffer[..written]);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_for_its_column_is_refused_by_name()
    {
        var table = Table(nameof(FundingRecord.Year));
        var ex = Assert.Throws<InvalidOperationException>(() =>
            CopyFormat.Write(new byte[64], table, [CopyFormat.TypeOf(table, 0)], ["2019"]));
        Assert.Contains("FundingRecords.Year", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stream_starts_with_the_signature_and_ends_with_a_field_count_of_minus_one()
    {
        Assert.Equal(19, CopyFormat.Header.Length);
        Assert.Equal((byte[])[(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0], CopyFormat.Header[..11].ToArray());
        Assert.All(CopyFormat.Header[11..].ToArray(), b => Assert.Equal(0, b));
        Assert.Equal((byte[])[0xFF, 0xFF], CopyFormat.Trailer.ToArray());
    }
}
