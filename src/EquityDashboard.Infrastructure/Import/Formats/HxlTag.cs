namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>
/// An HXL hashtag with its attributes, e.g. <c>#value +funding +usd</c>. Parsing ignores case,
/// spaces and attribute order.
/// </summary>
internal sealed record HxlTag(string Hashtag, IReadOnlySet<string> Attributes, string Text)
{
    public static HxlTag? Parse(string? cell)
    {
        var text = new string((cell ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        if (text.Length < 2 || text[0] != '#') return null;
        var parts = text[1..].Split('+');
        if (parts[0].Length == 0 || !parts[0].All(c => char.IsLetterOrDigit(c) || c == '_')) return null;
        return new HxlTag(parts[0], parts.Skip(1).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal), cell!.Trim());
    }

    /// <summary>True when the hashtag is <paramref name="hashtag"/> and carries every attribute given.</summary>
    public bool Is(string hashtag, params string[] attributes) =>
        Hashtag == hashtag && attributes.All(Attributes.Contains);

    public bool Has(string attribute) => Attributes.Contains(attribute);

    /// <summary>A row is a hashtag row when most of its non-empty cells are tags.</summary>
    public static HxlTag?[]? ParseRow(string[] cells)
    {
        var nonEmpty = cells.Count(c => !string.IsNullOrWhiteSpace(c));
        if (nonEmpty == 0) return null;
        var tags = cells.Select(Parse).ToArray();
        return tags.Count(t => t is not null) * 2 > nonEmpty ? tags : null;
    }
}
