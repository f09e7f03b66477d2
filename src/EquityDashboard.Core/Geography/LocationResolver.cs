using System.Buffers;
using System.Text.RegularExpressions;

namespace EquityDashboard.Core.Geography;

/// <summary>
/// How a location cell was resolved: the governorates it names (distinct P-codes, sorted),
/// whether it names the country, places left aside by the caller's rule, and the parts not
/// recognised (with <see cref="NameResolver"/>'s suggestions).
/// </summary>
public sealed class LocationResolution
{
    internal LocationResolution(string input, bool isList, List<NameResolution> governorates, bool namesCountry,
        List<string> elsewhere)
    {
        Input = input;
        IsList = isList;
        Governorates = governorates;
        NamesCountry = namesCountry;
        Elsewhere = elsewhere;
        Unknown = governorates.Where(g => !g.Success).ToList();
        Pcodes = governorates.Where(g => g.Success).Select(g => g.Pcode!).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        if (Unknown.Count == 0 && elsewhere.Count == 0)
        {
            if (Pcodes.Count == 1 && !namesCountry) Pcode = Pcodes[0];
            else if (Pcodes.Count > 0) NamedPcodes = string.Join(';', Pcodes);
        }
        Errors = Unknown.Select(u => isList ? $"Unknown governorate '{u.Input}' in '{input}'.{Hint(u)}" : u.Error!).ToList();
        Error = Errors.Count == 0 ? null : string.Join(" ", Errors);
    }

    private static string Hint(NameResolution r) =>
        r.Suggestions.Count > 0 ? $" Did you mean {string.Join(", ", r.Suggestions.Select(s => $"'{s}'"))}?" : string.Empty;

    /// <summary>The cell, trimmed.</summary>
    public string Input { get; }
    /// <summary>True when the cell holds a separator (comma, semicolon, '|', Arabic comma or the word "and").</summary>
    public bool IsList { get; }
    /// <summary>Every part that is neither the country nor left aside, resolved, in the cell's order (duplicates included).</summary>
    public IReadOnlyList<NameResolution> Governorates { get; }
    /// <summary>The parts not recognised as a governorate.</summary>
    public IReadOnlyList<NameResolution> Unknown { get; }
    /// <summary>Whether the country itself (Iraq, IRQ, العراق) is one of the parts.</summary>
    public bool NamesCountry { get; }
    /// <summary>Parts the caller's rule put aside (e.g. other countries' ISO3 codes in FTS).</summary>
    public IReadOnlyList<string> Elsewhere { get; }
    /// <summary>The distinct governorates named, sorted by P-code.</summary>
    public IReadOnlyList<string> Pcodes { get; }
    /// <summary>The one governorate the cell allocates to: exactly one governorate and nothing else.</summary>
    public string? Pcode { get; }
    /// <summary>
    /// For a cell naming several governorates, or a governorate and the country (unallocated):
    /// the P-codes sorted and joined with ';'. Null otherwise.
    /// </summary>
    public string? NamedPcodes { get; }
    /// <summary>One message per unknown part (in the order of <see cref="Unknown"/>), naming the part and the cell.</summary>
    public IReadOnlyList<string> Errors { get; }
    /// <summary>The messages for the unknown parts together, or null when every part was recognised.</summary>
    public string? Error { get; }
    public bool Success => Error is null;
}

/// <summary>
/// Resolves a location cell that may name several places: the parts are separated by ',', ';',
/// '|', the Arabic comma '،' or the word "and" (any case, as a word of its own); each part is
/// the country or any spelling <see cref="NameResolver"/> knows (P-codes, names, variants, Arabic).
/// A cell without a separator is resolved as one name, exactly as <see cref="NameResolver.Resolve"/> does.
/// </summary>
public sealed partial class LocationResolver(NameResolver resolver)
{
    private static readonly SearchValues<char> Separators = SearchValues.Create(",;|\u060C");
    private static readonly char[] PartTrim = [' ', '\t', '\u00A0', '\u202F', '"', '\''];

    public NameResolver Names => resolver;

    /// <summary>True when the cell holds a separator, so it may name several places. Allocates nothing.</summary>
    public static bool IsList(string? cell)
    {
        if (cell is null) return false;
        var span = cell.AsSpan();
        if (span.IndexOfAny(Separators) >= 0) return true;
        return span.Contains("and", StringComparison.OrdinalIgnoreCase) && AndWord().IsMatch(cell);
    }

    /// <summary>The non-empty parts of the cell, trimmed of spaces and quotes (the whole cell when it has no separator).</summary>
    public static IReadOnlyList<string> Split(string? cell)
    {
        var text = cell?.Trim() ?? string.Empty;
        if (text.Length == 0) return [];
        if (!IsList(text)) return [text];
        return SeparatorPattern().Split(text)
            .Select(p => p.Trim().Trim(PartTrim).Trim())
            .Where(p => p.Length > 0)
            .ToList();
    }

    /// <summary>
    /// Resolves every part of the cell. <paramref name="elsewhere"/>, when given, is asked first
    /// about each part that is not the country: true puts it in <see cref="LocationResolution.Elsewhere"/>.
    /// </summary>
    public LocationResolution Resolve(string? cell, Func<string, bool>? elsewhere = null)
    {
        var text = cell?.Trim() ?? string.Empty;
        var isList = IsList(text);
        var governorates = new List<NameResolution>();
        var aside = new List<string>();
        var country = false;
        foreach (var part in isList ? Split(text) : text.Length == 0 ? [] : [text])
        {
            if (NameResolver.IsCountry(part)) country = true;
            else if (elsewhere?.Invoke(part) == true) aside.Add(part);
            else governorates.Add(resolver.Resolve(part));
        }
        return new LocationResolution(text, isList, governorates, country, aside);
    }

    [GeneratedRegex(@"[,;|\u060C]|(?<=\s)and(?=\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"(?<=\s)and(?=\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndWord();
}
