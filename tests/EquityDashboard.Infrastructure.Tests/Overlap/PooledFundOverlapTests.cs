using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Tests.Briefing;
using EquityDashboard.Infrastructure.Tests.RealData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Infrastructure.Tests.Overlap;

/// <summary>
/// Money reported twice (docs/methodology.md): the Iraq Humanitarian Fund's real allocations
/// (CBPF fund_adm1, pooled fund 49) and FTS flows from and into the fund, built for the test.
/// Each dollar is counted once; the totals agree with the batches' sums less what the rule leaves out.
/// </summary>
public sealed class PooledFundOverlapTests
{
    private const string FundAdm1 = "cbpf_fund_adm1_budget_by_admin1.csv";
    private const string Ihf = "Iraq Humanitarian Fund";

    private const string FtsHeader =
        "date,budgetYear,description,amountUSD,srcOrganization,srcOrganizationTypes,destOrganization,destOrganizationTypes,destGlobalClusters,destLocations,boundary,status,id";

    /// <summary>FTS flows of 2019 and 2014: from the fund, into it, and others; amounts with cents.</summary>
    private static readonly string[] FtsLines =
    [
        FtsHeader,
        // 2019: from the fund to a partner in Ninewa, and into the fund from a donor: both counted through the fund.
        "2019-05-01,2019,IHF allocation,1000000.25,Iraq Humanitarian Fund,Pooled fund,Tigris Aid,NGO,Health,Ninewa,incoming,paid,F1",
        "2019-02-01,2019,Contribution,5000000,\"Germany, Government of\",Government,Iraq Humanitarian Fund,Pooled fund,,IRQ,incoming,paid,F2",
        // 2019: other money, counted.
        "2019-03-01,2019,Bilateral,750000.50,\"Germany, Government of\",Government,UNICEF,UN agency,WASH,\"Iraq, Ninewa\",incoming,paid,F3",
        "2019-04-01,2019,Country level,2000000,European Commission,Government,WFP,UN agency,Food Security,IRQ,incoming,commitment,F4",
        // A pledge into the fund: counts nowhere anyway.
        "2019-06-01,2019,Pledge,300000,Japan,Government,Iraq Humanitarian Fund,Pooled fund,,IRQ,incoming,pledge,F5",
        // 2014: the fund has no allocations that year in the CBPF table (it starts in 2015), so FTS counts.
        "2014-09-01,2014,IHF 2014,400000.40,Iraq Humanitarian Fund,Pooled fund,Tigris Aid,NGO,Health,Ninewa,incoming,paid,F6",
    ];

    private const decimal FromFund2019 = 1_000_000.25m, IntoFund2019 = 5_000_000m, Other2019Ninewa = 750_000.50m, Other2019Country = 2_000_000m;

    /// <summary>The fund's 2019 allocations per governorate name, summed from the real file by hand (CBPF rows, non-zero).</summary>
    private static Dictionary<string, decimal> CbpfByGovernorate(int year) =>
        TestSupport.ReadCsv(RealDataFiles.File(FundAdm1))
            .Where(r => r["pooledfundid"] == "49" && r["fundtype"] != "1"
                && r["allocationyear"] == year.ToString(CultureInfo.InvariantCulture))
            .Select(r => (Name: r["adminlocation1"], Usd: decimal.Parse(r["adminlocation1budget"], NumberStyles.Float, CultureInfo.InvariantCulture)))
            .Where(r => r.Usd != 0)
            .GroupBy(r => r.Name)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Usd));

    private static async Task<ImportReport> ImportCbpfAsync(TestDatabase db)
    {
        var report = await db.Importer.ImportAsync(new ImportRequest(RealDataFiles.File(FundAdm1)));
        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        return report;
    }

    private static async Task<ImportReport> ImportFtsAsync(TestDatabase db)
    {
        var report = await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("fts_incoming_funding_irq.csv", FtsLines)));
        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        return report;
    }

    private static decimal Cents(decimal usd) => Math.Round(usd, 2, MidpointRounding.AwayFromZero);

    [RealDataFact]
    public async Task Each_dollar_counts_once_and_every_total_agrees_with_the_batches_less_what_the_rule_leaves_out()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ImportCbpfAsync(db);
        await ImportFtsAsync(db);
        var resolver = db.Services.GetRequiredService<NameResolver>();
        var ninewa = resolver.Resolve("Ninewa").Pcode!;

        var cbpf = CbpfByGovernorate(2019);
        var cbpfByPcode = cbpf.GroupBy(kv => resolver.Resolve(kv.Key).Pcode ?? "unresolved")
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        Assert.DoesNotContain("unresolved", cbpfByPcode.Keys);

        var table = await db.TableAsync(2019);
        // National: the fund's allocations plus the other FTS money; the flows from and into the fund left out.
        Assert.Equal(Cents(cbpf.Values.Sum() + Other2019Ninewa), Cents(table.TotalFundingUsd));
        Assert.Equal(Cents(Other2019Country), Cents(table.UnallocatedUsd));
        // Every governorate: its allocations, Ninewa also the bilateral flow; the fund's own flow to Ninewa is not added.
        foreach (var g in table.Governorates)
        {
            var expected = cbpfByPcode.GetValueOrDefault(g.Key) + (g.Key == ninewa ? Other2019Ninewa : 0);
            Assert.Equal(Cents(expected), Cents(g.FundingUsd));
        }
        var overlap = Assert.Single(table.CountedThroughPooledFund);
        Assert.Equal(Ihf, overlap.Fund);
        Assert.Equal(Cents(FromFund2019 + IntoFund2019), Cents(overlap.FlowsUsd));
        Assert.Equal(2, overlap.Flows);

        // The sum over batches, less the rule's exclusion, is the national figure.
        await using (var ctx = db.NewContext())
        {
            var counted = await ctx.FundingTotals
                .Where(t => t.Year == 2019 && t.Status != FundingStatus.Pledge
                    && (t.Boundary == FlowBoundary.Incoming || t.Boundary == FlowBoundary.Unspecified))
                .SumAsync(t => (double)t.AmountUsd);
            Assert.Equal(Cents((decimal)counted - overlap.FlowsUsd), Cents(table.TotalFundingUsd + table.UnallocatedUsd));
        }

        // The workbook carries the same figures, and says what was left out.
        using var wb = await WorkbookReader.NationalAsync(db, new EquityScope(2019));
        var gaps = wb.Worksheet("Governorates");
        foreach (var g in table.Governorates)
            WorkbookReader.Money(g.FundingUsd, gaps.Cell(gaps.FindRow(1, g.Key, 5), 5));
        var sources = wb.Worksheet("Sources");
        var used = sources.RangeUsed()!.CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(used, t => t.StartsWith("Counted through the pooled fund:", StringComparison.Ordinal) && t.Contains("USD 6,000,000", StringComparison.Ordinal));
        Assert.Contains(used, t => t == $"allocations of the {Ihf}");
        var methodology = wb.Worksheet("Methodology");
        var rule = methodology.FindRow(1, "Money reported twice", 5);
        Assert.Contains("USD 6,000,000", methodology.Cell(rule, 3).GetString(), StringComparison.Ordinal);
    }

    [RealDataFact]
    public async Task Without_allocations_for_the_year_the_FTS_flows_count()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ImportCbpfAsync(db);
        await ImportFtsAsync(db);

        var table = await db.TableAsync(2014);
        Assert.Empty(table.CountedThroughPooledFund);
        Assert.Equal(400_000.40m, Cents(table.TotalFundingUsd));
    }

    [RealDataFact]
    public async Task Withdrawing_the_allocations_brings_the_FTS_flows_back_into_the_totals()
    {
        await using var db = await TestDatabase.CreateAsync();
        var cbpf = await ImportCbpfAsync(db);
        await ImportFtsAsync(db);
        await db.BatchStore.WithdrawAsync(Actor.Cli(), cbpf.BatchId!.Value);

        var table = await db.TableAsync(2019);
        Assert.Empty(table.CountedThroughPooledFund);
        Assert.Equal(Cents(FromFund2019 + Other2019Ninewa), Cents(table.TotalFundingUsd));
        Assert.Equal(Cents(IntoFund2019 + Other2019Country), Cents(table.UnallocatedUsd));
    }

    [RealDataFact]
    public async Task The_second_batch_says_which_money_is_counted_through_the_fund_whichever_comes_first()
    {
        await using (var db = await TestDatabase.CreateAsync())
        {
            var cbpf = await ImportCbpfAsync(db);
            Assert.Empty(cbpf.PooledFundNotes);
            var fts = await ImportFtsAsync(db);
            var note = Assert.Single(fts.PooledFundNotes);
            Assert.StartsWith("2019: USD 6,000,000 in 2 FTS flows from or into the Iraq Humanitarian Fund", note, StringComparison.Ordinal);
            Assert.Contains($"batch {cbpf.BatchId}", note, StringComparison.Ordinal);
        }
        await using (var db = await TestDatabase.CreateAsync())
        {
            var fts = await ImportFtsAsync(db);
            Assert.Empty(fts.PooledFundNotes);
            var cbpf = await ImportCbpfAsync(db);
            var note = Assert.Single(cbpf.PooledFundNotes);
            Assert.StartsWith($"2019: batch {fts.BatchId} holds FTS flows from or into the Iraq Humanitarian Fund", note, StringComparison.Ordinal);
            Assert.Contains("USD 6,000,000 in 2 FTS flows", note, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Batches_record_what_their_money_is()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ImportFtsAsync(db);
        await db.Importer.ImportAsync(new ImportRequest(db.WriteCsv("ihf.csv",
            "year,donor,governorate,amount_usd", "2019,Iraq Humanitarian Fund (CBPF),Ninewa,100"))
        {
            PooledFundName = "IHF",
        });
        await db.ImportOkAsync("plain.csv", RecordKind.Funding, "year,donor,governorate,amount_usd", "2019,Donor A,Basra,5");

        await using var ctx = db.NewContext();
        var batches = await ctx.Batches.OrderBy(b => b.Id).ToListAsync();
        Assert.Equal([FundingMoney.ReportedFlows, FundingMoney.PooledFundAllocations, FundingMoney.Unspecified], batches.Select(b => b.Money));
        Assert.Equal([null, Ihf, null], batches.Select(b => b.PooledFund));
        // Only the FTS flows touching the fund are tagged with it.
        var tagged = await ctx.Funding.Where(f => f.PooledFund != null).Select(f => f.SourceId).OrderBy(s => s).ToListAsync();
        Assert.Equal(["F1", "F2", "F5", "F6"], tagged);
    }
}
