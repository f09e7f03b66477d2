using System.CommandLine;

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
}
