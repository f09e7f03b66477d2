using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>The sheet names of the two workbooks, in order.</summary>
public static class BriefingSheets
{
    public const string Brief = "Brief";
    public const string Governorates = "Governorates";
    public const string Districts = "Districts";
    public const string Regions = "Regions";
    public const string Clusters = "Clusters";
    public const string Donors = "Donors";
    public const string Presence = "Presence";
    public const string Organisations = "Organisations";
    public const string Methodology = "Methodology";
    public const string Sources = "Sources";
    public const string Trend = "Trend";
    public const string Incidents = "Incidents";

    public static IReadOnlyList<string> National { get; } =
        [Brief, Governorates, Districts, Regions, Clusters, Donors, Presence, Organisations, Methodology, Sources];

    public static IReadOnlyList<string> Governorate { get; } =
        [Brief, Districts, Clusters, Donors, Presence, Trend, Incidents, Methodology, Sources];
}

/// <summary>Builds the workbooks from their content; one class per sheet does the layout.</summary>
internal static class BriefingWorkbook
{
    public static XLWorkbook Build(BriefingContent c)
    {
        var title = DocumentTitle("Iraq", c.Scope);
        var wb = new XLWorkbook();
        BriefSheet.Write(wb.AddWorksheet(BriefingSheets.Brief), c, title);
        GovernoratesSheet.Write(wb.AddWorksheet(BriefingSheets.Governorates), c, title);
        DistrictsSheet.Write(wb.AddWorksheet(BriefingSheets.Districts), c.Districts, c.Gazetteer, title);
        RegionsSheet.Write(wb.AddWorksheet(BriefingSheets.Regions), c, title);
        ClustersSheet.Write(wb.AddWorksheet(BriefingSheets.Clusters), title, c.Scope, c.Clusters,
            c.Scope.Region is null ? "Iraq" : c.Scope.Region, includesUnallocated: c.Scope.Region is null);
        DonorsSheet.Write(wb.AddWorksheet(BriefingSheets.Donors), c, title);
        PresenceSheet.Matrix(wb.AddWorksheet(BriefingSheets.Presence), title, c.Scope, c.Presence, c.Table.Governorates, c.Table.PresenceLoaded);
        PresenceSheet.List(wb.AddWorksheet(BriefingSheets.Organisations), title, c.Scope, c.Presence, c.Table.Governorates,
            c.Table.PresenceLoaded, "Organisations present, by governorate and cluster");
        MethodologySheet.Write(wb.AddWorksheet(BriefingSheets.Methodology), title, c.Table);
        SourcesSheet.Write(wb.AddWorksheet(BriefingSheets.Sources), title, c.Sources, c.Table.CountedThroughPooledFund);
        SetProperties(wb, title, c.Scope, c.GeneratedAt);
        return wb;
    }

    public static XLWorkbook Build(GovernorateBriefingContent c)
    {
        var d = c.Detail;
        var place = $"{d.Governorate.Name} ({d.Governorate.Pcode})";
        var title = DocumentTitle(place, c.Scope);
        var wb = new XLWorkbook();
        GovernorateBriefSheet.Write(wb.AddWorksheet(BriefingSheets.Brief), c, title);
        DistrictsSheet.Write(wb.AddWorksheet(BriefingSheets.Districts), c.Districts, c.Gazetteer, title);
        ClustersSheet.Write(wb.AddWorksheet(BriefingSheets.Clusters), title, c.Scope, d.Clusters, d.Governorate.Name, includesUnallocated: false);
        GovernorateSheets.Donors(wb.AddWorksheet(BriefingSheets.Donors), c, title);
        PresenceSheet.List(wb.AddWorksheet(BriefingSheets.Presence), title, c.Scope, d.Presence, [d.Figures], d.Table.PresenceLoaded,
            $"Organisations present in {d.Governorate.Name}, by cluster");
        GovernorateSheets.Trend(wb.AddWorksheet(BriefingSheets.Trend), c, title);
        GovernorateSheets.Incidents(wb.AddWorksheet(BriefingSheets.Incidents), c, title);
        MethodologySheet.Write(wb.AddWorksheet(BriefingSheets.Methodology), title, d.Table with { Scope = c.Scope });
        SourcesSheet.Write(wb.AddWorksheet(BriefingSheets.Sources), title, d.Sources.Select(b => new BriefingSource(b, true)).ToList(),
            d.Table.CountedThroughPooledFund);
        SetProperties(wb, title, c.Scope, c.GeneratedAt);
        return wb;
    }

    /// <summary>"Iraq funding and need briefing: 2019, all clusters, baseline people in need".</summary>
    public static string DocumentTitle(string place, EquityScope scope) => $"{place} funding and need briefing: {scope.Describe()}";

    private static void SetProperties(XLWorkbook wb, string title, EquityScope scope, DateTimeOffset generatedAt)
    {
        wb.Properties.Title = title;
        wb.Properties.Subject = "Humanitarian funding compared with need per governorate of Iraq";
        wb.Properties.Author = "EquityDashboard";
        wb.Properties.Keywords = $"equity; funding; people in need; Iraq; {scope.Year}";
        wb.Properties.Comments = $"Scope: {scope.Describe()}. Written {generatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.";
        wb.Properties.Created = generatedAt.UtcDateTime;
        wb.Worksheet(1).SetTabActive();
    }
}
