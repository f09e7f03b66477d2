using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace EquityDashboard.Web.Api;

/// <summary>Query of <c>GET /api/gaps</c>: the scope of `gaps` on the command line.</summary>
public sealed class GapsQuery
{
    [FromQuery(Name = "year"), Description(EquityApi.YearHelp)]
    public string? Year { get; init; }

    [FromQuery(Name = "cluster"), Description(EquityApi.ClusterHelp)]
    public string? Cluster { get; init; }

    [FromQuery(Name = "donor"), Description(EquityApi.DonorHelp)]
    public string? Donor { get; init; }

    [FromQuery(Name = "region"), Description("List only one region: North/Centre, Baghdad, KRI or South. Shares stay national.")]
    public string? Region { get; init; }

    [FromQuery(Name = "baseline"), Description(EquityApi.BaselineHelp)]
    public string? Baseline { get; init; }

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

    [FromQuery(Name = "format"), Description(EquityApi.FormatHelp)]
    public string? Format { get; init; }
}

/// <summary>Query of <c>GET /api/governorates/{governorate}</c>.</summary>
public sealed class GovernorateQuery
{
    [FromQuery(Name = "year"), Description(EquityApi.YearHelp)]
    public string? Year { get; init; }

    [FromQuery(Name = "cluster"), Description(EquityApi.ClusterHelp)]
    public string? Cluster { get; init; }

    [FromQuery(Name = "donor"), Description(EquityApi.DonorHelp)]
    public string? Donor { get; init; }

    [FromQuery(Name = "baseline"), Description(EquityApi.BaselineHelp)]
    public string? Baseline { get; init; }
}

/// <summary>Query of <c>GET /api/briefing.xlsx</c>: the filters of the overview.</summary>
public sealed class BriefingQuery
{
    [FromQuery(Name = "year"), Description(EquityApi.YearHelp)]
    public string? Year { get; init; }

    [FromQuery(Name = "cluster"), Description(EquityApi.ClusterHelp)]
    public string? Cluster { get; init; }

    [FromQuery(Name = "donor"), Description(EquityApi.DonorHelp)]
    public string? Donor { get; init; }

    [FromQuery(Name = "region"), Description("Limit the workbook's lists to one region: North/Centre, Baghdad, KRI or South. Shares stay national.")]
    public string? Region { get; init; }

    [FromQuery(Name = "baseline"), Description(EquityApi.BaselineHelp)]
    public string? Baseline { get; init; }
}
