using System.Globalization;
using EquityDashboard.Infrastructure;
using EquityDashboard.Web.Components.Pages.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Web.Hosting;

/// <summary>
/// The upload limit (<c>Equity:MaxUploadMegabytes</c>, the same setting the Data page checks
/// files against) applied to every request body: Kestrel's <c>MaxRequestBodySize</c> and the
/// form reader's <c>MultipartBodyLengthLimit</c> are set from it, and a body over the limit is
/// answered 413 with a problem+json that names the limit and the setting.
/// </summary>
/// <remarks>
/// The Data page's upload itself travels over the Blazor circuit (a WebSocket, which has no
/// request body limit) and is checked by the page; this covers everything that posts a body
/// over HTTP (forms, the circuit's long-polling fallback, future endpoints).
/// </remarks>
public static class RequestBodyLimit
{
    internal const string Title = "The request is too large.";

    /// <summary>The limit in bytes (at least 1 MB, as on the Data page).</summary>
    public static long Bytes(EquityOptions options) => Math.Max(1, options.MaxUploadMegabytes) * ByteSize.Megabyte;

    internal static void AddRequestBodyLimit(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<EquityOptions>>((kestrel, equity) => kestrel.Limits.MaxRequestBodySize = Bytes(equity.Value));
        services.AddOptions<FormOptions>()
            .Configure<IOptions<EquityOptions>>((form, equity) => form.MultipartBodyLengthLimit = Bytes(equity.Value));
    }

    /// <summary>
    /// Refuses a declared Content-Length over the limit before any endpoint runs (also where the
    /// server is not Kestrel), and turns Kestrel's "body too large" while reading a chunked body
    /// into the same answer. A malformed form of unknown length is answered 400.
    /// </summary>
    internal static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = Bytes(context.RequestServices.GetRequiredService<IOptions<EquityOptions>>().Value);
            if (context.Request.ContentLength > limit)
            {
                await WriteAsync(context, limit);
                return;
            }
            try
            {
                // A form of unknown length (chunked) is read here, as antiforgery would read it next:
                // antiforgery turns any read failure into "invalid token" (400), hiding the 413.
                if (context.Request.ContentLength is null && context.Request.HasFormContentType && !await TryReadFormAsync(context))
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                await next(context);
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await WriteAsync(context, limit);
            }
        });

    /// <summary>Reads the form; false when it is malformed (a body over the limit still throws).</summary>
    private static async Task<bool> TryReadFormAsync(HttpContext context)
    {
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    internal static Task WriteAsync(HttpContext context, long limit) => Problem(limit).ExecuteAsync(context);

    /// <summary>The 413 answer naming the limit and the setting that raises it.</summary>
    internal static IResult Problem(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: Title,
        detail: string.Create(CultureInfo.InvariantCulture,
            $"The request body is larger than the limit of {ByteSize.Format(limit)}. Split the file, or ask the administrator to raise the setting Equity:MaxUploadMegabytes."));
}
