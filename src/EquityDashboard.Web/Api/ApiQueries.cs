using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace EquityDashboard.Web.Api;

/// <summary>The scope of a governorate query (<c>GET /api/governorates/{pcode}</c> and its briefing workbook).</summary>
public class ScopeQuery
{
    [FromQuery(Name = "year"), Description(EquityApi.YearHelp)]
    public string? Year { get; init; }

    [FromQuery(Name = "cluster"), Description(EquityApi.ClusterHelp)]
    public string? Cluster { get; init; }

    [FromQuery(Name = "donor"), Description(EquityApi.DonorHelp)]
    public string? Donor { get; init; }

    [FromQuery(Name = "baseline"), Description(EquityApi.BaselineHelp)]
    public string? Baseline { get; init; }

    [FromQuery(Name = "data"), Description(EquityApi.DataHelp)]
    public string? Data { get; init; }
}

/// <summary>The filters of the overview (<c>GET /api/briefing.xlsx</c>): a scope and a region.</summary>
public class ViewQuery : ScopeQuery
{
    [FromQuery(Name = "region"), Description("List only one region: North/Centre, Baghdad, KRI or South. Shares stay national.")]
    public string? Region { get; init; }
}

/// <summary>Query of <c>GET /api/gaps</c>: the scope of `gaps` on the command line, and the format.</summary>
public sealed class GapsQuery : ViewQuery
{
    [FromQuery(Name = "format"), Description(EquityApi.FormatHelp)]
    public string? Format { get; init; }
}

/// <summary>Query of <c>GET /api/trends</c>.</summary>
public sealed class TrendsQuery
{
    [FromQuery(Name = "from"), Description("First year (default: the first year with any data).")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("Last year (default: the last year with any data).")]
    public string? To { get; init; }

    [FromQuery(Name = "cluster"), Description(EquityApi.ClusterHelp)]
    public string? Cluster { get; init; }

    [FromQuery(Name = "donor"), Description(EquityApi.DonorHelp)]
    public string? Donor { get; init; }

    [FromQuery(Name = "data"), Description(EquityApi.DataHelp)]
    public string? Data { get; init; }

    [FromQuery(Name = "format"), Description(EquityApi.FormatHelp)]
    public string? Format { get; init; }
}
