using System.CommandLine;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Cli;

internal enum OutputFormat
{
    Table,
    Csv,
    Json,
}

internal static class CommonOptions
{
    public static readonly Option<FileInfo?> Database = new("--db")
    {
        Description = "SQLite database file (default: the configured database). A new file is created empty.",
        Recursive = true,
    };

    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "table for people, csv or json for scripts",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    public static Option<string?> Cluster() => new("--cluster") { Description = "Limit to one cluster (its people in need and funding)" };

    public static Option<string?> Donor() => new("--donor") { Description = "Limit funding to one donor" };

    public static Option<int> Year() => new("--year") { Description = "Reference year", Required = true };

    public static Option<bool> RealOnly() => new("--real-only")
    {
        Description = "Real figures only: leave out every batch marked illustrative (invented demonstration data)",
    };

    public static Option<string?> Region() => new("--region") { Description = "List only one region: KRI, South, North/Centre, Baghdad" };

    public static Option<string> Baseline()
    {
        var baseline = new Option<string>("--baseline")
        {
            Description = "pin (people in need, default) or population (per-capita view)",
            DefaultValueFactory = _ => "pin",
        };
        baseline.AcceptOnlyFromAmong("pin", "population");
        return baseline;
    }

    /// <summary>The canonical region of <paramref name="option"/> (null when not given); false after telling the user the known regions.</summary>
    public static bool TryGetRegion(ParseResult parse, Option<string?> option, out string? region)
    {
        region = null;
        if (parse.GetValue(option) is not { } typed) return true;
        region = Regions.Canonical(typed);
        if (region is not null) return true;
        Console.Error.WriteLine($"Unknown region '{typed}'. Use one of: {string.Join(", ", Regions.All)}.");
        return false;
    }

    /// <summary>
    /// The cluster and donor the user typed, as the database spells them (case-insensitive).
    /// Null after telling the user the known names of one that is unknown: a typo would
    /// otherwise give an empty table that looks like a real finding.
    /// </summary>
    public static async Task<(string? Cluster, string? Donor)?> KnownClusterAndDonorAsync(
        ParseResult parse, Option<string?> cluster, Option<string?> donor, EquityService equity, CancellationToken ct)
    {
        var clusterName = await KnownAsync("cluster", parse.GetValue(cluster), () => equity.ClustersAsync(ct));
        var donorName = await KnownAsync("donor", parse.GetValue(donor), () => equity.DonorsAsync(ct));
        if (clusterName is { Ok: false } || donorName is { Ok: false }) return null;
        return (clusterName?.Name, donorName?.Name);
    }

    private sealed record Known(bool Ok, string? Name);

    private static async Task<Known?> KnownAsync(string what, string? typed, Func<Task<IReadOnlyList<string>>> list)
    {
        if (typed is null) return null;
        var names = await list();
        var match = names.FirstOrDefault(n => string.Equals(n, typed.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is not null) return new Known(true, match);
        Console.Error.WriteLine(names.Count == 0
            ? $"Unknown {what} '{typed}': the database has no {what} names."
            : $"Unknown {what} '{typed}'. Known: {string.Join(", ", names)}.");
        return new Known(false, null);
    }

    public static Baseline GetBaseline(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) == "population" ? Core.Metrics.Baseline.Population : Core.Metrics.Baseline.Pin;
}
