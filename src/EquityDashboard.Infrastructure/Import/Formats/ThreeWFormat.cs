using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>
/// A 3W/4W presence table without a hashtag row, read by its titles (compared folded), as OCHA's
/// Iraq 3W writes them: <c>Month, ADM1_PCODE, Governorate, ADM2_PCODE, District, ..., Cluster,
/// Partner Acronym, Partner Full Name, Organisation type</c>. It needs a governorate column and an
/// organisation (name or acronym) column; the governorate is the P-code column, else the name
/// column, and the district likewise (<see cref="AdminColumns"/>), a row taking the district P-code
/// and, where it is blank, the district name. A table with a hashtag row is the HXL reader's, and one
/// of the template's own column names is the template's.
/// </summary>
internal sealed class ThreeWFormat : SourceFormat
{
    public const string FormatName = "3W";

    public static readonly string[] OrganisationTitles =
        ["partnerfullname", "partnername", "organisation", "organization", "organisationname", "organizationname", "orgname",
         "partner", "agency", "implementingpartner", "implementingorganisation", "implementingorganization"];
    public static readonly string[] AcronymTitles = ["partneracronym", "acronym", "orgacronym", "organisationacronym", "organizationacronym", "agencyacronym"];
    private static readonly string[] OrgTypeTitles = ["organisationtype", "organizationtype", "orgtype", "partnertype", "agencytype"];
    private static readonly string[] ClusterTitles = ["cluster", "sector", "clustersector", "sectorcluster", "clustername", "sectorname"];
    private static readonly string[] ActivityTitles = ["activity", "activities", "activityname", "activitydescription"];
    private static readonly string[] YearTitles = ["year", "reportingyear"];
    private static readonly string[] DateTitles = ["month", "date", "reportingmonth", "reportingdate", "reportingperiod", "period"];

    public override string Name => FormatName;

    public override FormatMatch? Match(HeaderInfo header, RecordKind? kind, ImportRequest request)
    {
        if (kind is { } k && k != RecordKind.Presence) return null;
        if (header.Tags is not null || IsTemplateHeader(header)) return null;

        var governorate = First(header, AdminColumns.Admin1CodeTitles, AdminColumns.Admin1NameTitles, AdminColumns.Admin1WeakTitles);
        var organisation = AdminColumns.ByTitle(header, OrganisationTitles);
        var acronym = AdminColumns.ByTitle(header, AcronymTitles);
        if (governorate < 0 || (organisation < 0 && acronym < 0)) return null;

        var columns = new List<(string, int, Func<string, string?>?)>
        {
            ("governorate", governorate, null),
            ("organisation", organisation, null),
            ("acronym", acronym, null),
            ("org_type", AdminColumns.ByTitle(header, OrgTypeTitles), null),
            ("cluster", AdminColumns.ByTitle(header, ClusterTitles), null),
            ("activity", AdminColumns.ByTitle(header, ActivityTitles), null),
        };
        columns.AddRange(AdminColumns.District(header).Select(i => ("district", i, (Func<string, string?>?)null)));
        var year = AdminColumns.ByTitle(header, YearTitles);
        var date = year < 0 ? AdminColumns.ByTitle(header, DateTitles) : -1;
        var constants = new List<(string, string)>();
        var problems = new List<HeaderNote>();
        if (year >= 0) columns.Add(("year", year, null));
        else if (date >= 0) columns.Add(("year", date, YearOf));
        else if (request.Year is { } y) constants.Add(("year", y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        else problems.Add(new HeaderNote("year", "The 3W table has no year, month or date column; give the reference year (--year)."));

        var used = columns.Where(c => c.Item2 >= 0).Select(c => c.Item2).ToHashSet();
        var warnings = header.Titles.Select((t, i) => (t, i)).Where(x => x.t.Length > 0 && !used.Contains(x.i))
            .Select(x => new HeaderNote(x.t, "Column not used for presence data; ignored.")).ToList();
        var template = TemplateKind.For(RecordKind.Presence);
        return new FormatMatch(Name, RecordKind.Presence, 200 + 10 * used.Count - problems.Count,
            new ColumnMapProjector(template, header, columns, constants))
        {
            Problems = problems,
            Warnings = warnings,
        };
    }

    /// <summary>The first column titled as one of the lists, trying the lists in order (a P-code before a name).</summary>
    private static int First(HeaderInfo header, params string[][] lists)
    {
        foreach (var titles in lists)
            if (AdminColumns.ByTitle(header, titles) is var i and >= 0) return i;
        return -1;
    }

    /// <summary>Titles that are all presence template columns, or a complete presence template header: the template's.</summary>
    private static bool IsTemplateHeader(HeaderInfo header)
    {
        var names = header.Titles.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        var template = TemplateKind.For(RecordKind.Presence);
        if (names.Count > 0 && names.All(template.Columns.Contains)) return true;
        return template.RequiredColumns.All(names.Contains) && template.OneOfColumns.All(g => g.Any(names.Contains));
    }
}
