using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export;

/// <summary>CSV contracts for scripts: exact column names, unrounded invariant numbers, empty for undefined.</summary>
public static class CsvExport
{
    public const string GapsHeader =
        "pcode,governorate,region,need,funding_usd,funding_share,need_share,equity_ratio,usd_per_pin,gap_to_parity_usd,orgs,activities,flags";
    public const string TrendsHeader = "region,year,funding_usd,need,usd_per_pin,orgs,yoy_change";

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

    public static void WriteTrends(IEnumerable<TrendRow> rows, TextWriter writer)
    {
        writer.Write(TrendsHeader + "\n");
        foreach (var r in rows)
        {
            writer.Write(string.Join(',', Field(r.Region), Num(r.Year), Num(r.FundingUsd), Num(r.Need), Num(r.UsdPerPin),
                Num(r.Orgs), Num(r.YoyChange)));
            writer.Write('\n');
        }
    }

    private static string Num(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string Num(decimal v) => v.ToString(CultureInfo.InvariantCulture);
    private static string Num(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
