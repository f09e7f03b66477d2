using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export;

/// <summary>CSV contracts for scripts: exact column names, unrounded invariant numbers, empty for undefined.</summary>
public static class CsvExport
{
    public const string GapsHeader =
        "pcode,governorate,region,need,funding_usd,funding_share,need_share,equity_ratio,usd_per_pin,gap_to_parity_usd,orgs,activities,flags";
    /// <summary>
    /// The trends: <c>yoy_change</c> over the sources reporting both years, <c>raw_yoy_change</c> over all
    /// funding; <c>sources</c>, <c>sources_started</c> and <c>sources_ended</c> are source names joined with
    /// <c>|</c>; <c>funding_falling</c> is true or false.
    /// </summary>
    public const string TrendsHeader = "region,year,funding_usd,need,usd_per_pin,orgs,yoy_change,"
        + "raw_yoy_change,common_sources_funding_usd,common_sources_previous_funding_usd,sources,sources_started,sources_ended,"
        + "funding_falling,coverage_note";

    /// <summary>
    /// The district table: one <c>district</c> row per district, then one <c>not-specified</c> row per
    /// governorate for what names no district: no district P-code or name, and no share, ratio or gap
    /// (it is in no district's share; a script that sums funding_share sums the districts' only).
    /// </summary>
    public const string DistrictsHeader =
        "row,pcode,district,district_ar,parent_pcode,governorate,region,need,idps,funding_usd,funding_share,need_share,"
        + "equity_ratio,usd_per_pin,gap_to_parity_usd,orgs,activities,flags";

    public const string DistrictRow = "district";
    public const string NotSpecifiedRow = "not-specified";

    public static void WriteGaps(EquityTable table, TextWriter writer)
    {
        writer.Write(GapsHeader + "\n");
        foreach (var g in table.Governorates)
        {
            writer.Write(string.Join(',',
                Field(g.Key), Field(g.Name), Field(g.Region), Num(g.Need), Num(g.FundingUsd), Num(g.FundingShare),
                Num(g.NeedShare), Num(g.EquityRatio), Num(g.UsdPerPin), Num(g.GapToParityUsd),
                Num(g.Orgs), Num(g.Activities), Field(string.Join(';', g.Flags.Select(f => f.Code)))));
            writer.Write('\n');
        }
    }

    public static void WriteDistricts(DistrictGapsDocument document, TextWriter writer)
    {
        writer.Write(DistrictsHeader + "\n");
        foreach (var d in document.Districts)
        {
            writer.Write(string.Join(',',
                DistrictRow, Field(d.Pcode), Field(d.Name), Field(d.NameAr), Field(d.ParentPcode), Field(d.ParentName), Field(d.Region),
                Num(d.Need), Num(d.Idps), Num(d.FundingUsd), Num(d.FundingShare), Num(d.NeedShare), Num(d.EquityRatio),
                Num(d.UsdPerPin), Num(d.GapToParityUsd), Num(d.Orgs), Num(d.Activities), Field(string.Join(';', d.Flags.Select(f => f.Code)))));
            writer.Write('\n');
        }
        foreach (var n in document.NotSpecified)
        {
            writer.Write(string.Join(',',
                NotSpecifiedRow, string.Empty, string.Empty, string.Empty, Field(n.GovernoratePcode), Field(n.Governorate), Field(n.Region),
                Num(n.Need), Num(n.Idps), Num(n.FundingUsd), string.Empty, string.Empty,
                string.Empty, string.Empty, string.Empty, Num(n.Orgs), Num(n.Activities), string.Empty));
            writer.Write('\n');
        }
    }

    public static void WriteTrends(IEnumerable<TrendRow> rows, TextWriter writer)
    {
        writer.Write(TrendsHeader + "\n");
        foreach (var r in rows)
        {
            writer.Write(string.Join(',', Field(r.Region), Num(r.Year), Num(r.FundingUsd), Num(r.Need), Num(r.UsdPerPin),
                Num(r.Orgs), Num(r.YoyChange), Num(r.RawYoyChange), Num(r.CommonSourcesFundingUsd), Num(r.CommonSourcesPreviousFundingUsd),
                Names(r.Sources), Names(r.SourcesStarted), Names(r.SourcesEnded), r.FundingFalling ? "true" : "false",
                Field(r.CoverageNote ?? string.Empty)));
            writer.Write('\n');
        }
    }

    private static string Num(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string Num(decimal v) => v.ToString(CultureInfo.InvariantCulture);
    private static string Num(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    private static string Names(IReadOnlyList<string>? names) => Field(string.Join('|', names ?? []));
    private static string Num(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
