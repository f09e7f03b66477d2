using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace EquityDashboard.Web.Hosting;

/// <summary>
/// Caching of what people read (the read-only pages and the API's figures), keyed on the data
/// version (<see cref="QueryCache.DataVersionAsync"/>): every import, replacement, withdrawal,
/// restore or purge changes it, from the web app or the CLI, so nothing stale is ever served.
/// <list type="bullet">
/// <item>An ETag of the app build, the data version and the address: a repeat view answers 304
/// without rendering (<c>Cache-Control: no-cache</c> makes browsers ask each time).</item>
/// <item>The server's output cache keeps rendered answers, compressed, per address, data version
/// and accepted encoding.</item>
/// <item>Brotli or gzip for pages and API answers; never for account pages (their forms carry
/// antiforgery tokens, which compression would expose to BREACH-style guessing).</item>
/// </list>
/// Signed-in people get fresh pages (their name is on them) but still the ETag, which includes who they are.
/// </summary>
public static class ReadingCache
{
    private const string VersionKey = "equity:data-version";

    /// <summary>The paths that are read the same by everyone: pages and the API's figures.</summary>
    public static bool IsReading(PathString path) =>
        path == "/" || path.StartsWithSegments("/trends") || path.StartsWithSegments("/governorate") || path.StartsWithSegments("/district") || path.StartsWithSegments("/methodology")
        || path.StartsWithSegments("/api/gaps") || path.StartsWithSegments("/api/trends") || path.StartsWithSegments("/api/governorates")
        || path.StartsWithSegments("/api/briefing.xlsx");

    public static IServiceCollection AddReadingCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.AddBasePolicy(new DataVersionPolicy());
            o.SizeLimit = 64 * 1024 * 1024;
        });
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "application/json", "application/problem+json", "text/csv", "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>After authentication (the cache skips signed-in people) and before the endpoints.</summary>
    public static IApplicationBuilder UseReadingCache(this IApplicationBuilder app)
    {
        app.Use(ConditionalGetAsync);
        app.UseOutputCache();
        app.UseWhen(ctx => !SecurityHeaders.IsPersonal(ctx.Request.Path), branch => branch.UseResponseCompression());
        return app;
    }

    /// <summary>Answers 304 when the browser has this version already; otherwise marks the answer with it.</summary>
    private static async Task ConditionalGetAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !IsReading(request.Path))
        {
            await next(context);
            return;
        }
        var version = await context.RequestServices.GetRequiredService<QueryCache>().DataVersionAsync(context.RequestAborted);
        context.Items[VersionKey] = version.ToString();
        var etag = ETagOf(context, version);
        if (request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = "no-cache";
            return;
        }
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                context.Response.Headers.ETag = etag;
                context.Response.Headers.CacheControl = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next(context);
    }

    private static readonly string Build = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N")[..8];

    /// <summary>A weak ETag (the bytes differ by encoding, the content does not): build, data version, who, address.</summary>
    internal static string ETagOf(HttpContext context, DataVersion version)
    {
        var who = context.User.Identity?.IsAuthenticated == true && Accounts.AccountsSetup.ActorOf(context.User) is { } actor ? $"{actor.Name}|{actor.Role}" : null;
        var address = $"{context.Request.Path}{context.Request.QueryString}|{who}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)))[..16];
        return $"W/\"{Build}-{version}-{hash}\"";
    }

    /// <summary>Caches anonymous reading answers (200 only, no cookie set) per address, data version and encoding.</summary>
    private sealed class DataVersionPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            // The version is there for reading requests (GET or HEAD of a reading path) only.
            var cacheable = http.Items.ContainsKey(VersionKey)
                && http.User.Identity?.IsAuthenticated != true
                && !http.Request.Headers.ContainsKey(HeaderNames.Authorization);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (cacheable)
            {
                context.CacheVaryByRules.QueryKeys = "*";
                // Blazor's enhanced navigation asks with its own Accept and gets its own framing (ssr-framing).
                context.CacheVaryByRules.HeaderNames = new[] { HeaderNames.AcceptEncoding, HeaderNames.Accept };
                context.CacheVaryByRules.VaryByValues[VersionKey] = (string)http.Items[VersionKey]!;
                context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}
