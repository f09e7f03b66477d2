using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;

namespace EquityDashboard.Infrastructure.Tests;

public sealed class FundingTotalsBuilderTests
{
    /// <summary>Areas: a governorate alone, none (unallocated), and districts with their governorate.</summary>
    private static readonly (string? Pcode, string? District)[] Areas = [("IQG15", null), (null, null), ("IQG01", "IQG01Q01"), ("IQG15", "IQG15Q05"), ("IQG15", null)];
    private static readonly string?[] Clusters = ["Health", null, "Shelter"];
    private static readonly string[] Donors = ["Donor A", "Donor B", "donor a"];
    private static readonly string?[] Funds = [null, "Iraq Humanitarian Fund", null, null, "Jordan Humanitarian Fund"];

    /// <summary>Flows with every part of the key varied, and the same flows summed naively.</summary>
    private static (FundingTotalsBuilder Builder, List<FundingTotalsBuilder.TotalRow> Expected) Build(int flows, int maxPending)
    {
        var builder = new FundingTotalsBuilder(maxPending);
        var expected = new Dictionary<(int, string?, string?, string, FundingStatus, FlowBoundary, string?), (double Amount, int Flows)>();
        for (var i = 0; i < flows; i++)
        {
            var area = Areas[i / 4 % 5];
            var key = (2015 + i % 4, area.Pcode, Clusters[i % 3], Donors[i % 5 % 3], (FundingStatus)(i % 7 % 4), (FlowBoundary)(i % 11 % 4),
                Funds[i % 17 % 5]);
            var amount = 1 + i % 13;
            builder.Add(key.Item1, key.Item2, area.District, key.Item3, key.Item4, key.Item5, key.Item6, amount, key.Item7);
            var sum = expected.GetValueOrDefault(key);
            expected[key] = (sum.Amount + amount, sum.Flows + 1);
        }
        return (builder, expected.Select(e => new FundingTotalsBuilder.TotalRow(
            e.Key.Item1, e.Key.Item2, e.Key.Item3, e.Key.Item4, e.Key.Item5, e.Key.Item6, e.Key.Item7, e.Value.Amount, e.Value.Flows)).ToList());
    }

    [Theory]
    [InlineData(1 << 20)] // one sort at the end
    [InlineData(7)]       // many sorted batches merged
    public void Totals_equal_the_flows_summed_by_key_whatever_the_batch_size(int maxPending)
    {
        var (builder, expected) = Build(5_000, maxPending);
        var rows = builder.Rows().ToList();

        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected.ToHashSet(), rows.ToHashSet());
        Assert.Equal(5_000, rows.Sum(r => r.Flows));
    }

    [Fact]
    public void Totals_come_in_the_order_of_the_gaps_index()
    {
        var rows = Build(2_000, 1 << 20).Builder.Rows().ToList();
        static (int, string?, string, string) IndexKey(FundingTotalsBuilder.TotalRow r) =>
            (r.Year, r.Pcode, r.Status.ToString(), r.Boundary.ToString());
        var sorted = rows.Select(IndexKey)
            .OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.Ordinal)
            .ThenBy(k => k.Item3, StringComparer.Ordinal).ThenBy(k => k.Item4, StringComparer.Ordinal);
        Assert.Equal(sorted, rows.Select(IndexKey));
        Assert.Equal([null, "IQG01", "IQG15"], rows.Where(r => r.Year == 2015).Select(r => r.Pcode).Distinct());
        // Texts, not enum order: Commitment < Paid < Pledge < Unspecified.
        Assert.Equal(["Commitment", "Paid", "Pledge", "Unspecified"],
            rows.Where(r => r.Year == 2015 && r.Pcode == null).Select(r => r.Status.ToString()).Distinct());
    }

    [Theory]
    [InlineData(1 << 20)] // one sort at the end
    [InlineData(7)]       // many sorted batches merged
    public void Flows_naming_a_district_are_also_summed_per_district_without_cluster_and_donor(int maxPending)
    {
        var builder = new FundingTotalsBuilder(maxPending);
        var expected = new Dictionary<(int, string, string, FundingStatus, FlowBoundary, string?), (double Amount, int Flows)>();
        for (var i = 0; i < 3_000; i++)
        {
            var area = Areas[i / 4 % 5];
            var (year, cluster, status, boundary, fund) = (2015 + i % 4, Clusters[i % 3], (FundingStatus)(i % 7 % 4), (FlowBoundary)(i % 11 % 4), Funds[i % 17 % 5]);
            builder.Add(year, area.Pcode, area.District, cluster, Donors[i % 5 % 3], status, boundary, 1 + i % 13, fund);
            if (area.District is null) continue;
            var key = (year, area.Pcode!, area.District, status, boundary, fund);
            var sum = expected.GetValueOrDefault(key);
            expected[key] = (sum.Amount + 1 + i % 13, sum.Flows + 1);
        }
        var rows = builder.DistrictRows().ToList();
        Assert.Equal(expected.Select(e => new FundingTotalsBuilder.DistrictTotalRow(e.Key.Item1, e.Key.Item2, e.Key.Item3, e.Key.Item4, e.Key.Item5,
            e.Key.Item6, e.Value.Amount, e.Value.Flows)).ToHashSet(), rows.ToHashSet());
        // A district's money is in its governorate's totals as well.
        var governorates = builder.Rows().ToList();
        var perArea = 3_000 / Areas.Length;
        Assert.Equal(perArea, rows.Where(r => r.Pcode == "IQG15").Sum(r => r.Flows));
        Assert.Equal(perArea * Areas.Count(a => a.Pcode == "IQG15"), governorates.Where(r => r.Pcode == "IQG15").Sum(r => r.Flows));
    }

    [Fact]
    public void A_year_outside_the_accepted_range_is_refused()
    {
        var builder = new FundingTotalsBuilder();
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            builder.Add(1850, "IQG15", null, null, "Donor", FundingStatus.Paid, FlowBoundary.Incoming, 1));
    }
}
