using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EquityDashboard.Web.Services;

/// <summary>
/// Reads the query parameters of the API and the pages (kept as text so a wrong value gets a
/// clear message instead of an empty 400 or an error page) and collects one message per bad parameter.
/// Cluster and donor names match case-insensitively and are replaced by their stored spelling.
/// </summary>
internal sealed class QueryCheck
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Failed => _errors.Count > 0;

    /// <summary>The names of the parameters that failed, for the log.</summary>
    public string Parameters => string.Join(", ", _errors.Keys);

    public ValidationProblem Problem() => TypedResults.ValidationProblem(
        _errors, detail: string.Join(" ", _errors.Values.SelectMany(m => m)), title: "The query is not valid.");

    /// <summary>Every message, in one sentence list, for a page to show.</summary>
    public string Message => string.Join(" ", _errors.Values.SelectMany(m => m));

    public void Fail(string parameter, string message) => _errors[parameter] = [message];

    public int? Year(string parameter, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear)
            return year;
        Fail(parameter, $"{parameter} must be a year from {MinYear} to {MaxYear}, such as 2019; got '{text}'.");
        return null;
    }

    public string? Region(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var region = Regions.Canonical(text);
        if (region is null) Fail("region", $"Unknown region '{text}'. Regions: {string.Join(", ", Regions.All)}.");
        return region;
    }

    public Baseline Baseline(string? text)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "pin":
                return Core.Metrics.Baseline.Pin;
            case "population":
                return Core.Metrics.Baseline.Population;
            default:
                Fail("baseline", $"baseline must be 'pin' (people in need) or 'population'; got '{text}'.");
                return Core.Metrics.Baseline.Pin;
        }
    }

    /// <summary>"real": real figures only (illustrative batches left out); "all" or nothing: every batch.</summary>
    public bool RealOnly(string? text)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "all":
                return false;
            case "real":
                return true;
            default:
                Fail("data", $"data must be 'real' (real figures only) or 'all'; got '{text}'.");
                return false;
        }
    }

    /// <summary>"json" (the default) or "csv".</summary>
    public string Format(string? text)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "json":
                return "json";
            case "csv":
                return "csv";
            default:
                Fail("format", $"format must be 'json' or 'csv'; got '{text}'.");
                return "json";
        }
    }

    public async Task<string?> ClusterAsync(EquityService equity, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clusters = await equity.ClustersAsync(ct);
        var match = clusters.FirstOrDefault(c => string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
            Fail("cluster", clusters.Count == 0
                ? $"Unknown cluster '{text}': no cluster figures are loaded."
                : $"Unknown cluster '{text}'. Clusters: {string.Join(", ", clusters)}.");
        return match;
    }

    public async Task<string?> DonorAsync(EquityService equity, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var wanted = text.Trim();
        var donors = await equity.DonorsAsync(ct);
        var match = donors.FirstOrDefault(d => string.Equals(d, wanted, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var similar = donors.Where(d => d.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                                            || wanted.Contains(d, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
            Fail("donor", similar.Count > 0
                ? $"Unknown donor '{text}'. Did you mean {string.Join(", ", similar.Select(d => $"'{d}'"))}?"
                : $"Unknown donor '{text}': no funding from a donor of that name is loaded ({donors.Count} donors are).");
        }
        return match;
    }
}
