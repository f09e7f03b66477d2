namespace EquityDashboard.Core.Metrics;

/// <summary>The figures of an area (or of a table's totals) that one mark can name.</summary>
[Flags]
public enum FigureSet
{
    None = 0,
    Funding = 1 << 0,
    Need = 1 << 1,
    FundingShare = 1 << 2,
    NeedShare = 1 << 3,
    EquityRatio = 1 << 4,
    UsdPerPin = 1 << 5,
    GapToParity = 1 << 6,
    Orgs = 1 << 7,
    YoyChange = 1 << 8,
    Incidents = 1 << 9,
    Idps = 1 << 10,
    /// <summary>Totals only: funding for several governorates or the country.</summary>
    Unallocated = 1 << 11,
    /// <summary>Totals only: the concentration of funding against need.</summary>
    Gini = 1 << 12,
    /// <summary>The area's flags: set when any figure they are read from is marked.</summary>
    Flags = 1 << 13,
}

/// <summary>
/// Which figures rest on illustrative (invented) batches. A figure rests on them when leaving the
/// illustrative batches out changes it: the table of the scope is compared with the same scope on
/// real data only (<see cref="EquityScope.RealOnly"/>), figure by figure. So a governorate's funding
/// is marked when invented money is located there; its funding share, equity ratio and gap are
/// marked too when invented money anywhere moved the national total they are read against. A figure
/// that exists only because of invented data (no real need at all) is marked as well.
/// </summary>
public static class Provenance
{
    /// <summary>
    /// <paramref name="table"/> with each governorate's and region's <see cref="AreaFigures.Illustrative"/>
    /// and the table's <see cref="EquityTable.IllustrativeTotals"/> set against <paramref name="realOnly"/>,
    /// the same scope without illustrative batches. A real-only scope has nothing to mark.
    /// </summary>
    public static EquityTable Mark(EquityTable table, EquityTable realOnly)
    {
        if (table.Scope.RealOnly) return table;
        var totals = Totals((table.TotalFundingUsd, table.TotalNeed, table.UsdPerPin, table.Gini),
            (realOnly.TotalFundingUsd, realOnly.TotalNeed, realOnly.UsdPerPin, realOnly.Gini));
        if (!Same(table.UnallocatedUsd, realOnly.UnallocatedUsd)) totals |= FigureSet.Unallocated;
        return table with
        {
            Governorates = Mark(table.Governorates, realOnly.Governorates),
            Regions = Mark(table.Regions, realOnly.Regions),
            IllustrativeTotals = totals,
        };
    }

    /// <summary>A district table marked against the same table on real data only, as <see cref="Mark(EquityTable, EquityTable)"/>.</summary>
    public static DistrictTable Mark(DistrictTable table, DistrictTable realOnly)
    {
        if (table.Scope.RealOnly) return table;
        var totals = Totals((table.TotalFundingUsd, table.TotalNeed, table.UsdPerPin, table.Gini),
            (realOnly.TotalFundingUsd, realOnly.TotalNeed, realOnly.UsdPerPin, realOnly.Gini));
        return table with { Districts = Mark(table.Districts, realOnly.Districts), IllustrativeTotals = totals };
    }

    /// <summary>
    /// The findings with <see cref="Finding.RestsOnIllustrative"/> set: a finding about areas rests on
    /// invented data when a figure of one of them does; a national one (no areas) when a total does.
    /// </summary>
    public static IReadOnlyList<Finding> Mark(IReadOnlyList<Finding> findings, EquityTable marked)
    {
        if (marked.Scope.RealOnly) return findings;
        var areas = marked.Governorates.Concat(marked.Regions).ToDictionary(a => a.Key, a => a.Illustrative, StringComparer.Ordinal);
        return findings.Select(f => f with
        {
            RestsOnIllustrative = f.AreaKeys.Count == 0
                ? marked.IllustrativeTotals != FigureSet.None
                : f.AreaKeys.Any(k => areas.GetValueOrDefault(k) != FigureSet.None),
        }).ToList();
    }

    /// <summary>The totals (F, N, u, Gini) of a table that differ from those of the same table on real data.</summary>
    private static FigureSet Totals((decimal F, long N, double? U, double? Gini) a, (decimal F, long N, double? U, double? Gini) real)
    {
        var set = FigureSet.None;
        if (!Same(a.F, real.F)) set |= FigureSet.Funding;
        if (a.N != real.N) set |= FigureSet.Need;
        if (!Same(a.U, real.U)) set |= FigureSet.UsdPerPin;
        if (!Same(a.Gini, real.Gini)) set |= FigureSet.Gini;
        return set;
    }

    private static List<AreaFigures> Mark(IReadOnlyList<AreaFigures> areas, IReadOnlyList<AreaFigures> realOnly)
    {
        var real = realOnly.ToDictionary(a => a.Key, StringComparer.Ordinal);
        return areas.Select(a => a with { Illustrative = Compare(a, real.GetValueOrDefault(a.Key)) }).ToList();
    }

    /// <summary>The figures of <paramref name="a"/> that differ from the same area on real data (all of them when it has none there).</summary>
    public static FigureSet Compare(AreaFigures a, AreaFigures? real)
    {
        if (real is null) return Everything;
        var set = FigureSet.None;
        if (!Same(a.FundingUsd, real.FundingUsd)) set |= FigureSet.Funding;
        if (a.Need != real.Need) set |= FigureSet.Need;
        if (!Same(a.FundingShare, real.FundingShare)) set |= FigureSet.FundingShare;
        if (!Same(a.NeedShare, real.NeedShare)) set |= FigureSet.NeedShare;
        if (!Same(a.EquityRatio, real.EquityRatio)) set |= FigureSet.EquityRatio;
        if (!Same(a.UsdPerPin, real.UsdPerPin)) set |= FigureSet.UsdPerPin;
        if (!Same(a.GapToParityUsd, real.GapToParityUsd)) set |= FigureSet.GapToParity;
        if (a.Orgs != real.Orgs || a.Activities != real.Activities) set |= FigureSet.Orgs;
        if (!Same(a.YoyChange, real.YoyChange)) set |= FigureSet.YoyChange;
        if (a.Incidents != real.Incidents) set |= FigureSet.Incidents;
        if (a.Idps != real.Idps) set |= FigureSet.Idps;
        // A flag is read from the figures: it rests on invented data when one of them does.
        if (set != FigureSet.None && a.Flags.Count > 0) set |= FigureSet.Flags;
        return set;
    }

    /// <summary>The marked figures in words, in reading order: "funding, funding share, equity ratio".</summary>
    public static string Describe(FigureSet set) => string.Join(", ", Names.Where(n => (set & n.Figure) != FigureSet.None).Select(n => n.Words));

    private static readonly (FigureSet Figure, string Words)[] Names =
    [
        (FigureSet.Need, "need"), (FigureSet.Funding, "funding"), (FigureSet.Unallocated, "unallocated funding"),
        (FigureSet.FundingShare, "funding share"), (FigureSet.NeedShare, "need share"), (FigureSet.EquityRatio, "equity ratio"),
        (FigureSet.UsdPerPin, "USD per person"), (FigureSet.GapToParity, "gap to parity"), (FigureSet.YoyChange, "year on year"),
        (FigureSet.Orgs, "organisations"), (FigureSet.Incidents, "incidents"), (FigureSet.Idps, "IDPs"), (FigureSet.Gini, "Gini"),
        (FigureSet.Flags, "flags"),
    ];

    private const FigureSet Everything = FigureSet.Funding | FigureSet.Need | FigureSet.FundingShare | FigureSet.NeedShare
        | FigureSet.EquityRatio | FigureSet.UsdPerPin | FigureSet.GapToParity | FigureSet.Orgs | FigureSet.YoyChange
        | FigureSet.Incidents | FigureSet.Idps | FigureSet.Flags;

    // Sums over the same rows may be added in another order: equal to a part in a billion is the same figure.
    private static bool Same(decimal a, decimal b) => a == b || Math.Abs(a - b) <= Math.Max(Math.Abs(a), Math.Abs(b)) * 1e-9m;

    private static bool Same(double? a, double? b) =>
        a is null || b is null ? a is null && b is null : a == b || Math.Abs(a.Value - b.Value) <= Math.Max(Math.Abs(a.Value), Math.Abs(b.Value)) * 1e-9;
}
