using Microsoft.Data.Sqlite;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>
/// Resolves relative paths in settings against the repository root (the folder holding
/// EquityDashboard.sln, found from the working directory or the app's folder), so the web
/// app and the CLI open the same database whichever folder they are started from.
/// Outside a checkout, paths resolve against the working directory.
/// </summary>
public static class DataPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string BaseDirectory => Root.Value;

    public static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>Makes a relative SQLite data source absolute and creates its folder.</summary>
    public static string NormaliseConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:"
            && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Resolve(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }

    public static string ForFile(string databasePath) =>
        NormaliseConnectionString(new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString());

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "EquityDashboard.sln")))
                    return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
