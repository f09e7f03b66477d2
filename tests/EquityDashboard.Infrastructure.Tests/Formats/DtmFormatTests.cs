using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Import.Formats;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests.Formats;

/// <summary>
/// The IOM DTM IDP master list read from small tables written here (the real round 123 workbook is in
/// RealData/DtmMasterListTests): the year rule, English names first with the Arabic ones as a fallback,
/// and what the list must have to be taken for one.
/// </summary>
public sealed class DtmFormatTests
{
    private const string Header = "Place id,Governorate,District,Location name in English,Location name in Arabic,Households,Individuals";

    private static async Task<List<DisplacementFigure>> DisplacementAsync(TestDatabase db)
    {
        await using var ctx = db.NewContext();
        return await ctx.Displacement.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    [Fact]
    public async Task Without_a_round_date_the_year_is_asked_for_and_year_option_imports_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("dtm.csv", Header,
            "1,Ninewa,Mosul,Hay Al-Zahraa,حي الزهراء,10,60",
            "2,Dahuk,Sumel,Khanke camp,مخيم خانكي,200,1200");

        var refused = await db.Importer.ImportAsync(new ImportRequest(path));
        Assert.False(refused.Committed);
        Assert.Equal(RecordKind.Displacement, refused.Kind);
        Assert.Equal(DtmFormat.FormatName, refused.Format);
        var error = Assert.Single(refused.Errors);
        Assert.Contains("does not say the year of its DTM round", error.Message, StringComparison.Ordinal);
        Assert.Contains("--year", error.Message, StringComparison.Ordinal);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());

        var report = await db.Importer.ImportAsync(new ImportRequest(path) { Year = 2020 });
        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal(
            [(2020, "IQG15", "IQG15Q05", "Hay Al-Zahraa", 60L), (2020, "IQG09", "IQG09Q03", "Khanke camp", 1200L)],
            (await DisplacementAsync(db)).Select(d => (d.Year, d.GovernoratePcode, d.DistrictPcode, d.Location, d.Idps)));
    }

    [Fact]
    public async Task A_title_row_naming_the_round_gives_its_year()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("dtm-titled.csv",
            "DTM Iraq IDP Master List Round 119 - December 2020 to January 2021,,,,,,",
            Header,
            "1,Kirkuk,Dabes,Markaz Dibis,مركز دبس,5,30");

        var report = await db.Importer.ImportAsync(new ImportRequest(path));
        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Contains(report.Warnings, w => w.Message.StartsWith("Year 2021 is the year of the round, from sheet 'dtm-titled.csv', row 1", StringComparison.Ordinal));
        var row = Assert.Single(await DisplacementAsync(db));
        Assert.Equal((2021, "IQG13", "IQG13Q03", 30L), (row.Year, row.GovernoratePcode, row.DistrictPcode, row.Idps));
    }

    [Fact]
    public async Task Arabic_names_are_used_when_the_english_ones_do_not_resolve()
    {
        await using var db = await TestDatabase.CreateAsync();
        var path = db.WriteCsv("dtm-arabic.csv",
            "Place id,Governorate,Governorate in Arabic,District,District in Arabic,Location name in English,Location name in Arabic,Individuals",
            "1,Ninawah,نينوى,Mosul City,الموصل,,حي الزهراء,60",          // row 2: both English names unknown, both Arabic ones known
            "2,Kirkuk,كركوك,Dabes,دبس,Markaz Dibis,مركز دبس,30",           // row 3: English resolves: used
            "3,Baghdad,بغداد,Abu Ghraib,ابو غريب,Abu Ghraib centre,,24");  // row 4: neither resolves: English kept and reported

        var report = await db.Importer.ImportAsync(new ImportRequest(path) { Year = 2021 });
        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal(
            [("IQG15", "IQG15Q05", "حي الزهراء"), ("IQG13", "IQG13Q03", "Markaz Dibis"), ("IQG08", null, "Abu Ghraib centre")],
            (await DisplacementAsync(db)).Select(d => (d.GovernoratePcode, d.DistrictPcode, d.Location)));
        var unresolved = Assert.Single(report.Districts!.Unresolved);
        Assert.Equal(("Abu Ghraib", "IQG08", 1), (unresolved.Input, unresolved.GovernoratePcode, unresolved.Rows));
        Assert.Single(report.Warnings, w => w.Column == "District" && w.Row == 4);
    }

    [Fact]
    public async Task A_table_without_the_signs_of_the_master_list_is_not_taken_for_one()
    {
        await using var db = await TestDatabase.CreateAsync();
        // A governorate and a count of individuals, but no Place id and no "Location name in English/Arabic".
        var path = db.WriteCsv("counts.csv", "Governorate,District,Location,Individuals", "Ninewa,Mosul,Hay Al-Zahraa,60");
        var report = await db.Importer.ImportAsync(new ImportRequest(path) { Year = 2021, DryRun = true });
        Assert.NotEqual(DtmFormat.FormatName, report.Format);
        Assert.False(report.Succeeded && report.Kind == RecordKind.Displacement);
    }

    [Theory]
    [InlineData("IOM is pleased to share with you the latest Displacement Tracking Matrix (DTM) Dataset Round 123, covering the months of August and September 2021", 2021)]
    [InlineData("DTM : IDP Master List 30-09-2021", 2021)]
    [InlineData("Round 119: December 2020 - January 2021", 2021)]
    [InlineData("Round no. 98", null)]
    [InlineData("During this round of data collection, DTM has identified 1,189,581 internally displaced persons", null)]
    [InlineData("Jan2021", null)]
    [InlineData("Households 2021", null)]
    public void The_round_year_is_the_last_year_a_round_or_list_line_names(string cell, int? year) =>
        Assert.Equal(year, DtmRound.YearOf(cell));
}
