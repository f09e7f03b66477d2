using System.Globalization;

namespace EquityDashboard.Core.Metrics;

/// <summary>
/// Writes the key findings of an equity table as sentences a coordinator can read aloud. The
/// dashboard's findings panel and the briefing workbook both use it, so they say the same thing.
/// The rules (when each finding appears and how it is worded) are in docs/methodology.md, "Findings".
/// </summary>
public static class FindingsWriter
{
    /// <summary>At most this many findings are returned, the most important first.</summary>
    public const int MaxFindings = 8;

    /// <summary>At most this many areas are named in one finding; the rest are counted ("and 3 more").</summary>
    public const int MaxNamed = 5;

    /// <summary>Unallocated funding at or above this share of counted funding is reported right after the regions.</summary>
    public const double LargeUnallocatedShare = 0.25;

    /// <summary>Gini below this reads "fairly even".</summary>
    public const double EvenGini = 0.2;

    /// <summary>Gini at or above this reads "highly concentrated" (between the two: "uneven").</summary>
    public const double ConcentratedGini = 0.4;

    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    /// <summary>
    /// The findings for <paramref name="table"/>, ordered by importance and capped at <see cref="MaxFindings"/>.
    /// <paramref name="otherBaseline"/> is the same scope under another baseline (people in need against
    /// population or IDPs); when given, areas whose flags differ between the two are reported.
    /// <paramref name="earlierYears"/> are the same scope's tables of earlier years (either baseline: funding
    /// does not depend on it), from the first year with data to the year before; when given, a region whose
    /// funding has fallen from its peak for <see cref="SustainedDecline.MinYears"/> or more years running is reported.
    /// </summary>
    public static IReadOnlyList<Finding> Write(EquityTable table, EquityTable? otherBaseline = null,
        IReadOnlyList<EquityTable>? earlierYears = null) =>
        Write(table, otherBaseline, earlierYears, MaxFindings);

    /// <summary>The same without earlier years, with another cap (<c>int.MaxValue</c> for every finding).</summary>
    public static IReadOnlyList<Finding> Write(EquityTable table, EquityTable? otherBaseline, int max) =>
        Write(table, otherBaseline, null, max);

    /// <summary>The same, with another cap (<c>int.MaxValue</c> for every finding).</summary>
    public static IReadOnlyList<Finding> Write(EquityTable table, EquityTable? otherBaseline,
        IReadOnlyList<EquityTable>? earlierYears, int max)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (otherBaseline is not null && !IsOtherBaselineOf(table.Scope, otherBaseline.Scope))
            throw new ArgumentException(
                $"The other table must be the same scope under the other baseline; got '{otherBaseline.Scope.Describe()}' for '{table.Scope.Describe()}'.",
                nameof(otherBaseline));
        if (earlierYears?.FirstOrDefault(t => !IsEarlierYearOf(table.Scope, t.Scope)) is { } stray)
            throw new ArgumentException(
                $"Earlier years must be the same scope in an earlier year; got '{stray.Scope.Describe()}' for '{table.Scope.Describe()}'.",
                nameof(earlierYears));

        var scope = table.Scope;
        if (!table.HasAnyData)
            return [new Finding(FindingTopic.NoData,
                $"No funding, people in need or presence is recorded for {Label(scope)}: there is nothing to compare.", [])];

        var comparable = table.TotalNeed > 0 && table.TotalFundingUsd > 0;
        var unallocatedShare = table.UnallocatedUsd > 0 && table.TotalFundingUsd > 0
            ? (double)(table.UnallocatedUsd / (table.TotalFundingUsd + table.UnallocatedUsd))
            : 0;
        var unallocated = table.TotalFundingUsd > 0 ? Unallocated(table, unallocatedShare) : null;

        var findings = new List<Finding?>();
        findings.AddRange(MissingBasics(table));
        if (comparable) findings.AddRange(RegionFindings(table, otherBaseline));
        if (unallocatedShare >= LargeUnallocatedShare) findings.Add(unallocated);
        if (comparable)
        {
            findings.Add(UnderServed(table));
            findings.Add(Access(table));
        }
        findings.Add(FundingFalling(table));
        if (earlierYears is { Count: > 0 })
            findings.Add(SustainedDecline.Find(SustainedDecline.RegionSeries([.. earlierYears, table]), scope.Year));
        if (comparable && otherBaseline is { TotalNeed: > 0, TotalFundingUsd: > 0 })
            findings.Add(BaselineDisagreement(table, otherBaseline));
        findings.Add(NoPresence(table));
        if (comparable) findings.Add(Concentration(table));
        if (unallocatedShare < LargeUnallocatedShare) findings.Add(unallocated);
        findings.Add(PresenceNotLoaded(table));
        if (comparable) findings.Add(IncidentsNotLoaded(table));
        findings.Add(NeedMissingWhereFunded(table));

        return findings.OfType<Finding>().Take(max).ToList();
    }

    private static bool IsOtherBaselineOf(EquityScope a, EquityScope b) =>
        a.Baseline != b.Baseline && a with { Baseline = b.Baseline } == b;

    private static bool IsEarlierYearOf(EquityScope scope, EquityScope earlier) =>
        earlier.Year < scope.Year && scope with { Year = earlier.Year, Baseline = earlier.Baseline } == earlier;

    // --- what the data does not cover -------------------------------------------------------

    private static IEnumerable<Finding> MissingBasics(EquityTable table)
    {
        var scope = table.Scope;
        if (table.TotalNeed == 0)
        {
            var what = BaselineWords.For(scope.Baseline).FigureName;
            var funding = table.TotalFundingUsd > 0
                ? $"{Money.Full(table.TotalFundingUsd)} allocated to governorates cannot be set against need"
                : "funding cannot be set against need";
            // Under a baseline whose note says why the year has no figure (IDPs), the note opens the finding.
            var opening = table.BaselineNote is { } note && table.Governorates.All(g => g.Need is null)
                ? $"{note} {char.ToUpperInvariant(funding[0])}{funding[1..]}"
                : $"No {what} is recorded for {Label(scope)}: {funding}";
            yield return new Finding(FindingTopic.NoData, $"{opening}, so no equity ratio, gap to parity or under-served flag is computed.", []);
        }
        if (table.TotalFundingUsd == 0)
        {
            var rest = table.UnallocatedUsd > 0
                ? $" ({Money.Full(table.UnallocatedUsd)} is recorded without a single governorate)"
                : string.Empty;
            yield return new Finding(FindingTopic.NoData,
                $"No funding allocated to a governorate is recorded for {Label(scope)}{rest}: funding shares and equity ratios cannot be computed.", []);
        }
    }

    private static Finding? NeedMissingWhereFunded(EquityTable table)
    {
        if (table.TotalNeed == 0) return null;
        var missing = table.Governorates.Where(g => g.Need is null && g.FundingUsd > 0)
            .OrderByDescending(g => g.FundingUsd).ToList();
        if (missing.Count == 0) return null;
        var names = NameList(missing, g => $"{g.Name} ({Money.Short(g.FundingUsd)})");
        var what = BaselineWords.For(table.Scope.Baseline).Figure;
        var text = missing.Count == 1
            ? $"No recorded {what} for {names}, which received funding in {table.Scope.Year}: it is outside the shares, ratios and flags."
            : $"No recorded {what} for {missing.Count} governorates that received funding in {table.Scope.Year}: {names}; they are outside the shares, ratios and flags.";
        return new Finding(FindingTopic.NoData, text, Keys(missing));
    }

    private static Finding? PresenceNotLoaded(EquityTable table) =>
        table.PresenceLoaded ? null : new Finding(FindingTopic.NoPresence,
            $"No presence (3W) data is loaded for {table.Scope.Year}: organisations per governorate and the no-presence flag are not available.", []);

    private static Finding? IncidentsNotLoaded(EquityTable table) =>
        table.IncidentDataLoaded || !table.Governorates.Any(g => g.HasFlag(FlagCodes.UnderServed))
            ? null
            : new Finding(FindingTopic.AccessConstrained,
                $"No security incident data is loaded for {table.Scope.Year}: it cannot be said whether under-served governorates are hard to reach.", []);

    // --- regions -----------------------------------------------------------------------------

    private static IEnumerable<Finding> RegionFindings(EquityTable table, EquityTable? other)
    {
        var t = table.Thresholds;
        if (table.Scope.Region is not null)
        {
            foreach (var region in table.Regions)
                yield return new Finding(FindingTopic.Region, RegionSentence(table, other, region), [region.Key]);
            yield break;
        }

        var under = table.Regions.Where(r => r.EquityRatio < t.UnderServedRatio).OrderBy(r => r.EquityRatio).ToList();
        var over = table.Regions.Where(r => r.EquityRatio > t.OverConcentratedRatio).OrderByDescending(r => r.EquityRatio).ToList();
        foreach (var region in under.Concat(over))
            yield return new Finding(FindingTopic.Region, RegionSentence(table, other, region), [region.Key]);

        var withRatio = table.Regions.Where(r => r.EquityRatio is not null).OrderBy(r => r.EquityRatio).ToList();
        if (under.Count == 0 && over.Count == 0 && withRatio.Count >= 2)
            yield return new Finding(FindingTopic.Region, string.Format(En,
                "No region is under-served or over-concentrated: equity ratios range from {0} ({1}) to {2} ({3}).",
                Money.Ratio(withRatio[0].EquityRatio), withRatio[0].Name, Money.Ratio(withRatio[^1].EquityRatio), withRatio[^1].Name),
                Keys(withRatio));
    }

    /// <summary>"South: 9 governorates, 1.9% of people in need (37.7% of the population), 0.15% of funding; equity ratio 0.08 (under-served, below 0.5)."</summary>
    private static string RegionSentence(EquityTable table, EquityTable? other, AreaFigures region)
    {
        var t = table.Thresholds;
        var count = table.Governorates.Count(g => g.Region == region.Key);
        var governorates = count == 1 ? "1 governorate" : $"{count} governorates";
        var otherShare = other?.Regions.FirstOrDefault(r => r.Key == region.Key)?.NeedShare is { } os
            ? $" ({Money.Percent(os)} of {BaselineWords.For(other.Scope.Baseline).Whole})"
            : string.Empty;
        if (region.EquityRatio is not { } ratio)
            return $"{region.Name}: {governorates}, no recorded {BaselineWords.For(table.Scope.Baseline).Figure}{otherShare}, {Money.Percent(region.FundingShare)} of funding.";
        var state = ratio < t.UnderServedRatio ? string.Format(En, " (under-served, below {0:0.##})", t.UnderServedRatio)
            : ratio > t.OverConcentratedRatio ? string.Format(En, " (over-concentrated, above {0:0.##})", t.OverConcentratedRatio)
            : string.Empty;
        return $"{region.Name}: {governorates}, {Money.Percent(region.NeedShare)} of {BaselineWords.For(table.Scope.Baseline).Whole}{otherShare}, "
            + $"{Money.Percent(region.FundingShare)} of funding; equity ratio {Money.Ratio(ratio)}{state}.";
    }

    // --- governorates ------------------------------------------------------------------------

    private static Finding? UnderServed(EquityTable table)
    {
        var list = table.Governorates.Where(g => g.HasFlag(FlagCodes.UnderServed))
            .OrderByDescending(g => g.GapToParityUsd ?? double.MinValue).ThenBy(g => g.EquityRatio).ToList();
        if (list.Count == 0) return null;
        var gap = (decimal)list.Sum(g => g.GapToParityUsd ?? 0);
        var subject = list.Count == 1 ? "1 governorate" + In(table) + " is" : $"{list.Count} governorates{In(table)} are";
        var names = NameList(list, g => $"{g.Name} {Money.Ratio(g.EquityRatio)} ({Money.Short((decimal)(g.GapToParityUsd ?? 0))})");
        return new Finding(FindingTopic.UnderServed, string.Format(En,
            "{0} under-served (equity ratio below {1:0.##}), {2} short of parity together: {3}.",
            subject, table.Thresholds.UnderServedRatio, Money.Short(gap), names), Keys(list));
    }

    private static Finding? Access(EquityTable table)
    {
        if (!table.IncidentDataLoaded) return null;
        var flagged = table.Governorates.Where(g => g.HasFlag(FlagCodes.AccessConstrained))
            .OrderByDescending(g => g.IncidentsPer100kPin).ToList();
        if (flagged.Count == 0) return null;
        var limit = table.Thresholds.AccessIncidentsPer100kPin;
        var withGap = flagged.Where(g => g.EquityRatio < 1).OrderBy(g => g.EquityRatio).ToList();
        if (withGap.Count == 0)
        {
            var names = NameList(flagged, g => string.Format(En, "{0} {1:0.0}", g.Name, g.IncidentsPer100kPin));
            var subject = flagged.Count == 1 ? "1 governorate is" : $"{flagged.Count} governorates are";
            var all = flagged.Count == 1 ? "it is" : "all are";
            return new Finding(FindingTopic.AccessConstrained, string.Format(En,
                "{0} access-constrained (more than {1:0.##} security incidents per 100,000 people in need): {2}; {3} funded at or above parity, so insecurity does not coincide with a funding gap.",
                subject, limit, names, all), Keys(flagged));
        }
        var gapNames = NameList(withGap, g => string.Format(En,
            "{0} (equity ratio {1}, {2:0.0} incidents per 100,000 people in need)", g.Name, Money.Ratio(g.EquityRatio), g.IncidentsPer100kPin));
        var rest = flagged.Count - withGap.Count;
        var tail = rest == 0 ? string.Empty
            : rest == 1 ? " 1 other access-constrained governorate is funded at or above parity."
            : $" {rest} other access-constrained governorates are funded at or above parity.";
        var where = withGap.Count == 1 ? "1 governorate" : $"{withGap.Count} governorates";
        return new Finding(FindingTopic.AccessConstrained,
            $"A funding gap and insecurity coincide in {where}: {gapNames}; the gap there may be access, not neglect.{tail}",
            Keys(withGap.Concat(flagged.Except(withGap))));
    }

    private static Finding? FundingFalling(EquityTable table)
    {
        var year = table.Scope.Year;
        var regions = table.Regions.Where(r => r.HasFlag(FlagCodes.FundingFalling)).OrderBy(r => r.YoyChange).ToList();
        var governorates = table.Governorates.Where(g => g.HasFlag(FlagCodes.FundingFalling)).OrderBy(g => g.YoyChange).ToList();
        if (regions.Count == 0 && governorates.Count == 0) return null;
        var threshold = Money.Percent(-table.Thresholds.FundingFallingChange);

        // Where the sources changed, the fall is over the sources reporting both years: their amounts, not the totals.
        var coverageChange = table.Coverage?.Change;
        string Change(AreaFigures a) => coverageChange is null
            ? $"{a.Name} down {Money.Percent(-a.YoyChange)} ({Money.Short(a.PreviousFundingUsd)} in {year - 1} to {Money.Short(a.FundingUsd)} in {year})"
            : $"{a.Name} down {Money.Percent(-a.YoyChange)} over the sources reporting both years "
              + $"({Money.Short(a.CommonSourcesPreviousFundingUsd ?? 0)} in {year - 1} to {Money.Short(a.CommonSourcesFundingUsd ?? 0)} in {year})";
        string Steepest() => NameList(governorates, g => $"{g.Name} {Money.Percent(g.YoyChange)}", 3);

        string text;
        if (regions.Count > 0)
        {
            var subject = regions.Count == 1 ? "1 region" : $"{regions.Count} regions";
            text = $"Funding fell by more than {threshold} in {subject}: {string.Join("; ", regions.Select(Change))}.";
            if (governorates.Count > 0)
                text += governorates.Count == 1
                    ? $" 1 governorate{In(table)} fell by more than {threshold}: {Steepest()}."
                    : $" {governorates.Count} governorates{In(table)} fell by more than {threshold}, the steepest {Steepest()}.";
        }
        else if (governorates.Count == 1)
        {
            text = $"Funding fell by more than {threshold} from {year - 1} to {year} in 1 governorate{In(table)}: {Change(governorates[0])}.";
        }
        else
        {
            text = $"Funding fell by more than {threshold} from {year - 1} to {year} in {governorates.Count} governorates{In(table)}, the steepest {Steepest()}.";
        }
        if (coverageChange is not null) text += $" Coverage changed: {coverageChange}.";
        return new Finding(FindingTopic.FundingFalling, text, Keys(regions.Concat(governorates)));
    }

    private static Finding? NoPresence(EquityTable table)
    {
        if (!table.PresenceLoaded) return null;
        var list = table.Governorates.Where(g => g.HasFlag(FlagCodes.NoPresence)).OrderByDescending(g => g.Need).ToList();
        if (list.Count == 0) return null;
        var scope = table.Scope;
        var words = BaselineWords.For(scope.Baseline);
        var cluster = scope.Cluster is null ? string.Empty : $" for {scope.Cluster}";
        var names = NameList(list, g => g.Name);
        var total = Money.Number(list.Sum(g => g.Need ?? 0));
        var text = list.Count == 1
            ? $"No organisation is reported present{cluster} in {names} in {scope.Year}, {words.With} {total} {words.People}."
            : $"{list.Count} governorates{In(table)}{words.GovernoratesWith} have no organisation reported present{cluster} in {scope.Year}: "
              + $"{names} ({string.Format(En, words.TotalTogether, total)}).";
        return new Finding(FindingTopic.NoPresence, text, Keys(list));
    }

    private static Finding? Concentration(EquityTable table)
    {
        if (table.Gini is not { } gini) return null;
        var spread = gini < EvenGini ? "fairly even" : gini < ConcentratedGini ? "uneven" : "highly concentrated";
        var per = BaselineWords.For(table.Scope.Baseline).Person;
        var text = string.Format(En,
            "Concentration (Gini) {0}: funding per {1} is {2} across governorates (0 = the same for everyone, 1 = all with one).",
            Money.Ratio(gini), per, spread);
        var under = table.Governorates.Where(g => g.HasFlag(FlagCodes.UnderServed)).ToList();
        if (gini < EvenGini && under.Count > 0)
        {
            // Gini weighs governorates by their need: under-served places with little need barely move it.
            text += string.Format(En, " The {0} under-served governorate{1} hold{2} only {3} of the need, too little to move this measure: read {4} equity ratio{1} too.",
                under.Count, under.Count == 1 ? "" : "s", under.Count == 1 ? "s" : "", Money.Percent(under.Sum(g => g.NeedShare ?? 0)),
                under.Count == 1 ? "its" : "their");
        }
        var over = table.Governorates.Where(g => g.HasFlag(FlagCodes.OverConcentrated))
            .OrderByDescending(g => g.EquityRatio).ToList();
        if (over.Count > 0)
        {
            var subject = over.Count == 1 ? "1 governorate gets" : $"{over.Count} governorates get";
            var whose = over.Count == 1 ? "its" : "their";
            text += string.Format(En, " {0} more than {1:0.##} times {2} share (over-concentrated): {3}.",
                subject, table.Thresholds.OverConcentratedRatio, whose, NameList(over, g => $"{g.Name} {Money.Ratio(g.EquityRatio)}"));
        }
        return new Finding(FindingTopic.Concentration, text, Keys(over));
    }

    private static Finding? Unallocated(EquityTable table, double share) =>
        table.UnallocatedUsd <= 0 ? null : new Finding(FindingTopic.Unallocated,
            $"{Money.Short(table.UnallocatedUsd)} ({Money.Percent(share)} of counted funding) is recorded for several governorates or the whole country and is in no governorate's figures.",
            []);

    // --- baselines ---------------------------------------------------------------------------

    private enum RatioState { None, Under, Within, Over }

    private static RatioState StateOf(double? ratio, EquityThresholds t) => ratio switch
    {
        null => RatioState.None,
        { } r when r < t.UnderServedRatio => RatioState.Under,
        { } r when r > t.OverConcentratedRatio => RatioState.Over,
        _ => RatioState.Within,
    };

    private static string StateWords(RatioState state) => state switch
    {
        RatioState.Under => "under-served",
        RatioState.Over => "over-concentrated",
        RatioState.Within => "within the thresholds",
        _ => "without a ratio",
    };

    private static Finding? BaselineDisagreement(EquityTable table, EquityTable other)
    {
        var t = table.Thresholds;
        var byWords = BaselineWords.For(table.Scope.Baseline).By;
        var otherWords = BaselineWords.For(other.Scope.Baseline).By;

        List<(AreaFigures Mine, AreaFigures Theirs, double Size)> Disagreements(IEnumerable<AreaFigures> mine, IEnumerable<AreaFigures> theirs)
        {
            var lookup = theirs.ToDictionary(a => a.Key);
            return mine.Where(a => lookup.ContainsKey(a.Key))
                .Select(a => (Mine: a, Theirs: lookup[a.Key]))
                .Where(p => p.Mine.EquityRatio is not null && p.Theirs.EquityRatio is not null
                    && StateOf(p.Mine.EquityRatio, t) != StateOf(p.Theirs.EquityRatio, t))
                .Select(p => (p.Mine, p.Theirs, Size: Math.Abs(Math.Log(Math.Max(p.Mine.EquityRatio!.Value, 0.01) / Math.Max(p.Theirs.EquityRatio!.Value, 0.01)))))
                .OrderByDescending(p => p.Size)
                .ToList();
        }

        var regions = Disagreements(table.Regions, other.Regions);
        var governorates = Disagreements(table.Governorates, other.Governorates);
        if (regions.Count == 0 && governorates.Count == 0) return null;

        string Sentence((AreaFigures Mine, AreaFigures Theirs, double Size) d) =>
            $"{d.Mine.Name} is {StateWords(StateOf(d.Mine.EquityRatio, t))} {byWords} ({Money.Ratio(d.Mine.EquityRatio)}) "
            + $"but {StateWords(StateOf(d.Theirs.EquityRatio, t))} {otherWords} ({Money.Ratio(d.Theirs.EquityRatio)})";

        var counts = new List<string>();
        if (regions.Count > 0) counts.Add(regions.Count == 1 ? "1 region" : $"{regions.Count} regions");
        if (governorates.Count > 0) counts.Add(governorates.Count == 1 ? "1 governorate" : $"{governorates.Count} governorates");
        // A governorate that is a region of its own (Baghdad) is named once, as the region.
        var regionNames = regions.Select(r => r.Mine.Name).ToHashSet(StringComparer.Ordinal);
        var examples = regions.Take(2)
            .Concat(governorates.Where(g => !regionNames.Contains(g.Mine.Name)).Take(regions.Count > 0 ? 1 : 3))
            .ToList();
        // The two baselines in their order of the choices (people in need first), whichever the table's.
        var pair = new[] { table.Scope.Baseline, other.Scope.Baseline }.Order().Select(b => BaselineWords.For(b).Adjective).ToList();
        var text = $"The {pair[0]} and {pair[1]} baselines tell different stories for {string.Join(" and ", counts)}: "
            + string.Join("; ", examples.Select(Sentence)) + ".";
        return new Finding(FindingTopic.Baseline, text, regions.Concat(governorates).Select(d => d.Mine.Key).ToList());
    }

    // --- wording helpers ---------------------------------------------------------------------

    /// <summary>"2019", "2019, cluster Health", "2019, donor ECHO".</summary>
    private static string Label(EquityScope scope)
    {
        var label = scope.Year.ToString(En);
        if (scope.Cluster is not null) label += $", cluster {scope.Cluster}";
        if (scope.Donor is not null) label += $", donor {scope.Donor}";
        return label;
    }

    /// <summary>" in South" when the table is limited to one region.</summary>
    private static string In(EquityTable table) => table.Scope.Region is { } r ? $" in {r}" : string.Empty;

    private static List<string> Keys(IEnumerable<AreaFigures> areas) => areas.Select(a => a.Key).Distinct().ToList();

    /// <summary>"A, B and C"; past <paramref name="max"/> items "A, B, C and 4 more" (never "and 1 more": that one is named).</summary>
    private static string NameList(IReadOnlyList<AreaFigures> areas, Func<AreaFigures, string> describe, int max = MaxNamed)
    {
        var shown = areas.Take(areas.Count == max + 1 ? max + 1 : max).Select(describe).ToList();
        var more = areas.Count - shown.Count;
        if (more > 0) return string.Join(", ", shown) + $" and {more} more";
        return shown.Count == 1 ? shown[0] : string.Join(", ", shown.Take(shown.Count - 1)) + " and " + shown[^1];
    }
}
