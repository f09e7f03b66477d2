using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Core.Scope;

/// <summary>The cluster and donor names the data holds, as stored: a typed name becomes one of these.</summary>
public sealed record ScopeNames(IReadOnlyList<string> Clusters, IReadOnlyList<string> Donors)
{
    public static ScopeNames None { get; } = new([], []);
}

/// <summary>
/// A view's scope as read from text, each bad value replaced by its default and named in
/// <see cref="Errors"/> (one message per parameter). <see cref="Year"/> is null when none was given:
/// the default year is the data's (see <c>ScopeReader</c> in Infrastructure).
/// </summary>
public sealed record ScopeReading(
    int? Year,
    string? Cluster,
    string? Donor,
    string? Region,
    Baseline Baseline,
    bool RealOnly,
    Level Level,
    string? Governorate,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<string> Warnings)
{
    public bool Failed => Errors.Count > 0;

    /// <summary>Every message, as one run of sentences for a page or a problem's detail.</summary>
    public string Message => string.Join(" ", Errors.Values);

    /// <summary>The scope, with <paramref name="defaultYear"/> when no year was given.</summary>
    public EquityScope ScopeFor(int defaultYear) =>
        new(Year ?? defaultYear, Cluster, Donor, Region, Baseline, RealOnly, Level, Governorate);
}

/// <summary>
/// The one reader of a view's scope (year, cluster, donor, region, baseline, data, level,
/// governorate: <see cref="ScopeParameters"/>) for the pages, the API and the CLI. Values are text,
/// so a wrong one gets a clear message rather than an empty table; a blank is "not given".
/// Cluster and donor names match case-insensitively and become the stored spelling; a
/// governorate is any spelling <see cref="NameResolver"/> knows and becomes its P-code.
/// </summary>
public sealed class ScopeParser(NameResolver resolver)
{
    /// <summary>Up to this many donors are listed when a typed one is unknown and none is like it.</summary>
    private const int ListedDonors = 10;

    /// <summary>True when <paramref name="parameter"/> has a value that is not blank.</summary>
    public static bool IsGiven(IReadOnlyDictionary<string, string?> values, string parameter) =>
        values.TryGetValue(parameter, out var text) && !string.IsNullOrWhiteSpace(text);

    /// <summary>
    /// Reads the values by parameter name (missing ones take their default). <paramref name="spell"/>
    /// turns a parameter's name into the way the caller's users type it (the CLI's <c>--year</c>).
    /// </summary>
    public ScopeReading Parse(IReadOnlyDictionary<string, string?> values, ScopeNames known, Func<string, string>? spell = null)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        string Named(string parameter) => spell?.Invoke(parameter) ?? parameter;
        string? Given(string parameter) => IsGiven(values, parameter) ? values[parameter] : null;

        int? year = null;
        if (Given(ScopeParameters.Year) is { } yearText && !YearRange.TryParse(yearText, out year))
            errors[ScopeParameters.Year] = YearRange.Problem(Named(ScopeParameters.Year), yearText);

        string? cluster = null;
        if (Given(ScopeParameters.Cluster) is { } clusterText && (cluster = Stored(known.Clusters, clusterText)) is null)
            errors[ScopeParameters.Cluster] = known.Clusters.Count == 0
                ? $"Unknown cluster '{clusterText}': no cluster figures are loaded."
                : $"Unknown cluster '{clusterText}'. Clusters: {string.Join(", ", known.Clusters)}.";

        string? donor = null;
        if (Given(ScopeParameters.Donor) is { } donorText && (donor = Stored(known.Donors, donorText)) is null)
            errors[ScopeParameters.Donor] = UnknownDonor(donorText, known.Donors);

        string? region = null;
        if (Given(ScopeParameters.Region) is { } regionText && (region = Regions.Canonical(regionText)) is null)
            errors[ScopeParameters.Region] = $"Unknown region '{regionText}'. Regions: {string.Join(", ", Regions.All)}.";

        var baseline = default(Baseline);
        if (Given(ScopeParameters.Baseline) is { } baselineText)
        {
            if (BaselineWords.All.FirstOrDefault(w => Is(baselineText, w.Value)) is { } words) baseline = words.Baseline;
            else errors[ScopeParameters.Baseline] =
                $"{Named(ScopeParameters.Baseline)} must be {Or(BaselineWords.All.Select(w => w.Choice))}; got '{baselineText}'.";
        }

        var realOnly = false;
        if (Given(ScopeParameters.Data) is { } dataText)
        {
            if (Is(dataText, ScopeParameters.RealData)) realOnly = true;
            else if (!Is(dataText, ScopeParameters.AllData))
                errors[ScopeParameters.Data] =
                    $"{Named(ScopeParameters.Data)} must be '{ScopeParameters.RealData}' (real figures only) or '{ScopeParameters.AllData}'; got '{dataText}'.";
        }

        var level = default(Level);
        if (Given(ScopeParameters.Level) is { } levelText)
        {
            var levels = Enum.GetValues<Level>();
            var chosen = Array.FindIndex(levels, l => Is(levelText, ValueOf(l)));
            if (chosen >= 0) level = levels[chosen];
            else errors[ScopeParameters.Level] =
                $"{Named(ScopeParameters.Level)} must be {Or(levels.Select(l => $"'{ValueOf(l)}'"))}; got '{levelText}'.";
        }

        string? governorate = null;
        if (Given(ScopeParameters.Governorate) is { } governorateText)
        {
            var resolution = resolver.Resolve(governorateText);
            if (resolution.Success) governorate = resolution.Pcode;
            else errors[ScopeParameters.Governorate] = resolution.Error!;
            if (resolution.Warning is not null) warnings.Add(resolution.Warning);
        }

        return new ScopeReading(year, cluster, donor, region, baseline, realOnly, level, governorate, errors, warnings);
    }

    /// <summary>The value of a level in addresses: "governorate", "district".</summary>
    public static string ValueOf(Level level) => level.ToString().ToLowerInvariant();

    private static string? Stored(IReadOnlyList<string> names, string text) =>
        names.FirstOrDefault(n => Is(text, n));

    private static string UnknownDonor(string text, IReadOnlyList<string> donors)
    {
        var wanted = text.Trim();
        var similar = donors.Where(d => d.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                                        || wanted.Contains(d, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
        if (similar.Count > 0) return $"Unknown donor '{text}'. Did you mean {string.Join(", ", similar.Select(d => $"'{d}'"))}?";
        if (donors.Count == 0) return $"Unknown donor '{text}': no donor figures are loaded.";
        if (donors.Count <= ListedDonors) return $"Unknown donor '{text}'. Donors: {string.Join(", ", donors)}.";
        return $"Unknown donor '{text}': no funding from a donor of that name is loaded ({donors.Count} donors are).";
    }

    private static bool Is(string text, string value) => string.Equals(text.Trim(), value, StringComparison.OrdinalIgnoreCase);

    /// <summary>"a or b", "a, b or c".</summary>
    private static string Or(IEnumerable<string> choices)
    {
        var list = choices.ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list.Take(list.Count - 1))} or {list[^1]}";
    }
}
