using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Export;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EquityDashboard.Web.Api;

/// <summary>
/// The JSON/CSV API: the same contracts as the CLI's `gaps` and `trends` (<see cref="GapsDocument"/>,
/// <see cref="TrendsDocument"/>, <see cref="CsvExport"/>), read from the same <see cref="EquityTable"/>.
/// </summary>
public static class EquityApi
{
    internal const string FormatHelp = "json (the default) or csv.";

    private const string CsvContentType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapEquityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Equity");

        api.MapGet("/gaps", GapsAsync)
            .WithName("GetGaps")
            .WithSummary("Equity table: funding against need per governorate and region, or per district")
            .WithDescription("The JSON of `equity gaps --format json` (figures unrounded, shares as fractions, null when "
                + "undefined), or with format=csv the CSV of `equity gaps --format csv`. With level=district the district table "
                + "(`equity gaps --level district`, a DistrictGapsDocument): the districts of the governorate named by "
                + "`governorate`, or every district of the country without one, each with the governorate rows' figures "
                + "(shares are of the funding and need that name a district of that area), then per governorate what names no "
                + "district (`notSpecified`: in no district's figures or share; a governorate's funding, need, IDPs and "
                + "activities are its districts' plus this part) and the table's `notes`. Its CSV has one `district` row per "
                + "district and one `not-specified` row per governorate. Without level=district `governorate` changes nothing.")
            .Produces<GapsDocument>(StatusCodes.Status200OK, "application/json");

        api.MapGet("/trends", TrendsAsync)
            .WithName("GetTrends")
            .WithSummary("Funding, need, USD per person in need and presence per region and year")
            .WithDescription("The JSON of `equity trends --format json`, or with format=csv its CSV.")
            .Produces<IReadOnlyList<TrendRow>>(StatusCodes.Status200OK, "application/json");

        api.MapGet("/governorates/{pcode}", GovernorateAsync)
            .WithName("GetGovernorate")
            .WithSummary("One governorate: equity figures, clusters, donors, organisations, trend, incidents and sources")
            .WithDescription("The governorate's row of the national equity table for the scope, with funding and need per "
                + "cluster, funding per donor, organisations per cluster, its figures in every year with data, security "
                + "incidents and the import batches behind them. Figures unrounded, shares as fractions, null when undefined.")
            .Produces<GovernorateDetailDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapBriefings();
        api.MapBatchesApi();

        api.MapFallback(() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API endpoint.",
                detail: "The API has /api/gaps, /api/trends, /api/governorates/{pcode}, /api/briefing.xlsx, "
                    + "/api/governorates/{pcode}/briefing.xlsx, /api/batches, /api/imports and /api/audit; see /openapi/v1.json."))
            .ExcludeFromDescription();

        return app;
    }

    private static async Task<Results<JsonHttpResult<GapsDocument>, JsonHttpResult<DistrictGapsDocument>, FileContentHttpResult, ValidationProblem>> GapsAsync(
        [AsParameters] GapsQuery query, EquityService equity, ScopeReader scopes, Gazetteer gazetteer, ILoggerFactory logs,
        CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var check = new QueryCheck();
        var format = check.Format(query.Format);
        var scope = await ReadScopeAsync(check, scopes, query.Values(), ct);
        var log = logs.CreateLogger(ApiLog.Category);
        if (scope is null)
        {
            log.Refused("gaps", StatusCodes.Status400BadRequest, check.Parameters);
            return check.Problem();
        }

        if (scope.Level == Level.District)
        {
            var districts = DistrictGapsDocument.From(await equity.GetDistrictTableAsync(scope, scope.Governorate, ct), gazetteer);
            log.Exported("gaps", format, $"districts of {scope.Governorate ?? "every governorate"}, {scope.Describe()}",
                districts.Districts.Count, ElapsedMs(started));
            if (format == "csv")
            {
                var csv = new StringWriter(CultureInfo.InvariantCulture);
                CsvExport.WriteDistricts(districts, csv);
                return Csv(csv, $"gaps-districts-{scope.Year}{(scope.Governorate is { } g ? "-" + g : string.Empty)}.csv");
            }
            return TypedResults.Json(districts, GapsDocument.JsonOptions);
        }

        var table = await equity.GetTableAsync(scope, ct);
        log.Exported("gaps", format, scope.Describe(), table.Governorates.Count, ElapsedMs(started));
        if (format == "csv")
        {
            var csv = new StringWriter(CultureInfo.InvariantCulture);
            CsvExport.WriteGaps(table, csv);
            return Csv(csv, $"gaps-{scope.Year}.csv");
        }
        return TypedResults.Json(GapsDocument.From(table), GapsDocument.JsonOptions);
    }

    private static async Task<Results<JsonHttpResult<IReadOnlyList<TrendRow>>, FileContentHttpResult, ValidationProblem>> TrendsAsync(
        [AsParameters] TrendsQuery query, EquityService equity, ScopeReader scopes, ILoggerFactory logs, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var check = new QueryCheck();
        var from = check.Year("from", query.From);
        var to = check.Year("to", query.To);
        if (from > to) check.Fail("to", $"from {from} is after to {to}.");
        var read = await scopes.ReadAsync(query.Values(), ct: ct);
        check.Add(read.Reading);
        var (cluster, donor, realOnly) = (read.Scope.Cluster, read.Scope.Donor, read.Scope.RealOnly);
        var format = check.Format(query.Format);
        var log = logs.CreateLogger(ApiLog.Category);
        if (check.Failed)
        {
            log.Refused("trends", StatusCodes.Status400BadRequest, check.Parameters);
            return check.Problem();
        }

        var rows = await equity.GetTrendsAsync(from, to, cluster, donor, realOnly, ct);
        var scope = $"{from?.ToString(CultureInfo.InvariantCulture) ?? "first year"} to {to?.ToString(CultureInfo.InvariantCulture) ?? "last year"}, "
            + $"{(cluster is null ? "all clusters" : $"cluster {cluster}")}{(donor is null ? string.Empty : $", donor {donor}")}"
            + (realOnly ? ", real figures only" : string.Empty);
        log.Exported("trends", format, scope, rows.Count, ElapsedMs(started));
        if (format == "csv")
        {
            var csv = new StringWriter(CultureInfo.InvariantCulture);
            CsvExport.WriteTrends(rows, csv);
            var years = rows.Count == 0 ? string.Empty : $"-{rows.Min(r => r.Year)}-{rows.Max(r => r.Year)}";
            return Csv(csv, $"trends{years}.csv");
        }
        return TypedResults.Json(rows, GapsDocument.JsonOptions);
    }

    private static async Task<Results<JsonHttpResult<GovernorateDetailDocument>, ValidationProblem, ProblemHttpResult>> GovernorateAsync(
        [Description("P-code (IQG02) or governorate name in any spelling the importer accepts (Basra, Al-Basrah, البصرة).")] string pcode,
        [AsParameters] ScopeQuery query, NameResolver resolver, BreakdownService breakdown,
        ScopeReader scopes, ILoggerFactory logs, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var log = logs.CreateLogger(ApiLog.Category);
        var resolution = resolver.Resolve(pcode);
        if (!resolution.Success)
        {
            log.Refused("governorate", StatusCodes.Status404NotFound, "pcode");
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown governorate.",
                detail: resolution.Error, extensions: new Dictionary<string, object?> { ["suggestions"] = resolution.Suggestions });
        }

        var check = new QueryCheck();
        var scope = await ReadScopeAsync(check, scopes, query.Values(), ct);
        if (scope is null)
        {
            log.Refused("governorate", StatusCodes.Status400BadRequest, check.Parameters);
            return check.Problem();
        }

        // The P-code comes from the gazetteer, so the detail exists.
        var detail = (await breakdown.GovernorateAsync(resolution.Pcode!, scope, ct))!;
        var document = GovernorateDetailDocument.From(detail);
        log.Exported("governorate", "json", $"{detail.Governorate.Pcode}, {scope.Describe()}",
            document.Clusters.Count + document.Donors.Count + document.Presence.Count + document.Trend.Count + document.Incidents.Count,
            ElapsedMs(started));
        return TypedResults.Json(document, GapsDocument.JsonOptions);
    }

    /// <summary>The scope of a table query, or null when <paramref name="check"/> holds any failure (this or earlier).</summary>
    internal static async Task<EquityScope?> ReadScopeAsync(QueryCheck check, ScopeReader scopes,
        IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        var read = await scopes.ReadAsync(values, ct: ct);
        check.Add(read.Reading);
        return check.Failed ? null : read.Scope;
    }

    private static FileContentHttpResult Csv(StringWriter csv, string fileName) =>
        TypedResults.File(new UTF8Encoding(false).GetBytes(csv.ToString()), CsvContentType, fileName);

    internal static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
