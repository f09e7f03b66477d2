using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Web.Tests;

/// <summary>Four synthetic governorates, one per region, computed by the real engine. Charlie has no reported need.</summary>
internal static class SampleTable
{
    public static readonly Gazetteer Gazetteer = new(
    [
        new Governorate("IQX01", "Alpha", "ألفا", Regions.NorthCentre, 0, 0, 1_000_000, []),
        new Governorate("IQX02", "Bravo", "برافو", Regions.South, 1, 1, 2_000_000, []),
        new Governorate("IQX03", "Charlie", "تشارلي", Regions.Kri, 0, 2, 500_000, []),
        new Governorate("IQX04", "Delta", "دلتا", Regions.Baghdad, 2, 3, 3_456_789, []),
    ]);

    public static EquityTable Compute(Baseline baseline = Baseline.Pin, string? region = null) =>
        new EquityCalculator(Gazetteer, new EquityThresholds()).Compute(new EquityInputs
        {
            Scope = new EquityScope(2024, Region: region, Baseline: baseline),
            Funding = new Dictionary<string, decimal>
            {
                ["IQX01"] = 1_234_567m, ["IQX02"] = 100_000m, ["IQX03"] = 50_000m, ["IQX04"] = 3_000_000m,
            },
            PreviousFunding = new Dictionary<string, decimal> { ["IQX04"] = 5_000_000m },
            PeopleInNeed = new Dictionary<string, long?>
            {
                ["IQX01"] = 300_000, ["IQX02"] = 1_000_000, ["IQX04"] = 2_000_000,
            },
            Orgs = new Dictionary<string, int> { ["IQX01"] = 3, ["IQX03"] = 1, ["IQX04"] = 2 },
            Activities = new Dictionary<string, int> { ["IQX01"] = 4, ["IQX03"] = 1, ["IQX04"] = 2 },
            RegionOrgs = new Dictionary<string, int>
            {
                [Regions.NorthCentre] = 3, [Regions.Kri] = 1, [Regions.Baghdad] = 2,
            },
        });
}
