using EquityDashboard.Core.Text;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// Gives every organisation one identity across spellings. Names are folded (case, spaces and
/// punctuation ignored); a row that gives both a full name and an acronym links the two, and
/// links persist in OrganisationAliases so later files (and earlier rows) count as the same
/// organisation. The canonical key of a linked group is its longest member (the full name).
/// </summary>
internal sealed class OrganisationLinker
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linkedThisImport = new(StringComparer.Ordinal);

    private OrganisationLinker() { }

    /// <summary>A linker knowing the links stored so far (alias key, canonical key).</summary>
    public static OrganisationLinker From(IEnumerable<(string Alias, string Canonical)> links)
    {
        var linker = new OrganisationLinker();
        foreach (var (alias, canonical) in links) linker.Union(alias, canonical);
        return linker;
    }

    public static string ActivityKey(string orgKey, string? cluster, string pcode, string? district, string? activity) =>
        string.Join('|', orgKey, NameKey.Fold(cluster), pcode, NameKey.Fold(district), NameKey.Fold(activity));

    /// <summary>The organisation's key now; rows written earlier are re-keyed with the links of <see cref="TakeLinks"/>.</summary>
    public string KeyFor(string? name, string? acronym)
    {
        var nameKey = Fold(name);
        var acronymKey = Fold(acronym);
        if (nameKey.Length > 0 && acronymKey.Length > 0 && nameKey != acronymKey)
        {
            if (Find(nameKey) != Find(acronymKey))
            {
                Union(nameKey, acronymKey);
                _linkedThisImport.Add(nameKey);
            }
        }
        return Find(nameKey.Length > 0 ? nameKey : acronymKey);
    }

    /// <summary>
    /// The links to store for this import, once: every member (key, canonical key) of the groups
    /// it linked, canonical keys included. Presence rows (of any batch) under a key that is no
    /// longer canonical are to be re-keyed (<see cref="Storage.IImportWriter.SaveOrganisationLinksAsync"/>).
    /// </summary>
    public IReadOnlyList<(string Alias, string Canonical)> TakeLinks()
    {
        if (_linkedThisImport.Count == 0) return [];
        var touchedRoots = _linkedThisImport.Select(Find).ToHashSet(StringComparer.Ordinal);
        var links = _parent.Keys.Where(k => touchedRoots.Contains(Find(k))).Select(k => (k, Find(k))).ToList();
        _linkedThisImport.Clear();
        return links;
    }

    private static string Fold(string? value) => NameKey.Fold(value);

    private string Find(string key)
    {
        if (!_parent.TryGetValue(key, out var parent)) return key;
        if (parent == key) return key;
        var root = Find(parent);
        _parent[key] = root;
        return root;
    }

    private void Union(string x, string y)
    {
        _parent.TryAdd(x, x);
        _parent.TryAdd(y, y);
        var rx = Find(x);
        var ry = Find(y);
        if (rx == ry) return;
        // The longer key (usually the full name) becomes the canonical identity; ties by ordinal order.
        var (root, child) = rx.Length > ry.Length || (rx.Length == ry.Length && string.CompareOrdinal(rx, ry) < 0) ? (rx, ry) : (ry, rx);
        _parent[child] = root;
        _parent[root] = root;
    }
}
