namespace EquityDashboard.Core.Metrics;

/// <summary>A flag raised on a governorate or region, with the plain reason shown to users.</summary>
public sealed record Flag(string Code, string Reason);

public static class FlagCodes
{
    public const string UnderServed = "under-served";
    public const string OverConcentrated = "over-concentrated";
    public const string NoPresence = "no-presence";
    public const string FundingFalling = "funding-falling";
    public const string AccessConstrained = "access-constrained";

    public static IReadOnlyList<string> All { get; } =
        [UnderServed, OverConcentrated, NoPresence, FundingFalling, AccessConstrained];
}
