namespace EquityDashboard.Core.Metrics;

/// <summary>
/// A region whose funding has fallen every year since its peak, for at least
/// <see cref="SustainedDecline.MinYears"/> years up to the selected year.
/// <paramref name="Fall"/> holds each year after the peak with its funding, the selected year last.
/// </summary>
public sealed record Decline(string Region, int PeakYear, decimal PeakUsd, IReadOnlyList<(int Year, decimal Usd)> Fall)
{
    public int Year => Fall[^1].Year;

    public decimal FundingUsd => Fall[^1].Usd;

    /// <summary>(F_year − F_peak) / F_peak: negative, −1 for a fall to zero.</summary>
    public double ChangeFromPeak => (double)((FundingUsd - PeakUsd) / PeakUsd);
}

/// <summary>
/// The slow decline the one-year funding-falling flag misses: funding that has fallen year after
/// year since its peak. The rule (docs/methodology.md, "Findings"): over the years of the series up
/// to and including the selected year (a year missing from the series has no funding), the peak is
/// the highest funding; the region is stated when every year from the peak to the selected year
/// is strictly lower than the year before, and there are at least <see cref="MinYears"/> such years.
/// A rise, even one that stays below the peak, ends the decline; a new peak starts a new count.
/// </summary>
public static class SustainedDecline
{
    /// <summary>A decline is stated from its second year of falling on (one year is the funding-falling flag's).</summary>
    public const int MinYears = 2;

    /// <summary>
    /// The region's decline up to <paramref name="year"/>, or null. <paramref name="fundingByYear"/> is its funding per
    /// year; years after <paramref name="year"/> are ignored, and the series starts at its earliest year.
    /// </summary>
    public static Decline? Detect(string region, IReadOnlyDictionary<int, decimal> fundingByYear, int year)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(fundingByYear);
        var years = fundingByYear.Keys.Where(y => y <= year).ToList();
        if (years.Count == 0) return null;
        var first = years.Min();
        decimal At(int y) => fundingByYear.GetValueOrDefault(y);

        // Walk back from the selected year while each year is strictly below the one before.
        var start = year;
        while (start > first && At(start - 1) > At(start)) start--;
        if (year - start < MinYears) return null;

        var peak = At(start);
        if (peak <= 0) return null;
        // The start of the fall must be the peak of the whole series, not a lower high after an earlier one.
        for (var y = first; y < start; y++)
            if (At(y) > peak) return null;

        var fall = Enumerable.Range(start + 1, year - start).Select(y => (y, At(y))).ToList();
        return new Decline(region, start, peak, fall);
    }

    /// <summary>Every region's decline up to <paramref name="year"/>, the steepest fall from the peak first.</summary>
    public static IReadOnlyList<Decline> DetectAll(IReadOnlyDictionary<string, IReadOnlyDictionary<int, decimal>> fundingByRegion, int year)
    {
        ArgumentNullException.ThrowIfNull(fundingByRegion);
        return fundingByRegion
            .Select(r => Detect(r.Key, r.Value, year))
            .OfType<Decline>()
            .OrderBy(d => d.ChangeFromPeak)
            .ThenBy(d => d.Region, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// One finding (topic <see cref="FindingTopic.FundingFalling"/>) with a sentence per declining region, the
    /// steepest fall from the peak first, or null when no region declines. One finding, not one per region, so
    /// that several declining regions do not push the other findings past <see cref="FindingsWriter.MaxFindings"/>.
    /// </summary>
    public static Finding? Find(IReadOnlyDictionary<string, IReadOnlyDictionary<int, decimal>> fundingByRegion, int year)
    {
        var declines = DetectAll(fundingByRegion, year);
        return declines.Count == 0 ? null
            : new Finding(FindingTopic.FundingFalling, string.Join(" ", declines.Select(Sentence)), declines.Select(d => d.Region).ToList());
    }

    /// <summary>
    /// "KRI funding has fallen for 2 years running from its peak of USD 15.2 M in 2016: USD 6.7 M in 2017,
    /// USD 3.1 M in 2018 (-79.3% from the peak)."
    /// </summary>
    public static string Sentence(Decline decline)
    {
        ArgumentNullException.ThrowIfNull(decline);
        var figures = string.Join(", ", decline.Fall.Select(f => $"{Money.Short(f.Usd)} in {f.Year}"));
        return $"{decline.Region} funding has fallen for {decline.Fall.Count} years running from its peak of "
            + $"{Money.Short(decline.PeakUsd)} in {decline.PeakYear}: {figures} ({Money.Percent(decline.ChangeFromPeak)} from the peak).";
    }

    /// <summary>
    /// Each region's funding per year from equity tables of the same scope (one per year, any order):
    /// the regions the tables list (one region with the region filter), keyed by region name.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<int, decimal>> RegionSeries(IEnumerable<EquityTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var series = new Dictionary<string, Dictionary<int, decimal>>(StringComparer.Ordinal);
        foreach (var table in tables)
            foreach (var region in table.Regions)
            {
                if (!series.TryGetValue(region.Key, out var years)) series[region.Key] = years = [];
                if (!years.TryAdd(table.Scope.Year, region.FundingUsd))
                    throw new ArgumentException($"Two tables for {table.Scope.Year}.", nameof(tables));
            }
        return series.ToDictionary(s => s.Key, s => (IReadOnlyDictionary<int, decimal>)s.Value, StringComparer.Ordinal);
    }
}
