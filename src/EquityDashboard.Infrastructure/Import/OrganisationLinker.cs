using EquityDashboard.Core.Text;
using Microsoft.Data.Sqlite;

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

    public static OrganisationLinker Load(SqliteConnection connection, SqliteTransaction transaction)
    {
        var linker = new OrganisationLinker();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT AliasKey, CanonicalKey FROM OrganisationAliases";
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) linker.Union(reader.GetString(0), reader.GetString(1));
        return linker;
    }

    public static string ActivityKey(string orgKey, string? cluster, string pcode, string? district, string? activity) =>
        string.Join('|', orgKey, NameKey.Fold(cluster), pcode, NameKey.Fold(district), NameKey.Fold(activity));

    /// <summary>The organisation's key now; rows written earlier are re-keyed by <see cref="Flush"/>.</summary>
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
    /// Persists the links made in this import and re-keys presence rows (of any batch) whose
    /// organisation key is no longer the canonical one.
    /// </summary>
    public void Flush(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (_linkedThisImport.Count == 0) return;
        var touchedRoots = _linkedThisImport.Select(Find).ToHashSet(StringComparer.Ordinal);
        var members = _parent.Keys.Where(k => touchedRoots.Contains(Find(k))).ToList();

        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText =
            "INSERT INTO OrganisationAliases (AliasKey, CanonicalKey) VALUES ($a, $c) ON CONFLICT(AliasKey) DO UPDATE SET CanonicalKey = excluded.CanonicalKey";
        var a = upsert.Parameters.Add("$a", SqliteType.Text);
        var c = upsert.Parameters.Add("$c", SqliteType.Text);

        using var rekey = connection.CreateCommand();
        rekey.Transaction = transaction;
        rekey.CommandText =
            "UPDATE PresenceRecords SET ActivityKey = $c || substr(ActivityKey, length(OrganisationKey) + 1), OrganisationKey = $c WHERE OrganisationKey = $a";
        var ra = rekey.Parameters.Add("$a", SqliteType.Text);
        var rc = rekey.Parameters.Add("$c", SqliteType.Text);

        foreach (var member in members)
        {
            var canonical = Find(member);
            a.Value = member;
            c.Value = canonical;
            upsert.ExecuteNonQuery();
            if (member == canonical) continue;
            ra.Value = member;
            rc.Value = canonical;
            rekey.ExecuteNonQuery();
        }
        _linkedThisImport.Clear();
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
