using System.ComponentModel;
using EquityDashboard.Core.Scope;
using Microsoft.AspNetCore.Mvc;

namespace EquityDashboard.Web.Api;

/// <summary>The scope of a governorate query (<c>GET /api/governorates/{pcode}</c> and its briefing workbook).</summary>
public class ScopeQuery
{
    [FromQuery(Name = ScopeParameters.Year), Description(ScopeParameters.YearHelp)]
    public string? Year { get; init; }

    [FromQuery(Name = ScopeParameters.Cluster), Description(ScopeParameters.ClusterHelp)]
    public string? Cluster { get; init; }

    [FromQuery(Name = ScopeParameters.Donor), Description(ScopeParameters.DonorHelp)]
    public string? Donor { get; init; }

    [FromQuery(Name = ScopeParameters.Baseline), Description(ScopeParameters.BaselineHelp)]
    public string? Baseline { get; init; }

    [FromQuery(Name = ScopeParameters.Data), Description(ScopeParameters.DataHelp)]
    public string? Data { get; init; }

    [FromQuery(Name = ScopeParameters.Level), Description(ScopeParameters.LevelHelp)]
    public string? Level { get; init; }

    /// <summary>The values by parameter name, for <see cref="ScopeParser"/>.</summary>
    public virtual Dictionary<string, string?> Values() => new(StringComparer.Ordinal)
    {
        [ScopeParameters.Year] = Year,
        [ScopeParameters.Cluster] = Cluster,
        [ScopeParameters.Donor] = Donor,
        [ScopeParameters.Baseline] = Baseline,
        [ScopeParameters.Data] = Data,
        [ScopeParameters.Level] = Level,
    };
}

/// <summary>The filters of the overview (<c>GET /api/briefing.xlsx</c>): a scope, a region and a governorate.</summary>
public class ViewQuery : ScopeQuery
{
    [FromQuery(Name = ScopeParameters.Region), Description(ScopeParameters.RegionHelp)]
    public string? Region { get; init; }

    [FromQuery(Name = ScopeParameters.Governorate), Description(ScopeParameters.GovernorateHelp)]
    public string? Governorate { get; init; }

    public override Dictionary<string, string?> Values()
    {
        var values = base.Values();
        values[ScopeParameters.Region] = Region;
        values[ScopeParameters.Governorate] = Governorate;
        return values;
    }
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

    [FromQuery(Name = ScopeParameters.Cluster), Description(ScopeParameters.ClusterHelp)]
    public string? Cluster { get; init; }

    [FromQuery(Name = ScopeParameters.Donor), Description(ScopeParameters.DonorHelp)]
    public string? Donor { get; init; }

    [FromQuery(Name = ScopeParameters.Data), Description(ScopeParameters.DataHelp)]
    public string? Data { get; init; }

    [FromQuery(Name = "format"), Description(EquityApi.FormatHelp)]
    public string? Format { get; init; }

    /// <summary>The scope's values a trend takes (its years are <see cref="From"/> and <see cref="To"/>).</summary>
    public Dictionary<string, string?> Values() => new(StringComparer.Ordinal)
    {
        [ScopeParameters.Cluster] = Cluster,
        [ScopeParameters.Donor] = Donor,
        [ScopeParameters.Data] = Data,
    };
}
