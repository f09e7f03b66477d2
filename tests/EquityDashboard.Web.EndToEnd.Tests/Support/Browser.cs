namespace EquityDashboard.Web.EndToEnd.Tests.Support;

/// <summary>
/// Debian's Chromium, launched by Playwright (Playwright's own browser download cannot work
/// on this network). Under CI (<c>CI=true</c>) browser tests always run, so a missing browser
/// fails them; elsewhere they are skipped when <see cref="ExecutablePath"/> is absent.
/// </summary>
public static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why browser tests are skipped here, or null when they run.</summary>
    public static string? SkipReason =>
        UnderCi || File.Exists(ExecutablePath)
            ? null
            : $"{ExecutablePath} is not installed (apt-get install chromium); browser tests run without it only under CI=true, where they fail.";
}

/// <summary>A test that drives the browser: skipped only outside CI when Chromium is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.SkipReason is { } reason) Skip = reason;
    }
}
