using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using EquityDashboard.Infrastructure;

namespace EquityDashboard.Web.Hosting;

/// <summary>
/// What the exception handler (outside Development) answers: for the API and /healthz a
/// problem+json with a generic title and the trace id, never the exception's message, stack or
/// any path; a too-large body as 413. Pages fall through to the /Error page.
/// </summary>
internal sealed class ErrorAnswers(IOptions<EquityOptions> options, ILogger<ErrorAnswers> log) : IExceptionHandler
{
    internal const string Title = "An unexpected error occurred.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await RequestBodyLimit.WriteAsync(context, RequestBodyLimit.Bytes(options.Value));
            return true;
        }
        // The middleware has already pointed Request.Path at the error page: the feature keeps the original.
        var path = context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path.Value;
        if (!IsMachineAnswer(new PathString(path))) return false;

        // The middleware does not log what a handler answers: the operator finds it here, under the trace id the caller is given.
        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
        log.LogError(exception, "{Method} {Path} failed (trace id {TraceId})", context.Request.Method, path, traceId);
        await TypedResults.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: Title,
                detail: "The server could not answer this request. The error is in the server's log under this request's trace id.",
                // Set here too: when the client does not accept JSON the problem details service declines and adds nothing.
                extensions: new Dictionary<string, object?> { ["traceId"] = traceId })
            .ExecuteAsync(context);
        return true;
    }

    internal static bool IsMachineAnswer(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
