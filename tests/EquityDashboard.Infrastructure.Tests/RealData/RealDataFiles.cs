namespace EquityDashboard.Infrastructure.Tests.RealData;

/// <summary>
/// Locates the shared folder of untouched public files (<c>../shared/real-data</c> beside the
/// folder holding EquityDashboard.sln, see its SOURCES.md). The files are read in place, never
/// copied into the repo. Tests using them (<see cref="RealDataFactAttribute"/>,
/// <see cref="RealDataTheoryAttribute"/>) are skipped when the folder is absent, except under
/// CI=true, where they run and fail with a clear message.
/// </summary>
internal static class RealDataFiles
{
    private static readonly Lazy<string?> Located = new(Locate);

    /// <summary>The real-data folder, or null when it is not there.</summary>
    public static string? Folder => Located.Value;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a real-data test is skipped, or null when it must run (folder present, or CI=true).</summary>
    public static string? SkipReason =>
        Folder is null && !IsCi ? $"Real data folder ../shared/real-data not found above {AppContext.BaseDirectory} (set CI=true to make this a failure)." : null;

    /// <summary>Full path of a file in the real-data folder (e.g. "fts/x.csv"); fails the test when it is missing.</summary>
    public static string File(string relativePath)
    {
        Assert.True(Folder is not null,
            $"The real-data folder (../shared/real-data next to the folder holding EquityDashboard.sln) is missing; searched up from {AppContext.BaseDirectory}.");
        var path = Path.Combine(Folder!, relativePath);
        Assert.True(System.IO.File.Exists(path), $"Real data file missing: {path}");
        return path;
    }

    /// <summary>A file in the shared reference folder (../shared/reference), beside real-data.</summary>
    public static string Reference(string fileName)
    {
        Assert.True(Folder is not null, "The real-data folder is missing, so is the reference folder beside it.");
        var path = Path.GetFullPath(Path.Combine(Folder!, "..", "reference", fileName));
        Assert.True(System.IO.File.Exists(path), $"Reference file missing: {path}");
        return path;
    }

    /// <summary>
    /// Walks up from the test binaries to the first folder holding EquityDashboard.sln; the
    /// real-data folder is ../shared/real-data from there. Null (never an exception) when either is
    /// absent, so the attributes can decide between skipping and failing.
    /// </summary>
    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!System.IO.File.Exists(Path.Combine(dir.FullName, "EquityDashboard.sln"))) continue;
            var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "real-data"));
            return Directory.Exists(folder) ? folder : null;
        }
        return null;
    }
}

/// <summary>A fact that needs ../shared/real-data: skipped when it is absent, unless CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (RealDataFiles.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that needs ../shared/real-data: skipped when it is absent, unless CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataTheoryAttribute : TheoryAttribute
{
    public RealDataTheoryAttribute()
    {
        if (RealDataFiles.SkipReason is { } reason) Skip = reason;
    }
}
