using System.CommandLine;

namespace EquityDashboard.Cli;

internal enum OutputFormat
{
    Table,
    Csv,
    Json,
}

/// <summary>Options many commands share; a view's scope options are <see cref="ScopeOptions"/>.</summary>
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
}
