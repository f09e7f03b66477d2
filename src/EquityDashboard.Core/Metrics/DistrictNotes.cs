using System.Globalization;

namespace EquityDashboard.Core.Metrics;

/// <summary>
/// The plain sentences a district table carries (<see cref="DistrictTable.Notes"/>): how much of the
/// area's funding and need names a district, so a reader sees that district shares cover only that
/// part, why districts have no need under the population baseline, and where IDPs come from under the IDP baseline.
/// </summary>
public static class DistrictNotes
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    public const string NotSpecified = "'district not specified'";

    /// <summary>The label of a governorate's row (or block) for what names no district, in tables and workbooks.</summary>
    public const string NotSpecifiedLabel = "District not specified";

    public static IReadOnlyList<string> Write(DistrictTable t)
    {
        var notes = new List<string>();
        if (t.BaselineNote is { } baseline) notes.Add(baseline);
        var where = t.GovernorateName ?? "the governorates";
        var population = !t.DistrictNeedKnown;

        notes.Add(t.ScopeFundingUsd > 0
            ? string.Format(En, "Funding: {0} of the {1} allocated to {2} ({3}) names a district; {4} is {5}.",
                Money.Short(t.TotalFundingUsd), Money.Short(t.ScopeFundingUsd), where,
                Money.Percent(t.FundingByDistrictShare), Money.Short(t.NotSpecifiedFundingUsd), NotSpecified)
            : string.Format(En, "Funding: none is allocated to {0} in this scope.", where));

        if (population)
        {
            notes.Add(string.Format(En,
                "Population: the COD gives no population by district, so all {0:N0} residents of {1} are {2} and every district has "
                + "no recorded need under the population baseline: no need share, equity ratio, USD per resident, gap to parity or "
                + "organisations per 100,000 residents is computed for a district, and none is under-served or over-concentrated.",
                t.ScopeNeed, where, NotSpecified));
        }
        else
        {
            var label = BaselineWords.For(t.Scope.Baseline).Label;
            notes.Add(t.ScopeNeed > 0
                ? string.Format(En, "{6}: {0:N0} of the {1:N0} in {2} ({3}) are in figures naming a district; {4:N0} are {5}.",
                    t.TotalNeed, t.ScopeNeed, where, Money.Percent(t.NeedByDistrictShare), t.NotSpecifiedNeed, NotSpecified, label)
                : string.Format(En, "{1}: none is reported for {0} in this scope.", where, label));
        }

        notes.Add("District shares, equity ratios and gaps to parity are of the part that names a district only; "
            + $"what is {NotSpecified} stays with its governorate and is in no district's figures or share.");

        if (t.UnallocatedUsd is { } unallocated && unallocated > 0)
            notes.Add(string.Format(En, "{0} with no single governorate (several, the country, or none) is in no governorate's or district's figures.",
                Money.Short(unallocated)));
        return notes;
    }
}
