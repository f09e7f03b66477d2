using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Import.Storage;
using EquityDashboard.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// The importer's writing path: rows queued as <see cref="DbValue"/>s, carried in reused
/// chunks with their text as UTF-8, and inserted by the pump's thread.
/// </summary>
public sealed class InsertPumpTests
{
    private const string Header = "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id";

    [Trait("Provider", "Sqlite")]
    [SqliteFact]
    public async Task Every_kind_of_value_arrives_as_written_through_reused_chunks()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = new SqliteConnection($"Data Source={db.DbPath}");
        await connection.OpenAsync();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE Probe (Id INTEGER, Count INTEGER, Amount REAL, Name TEXT, Note TEXT, Day TEXT)";
            create.ExecuteNonQuery();
        }

        // Long texts outgrow a chunk's first text buffer; 3 x 2,048 rows and a partial chunk
        // make the pump hand chunks back and the reader fill them again.
        var longText = new string('x', 5_000) + "ي";
        const int rows = 7_000;
        string Name(int i) => i % 3 == 0 ? $"نينوى {i}" : i % 3 == 1 ? string.Empty : $"Donor {i} é";
        DateOnly? Day(int i) => i % 7 == 0 ? null : new DateOnly(1990 + i % 40, 1 + i % 12, 1 + i % 28);
        using (var tx = connection.BeginTransaction())
        using (var pump = new InsertPump())
        using (var writer = new RecordWriter(connection, "Probe", ["Id", "Count", "Amount", "Name", "Note", "Day"], pump))
        {
            for (var i = 0; i < rows; i++)
            {
                long? count = i % 2 == 0 ? i * 10_000_000_000L : null;
                double? amount = i % 5 == 0 ? null : i + 0.25;
                writer.Add(i, count, amount, Name(i), i % 1000 == 0 ? longText : null, Day(i));
            }
            pump.Drain();
            tx.Commit();
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT Id, Count, typeof(Count), Amount, typeof(Amount), Name, Note, Day FROM Probe ORDER BY Id";
        using var reader = read.ExecuteReader();
        var seen = 0;
        while (reader.Read())
        {
            var i = reader.GetInt32(0);
            Assert.Equal(seen++, i);
            if (i % 2 == 0) Assert.Equal(i * 10_000_000_000L, reader.GetInt64(1));
            else Assert.Equal("null", reader.GetString(2)); // a blank number stays blank, never 0
            if (i % 5 == 0) Assert.Equal("null", reader.GetString(4));
            else Assert.Equal(i + 0.25, reader.GetDouble(3));
            Assert.Equal(Name(i), reader.GetString(5));
            Assert.Equal(i % 1000 == 0 ? longText : null, reader.IsDBNull(6) ? null : reader.GetString(6));
            // Dates are stored as EF stores DateOnly in SQLite: ISO text.
            Assert.Equal(Day(i)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reader.IsDBNull(7) ? null : reader.GetString(7));
        }
        Assert.Equal(rows, seen);
    }

    [Fact]
    public void A_null_number_converts_to_null_and_a_zero_to_zero()
    {
        Assert.Equal(DbValueKind.Null, ((DbValue)(long?)null).Kind);
        Assert.Equal(DbValueKind.Null, ((DbValue)(int?)null).Kind);
        Assert.Equal(DbValueKind.Null, ((DbValue)(double?)null).Kind);
        Assert.Equal(DbValueKind.Null, ((DbValue)(string?)null).Kind);
        Assert.Equal((DbValueKind.Integer, 0L), (((DbValue)(long?)0).Kind, ((DbValue)(long?)0).Bits));
        Assert.Equal(DbValueKind.Text, ((DbValue)string.Empty).Kind);
        Assert.Equal(BitConverter.DoubleToInt64Bits(1.5), ((DbValue)(double?)1.5).Bits);
    }

    [Trait("Provider", "Sqlite")]
    [SqliteFact]
    public async Task Insert_pump_writes_every_row_across_chunks_and_reports_a_failed_insert()
    {
        await using var db = await TestDatabase.CreateAsync();
        var batch = await db.ImportOkAsync("one.csv", RecordKind.Funding, Header, "2019,,Donor A,,,Ninewa,1,paid,,1");
        await using var connection = new SqliteConnection($"Data Source={db.DbPath}");
        await connection.OpenAsync();
        string[] columns = ["BatchId", "Year", "Donor", "AmountUsd", "Status", "Boundary"];

        using (var tx = connection.BeginTransaction())
        using (var pump = new InsertPump())
        using (var writer = new RecordWriter(connection, "FundingRecords", columns, pump))
        {
            // More than two chunks, and a partial last one.
            for (var i = 1; i <= 5_000; i++) writer.Add(batch.BatchId, 2019, "Donor P", (double)i, "Paid", "Unspecified");
            pump.Drain();
            tx.Commit();
        }
        await using (var ctx = db.NewContext())
        {
            var rows = await ctx.Funding.Where(f => f.Donor == "Donor P").Select(f => f.AmountUsd).ToListAsync();
            Assert.Equal(5_000, rows.Count);
            Assert.Equal(5_000m * 5_001 / 2, rows.Sum());
        }

        using (var tx = connection.BeginTransaction())
        using (var pump = new InsertPump())
        using (var writer = new RecordWriter(connection, "FundingRecords", columns, pump))
        {
            writer.Add(batch.BatchId, 2019, "Donor Q", 1.0, "Paid", "Unspecified");
            writer.Add(batch.BatchId, 2019, DbValue.Null, 2.0, "Paid", "Unspecified"); // Donor is NOT NULL
            var error = Assert.Throws<SqliteException>(pump.Drain);
            Assert.Contains("Writing FundingRecords failed", error.Message, StringComparison.Ordinal);
            tx.Rollback();
        }
        await using (var ctx = db.NewContext())
            Assert.False(await ctx.Funding.AnyAsync(f => f.Donor == "Donor Q"));
    }
}
