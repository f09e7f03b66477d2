using System.Globalization;
using EquityDashboard.Core.Geography;

namespace EquityDashboard.Core.Metrics;

/// <summary>Implements docs/methodology.md (equity-metrics.md) over aggregates: pure, no I/O.</summary>
public sealed class EquityCalculator(Gazetteer gazetteer, EquityThresholds thresholds)
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    public EquityTable Compute(EquityInputs inputs)
    {
        var scope = inputs.Scope;
        var governorates = gazetteer.All;

        long? NeedOf(Governorate g) => scope.Baseline == Baseline.Population
            ? g.Population
            : inputs.PeopleInNeed.GetValueOrDefault(g.Pcode);
        decimal FundingOf(Governorate g) => inputs.Funding.GetValueOrDefault(g.Pcode);

        var totalFunding = governorates.Sum(FundingOf);
        var totalNeed = governorates.Sum(g => NeedOf(g) ?? 0);
        double? nationalRate = totalNeed > 0 ? (double)totalFunding / totalNeed : null;
        var context = new Context(scope, totalFunding, totalNeed, nationalRate, inputs.Incidents is not null, inputs.PresenceLoaded);

        var govFigures = governorates.Select(g => Figures(context, new Area(
            g.Pcode, g.Name, g.Region,
            NeedOf(g),
            inputs.PeopleInNeed.GetValueOrDefault(g.Pcode),
            FundingOf(g),
            inputs.PreviousFunding.GetValueOrDefault(g.Pcode),
            inputs.Orgs.GetValueOrDefault(g.Pcode),
            inputs.Activities.GetValueOrDefault(g.Pcode),
            inputs.Incidents?.GetValueOrDefault(g.Pcode)))).ToList();

        var regionFigures = Regions.All.Select(region =>
        {
            var members = govFigures.Where(f => f.Region == region).ToList();
            return Figures(context, new Area(
                region, region, region,
                SumReported(members.Select(m => m.Need)),
                SumReported(members.Select(m => m.PeopleInNeed)),
                members.Sum(m => m.FundingUsd),
                members.Sum(m => m.PreviousFundingUsd),
                inputs.RegionOrgs.GetValueOrDefault(region),
                members.Sum(m => m.Activities),
                context.IncidentsLoaded ? members.Sum(m => m.Incidents ?? 0) : null));
        }).ToList();

        var gini = Gini.Compute(govFigures.Select(f => (f.Key, f.Need ?? 0, f.FundingUsd)), totalFunding);

        return new EquityTable
        {
            Scope = scope,
            TotalFundingUsd = totalFunding,
            UnallocatedUsd = inputs.UnallocatedUsd,
            PledgedUsd = inputs.PledgedUsd,
            CountedThroughPooledFund = inputs.CountedThroughPooledFund,
            TotalNeed = totalNeed,
            UsdPerPin = nationalRate,
            Gini = gini,
            IncidentDataLoaded = context.IncidentsLoaded,
            PresenceLoaded = context.PresenceLoaded,
            Governorates = scope.Region is null ? govFigures : govFigures.Where(f => f.Region == scope.Region).ToList(),
            Regions = scope.Region is null ? regionFigures : regionFigures.Where(f => f.Key == scope.Region).ToList(),
            Thresholds = thresholds,
        };
    }

    private static long? SumReported(IEnumerable<long?> values)
    {
        long? sum = null;
        foreach (var v in values)
            if (v is { } n) sum = (sum ?? 0) + n;
        return sum;
    }

    private sealed record Context(EquityScope Scope, decimal TotalFunding, long TotalNeed, double? NationalRate, bool IncidentsLoaded, bool PresenceLoaded);

    private sealed record Area(
        string Key, string Name, string Region, long? Need, long? PeopleInNeed,
        decimal Funding, decimal PreviousFunding, int Orgs, int Activities, int? Incidents);

    private AreaFigures Figures(Context c, Area a)
    {
        double? fundingShare = c.TotalFunding > 0 ? (double)(a.Funding / c.TotalFunding) : null;
        double? needShare = a.Need is { } n1 && c.TotalNeed > 0 ? (double)n1 / c.TotalNeed : null;
        double? ratio = a.Need > 0 && fundingShare is { } fs && needShare is { } ns ? fs / ns : null;
        double? perPin = a.Need > 0 ? (double)a.Funding / a.Need.Value : null;
        double? gap = a.Need is { } n2 && c.NationalRate is { } u ? n2 * u - (double)a.Funding : null;
        double? orgsPer100k = a.Need > 0 ? a.Orgs / (double)a.Need.Value * 100_000 : null;
        double? yoy = a.PreviousFunding > 0 ? (double)((a.Funding - a.PreviousFunding) / a.PreviousFunding) : null;
        double? incidentsPer100k = a.Incidents is { } i && a.PeopleInNeed > 0 ? i / (double)a.PeopleInNeed.Value * 100_000 : null;

        var figures = new AreaFigures
        {
            Key = a.Key,
            Name = a.Name,
            Region = a.Region,
            Need = a.Need,
            PeopleInNeed = a.PeopleInNeed,
            FundingUsd = a.Funding,
            PreviousFundingUsd = a.PreviousFunding,
            FundingShare = fundingShare,
            NeedShare = needShare,
            EquityRatio = ratio,
            UsdPerPin = perPin,
            GapToParityUsd = gap,
            Orgs = a.Orgs,
            Activities = a.Activities,
            OrgsPer100kNeed = orgsPer100k,
            YoyChange = yoy,
            Incidents = a.Incidents,
            IncidentsPer100kPin = incidentsPer100k,
        };
        return figures with { Flags = FlagsFor(c, figures) };
    }

    private List<Flag> FlagsFor(Context c, AreaFigures f)
    {
        var scope = c.Scope;
        var flags = new List<Flag>();
        var words = BaselineWords.For(scope.Baseline);
        if (f.EquityRatio is { } r && f.FundingShare is { } fs && f.NeedShare is { } ns)
        {
            if (r < thresholds.UnderServedRatio)
                flags.Add(new Flag(FlagCodes.UnderServed, string.Format(En,
                    "Gets {0} of funding for {1} of {2} (equity ratio {3:0.00}, below {4:0.##}).",
                    Money.Percent(fs), Money.Percent(ns), words.Whole, r, thresholds.UnderServedRatio)));
            if (r > thresholds.OverConcentratedRatio)
                flags.Add(new Flag(FlagCodes.OverConcentrated, string.Format(En,
                    "Gets {0} of funding for {1} of {2} (equity ratio {3:0.00}, above {4:0.##}).",
                    Money.Percent(fs), Money.Percent(ns), words.Whole, r, thresholds.OverConcentratedRatio)));
        }
        if (c.PresenceLoaded && f.Need > 0 && f.Orgs == 0)
            flags.Add(new Flag(FlagCodes.NoPresence, string.Format(En,
                "{0:N0} {1} and no organisation reported present in {2}{3}.",
                f.Need, words.People, scope.Year,
                scope.Cluster is null ? string.Empty : $" for {scope.Cluster}")));
        if (f.YoyChange is { } yoy && yoy < thresholds.FundingFallingChange)
            flags.Add(new Flag(FlagCodes.FundingFalling, string.Format(En,
                "Funding fell {0:0%} from {1} in {2} to {3} in {4} (threshold {5:0%}).",
                -yoy, Money.Short(f.PreviousFundingUsd), scope.Year - 1, Money.Short(f.FundingUsd), scope.Year,
                thresholds.FundingFallingChange)));
        if (f.IncidentsPer100kPin is { } rate && rate > thresholds.AccessIncidentsPer100kPin)
            flags.Add(new Flag(FlagCodes.AccessConstrained, string.Format(En,
                "{0:N0} security incidents in {1}, {2:0.0} per 100,000 people in need (above {3:0.##}): a gap here may be access, not neglect.",
                f.Incidents, scope.Year, rate, thresholds.AccessIncidentsPer100kPin)));
        return flags;
    }
}
