using System.Globalization;
using EquityDashboard.Core.Geography;

namespace EquityDashboard.Core.Metrics;

/// <summary>
/// Implements docs/methodology.md (equity-metrics.md) over aggregates: pure, no I/O. One engine for
/// both levels: the governorates (<see cref="Compute"/>) and the districts (<see cref="ComputeDistricts"/>)
/// are lists of <see cref="AreaUnit"/> run through the same figures and flags.
/// </summary>
public sealed class EquityCalculator(Gazetteer gazetteer, EquityThresholds thresholds)
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The governorate table: every governorate and region of the gazetteer.</summary>
    public EquityTable Compute(EquityInputs inputs)
    {
        var scope = inputs.Scope;
        var incidentsLoaded = inputs.Incidents is not null;
        var areas = gazetteer.Areas(AreaLevel.Governorate).Select(g => new Area(
            g.Pcode, g.Name, g.Region, null, null,
            NeedOf(scope, g, inputs.PeopleInNeed.GetValueOrDefault(g.Pcode), inputs.Idps),
            inputs.PeopleInNeed.GetValueOrDefault(g.Pcode),
            inputs.Funding.GetValueOrDefault(g.Pcode),
            inputs.PreviousFunding.GetValueOrDefault(g.Pcode),
            CommonPart(inputs.Coverage, inputs.FundingBySource, inputs.PreviousFundingBySource, g.Pcode,
                inputs.Funding.GetValueOrDefault(g.Pcode), inputs.PreviousFunding.GetValueOrDefault(g.Pcode)),
            inputs.Orgs.GetValueOrDefault(g.Pcode),
            inputs.Activities.GetValueOrDefault(g.Pcode),
            inputs.Incidents?.GetValueOrDefault(g.Pcode),
            Reported(inputs.Idps, g.Pcode),
            PresenceCounts: inputs.PresenceLoaded,
            ChangeCounts: true)).ToList();
        var context = Context.For(scope, areas, incidentsLoaded, inputs.PresenceLoaded, inputs.Coverage, ShareOf: string.Empty);
        var govFigures = areas.Select(a => Figures(context, a)).ToList();

        var regionFigures = Regions.All.Select(region =>
        {
            var members = govFigures.Where(f => f.Region == region).ToList();
            return Figures(context, new Area(
                region, region, region, null, null,
                SumReported(members.Select(m => m.Need)),
                SumReported(members.Select(m => m.PeopleInNeed)),
                members.Sum(m => m.FundingUsd),
                members.Sum(m => m.PreviousFundingUsd),
                SumCommon(inputs.Coverage, members),
                inputs.RegionOrgs.GetValueOrDefault(region),
                members.Sum(m => m.Activities),
                context.IncidentsLoaded ? members.Sum(m => m.Incidents ?? 0) : null,
                SumReported(members.Select(m => m.Idps)),
                PresenceCounts: inputs.PresenceLoaded,
                ChangeCounts: true));
        }).ToList();

        return new EquityTable
        {
            Scope = scope,
            TotalFundingUsd = context.TotalFunding,
            UnallocatedUsd = inputs.UnallocatedUsd,
            PledgedUsd = inputs.PledgedUsd,
            CountedThroughPooledFund = inputs.CountedThroughPooledFund,
            TotalNeed = context.TotalNeed,
            UsdPerPin = context.NationalRate,
            Gini = GiniOf(govFigures, context),
            IncidentDataLoaded = context.IncidentsLoaded,
            PresenceLoaded = context.PresenceLoaded,
            Governorates = scope.Region is null ? govFigures : govFigures.Where(f => f.Region == scope.Region).ToList(),
            Regions = scope.Region is null ? regionFigures : regionFigures.Where(f => f.Key == scope.Region).ToList(),
            Thresholds = thresholds,
            BaselineNote = BaselineNote.Write(scope, inputs.DisplacementLists),
            Coverage = inputs.Coverage,
        };
    }

    /// <summary>
    /// The district table of the scope: the districts of <paramref name="governoratePcode"/>, with shares
    /// of that governorate's figures that name a district, or (null) every district, with shares of the
    /// national figures that name a district. The same formulas, flags and thresholds as
    /// <see cref="Compute"/>; what names no district is kept apart per governorate. The region filter
    /// limits the national table's lists (totals stay national); inside a governorate it does nothing.
    /// </summary>
    /// <param name="inputs">The governorate inputs of the scope (its totals, what is loaded for the year).</param>
    /// <param name="districts">The district inputs of the same scope.</param>
    /// <exception cref="ArgumentException">The P-code is not a governorate of the gazetteer.</exception>
    public DistrictTable ComputeDistricts(EquityInputs inputs, DistrictInputs districts, string? governoratePcode = null)
    {
        var scope = inputs.Scope;
        Governorate? within = null;
        if (governoratePcode is not null && !gazetteer.TryGet(governoratePcode.Trim(), out within))
            throw new ArgumentException($"'{governoratePcode}' is not a governorate P-code.", nameof(governoratePcode));
        IReadOnlyList<Governorate> governorates = within is null ? gazetteer.All : [within];
        var incidentsLoaded = inputs.Incidents is not null;
        var d = districts.Districts;

        var areas = new List<Area>();
        foreach (var g in governorates)
        {
            var units = gazetteer.Areas(AreaLevel.District, g.Pcode);
            // Whether the governorate's rows of the scope name any district at all: where they name
            // none, "nothing in this district" says nothing about the district (see ChangeCounts).
            bool NameDistricts<T>(IReadOnlyDictionary<string, T> byDistrict) => units.Any(u => byDistrict.ContainsKey(u.Pcode));
            var fundingByDistrict = NameDistricts(d.Funding);
            var presenceByDistrict = NameDistricts(d.Orgs);
            var incidentsByDistrict = incidentsLoaded && NameDistricts(d.Incidents);
            areas.AddRange(units.Select(u => new Area(
                u.Pcode, u.Name, u.Region, u.ParentPcode, u.ParentName,
                NeedOf(scope, u, d.PeopleInNeed.GetValueOrDefault(u.Pcode), d.Idps),
                d.PeopleInNeed.GetValueOrDefault(u.Pcode),
                d.Funding.GetValueOrDefault(u.Pcode),
                d.PreviousFunding.GetValueOrDefault(u.Pcode),
                CommonPart(inputs.Coverage, d.FundingBySource, d.PreviousFundingBySource, u.Pcode,
                    d.Funding.GetValueOrDefault(u.Pcode), d.PreviousFunding.GetValueOrDefault(u.Pcode)),
                d.Orgs.GetValueOrDefault(u.Pcode),
                d.Activities.GetValueOrDefault(u.Pcode),
                incidentsByDistrict ? d.Incidents.GetValueOrDefault(u.Pcode) : null,
                Reported(d.Idps, u.Pcode),
                PresenceCounts: inputs.PresenceLoaded && presenceByDistrict,
                ChangeCounts: fundingByDistrict)));
        }
        var shareOf = within is null ? " (shares of the national figures by district)" : $" (shares of {within.Name}'s figures by district)";
        var context = Context.For(scope, areas, incidentsLoaded, inputs.PresenceLoaded, inputs.Coverage, shareOf);
        var figures = areas.Select(a => Figures(context, a)).ToList();

        var ns = districts.NotSpecified;
        var notSpecified = governorates.Select(g =>
        {
            var unit = AreaUnit.Of(g);
            return new NotSpecifiedFigures
            {
                GovernoratePcode = g.Pcode,
                GovernorateName = g.Name,
                Region = g.Region,
                FundingUsd = ns.Funding.GetValueOrDefault(g.Pcode),
                PreviousFundingUsd = ns.PreviousFunding.GetValueOrDefault(g.Pcode),
                Need = NeedOf(scope, unit, ns.PeopleInNeed.GetValueOrDefault(g.Pcode), ns.Idps),
                PeopleInNeed = ns.PeopleInNeed.GetValueOrDefault(g.Pcode),
                Orgs = ns.Orgs.GetValueOrDefault(g.Pcode),
                Activities = ns.Activities.GetValueOrDefault(g.Pcode),
                Incidents = incidentsLoaded ? ns.Incidents.GetValueOrDefault(g.Pcode) : null,
                Idps = Reported(ns.Idps, g.Pcode),
                GovernorateFundingUsd = inputs.Funding.GetValueOrDefault(g.Pcode),
                GovernorateNeed = NeedOf(scope, unit, inputs.PeopleInNeed.GetValueOrDefault(g.Pcode), inputs.Idps),
                GovernorateOrgs = inputs.Orgs.GetValueOrDefault(g.Pcode),
                GovernorateIdps = Reported(inputs.Idps, g.Pcode),
            };
        }).ToList();

        var table = new DistrictTable
        {
            Scope = scope,
            GovernoratePcode = within?.Pcode,
            GovernorateName = within?.Name,
            TotalFundingUsd = context.TotalFunding,
            TotalNeed = context.TotalNeed,
            UsdPerPin = context.NationalRate,
            Gini = GiniOf(figures, context),
            ScopeFundingUsd = notSpecified.Sum(n => n.GovernorateFundingUsd),
            ScopeNeed = notSpecified.Sum(n => n.GovernorateNeed ?? 0),
            NotSpecifiedFundingUsd = notSpecified.Sum(n => n.FundingUsd),
            NotSpecifiedNeed = notSpecified.Sum(n => n.Need ?? 0),
            UnallocatedUsd = within is null ? inputs.UnallocatedUsd : null,
            IncidentDataLoaded = incidentsLoaded,
            PresenceLoaded = inputs.PresenceLoaded,
            Districts = figures,
            NotSpecified = notSpecified,
            Notes = [],
            Thresholds = thresholds,
            BaselineNote = BaselineNote.Write(scope, inputs.DisplacementLists),
        };
        if (within is null && scope.Region is { } region)
        {
            table = table with
            {
                Districts = figures.Where(f => f.Region == region).ToList(),
                NotSpecified = notSpecified.Where(n => n.Region == region).ToList(),
            };
        }
        return table with { Notes = DistrictNotes.Write(table) };
    }

    /// <summary>
    /// The area's need under the scope's baseline: its people in need, its population (the gazetteer's),
    /// or its IDPs (<paramref name="idps"/>, keyed by the area's P-code: not reported when absent). IDPs
    /// are not counted per cluster, so a cluster scope gets the same IDPs as all clusters.
    /// </summary>
    private static long? NeedOf(EquityScope scope, AreaUnit unit, long? peopleInNeed, IReadOnlyDictionary<string, long> idps) =>
        scope.Baseline switch
        {
            Baseline.Population => unit.Population,
            Baseline.Idps => Reported(idps, unit.Pcode),
            _ => peopleInNeed,
        };

    private static long? Reported(IReadOnlyDictionary<string, long> values, string key) =>
        values.TryGetValue(key, out var v) ? v : null;

    private static double? GiniOf(IEnumerable<AreaFigures> figures, Context c) =>
        Gini.Compute(figures.Select(f => (f.Key, f.Need ?? 0, f.FundingUsd)), c.TotalFunding);

    /// <summary>
    /// The area's funding of both years from the sources reporting both (<see cref="FundingCoverage.Common"/>):
    /// all of it when the sources are the same (or not known), none (null) when no source reports both.
    /// </summary>
    private static CommonFunding? CommonPart(FundingCoverage? coverage,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> split,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> previousSplit,
        string key, decimal funding, decimal previous)
    {
        if (coverage is not { Changed: true }) return new CommonFunding(funding, previous);
        var common = coverage.Common;
        return common.Count == 0 ? null : new CommonFunding(split.Of(key, common), previousSplit.Of(key, common));
    }

    /// <summary>A region's funding from the common sources: its governorates' sums (none when no source reports both years).</summary>
    private static CommonFunding? SumCommon(FundingCoverage? coverage, IReadOnlyList<AreaFigures> members) =>
        coverage is { Changed: true, Common.Count: 0 } ? null
            : new CommonFunding(members.Sum(m => m.CommonSourcesFundingUsd ?? 0), members.Sum(m => m.CommonSourcesPreviousFundingUsd ?? 0));

    /// <summary>Funding of the year and the year before from the sources reporting both years.</summary>
    private sealed record CommonFunding(decimal Funding, decimal Previous);

    private static long? SumReported(IEnumerable<long?> values)
    {
        long? sum = null;
        foreach (var v in values)
            if (v is { } n) sum = (sum ?? 0) + n;
        return sum;
    }

    /// <summary>
    /// The totals one level's figures are computed against: F and N over its areas, u = F / N.
    /// <paramref name="ShareOf"/> says in the flags' reasons what the shares are of (empty for governorates).
    /// </summary>
    private sealed record Context(EquityScope Scope, decimal TotalFunding, long TotalNeed, double? NationalRate,
        bool IncidentsLoaded, bool PresenceLoaded, FundingCoverage? Coverage, string ShareOf)
    {
        public static Context For(EquityScope scope, IReadOnlyList<Area> areas, bool incidentsLoaded, bool presenceLoaded,
            FundingCoverage? coverage, string ShareOf)
        {
            var totalFunding = areas.Sum(a => a.Funding);
            var totalNeed = areas.Sum(a => a.Need ?? 0);
            double? rate = totalNeed > 0 ? (double)totalFunding / totalNeed : null;
            return new Context(scope, totalFunding, totalNeed, rate, incidentsLoaded, presenceLoaded, coverage, ShareOf);
        }
    }

    /// <summary>
    /// One area's inputs. <paramref name="PresenceCounts"/>: whether "no organisation reported" means
    /// something here (presence data loaded for the year; for a district, its governorate's presence
    /// names districts). <paramref name="ChangeCounts"/>: whether a change of funding can be read (for a
    /// district, its governorate's funding of the year names districts, so a fall is not money merely
    /// reported without a district). <paramref name="Common"/>: its funding of both years from the sources
    /// reporting both (null when no source does).
    /// </summary>
    private sealed record Area(
        string Key, string Name, string Region, string? ParentPcode, string? ParentName, long? Need, long? PeopleInNeed,
        decimal Funding, decimal PreviousFunding, CommonFunding? Common, int Orgs, int Activities, int? Incidents, long? Idps,
        bool PresenceCounts, bool ChangeCounts);

    private AreaFigures Figures(Context c, Area a)
    {
        double? fundingShare = c.TotalFunding > 0 ? (double)(a.Funding / c.TotalFunding) : null;
        double? needShare = a.Need is { } n1 && c.TotalNeed > 0 ? (double)n1 / c.TotalNeed : null;
        double? ratio = a.Need > 0 && fundingShare is { } fs && needShare is { } ns ? fs / ns : null;
        double? perPin = a.Need > 0 ? (double)a.Funding / a.Need.Value : null;
        double? gap = a.Need is { } n2 && c.NationalRate is { } u ? n2 * u - (double)a.Funding : null;
        double? orgsPer100k = a.Need > 0 ? a.Orgs / (double)a.Need.Value * 100_000 : null;
        double? rawYoy = a.ChangeCounts && a.PreviousFunding > 0 ? (double)((a.Funding - a.PreviousFunding) / a.PreviousFunding) : null;
        double? yoy = a.ChangeCounts && a.Common is { Previous: > 0 } common ? (double)((common.Funding - common.Previous) / common.Previous) : null;
        double? incidentsPer100k = a.Incidents is { } i && a.PeopleInNeed > 0 ? i / (double)a.PeopleInNeed.Value * 100_000 : null;

        var figures = new AreaFigures
        {
            Key = a.Key,
            Name = a.Name,
            Region = a.Region,
            ParentPcode = a.ParentPcode,
            ParentName = a.ParentName,
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
            RawYoyChange = rawYoy,
            CommonSourcesFundingUsd = a.Common?.Funding,
            CommonSourcesPreviousFundingUsd = a.Common?.Previous,
            Incidents = a.Incidents,
            IncidentsPer100kPin = incidentsPer100k,
            Idps = a.Idps,
        };
        if (a.ChangeCounts) figures = figures with { CoverageNote = c.Coverage?.NoteFor(figures) };
        return figures with { Flags = FlagsFor(c, a, figures) };
    }

    private List<Flag> FlagsFor(Context c, Area a, AreaFigures f)
    {
        var scope = c.Scope;
        var flags = new List<Flag>();
        var words = BaselineWords.For(scope.Baseline);
        if (f.EquityRatio is { } r && f.FundingShare is { } fs && f.NeedShare is { } ns)
        {
            if (r < thresholds.UnderServedRatio)
                flags.Add(new Flag(FlagCodes.UnderServed, string.Format(En,
                    "Gets {0} of funding for {1} of {2}{5} (equity ratio {3:0.00}, below {4:0.##}).",
                    Money.Percent(fs), Money.Percent(ns), words.Whole, r, thresholds.UnderServedRatio, c.ShareOf)));
            if (r > thresholds.OverConcentratedRatio)
                flags.Add(new Flag(FlagCodes.OverConcentrated, string.Format(En,
                    "Gets {0} of funding for {1} of {2}{5} (equity ratio {3:0.00}, above {4:0.##}).",
                    Money.Percent(fs), Money.Percent(ns), words.Whole, r, thresholds.OverConcentratedRatio, c.ShareOf)));
        }
        if (a.PresenceCounts && f.Need > 0 && f.Orgs == 0)
            flags.Add(new Flag(FlagCodes.NoPresence, string.Format(En,
                "{0:N0} {1} and no organisation reported present in {2}{3}.",
                f.Need, words.People, scope.Year,
                scope.Cluster is null ? string.Empty : $" for {scope.Cluster}")));
        if (f.YoyChange is { } yoy && yoy < thresholds.FundingFallingChange)
            flags.Add(new Flag(FlagCodes.FundingFalling, c.Coverage?.Change is { } change
                ? string.Format(En,
                    "Funding from the sources reporting both years fell {0:0%} from {1} in {2} to {3} in {4} (threshold {5:0%}); coverage changed: {6}.",
                    -yoy, Money.Short(f.CommonSourcesPreviousFundingUsd ?? 0), scope.Year - 1, Money.Short(f.CommonSourcesFundingUsd ?? 0), scope.Year,
                    thresholds.FundingFallingChange, change)
                : string.Format(En,
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
