using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Queries;
using static EquityDashboard.Infrastructure.Tests.TestSupport;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// The trend query's coverage through the importer and the store: source A in two files under one
/// source name (2016–2018 and 2019–2020), source B in one file (2018–2022). A source is its name, so
/// A is one source over 2016–2020; 2018 gains B and 2021 loses A.
/// </summary>
public sealed class TrendCoverageTests
{
    private const string A = "Source A", B = "Source B";
    private const string Header = "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id";

    private static async Task<TestDatabase> CreateAsync()
    {
        var db = await TestDatabase.CreateAsync();
        try
        {
            await Import(db, "a-2016-2018.csv", A,
                "2016,,Donor X,,,Erbil,100000,paid,,A01",
                "2017,,Donor X,,,Erbil,400000,paid,,A02",
                "2017,,Donor X,,,Ninewa,1000000,paid,,A03",
                "2018,,Donor X,,,Erbil,200000,paid,,A04",
                "2018,,Donor X,,,Ninewa,900000,paid,,A05");
            await Import(db, "a-2019-2020.csv", A,
                "2019,,Donor X,,,Ninewa,900000,paid,,A06",
                "2020,,Donor X,,,Ninewa,800000,paid,,A07",
                "2020,,Donor X,,,Erbil,500000,paid,,A08");
            await Import(db, "b-2018-2022.csv", B,
                "2018,,Donor Y,,,Ninewa,3000000,paid,,B01",
                "2018,,Donor Y,,,Erbil,100000,paid,,B02",
                "2019,,Donor Y,,,Ninewa,2000000,paid,,B03",
                "2020,,Donor Y,,,Ninewa,2000000,paid,,B04",
                "2020,,Donor Y,,,Erbil,1000000,paid,,B05",
                "2021,,Donor Y,,,Ninewa,1500000,paid,,B06",
                "2021,,Donor Y,,,Erbil,900000,paid,,B07",
                "2022,,Donor Y,,,Ninewa,1500000,paid,,B08");
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        return db;
    }

    private static async Task Import(TestDatabase db, string file, string source, params string[] rows)
    {
        var report = await db.ImportAsync(db.WriteCsv(file, [Header, .. rows]), RecordKind.Funding, source: source);
        Assert.True(report.Committed, $"{file}: {report.RefusedReason} {string.Join(" | ", report.Errors)}");
    }

    private static TrendRow Row(IReadOnlyList<TrendRow> rows, string region, int year) => rows.Single(r => r.Region == region && r.Year == year);

    [Fact]
    public async Task Each_year_of_the_trend_names_its_sources_and_what_started_or_ended()
    {
        await using var db = await CreateAsync();
        var rows = await db.Equity.GetTrendsAsync(2016, 2022);

        Assert.All(rows.Where(r => r.Year is 2016 or 2017), r => Assert.Equal([A], r.Sources));
        Assert.All(rows.Where(r => r.Year is >= 2018 and <= 2020), r => Assert.Equal([A, B], r.Sources));
        Assert.All(rows.Where(r => r.Year >= 2021), r => Assert.Equal([B], r.Sources));

        var start = Row(rows, Regions.Kri, 2018);
        Assert.Equal([B], start.SourcesStarted);
        Assert.Empty(start.SourcesEnded!);
        // A's two files are one source: 2019 (second file) changes nothing.
        var sameSource = Row(rows, Regions.Kri, 2019);
        Assert.Empty(sameSource.SourcesStarted!);
        Assert.Empty(sameSource.SourcesEnded!);
        Assert.Null(sameSource.CoverageNote);
        var end = Row(rows, Regions.NorthCentre, 2021);
        Assert.Empty(end.SourcesStarted!);
        Assert.Equal([A], end.SourcesEnded);
        Assert.Contains($"\u201C{A}\u201D no longer reported in 2021", end.CoverageNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_and_the_flag_compare_the_sources_of_both_years()
    {
        await using var db = await CreateAsync();
        var rows = await db.Equity.GetTrendsAsync(2016, 2022);

        // KRI 2018: all funding 400 K -> 300 K (-25 %), A alone 400 K -> 200 K (-50 %): flagged.
        var kri2018 = Row(rows, Regions.Kri, 2018);
        Near(-0.25, kri2018.RawYoyChange, "KRI 2018 raw");
        Near(-0.5, kri2018.YoyChange, "KRI 2018");
        Assert.Equal((200_000m, 400_000m), (kri2018.CommonSourcesFundingUsd!.Value, kri2018.CommonSourcesPreviousFundingUsd!.Value));
        Assert.True(kri2018.FundingFalling);
        Assert.Contains("coverage changed", kri2018.FundingFallingReason, StringComparison.Ordinal);

        // North/Centre 2018: all funding +290 %, A alone -10 %.
        Near(2.9, Row(rows, Regions.NorthCentre, 2018).RawYoyChange, "North/Centre 2018 raw");
        Near(-0.1, Row(rows, Regions.NorthCentre, 2018).YoyChange, "North/Centre 2018");

        // 2021, A ends: North/Centre 2.8 M -> 1.5 M over all funding (-46 %) but B 2.0 M -> 1.5 M (-25 %): no flag.
        var nc2021 = Row(rows, Regions.NorthCentre, 2021);
        Near(-1.3 / 2.8, nc2021.RawYoyChange, "North/Centre 2021 raw");
        Near(-0.25, nc2021.YoyChange, "North/Centre 2021");
        Assert.False(nc2021.FundingFalling);
        // KRI 2021: 1.5 M -> 0.9 M over all (-40 %), B 1.0 M -> 0.9 M (-10 %): no flag.
        Near(-0.1, Row(rows, Regions.Kri, 2021).YoyChange, "KRI 2021");
        Assert.False(Row(rows, Regions.Kri, 2021).FundingFalling);

        // 2022: B reports (Ninewa) but gives Erbil nothing: a real fall to 0, flagged with the plain reason.
        var kri2022 = Row(rows, Regions.Kri, 2022);
        Near(-1, kri2022.YoyChange, "KRI 2022");
        Assert.True(kri2022.FundingFalling);
        Assert.Null(kri2022.CoverageNote);

        // The governorate table of the year says the same for Erbil.
        var erbil = (await db.TableAsync(2018)).Gov(FundingSemanticsTests.Erbil);
        Near(-0.5, erbil.YoyChange, "Erbil 2018");
        Assert.Contains(FlagCodes.FundingFalling, erbil.FlagCodes());
    }

    [Fact]
    public async Task District_changes_compare_the_sources_of_both_years_too()
    {
        // A reports 2020–2021, B starts in 2021; both by district in Ninewa. A also names no district once.
        await using var db = await TestDatabase.CreateAsync();
        const string header = "year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id";
        var a = await db.ImportAsync(db.WriteCsv("a.csv", header,
            "2020,,Donor X,,,Ninewa,Al-Mosul,1000000,paid,,a1",
            "2020,,Donor X,,,Ninewa,Sinjar,400000,paid,,a2",
            "2020,,Donor X,,,Ninewa,,100000,paid,,a3",
            "2021,,Donor X,,,Ninewa,Al-Mosul,500000,paid,,a4",
            "2021,,Donor X,,,Ninewa,Sinjar,400000,paid,,a5"), RecordKind.Funding, source: A);
        var b = await db.ImportAsync(db.WriteCsv("b.csv", header,
            "2021,,Donor Y,,,Ninewa,Al-Mosul,2000000,paid,,b1"), RecordKind.Funding, source: B);
        Assert.True(a.Committed && b.Committed);

        var t = await db.Equity.GetDistrictTableAsync(new EquityScope(2021), "IQG15");
        // Al-Mosul: all funding 1.0 M -> 2.5 M (+150 %); A alone 1.0 M -> 0.5 M (-50 %): flagged.
        var mosul = t.Districts.Single(d => d.Key == "IQG15Q05");
        Near(1.5, mosul.RawYoyChange, "Al-Mosul raw");
        Near(-0.5, mosul.YoyChange, "Al-Mosul");
        Assert.Contains(FlagCodes.FundingFalling, mosul.FlagCodes());
        // Sinjar: A only, 400 K both years.
        Near(0, t.Districts.Single(d => d.Key == "IQG15Q07").YoyChange, "Sinjar");
        // The governorate: A 1.5 M -> 0.9 M (-40 %), all funding +93.3 %.
        var ninewa = (await db.TableAsync(2021)).Gov("IQG15");
        Near(-0.4, ninewa.YoyChange, "Ninewa");
        Near(1.4 / 1.5, ninewa.RawYoyChange, "Ninewa raw");
    }
}
