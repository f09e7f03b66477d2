using EquityDashboard.Core.Text;

namespace EquityDashboard.Core.Geography;

/// <summary>How a governorate spelling was resolved.</summary>
public sealed record NameResolution(
    string Input,
    string? Pcode,
    bool ViaVariant,
    string? Warning,
    string? Error,
    IReadOnlyList<string> Suggestions)
{
    public bool Success => Pcode is not null;
}

/// <summary>
/// Maps any spelling of a governorate (P-code, English name, listed variant, Arabic name)
/// to its P-code. Matching ignores case, spaces, hyphens, punctuation, a leading Arabic or
/// Latin article ("Al-", "An ", "ال") and a "Governorate" word; Arabic hamza/alef variants
/// are folded. Halabja resolves to Al-Sulaymaniyah with a warning.
/// </summary>
public sealed class NameResolver
{
    private const string HalabjaTarget = "IQG06";
    private static readonly string[] LatinArticles = ["al", "an", "as", "ad", "at", "ar", "el"];
    private static readonly string[] CountryNames = ["iraq", "irq", "العراق", "republicofiraq"];
    private static readonly string[] HalabjaNames = ["halabja", "halabcha", "halabjah", "حلبجه", "iqg06q05", "iqg19"];

    private readonly Gazetteer _gazetteer;
    private readonly Dictionary<string, (string Pcode, bool Variant)> _index = new(StringComparer.Ordinal);

    public NameResolver(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        foreach (var g in gazetteer.All)
        {
            Add(g.Pcode, g.Pcode, variant: false);
            Add(g.Name, g.Pcode, variant: false);
            Add(g.NameAr, g.Pcode, variant: false);
            foreach (var alias in g.Aliases) Add(alias, g.Pcode, variant: true);
        }
    }

    public Gazetteer Gazetteer => _gazetteer;

    /// <summary>True for spellings of the country itself ("Iraq", "IRQ", "العراق").</summary>
    public static bool IsCountry(string? value)
    {
        if (value is null) return false;
        var trimmed = value.AsSpan().Trim();
        // Every spelling of the country is 3-20 characters: skip folding anything else.
        return trimmed.Length is >= 3 and <= 20 && CountryCache.GetOrAdd(trimmed.ToString(), v => CountryNames.Contains(NameKey.Fold(v)));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> CountryCache = new(StringComparer.Ordinal);

    public NameResolution Resolve(string? input)
    {
        var text = input?.Trim() ?? string.Empty;
        if (text.Length == 0)
            return new NameResolution(text, null, false, null, "Governorate is empty.", []);

        foreach (var key in Keys(text))
        {
            if (_index.TryGetValue(key, out var hit))
                return new NameResolution(text, hit.Pcode, hit.Variant, null, null, []);
            if (HalabjaNames.Contains(key))
                return new NameResolution(text, HalabjaTarget, true,
                    $"'{text}' is a governorate in Iraqi law but a district of Al-Sulaymaniyah in the COD; counted under Al-Sulaymaniyah ({HalabjaTarget}).",
                    null, []);
        }

        var suggestions = Suggest(text);
        var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?" : string.Empty;
        return new NameResolution(text, null, false, null, $"Unknown governorate '{text}'.{hint}", suggestions);
    }

    private void Add(string name, string pcode, bool variant)
    {
        foreach (var key in Keys(name))
        {
            // A canonical name wins over a variant that folds to the same key.
            if (!_index.TryGetValue(key, out var existing) || (existing.Variant && !variant))
                _index[key] = (pcode, variant);
        }
    }

    /// <summary>The fold of the text, then the fold without article and "governorate" words.</summary>
    private static IEnumerable<string> Keys(string text)
    {
        var full = NameKey.Fold(text);
        if (full.Length > 0) yield return full;
        var stripped = NameKey.Fold(StripDecorations(text));
        if (stripped.Length > 0 && stripped != full) yield return stripped;
    }

    private static string StripDecorations(string text)
    {
        var words = text.Replace('-', ' ').Replace('_', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        words.RemoveAll(w => w.Equals("governorate", StringComparison.OrdinalIgnoreCase)
                             || w.Equals("province", StringComparison.OrdinalIgnoreCase)
                             || w == "محافظة");
        if (words.Count > 1 && LatinArticles.Contains(words[0].ToLowerInvariant())) words.RemoveAt(0);
        if (words.Count > 0 && words[0].StartsWith("ال", StringComparison.Ordinal) && words[0].Length > 3)
            words[0] = words[0][2..];
        return string.Join(' ', words);
    }

    private List<string> Suggest(string text)
    {
        var key = NameKey.Fold(StripDecorations(text));
        if (key.Length == 0) key = NameKey.Fold(text);
        return _gazetteer.All
            .Select(g => (g.Name, Distance: new[] { g.Name, g.NameAr }.Concat(g.Aliases)
                .Select(n => Levenshtein(key, NameKey.Fold(StripDecorations(n)))).Min()))
            .Where(x => x.Distance <= Math.Max(3, key.Length / 2))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.Name)
            .ToList();
    }

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
