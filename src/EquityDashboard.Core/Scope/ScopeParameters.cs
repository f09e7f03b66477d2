namespace EquityDashboard.Core.Scope;

/// <summary>
/// The parameters of a view's scope, by the names the address, the API and the CLI (as
/// <c>--name</c>) give them, with the help each shows. <see cref="ScopeParser"/> reads them.
/// </summary>
public static class ScopeParameters
{
    public const string Year = "year";
    public const string Cluster = "cluster";
    public const string Donor = "donor";
    public const string Region = "region";
    public const string Baseline = "baseline";
    public const string Data = "data";
    public const string Level = "level";
    public const string Governorate = "governorate";

    /// <summary>Every parameter, in the order messages name them.</summary>
    public static IReadOnlyList<string> All { get; } = [Year, Cluster, Donor, Region, Baseline, Data, Level, Governorate];

    /// <summary>The value of <see cref="Data"/> for real figures only.</summary>
    public const string RealData = "real";
    /// <summary>The value of <see cref="Data"/> for every batch (the default).</summary>
    public const string AllData = "all";

    public const string YearHelp =
        "Reference year (default: the configured default year, else the latest year with both funding and people in need).";
    public const string ClusterHelp = "Limit to one cluster (its people in need and funding); case-insensitive.";
    public const string DonorHelp = "Limit funding to one donor; case-insensitive.";
    public const string RegionHelp = "List only one region: North/Centre, Baghdad, KRI or South. Shares stay national.";
    public const string BaselineHelp = "pin (people in need, the default), population (per-capita view) or idps (internally displaced people, IOM DTM).";
    public const string DataHelp =
        "real: real figures only, leaving out every batch marked illustrative (invented demonstration data); all (the default): every batch.";
    public const string LevelHelp =
        "governorate (the default) or district: the areas the gaps table lists (with district, the districts of the "
        + "governorate named, else every district, and what names no district apart); other views are still per governorate.";
    public const string GovernorateHelp =
        "The governorate a district view is inside: P-code or name in any spelling the importer accepts. With level district "
        + "the gaps table lists its districts only; with level governorate it changes no figure.";
}
