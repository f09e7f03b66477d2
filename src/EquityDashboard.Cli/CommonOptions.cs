using System.CommandLine;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;

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

    public static Baseline GetBaseline(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) == "population" ? Core.Metrics.Baseline.Population : Core.Metrics.Baseline.Pin;
}
