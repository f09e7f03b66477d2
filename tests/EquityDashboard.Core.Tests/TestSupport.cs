namespace EquityDashboard.Core.Tests;

/// <summary>Locating repo files and comparing floating-point figures.</summary>
internal static class TestSupport
{
    /// <summary>Walks up from the test binaries to the folder holding EquityDashboard.sln.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EquityDashboard.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException(
            $"No EquityDashboard.sln above {AppContext.BaseDirectory}.");
    }

    public static string RepoFile(params string[] parts) => Path.Combine([RepoRoot(), .. parts]);

    /// <summary>Asserts a defined value within a relative tolerance of 1e-9.</summary>
    public static void Near(double expected, double? actual, string? what = null)
    {
        Assert.True(actual.HasValue, $"{what ?? "value"}: expected {expected}, got null");
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual!.Value) <= tolerance,
            $"{what ?? "value"}: expected {expected}, got {actual.Value}");
    }
}
