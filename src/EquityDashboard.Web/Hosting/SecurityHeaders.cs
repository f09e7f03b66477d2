using Microsoft.AspNetCore.HttpOverrides;

namespace EquityDashboard.Web.Hosting;

/// <summary>
/// The response headers every answer carries (pages, API, static files, errors), and the
/// HTTPS-only parts of the hardening.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The Content-Security-Policy. Scripts come only from the app's own files: the app has no
    /// inline script or inline event handler (the template's import map, an inline script, is
    /// not rendered; nothing needs it since every module is linked by its fingerprinted URL).
    /// </summary>
    /// <remarks>
    /// <para><c>style-src 'unsafe-inline'</c> is the one relaxation, and it is needed:
    /// MudBlazor's <c>MudThemeProvider</c> writes the theme as an inline <c>&lt;style&gt;</c>
    /// element (every <c>--mud-palette-*</c> variable the components are coloured with), and
    /// MudBlazor components and the tile map render <c>style="..."</c> attributes (progress bars,
    /// tile positions and colours). Without it Chromium refuses each of them and the pages lose
    /// their theme and layout. The element's content changes with the theme, so a hash cannot
    /// stand in for it, and a nonce cannot be given to a component's own element. Scripts stay
    /// strict; inline style can only change how the page looks, and its <c>url()</c>s are still
    /// limited to the app's own origin by img-src and font-src.</para>
    /// <para><c>connect-src 'self'</c> covers Blazor's WebSocket to the same host and port: CSP
    /// level 3 matches ws: and wss: against 'self' (Chromium does; the browser test checks that
    /// the circuit runs over a WebSocket under this policy).</para>
    /// </remarks>
    public const string ContentSecurityPolicy =
        "default-src 'self'; "
        + "script-src 'self'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "connect-src 'self'; "
        + "img-src 'self' data:; "
        + "font-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "strict-origin-when-cross-origin",
        ["X-Frame-Options"] = "DENY",
    };

    /// <summary>
    /// Adds the headers when the response starts, so they are on every answer, including error
    /// answers written after the exception handler cleared the response. They replace what an
    /// endpoint set: Blazor's interactive pages send their own, laxer
    /// <c>Content-Security-Policy: frame-ancestors 'self'</c> and <c>X-Frame-Options: SAMEORIGIN</c>.
    /// </summary>
    internal static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                foreach (var (name, value) in All) headers[name] = value;
                if (IsPersonal(http.Request.Path)) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });

    /// <summary>Paths whose answers concern an account (sign-in, profile, tokens, audit, batches): never stored by a browser or a proxy.</summary>
    internal static bool IsPersonal(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/admin")
        || path.StartsWithSegments("/api/audit") || path.StartsWithSegments("/api/batches") || path.StartsWithSegments("/api/imports");

    /// <summary>
    /// Whether the site is served over HTTPS: never in Development; otherwise when an https URL
    /// (<c>ASPNETCORE_URLS</c>, <c>--urls</c>, a Kestrel endpoint) or an HTTPS port
    /// (<c>ASPNETCORE_HTTPS_PORTS</c>, <c>ASPNETCORE_HTTPS_PORT</c>, the port a TLS proxy in front
    /// listens on) is configured. The demo on http://localhost keeps plain HTTP.
    /// </summary>
    internal static bool ServesHttps(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment()) return false;
        if (!string.IsNullOrWhiteSpace(configuration["HTTPS_PORTS"]) || !string.IsNullOrWhiteSpace(configuration["HTTPS_PORT"])
            || !string.IsNullOrWhiteSpace(configuration["https_port"]))
            return true;
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? string.Empty;
        if (urls.Contains("https://", StringComparison.OrdinalIgnoreCase)) return true;
        return configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(e => (e["Url"] ?? string.Empty).StartsWith("https://", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto are trusted from a proxy on the loopback interface
    /// only (the defaults: 127.0.0.0/8 and ::1), so behind nginx the app sees the client's address
    /// and the https scheme, and HTTPS redirection and HSTS behave.
    /// </summary>
    internal static void ConfigureForwardedHeaders(ForwardedHeadersOptions options) =>
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
}
