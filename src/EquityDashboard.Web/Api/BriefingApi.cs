using System.ComponentModel;
using System.Diagnostics;
using EquityDashboard.Core.Geography;
using EquityDashboard.Infrastructure.Export.Briefing;
using EquityDashboard.Infrastructure.Queries;
using EquityDashboard.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EquityDashboard.Web.Api;

/// <summary>The briefing workbooks (Excel) for the current filters, national or for one governorate.</summary>
internal static class BriefingApi
{
    public static RouteGroupBuilder MapBriefings(this RouteGroupBuilder api)
    {
        api.MapGet("/briefing.xlsx", NationalAsync)
            .WithName("GetBriefing")
            .WithSummary("Briefing workbook for the filters")
            .WithDescription("The Excel brief a coordinator takes into a meeting: key findings, the gap table with live totals, "
                + "regions, clusters, donors, presence, methodology and sources (the CLI's `equity export`).")
            .Produces(StatusCodes.Status200OK, contentType: BriefingService.ContentType);

        api.MapGet("/governorates/{pcode}/briefing.xlsx", GovernorateAsync)
            .WithName("GetGovernorateBriefing")
            .WithSummary("Briefing workbook for one governorate")
            .WithDescription("One governorate's sheet set: its figures and flags, clusters, donors, presence, trend, incidents and sources.")
            .Produces(StatusCodes.Status200OK, contentType: BriefingService.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> NationalAsync(
        [AsParameters] ViewQuery query, ScopeReader scopes, BriefingService briefing,
        ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(ApiLog.Category);
        var check = new QueryCheck();
        var scope = await EquityApi.ReadScopeAsync(check, scopes, query.Values(), ct);
        if (scope is null)
        {
            log.Refused("briefing", StatusCodes.Status400BadRequest, check.Parameters);
            return check.Problem();
        }
        return TypedResults.Stream(async body =>
        {
            var started = Stopwatch.GetTimestamp();
            await briefing.WriteAsync(scope, body, ct);
            log.ExportedWorkbook("briefing", scope.Describe(), EquityApi.ElapsedMs(started));
        }, BriefingService.ContentType, BriefingService.FileName(scope));
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> GovernorateAsync(
        [Description("P-code (IQG02) or governorate name in any spelling the importer accepts.")] string pcode,
        [AsParameters] ScopeQuery query, NameResolver resolver, ScopeReader scopes,
        BriefingService briefing, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(ApiLog.Category);
        var resolution = resolver.Resolve(pcode);
        if (!resolution.Success)
        {
            log.Refused("governorate briefing", StatusCodes.Status404NotFound, "pcode");
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown governorate.",
                detail: resolution.Error, extensions: new Dictionary<string, object?> { ["suggestions"] = resolution.Suggestions });
        }
        var check = new QueryCheck();
        var scope = await EquityApi.ReadScopeAsync(check, scopes, query.Values(), ct);
        if (scope is null)
        {
            log.Refused("governorate briefing", StatusCodes.Status400BadRequest, check.Parameters);
            return check.Problem();
        }
        var governorate = resolution.Pcode!;
        return TypedResults.Stream(async body =>
        {
            var started = Stopwatch.GetTimestamp();
            await briefing.WriteGovernorateAsync(governorate, scope, body, ct);
            log.ExportedWorkbook("governorate briefing", $"{governorate}, {scope.Describe()}", EquityApi.ElapsedMs(started));
        }, BriefingService.ContentType, briefing.GovernorateFileName(governorate, scope));
    }
}
