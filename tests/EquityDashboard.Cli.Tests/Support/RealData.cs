namespace EquityDashboard.Cli.Tests.Support;

/// <summary>
/// The shared folder of untouched public files, ../shared/real-data beside the checkout (see its
/// SOURCES.md), read in place and never copied. Tests using it are skipped when it is absent, except
/// under CI=true, where they run and fail with a clear message.
/// </summary>
public static class RealData
{
    private static readonly Lazy<string?> Located = new(() =>
    {
        var folder = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "real-data"));
        return Directory.Exists(folder) ? folder : null;
    });

    public static string? SkipReason =>
        Located.Value is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? $"Real data folder ../shared/real-data not found beside {Repo.Root} (set CI=true to make this a failure)."
            : null;

    /// <summary>Full path of a file in the real-data folder; fails the test when it is missing.</summary>
    public static string File(string name)
    {
        Assert.True(Located.Value is not null, $"The real-data folder ../shared/real-data beside {Repo.Root} is missing.");
        var path = Path.Combine(Located.Value!, name);
        Assert.True(System.IO.File.Exists(path), $"Real data file missing: {path}");
        return path;
    }
}

/// <summary>A fact that needs ../shared/real-data: skipped when it is absent, unless CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (RealData.SkipReason is { } reason) Skip = reason;
    }
}
