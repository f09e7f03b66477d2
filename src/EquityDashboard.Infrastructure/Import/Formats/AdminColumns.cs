namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>
/// How the readers recognise a table's places: the governorate (admin 1), the district (admin 2)
/// and the sub-district (admin 3), by title (compared folded: case, spaces and punctuation
/// ignored, see <see cref="HeaderInfo.Fold"/>) or by HXL tag. One list for every reader (HXL,
/// HNO, untagged 3W), so a district is found the same way in each, and a P-code column is always
/// preferred to a name column: the P-code names one COD area without a spelling to resolve.
/// </summary>
internal static class AdminColumns
{
    public static readonly string[] Admin1CodeTitles = ["admin1pcode", "admin1code", "adm1pcode", "adm1code", "admin1pcodes", "governoratepcode", "govpcode"];
    public static readonly string[] Admin1NameTitles = ["admin1name", "adm1name", "admin1", "adm1", "admin1nameen", "adm1nameen", "adm1en", "admin1en"];
    /// <summary>Titles that name a governorate column but, alone, do not make a table an HNO table.</summary>
    public static readonly string[] Admin1WeakTitles = ["governorate", "governoratename", "gov"];
    public static readonly string[] Admin2CodeTitles = ["admin2pcode", "admin2code", "adm2pcode", "adm2code", "districtpcode"];
    public static readonly string[] Admin2NameTitles = ["admin2name", "adm2name", "admin2", "adm2", "admin2nameen", "adm2nameen", "adm2en", "district", "districtname"];
    public static readonly string[] Admin3CodeTitles = ["admin3pcode", "admin3code", "adm3pcode", "adm3code", "subdistrictpcode"];
    public static readonly string[] Admin3NameTitles = ["admin3name", "adm3name", "admin3", "adm3", "subdistrict", "subdistrictname"];

    public static bool IsAdmin1Code(HxlTag t) => t.Is("adm1", "code");
    public static bool IsAdmin1Name(HxlTag t) => t.Hashtag == "adm1" && !t.Has("code");
    public static bool IsAdmin2Code(HxlTag t) => t.Is("adm2", "code");
    public static bool IsAdmin2Name(HxlTag t) => t.Hashtag == "adm2" && !t.Has("code");
    public static bool IsAdmin3Code(HxlTag t) => t.Is("adm3", "code");
    public static bool IsAdmin3Name(HxlTag t) => t.Hashtag == "adm3" && !t.Has("code");

    /// <summary>
    /// The district columns of a header, best first: the P-code column, then the name column (each by
    /// title, else by tag). A row's district is the first of them that is not blank. Empty when the
    /// table names no district.
    /// </summary>
    public static List<int> District(HeaderInfo header)
    {
        var found = new List<int>();
        foreach (var (titles, tag) in new (string[], Func<HxlTag, bool>)[] { (Admin2CodeTitles, IsAdmin2Code), (Admin2NameTitles, IsAdmin2Name) })
        {
            var i = ByTitle(header, titles);
            if (i < 0) i = ByTag(header, tag);
            if (i >= 0 && !found.Contains(i)) found.Add(i);
        }
        return found;
    }

    /// <summary>The first column whose folded title is one of <paramref name="titles"/>; -1 when none.</summary>
    public static int ByTitle(HeaderInfo header, string[] titles)
    {
        for (var i = 0; i < header.Titles.Length; i++)
            if (titles.Contains(HeaderInfo.Fold(header.Titles[i]))) return i;
        return -1;
    }

    /// <summary>The first column whose HXL tag fits; -1 when none (or no hashtag row).</summary>
    public static int ByTag(HeaderInfo header, Func<HxlTag, bool> predicate)
    {
        var tags = header.Tags ?? [];
        for (var i = 0; i < tags.Length; i++)
            if (tags[i] is { } t && predicate(t)) return i;
        return -1;
    }
}
