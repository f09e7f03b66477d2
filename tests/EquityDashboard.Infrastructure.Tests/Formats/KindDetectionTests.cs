using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;

namespace EquityDashboard.Infrastructure.Tests.Formats;

/// <summary>
/// Detection is conservative: a kind is chosen only when the file has the columns it requires.
/// A file that looks like one kind but lacks a required column is refused, naming that kind and
/// the column to add, and nothing is written.
/// </summary>
public sealed class KindDetectionTests
{
    /// <summary>(case, header lines, data row, kind it looks like, words the message must hold).</summary>
    public static TheoryData<string, string[], string, string[]> Incomplete => new()
    {
        // template: a complete header of each kind with one required column removed
        { "template funding without amount", ["year,donor,governorate,status"], "2019,Donor X,Erbil,paid", ["funding file", "amount", "amount_usd", "#value+usd"] },
        { "template funding without donor", ["year,governorate,amount_usd,status"], "2019,Erbil,1000,paid", ["funding file", "donor", "\"donor\"", "#org+funder"] },
        { "template funding without year or date", ["donor,governorate,amount_usd"], "Donor X,Erbil,1000", ["funding file", "year", "\"year\"", "\"date\""] },
        { "template presence without governorate", ["year,organisation,cluster,activity"], "2022,NRC,Shelter,Kits", ["presence file", "governorate", "\"governorate\"", "#adm1"] },
        { "template presence without year", ["organisation,governorate,cluster,activity"], "NRC,Erbil,Shelter,Kits", ["presence file", "year", "\"year\"", "#date+year"] },
        { "template presence without organisation", ["year,governorate,cluster,district,activity"], "2022,Erbil,Shelter,Erbil,Kits", ["presence file", "organisation", "\"organisation\"", "#org"] },
        { "template need without governorate", ["year,cluster,people_in_need"], "2019,Health,1000", ["need file", "governorate", "\"governorate\""] },
        { "template need without year", ["governorate,cluster,people_in_need"], "Erbil,Health,1000", ["need file", "year", "\"year\""] },
        { "template incidents without governorate", ["date,type,count"], "2019-03-01,Explosion,2", ["incidents file", "governorate", "\"governorate\""] },
        { "template incidents without date", ["governorate,type,count"], "Erbil,Explosion,2", ["incidents file", "date", "\"date\"", "#date"] },
        // HXL: the same, by hashtag
        { "HXL funding without amount", ["#date+year,#org+funder,#adm1+name,#status"], "2019,Donor X,Erbil,paid", ["funding file", "amount", "amount_usd", "#value+usd"] },
        { "HXL funding without donor", ["Year,Governorate,Amount", "#date+year,#adm1+name,#value+usd"], "2019,Erbil,1000", ["funding file", "donor", "#org+funder"] },
        { "HXL presence without governorate", ["#date+year,#org+name,#sector,#activity"], "2022,NRC,Shelter,Kits", ["presence file", "governorate", "#adm1"] },
        { "HXL presence without organisation", ["#date+year,#adm1+name,#sector,#activity"], "2022,Erbil,Shelter,Kits", ["presence file", "organisation", "#org+name"] },
        { "HXL need without governorate", ["#date+year,#sector,#inneed"], "2019,Health,1000", ["need file", "governorate", "#adm1"] },
        { "HXL incidents without governorate", ["#date,#event+type,#x_count"], "2019-03-01,Explosion,2", ["incidents file", "governorate", "#adm1"] },
        { "HXL incidents without date", ["#adm1+name,#event+type,#x_count"], "Erbil,Explosion,2", ["incidents file", "date", "#date"] },
    };

    [Theory]
    [MemberData(nameof(Incomplete))]
    public async Task A_file_missing_a_required_column_is_refused_naming_its_kind_and_the_column(
        string @case, string[] header, string row, string[] words)
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("incomplete.csv", [.. header, row, row.Replace("Erbil", "Ninewa", StringComparison.Ordinal)]);

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        Assert.False(report.Committed, @case);
        Assert.Null(report.BatchId);
        Assert.Equal(0, report.RowsWritten);
        Assert.Equal(0, report.RowsRead); // refused at the header: no row read as any kind
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
        var error = Assert.Single(report.Errors);
        Assert.Equal(1, error.Row);
        foreach (var word in words)
            Assert.True(error.Message.Contains(word, StringComparison.Ordinal), $"{@case}: '{word}' not in: {error.Message}");
        Assert.Contains(" without ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("year,donor,governorate,status", "2019,Donor X,Erbil,paid")]
    [InlineData("#date+year,#org+funder,#adm1+name,#status", "2019,Donor X,Erbil,paid")]
    public async Task Funding_columns_without_an_amount_are_not_imported_as_presence(string header, string row)
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("funding-no-amount.csv", header, row);

        var report = await db.Importer.ImportAsync(new ImportRequest(path));

        Assert.NotEqual(RecordKind.Presence, report.Kind);
        Assert.False(report.Committed);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
        var error = Assert.Single(report.Errors);
        Assert.StartsWith("funding file without an amount column: add \"amount_usd\" or #value+usd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_kind_still_reports_that_kinds_missing_columns()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("funding-no-amount.csv", "year,donor,governorate,status", "2019,Donor X,Erbil,paid");

        var report = await db.Importer.ImportAsync(new ImportRequest(path, RecordKind.Presence));

        Assert.False(report.Committed);
        Assert.Equal(RecordKind.Presence, report.Kind);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
        Assert.Contains(report.Errors, e => e.Message.Contains("organisation", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("year,donor,governorate,amount_usd,status", "2019,Donor X,Erbil,1000,paid", RecordKind.Funding)]
    [InlineData("#date+year,#org+funder,#adm1+name,#value+usd,#status", "2019,Donor X,Erbil,1000,paid", RecordKind.Funding)]
    [InlineData("year,organisation,governorate,cluster", "2022,NRC,Erbil,Shelter", RecordKind.Presence)]
    [InlineData("#date+year,#org+name,#adm1+name,#sector", "2022,NRC,Erbil,Shelter", RecordKind.Presence)]
    [InlineData("year,governorate,people_in_need", "2019,Erbil,1000", RecordKind.Need)]
    [InlineData("#date+year,#adm1+name,#inneed", "2019,Erbil,1000", RecordKind.Need)]
    [InlineData("date,governorate,type", "2019-03-01,Erbil,Explosion", RecordKind.Incidents)]
    [InlineData("#date,#adm1+name,#event+type", "2019-03-01,Erbil,Explosion", RecordKind.Incidents)]
    public async Task A_complete_header_is_detected_as_its_kind(string header, string row, RecordKind kind)
    {
        await using var db = await TestDatabase.CreateAsync();
        var report = await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("complete.csv", header, row)));
        Assert.True(report.Committed, string.Join(" | ", report.Issues));
        Assert.Equal(kind, report.Kind);
        Assert.Equal(1, report.RowsWritten);
    }
}
