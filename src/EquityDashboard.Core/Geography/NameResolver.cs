using EquityDashboard.Core.Text;

namespace EquityDashboard.Core.Geography;

/// <summary>
/// How a governorate spelling was resolved. A cell that names a district instead (Halabja, a
/// governorate in Iraqi law and a district in the COD) resolves to the district's governorate, with
/// a warning and the district kept in <see cref="DistrictPcode"/>.
/// </summary>
public sealed record NameResolution(
    string Input,
    string? Pcode,
    bool ViaVariant,
    string? Warning,
    string? Error,
    IReadOnlyList<string> Suggestions,
    string? DistrictPcode = null)
{
    public bool Success => Pcode is not null;
}

/// <summary>
/// How a district spelling was resolved, within its governorate. A blank cell is "not specified"
/// (no error: the row stays at the governorate); a name that matches no district of the governorate
/// is an error with suggestions, never a guess.
/// </summary>
public sealed record DistrictResolution(
    string Input,
    string? Pcode,
    string? ParentPcode,
    bool ViaVariant,
    string? Error,
    IReadOnlyList<string> Suggestions)
{
    public bool Success => Error is null;
    /// <summary>True for a blank cell: the figure belongs to the governorate, district not specified.</summary>
    public bool Unspecified => Pcode is null && Error is null;
}

/// <summary>
/// Maps any spelling of a governorate (P-code, English name, listed variant, Arabic name)
/// to its P-code, and of a district to its P-code within its governorate. Matching ignores case,
/// spaces, hyphens, punctuation, a leading Arabic or Latin article ("Al-", "An ", "ال") and a
/// "Governorate" or "District" word; Arabic hamza/alef variants are folded. A governorate cell
/// that names a district of exactly one governorate (Halabja) resolves to that governorate, with
/// a warning. Every name and variant comes from the gazetteer's files.
/// </summary>
public sealed class NameResolver
{
    private static readonly string[] LatinArticles = ["al", "an", "as", "ad", "at", "ar", "el"];
    private static readonly string[] CountryNames = ["iraq", "irq", "العراق", "republicofiraq"];
    private static readonly string[] AreaWords = ["governorate", "province", "محافظة", "district", "qadha", "qada", "qadaa", "قضاء"];

    private readonly Gazetteer _gazetteer;
    private readonly NameIndex _governorates = new();
    /// <summary>Every district by its names, nationally: a key shared by districts of two governorates is ambiguous (null).</summary>
    private readonly NameIndex _districts = new();
    /// <summary>The districts of each governorate by their names.</summary>
    private readonly Dictionary<string, NameIndex> _districtsOf = new(StringComparer.OrdinalIgnoreCase);

    public NameResolver(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        foreach (var g in gazetteer.All)
        {
            _governorates.Add(g.Pcode, g.Pcode, variant: false);
            _governorates.Add(g.Name, g.Pcode, variant: false);
            _governorates.Add(g.NameAr, g.Pcode, variant: false);
            foreach (var alias in g.Aliases) _governorates.Add(alias, g.Pcode, variant: true);
        }
        foreach (var d in gazetteer.Districts)
        {
            if (!_districtsOf.TryGetValue(d.ParentPcode, out var own)) _districtsOf[d.ParentPcode] = own = new NameIndex();
            foreach (var index in new[] { own, _districts })
            {
                index.Add(d.Pcode, d.Pcode, variant: false);
                index.Add(d.Name, d.Pcode, variant: false);
                index.Add(d.NameAr, d.Pcode, variant: false);
                foreach (var alias in d.Aliases) index.Add(alias, d.Pcode, variant: true);
            }
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

        if (_governorates.Find(text) is { } hit)
            return new NameResolution(text, hit.Pcode, hit.Variant, null, null, []);
        if (_districts.Find(text) is { } d && _gazetteer.TryGetDistrict(d.Pcode, out var district))
        {
            var parent = _gazetteer[district.ParentPcode];
            return new NameResolution(text, parent.Pcode, true,
                $"'{text}' is a district of {parent.Name} in the COD ({district.Pcode}, {district.Name}), not a governorate; counted under {parent.Name} ({parent.Pcode}).",
                null, [], district.Pcode);
        }

        var suggestions = Suggest(text);
        var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?" : string.Empty;
        return new NameResolution(text, null, false, null, $"Unknown governorate '{text}'.{hint}", suggestions);
    }

    /// <summary>
    /// Resolves a district spelling (P-code, name, variant, Arabic name) within the governorate
    /// <paramref name="governoratePcode"/>. Without a governorate, a name is resolved only when one
    /// district in the country has it. A blank cell is "not specified", not an error.
    /// </summary>
    public DistrictResolution ResolveDistrict(string? input, string? governoratePcode)
    {
        var text = input?.Trim() ?? string.Empty;
        if (text.Length == 0) return new DistrictResolution(text, null, null, false, null, []);
        var parent = governoratePcode is not null && _gazetteer.TryGet(governoratePcode, out var g) ? g : null;

        var index = parent is null ? _districts : _districtsOf.GetValueOrDefault(parent.Pcode);
        if (index?.Find(text) is { } hit && _gazetteer.TryGetDistrict(hit.Pcode, out var found))
            return new DistrictResolution(text, found.Pcode, found.ParentPcode, hit.Variant, null, []);

        // A district P-code of another governorate: say where it is rather than "unknown".
        if (_gazetteer.TryGetDistrict(text, out var elsewhere) && parent is not null)
            return new DistrictResolution(text, null, null, false,
                $"District {elsewhere.Pcode} ({elsewhere.Name}) is in {_gazetteer[elsewhere.ParentPcode].Name}, not in {parent.Name}.", []);

        var candidates = parent is null ? _gazetteer.Districts : _gazetteer.DistrictsOf(parent.Pcode);
        var suggestions = Closest(text, candidates.Select(c => (c.Name, (IEnumerable<string>)[c.Name, c.NameAr, .. c.Aliases])));
        var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?" : string.Empty;
        var where = parent is null
            ? (_districts.IsAmbiguous(text) ? " (several governorates have a district of that name: give the governorate)" : string.Empty)
            : $" in {parent.Name}";
        return new DistrictResolution(text, null, null, false, $"Unknown district '{text}'{where}.{hint}", suggestions);
    }

    /// <summary>Folded spellings to P-codes; a canonical name wins over a variant that folds to the same key.</summary>
    private sealed class NameIndex
    {
        private readonly Dictionary<string, (string? Pcode, bool Variant)> _keys = new(StringComparer.Ordinal);

        public void Add(string name, string pcode, bool variant)
        {
            foreach (var key in Keys(name))
            {
                if (!_keys.TryGetValue(key, out var existing) || (existing.Variant && !variant))
                    _keys[key] = (pcode, variant);
                else if (existing.Pcode is not null && existing.Pcode != pcode && existing.Variant == variant)
                    _keys[key] = (null, variant); // two areas share this spelling: it names neither
            }
        }

        public (string Pcode, bool Variant)? Find(string text)
        {
            foreach (var key in Keys(text))
            {
                if (_keys.TryGetValue(key, out var hit)) return hit.Pcode is null ? null : (hit.Pcode, hit.Variant);
            }
            return null;
        }

        public bool IsAmbiguous(string text) => Keys(text).Any(k => _keys.TryGetValue(k, out var hit) && hit.Pcode is null);
    }

    /// <summary>The fold of the text, then the fold without article and area words.</summary>
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
        words.RemoveAll(w => AreaWords.Contains(w.ToLowerInvariant()));
        if (words.Count > 1 && LatinArticles.Contains(words[0].ToLowerInvariant())) words.RemoveAt(0);
        if (words.Count > 0 && words[0].StartsWith("ال", StringComparison.Ordinal) && words[0].Length > 3)
            words[0] = words[0][2..];
        return string.Join(' ', words);
    }

    private List<string> Suggest(string text) =>
        Closest(text, _gazetteer.All.Select(g => (g.Name, (IEnumerable<string>)[g.Name, g.NameAr, .. g.Aliases])));

    /// <summary>Up to three names whose spellings are within a few edits of the text, closest first.</summary>
    private static List<string> Closest(string text, IEnumerable<(string Name, IEnumerable<string> Spellings)> areas)
    {
        var key = NameKey.Fold(StripDecorations(text));
        if (key.Length == 0) key = NameKey.Fold(text);
        return areas
            .Select(a => (a.Name, Distance: a.Spellings.Select(n => Levenshtein(key, NameKey.Fold(StripDecorations(n)))).Min()))
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
