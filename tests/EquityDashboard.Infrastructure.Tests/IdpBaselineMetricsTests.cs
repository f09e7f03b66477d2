using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Export;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;
using static EquityDashboard.Infrastructure.Tests.TestSupport;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// The IDP baseline on a real SQLite file, from template files: governorate and district figures by
/// IDPs computed here from the fixture's rows, the same IDPs in a cluster scope, the list's source in the
/// note, a year without a list like a year without people in need, and the JSON contract's note.
/// </summary>
public sealed class IdpBaselineMetricsTests
{
    private const string Ninewa = "IQG15", Mosul = "IQG15Q05", Sinjar = "IQG15Q07", Kirkuk = "IQG13", Hawiga = "IQG13Q01";
    private const string Source = "IOM DTM Iraq IDP master list, round 9 (2021)";

    // Funding 2021 (USD): Al-Mosul 600,000 (Health), Sinjar 200,000 (WASH), Ninewa without district 200,000;
    // Al-Hawiga 500,000 (Health). 2019: Ninewa 300,000, Kirkuk 100,000, with people in need but no list.
    private static readonly (string Pcode, string? District, decimal Usd, string Cluster)[] Funding2021 =
        [(Ninewa, Mosul, 600_000m, "Health"), (Ninewa, Sinjar, 200_000m, "WASH"), (Ninewa, null, 200_000m, ""), (Kirkuk, Hawiga, 500_000m, "Health")];

    // IDPs 2021 by location: Al-Mosul 3,000 + 1,500, Sinjar 1,000, Ninewa without district 500; Al-Hawiga 2,000.
    private static readonly (string Pcode, string? District, long Idps)[] Idps2021 =
        [(Ninewa, Mosul, 3_000), (Ninewa, Mosul, 1_500), (Ninewa, Sinjar, 1_000), (Ninewa, null, 500), (Kirkuk, Hawiga, 2_000)];

    private static async Task<(TestDatabase Db, int ListBatch)> DatasetAsync()
    {
        var db = await TestDatabase.CreateAsync();
        try
        {
            await db.ImportOkAsync("funding.csv", RecordKind.Funding,
                "year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id",
                "2021,,Donor A,,Health,Ninewa,Al-Mosul,600000,paid,,1",
                "2021,,Donor A,,WASH,Ninewa,Sinjar,200000,paid,,2",
                "2021,,Donor B,,,Ninewa,,200000,paid,,3",
                "2021,,Donor B,,Health,Kirkuk,Al-Hawiga,500000,paid,,4",
                "2019,,Donor A,,,Ninewa,,300000,paid,,5",
                "2019,,Donor A,,,Kirkuk,,100000,paid,,6");
            await db.ImportOkAsync("need.csv", RecordKind.Need,
                "year,governorate,district,cluster,people_in_need,targeted,reached",
                "2021,Ninewa,,,900000,,",
                "2021,Kirkuk,,,100000,,",
                "2021,Ninewa,,Health,50000,,",
                "2019,Ninewa,,,800000,,",
                "2019,Kirkuk,,,200000,,");
            var path = db.WriteCsv("dtm-round-9.csv",
                "year,governorate,district,location,idps",
                "2021,Ninewa,Al-Mosul,Hay Al-Zahraa,3000",
                "2021,Ninewa,Mosul,Hay Al-Tahrir,1500",
                "2021,Ninewa,Sinjar,Sinuni,1000",
                "2021,Ninewa,,Unnamed camp,500",
                "2021,Kirkuk,Al-Hawiga,Camp,2000");
            var report = await db.ImportAsync(path, RecordKind.Displacement, source: Source);
            Assert.True(report.Committed, string.Join(" | ", report.Errors));
            return (db, report.BatchId!.Value);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private static long IdpsOf(string pcode) => Idps2021.Where(r => r.Pcode == pcode).Sum(r => r.Idps);
    private static long IdpsOfDistrict(string district) => Idps2021.Where(r => r.District == district).Sum(r => r.Idps);
    private static decimal FundingOf(string pcode, string? cluster = null) =>
        Funding2021.Where(r => r.Pcode == pcode && (cluster is null || r.Cluster == cluster)).Sum(r => r.Usd);

    [Fact]
    public async Task Governorate_ratios_are_of_the_idps_of_the_list()
    {
        var (db, batch) = await DatasetAsync();
        await using var _ = db;
        var t = await db.Equity.GetTableAsync(new EquityScope(2021, Baseline: Baseline.Idps));

        long total = IdpsOf(Ninewa) + IdpsOf(Kirkuk);
        var funding = FundingOf(Ninewa) + FundingOf(Kirkuk);
        Assert.Equal(total, t.TotalNeed);
        Near((double)funding / total, t.UsdPerPin, "u");
        foreach (var pcode in new[] { Ninewa, Kirkuk })
        {
            var g = t.Gov(pcode);
            double fs = (double)(FundingOf(pcode) / funding), ns = IdpsOf(pcode) / (double)total;
            Assert.Equal(IdpsOf(pcode), g.Need);
            Assert.Equal(IdpsOf(pcode), g.Idps);
            Near(ns, g.NeedShare, $"ns {pcode}");
            Near(fs / ns, g.EquityRatio, $"r {pcode}");
            Near((double)FundingOf(pcode) / IdpsOf(pcode), g.UsdPerPin, $"u {pcode}");
            Near(IdpsOf(pcode) * ((double)funding / total) - (double)FundingOf(pcode), g.GapToParityUsd, $"gap {pcode}");
        }
        // People in need stay the access figure, and a governorate no list counts has no recorded IDPs.
        Assert.Equal(900_000, t.Gov(Ninewa).PeopleInNeed);
        Assert.Null(t.Gov("IQG08").Need);
        Assert.Equal($"IDPs: {Source} (batch {batch}), the IDP individuals of its locations summed by district and governorate.", t.BaselineNote);
        // Under people in need nothing changes and there is no note.
        var pin = await db.Equity.GetTableAsync(new EquityScope(2021));
        Assert.Equal(1_000_000, pin.TotalNeed);
        Assert.Null(pin.BaselineNote);

        // The governorate's API document names the list as the table does; none under people in need.
        var breakdown = db.Services.GetRequiredService<BreakdownService>();
        var idpDoc = GovernorateDetailDocument.From((await breakdown.GovernorateAsync(Ninewa, new EquityScope(2021, Baseline: Baseline.Idps)))!);
        Assert.Equal(t.BaselineNote, idpDoc.BaselineNote);
        Assert.Null(GovernorateDetailDocument.From((await breakdown.GovernorateAsync(Ninewa, new EquityScope(2021)))!).BaselineNote);
    }

    [Fact]
    public async Task A_cluster_scope_uses_the_same_idps()
    {
        var (db, _) = await DatasetAsync();
        await using var __ = db;
        var t = await db.Equity.GetTableAsync(new EquityScope(2021, "Health", Baseline: Baseline.Idps));

        Assert.Equal(IdpsOf(Ninewa) + IdpsOf(Kirkuk), t.TotalNeed);
        var health = FundingOf(Ninewa, "Health") + FundingOf(Kirkuk, "Health");
        Assert.Equal(health, t.TotalFundingUsd);
        var ns = IdpsOf(Kirkuk) / (double)t.TotalNeed;
        Near((double)(FundingOf(Kirkuk, "Health") / health) / ns, t.Gov(Kirkuk).EquityRatio, "r Kirkuk, Health");
        Assert.EndsWith("IDPs are not counted per cluster: Health's funding and presence are set against all IDPs, the same figure as for every cluster.",
            t.BaselineNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task District_ratios_are_of_the_idps_naming_a_district()
    {
        var (db, batch) = await DatasetAsync();
        await using var _ = db;
        var t = await db.Equity.GetDistrictTableAsync(new EquityScope(2021, Baseline: Baseline.Idps), Ninewa);

        var named = IdpsOfDistrict(Mosul) + IdpsOfDistrict(Sinjar);
        var namedFunding = Funding2021.Where(r => r.Pcode == Ninewa && r.District is not null).Sum(r => r.Usd);
        Assert.Equal((named, IdpsOf(Ninewa), IdpsOf(Ninewa) - named), (t.TotalNeed, t.ScopeNeed, t.NotSpecifiedNeed));
        foreach (var district in new[] { Mosul, Sinjar })
        {
            var d = t.Districts.Single(x => x.Key == district);
            var usd = Funding2021.Single(r => r.District == district).Usd;
            var ns = IdpsOfDistrict(district) / (double)named;
            Assert.Equal(IdpsOfDistrict(district), d.Need);
            Near(ns, d.NeedShare, $"ns {district}");
            Near((double)(usd / namedFunding) / ns, d.EquityRatio, $"r {district}");
        }
        Assert.Null(t.Districts.Single(x => x.Key == "IQG15Q08").Need);   // Telafar: no location of the list
        Assert.Equal(IdpsOf(Ninewa) - named, Assert.Single(t.NotSpecified).Need);
        Assert.Equal($"IDPs: {Source} (batch {batch}), the IDP individuals of its locations summed by district and governorate.", t.Notes[0]);
    }

    [Fact]
    public async Task A_year_without_a_list_has_no_idp_ratios_and_says_which_year_has()
    {
        var (db, _) = await DatasetAsync();
        await using var _db = db;
        var findings = db.Services.GetRequiredService<FindingsService>();
        var (t, list) = await findings.GetAsync(new EquityScope(2019, Baseline: Baseline.Idps), CancellationToken.None);

        Assert.True(t.HasAnyData);
        Assert.Equal(0, t.TotalNeed);
        Assert.All(t.Governorates, g => Assert.Null(g.EquityRatio));
        var note = $"No IDP figures for 2019: the displacement list imported ({Source}) is for 2021.";
        Assert.Equal(note, t.BaselineNote);
        Assert.StartsWith(note + " USD 400,000 allocated to governorates cannot be set against need", list[0].Text, StringComparison.Ordinal);
        // The same year under people in need has its ratios: only the baseline lacks figures.
        Assert.NotNull((await db.Equity.GetTableAsync(new EquityScope(2019))).Gov(Ninewa).EquityRatio);

        using var json = System.Text.Json.JsonDocument.Parse(GapsDocument.From(t).ToJson());
        Assert.Equal(note, json.RootElement.GetProperty("baselineNote").GetString());
        Assert.Equal("idps", json.RootElement.GetProperty("scope").GetProperty("baseline").GetString());
    }

    [Fact]
    public async Task Real_figures_only_leaves_out_an_illustrative_list()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ImportOkAsync("funding.csv", RecordKind.Funding,
            "year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id",
            "2021,,Donor A,,,Ninewa,,100000,paid,,1");
        var path = db.WriteCsv("invented.csv", "year,governorate,district,location,idps", "2021,Ninewa,,Camp,700");
        var report = await db.Importer.ImportAsync(new Import.ImportRequest(path, RecordKind.Displacement)
        { SourceName = "Illustrative: IDPs", Illustrative = true });
        Assert.True(report.Committed);

        var all = await db.Equity.GetTableAsync(new EquityScope(2021, Baseline: Baseline.Idps));
        var real = await db.Equity.GetTableAsync(new EquityScope(2021, Baseline: Baseline.Idps, RealOnly: true));
        Assert.Equal(700, all.TotalNeed);
        Assert.Equal(0, real.TotalNeed);
        Assert.Equal("No IDP figures for 2021: no displacement list (IOM DTM IDP master list) is imported.", real.BaselineNote);
    }
}
