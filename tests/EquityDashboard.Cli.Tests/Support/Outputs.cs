using System.Globalization;
using System.Text.Json;

namespace EquityDashboard.Cli.Tests.Support;

/// <summary>Reading the CLI's CSV and JSON outputs.</summary>
public static class Outputs
{
    public const string GapsHeader =
        "pcode,governorate,region,need,funding_usd,funding_share,need_share,equity_ratio,usd_per_pin,gap_to_parity_usd,orgs,activities,flags";

    public const string TrendsHeader = "region,year,funding_usd,need,usd_per_pin,orgs,yoy_change,"
        + "raw_yoy_change,common_sources_funding_usd,common_sources_previous_funding_usd,sources,sources_started,sources_ended,"
        + "funding_falling,coverage_note";

    public static string[] Lines(string stdout) =>
        stdout.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    /// <summary>CSV records after checking the header is exactly <paramref name="header"/>.</summary>
    public static List<IReadOnlyDictionary<string, string>> Csv(CliResult result, string header)
    {
        result.AssertSuccess();
        Assert.Equal(header, Lines(result.StdOut)[0]);
        var rows = SimpleCsv.Parse(result.StdOut).Skip(1).Where(r => !(r.Count == 1 && r[0].Length == 0)).ToList();
        var columns = header.Split(',').Length;
        Assert.All(rows, r => Assert.Equal(columns, r.Count));
        return SimpleCsv.Records(result.StdOut);
    }

    public static JsonDocument Json(CliResult result)
    {
        result.AssertSuccess();
        try
        {
            return JsonDocument.Parse(result.StdOut);
        }
        catch (JsonException e)
        {
            Assert.Fail($"stdout is not JSON: {e.Message}\n{result}");
            throw;
        }
    }

    public static JsonElement Governorate(JsonElement gaps, string pcode) =>
        gaps.GetProperty("governorates").EnumerateArray().Single(g => g.GetProperty("pcode").GetString() == pcode);

    public static JsonElement Region(JsonElement gaps, string region) =>
        gaps.GetProperty("regions").EnumerateArray().Single(g => g.GetProperty("region").GetString() == region);

    public static bool IsNull(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null;

    public static double? Double(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.Null } ? null : e.GetProperty(name).GetDouble();

    public static long? Long(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.Null } ? null : e.GetProperty(name).GetInt64();

    public static decimal Decimal(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    public static IReadOnlyList<string> FlagCodes(JsonElement e) =>
        e.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToList();

    /// <summary>Parses a CSV number strictly with the invariant culture; empty = undefined.</summary>
    public static double? CsvDouble(string field)
    {
        if (field.Length == 0) return null;
        Assert.True(double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v),
            $"'{field}' is not an invariant-culture number");
        return v;
    }

    public static long? CsvLong(string field)
    {
        if (field.Length == 0) return null;
        Assert.True(long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v),
            $"'{field}' is not an invariant-culture integer");
        return v;
    }

    public static decimal CsvDecimal(string field)
    {
        Assert.True(decimal.TryParse(field, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var v), $"'{field}' is not an invariant-culture decimal");
        return v;
    }
}
