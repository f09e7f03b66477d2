namespace EquityDashboard.Web.Api;

/// <summary>Structured log events of the API: what was exported, how much and how fast; never who asked.</summary>
internal static partial class ApiLog
{
    public const string Category = "EquityDashboard.Web.Api";

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "API export {Export} as {Format} for {Scope}: {Rows} rows in {ElapsedMs} ms")]
    public static partial void Exported(this ILogger logger, string export, string format, string scope, int rows, long elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "API export {Export} as xlsx for {Scope} in {ElapsedMs} ms")]
    public static partial void ExportedWorkbook(this ILogger logger, string export, string scope, long elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "API request {Export} refused with {StatusCode}: invalid {Parameters}")]
    public static partial void Refused(this ILogger logger, string export, int statusCode, string parameters);
}
