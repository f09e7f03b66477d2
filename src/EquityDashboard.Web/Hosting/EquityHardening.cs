namespace EquityDashboard.Web.Hosting;

/// <summary>
/// HTTP hardening in two calls: <see cref="AddEquityHardening"/> on the builder and
/// <see cref="UseEquityHardening"/> first in the pipeline.
/// </summary>
public static class EquityHardening
{
    /// <summary>Forwarded headers from the loopback proxy, HSTS, the request body limit and the error answers.</summary>
    public static WebApplicationBuilder AddEquityHardening(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(SecurityHeaders.ConfigureForwardedHeaders);
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddRequestBodyLimit();
        builder.Services.AddReadingCache();
        builder.Services.AddExceptionHandler<ErrorAnswers>();
        return builder;
    }

    /// <summary>
    /// Forwarded headers, then (on HTTPS only, see <see cref="SecurityHeaders.ServesHttps"/>) HSTS
    /// and the redirection to HTTPS, the security headers on every answer, and the body limit.
    /// Call it before the exception handler, so error answers carry the headers too.
    /// </summary>
    public static WebApplication UseEquityHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (SecurityHeaders.ServesHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        app.UseRequestBodyLimit();
        return app;
    }
}
