namespace EquityDashboard.Web.EndToEnd.Tests.Support;

/// <summary>Where browser tests leave files for people to look at: <c>TestResults/screenshots/</c> in the test output folder.</summary>
public static class Artifacts
{
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>The path of a screenshot named from the test and what it shows (file-name safe), folder created.</summary>
    public static string ScreenshotPath(string test, string what)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        return Path.Combine(ScreenshotFolder, $"{Safe(test)}--{Safe(what)}.png");
    }

    private static string Safe(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        var safe = new string(chars).Trim('_');
        return safe.Length == 0 ? "root" : safe;
    }
}
