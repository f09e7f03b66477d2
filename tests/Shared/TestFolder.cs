using Microsoft.Data.Sqlite;

namespace EquityDashboard.Tests.Shared;

/// <summary>
/// A private temp folder for a test's database and files, in the test projects that open
/// SQLite in their own process (linked in by their .csproj files).
/// </summary>
internal static class TestFolder
{
    public static string Create(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Closes SQLite's pooled connections, which hold the files open, and deletes the folder.</summary>
    public static void Delete(string folder)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open elsewhere: leave the temp folder for the OS to clean.
        }
    }
}
