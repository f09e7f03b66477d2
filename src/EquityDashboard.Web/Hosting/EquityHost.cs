namespace EquityDashboard.Web.Hosting;

/// <summary>
/// Creates the web app's builder with a content root that does not depend on the folder the
/// process was started from.
/// </summary>
/// <remarks>
/// ASP.NET Core's default content root is the working directory. <c>MapStaticAssets</c> reads
/// its endpoint manifest from the app's own folder (<see cref="AppContext.BaseDirectory"/>) but
/// serves the files from the content root's <c>wwwroot</c>: started from any other folder, a
/// published app therefore maps every stylesheet and script, finds none of the files and answers
/// 200 with an empty body (and reads no appsettings.json either). So the content root is the
/// app's folder unless one is given (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>,
/// <c>DOTNET_CONTENTROOT</c>, or a test host). Relative database and seed paths are not affected:
/// they resolve against the repository root or the working directory (see <c>DataPaths</c>).
/// </remarks>
public static class EquityHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRoot(args, Environment.GetEnvironmentVariable),
        });

    /// <summary>The content root to impose, or null when the command line or the environment names one.</summary>
    internal static string? ContentRoot(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        if (args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase)))
            return null;
        if (!string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT")) || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT")))
            return null;
        return AppContext.BaseDirectory;
    }
}
