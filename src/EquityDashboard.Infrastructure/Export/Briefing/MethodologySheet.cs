using System.Globalization;
using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>Definitions of every figure and flag, with the thresholds the workbook was written with.</summary>
internal static class MethodologySheet
{
    public const int HeaderRow = 4;
    public static readonly IReadOnlyList<string> Headers = ["Term", "What it means", "Rule or threshold used"];
    private const double MeaningWidth = 78, RuleWidth = 46;

    public static void Write(IXLWorksheet ws, string title, EquityTable table)
    {
        var (scope, thresholds) = (table.Scope, table.Thresholds);
        Xl.Widths(ws, 26, MeaningWidth, RuleWidth);
        Xl.Title(ws, 1, "Methodology: what every figure and flag means");
        ws.Cell(2, 1).Text(scope.Describe());
        Xl.NoteLine(ws, 3, "The full explanation, with a worked example, is docs/methodology.md of EquityDashboard.");
        Xl.HeaderRow(ws, HeaderRow, 1, Headers);
        var row = HeaderRow + 1;
        foreach (var (term, meaning, rule) in Rows(scope, thresholds, table.CountedThroughPooledFund, table.BaselineNote))
        {
            ws.Cell(row, 1).Text(term);
            ws.Cell(row, 1).Style.Font.Bold = true;
            ws.Cell(row, 2).Text(meaning);
            ws.Cell(row, 3).Text(rule);
            Xl.Wrap(ws, row, 2, meaning, MeaningWidth);
            Xl.Wrap(ws, row, 3, rule, RuleWidth);
            ws.Cell(row, 1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            row++;
        }
        ws.SheetView.FreezeRows(HeaderRow);
        Xl.Printable(ws, title, HeaderRow, HeaderRow);
    }

    public static IEnumerable<(string Term, string Meaning, string Rule)> Rows(EquityScope scope, EquityThresholds t,
        IReadOnlyList<PooledFundOverlap>? overlaps = null, string? baselineNote = null)
    {
        var en = CultureInfo.GetCultureInfo("en-US");
        string F(double v) => v.ToString("0.##", en);
        string P(double v) => v.ToString("0.##%", en);

        yield return ("Scope", "Every figure is for one reference year and one scope: all clusters or one cluster, optionally one donor.",
            scope.Describe());
        yield return ("Region filter", "Limits which governorates and regions are listed. Shares, ratios, national totals and the Gini stay national.",
            scope.Region ?? "none (all of Iraq)");
        yield return ("Baseline", "What need is measured with. People in need (default): does funding follow assessed need? Population: does funding follow where people live (the per-capita view)? "
                + "IDPs: does funding follow where internally displaced people are (the IDP individuals of the newest IOM DTM master list of the year; not counted per cluster, so every cluster is set against the same IDPs)?",
            $"This workbook: {BaselineWords.For(scope.Baseline).Name}" + (baselineNote is null ? string.Empty : $". {baselineNote}"));
        yield return ("Funding (counted)", "Funding of the year with status paid, commitment or blank, and flow boundary incoming or blank. Pledges, internal and outgoing flows count nowhere. The year is the budget year where given, else the year of the date.",
            "funding_g: counted funding attributed to exactly one governorate g");
        yield return ("Unallocated funding", "Counted funding for several governorates, the whole country or no stated place. Reported apart; in no governorate's figures or shares.",
            "not in F");
        yield return ("Money reported twice", "A pooled fund's allocations to partners (CBPF) also appear in FTS as flows from the fund, and donors' contributions as flows into it. "
                + "Where the store holds the fund's allocations for the year, those count, and the FTS flows from and into the fund are left out of every total ('counted through the pooled fund'). "
                + "With no allocations of the fund for the year, its FTS flows count.",
            overlaps is { Count: > 0 }
                ? "This workbook: " + string.Join(" ", overlaps.Select(o => o.Describe()))
                : "This workbook: no flows left out");
        yield return ("Real figures only", "Leaves out every batch the seed manifest marks illustrative (invented demonstration data).",
            scope.RealOnly ? "This workbook: real figures only" : "This workbook: all data, illustrative batches marked");
        yield return ("People in need (need)", "Intersectoral people in need for all clusters, the cluster's people in need in a cluster scope. Missing is 'not reported', never 0. Cluster figures are never added up.",
            "need_g; N = sum over governorates with need reported");
        yield return ("Funding share", "The governorate's part of all allocated funding.", "fs_g = funding_g / F");
        yield return ("Need share", "The governorate's part of all people in need (or of the population, or of the IDPs, under those baselines).", "ns_g = need_g / N");
        yield return ("Equity ratio", "Funding share divided by need share. 1 = funded in proportion to need; below 1 less, above 1 more. Undefined where no need is recorded ('no recorded need').",
            "r_g = fs_g / ns_g");
        yield return ("USD per person in need", "Funding per person in need (per resident under the population baseline, per IDP under the IDP baseline); the national figure is the rate everyone is compared with.",
            "u_g = funding_g / need_g; national u = F / N");
        yield return ("Gap to parity (USD)", "How much more the governorate would need to be funded at the national rate per person in need (negative: funded above it).",
            "gap_g = need_g x u - funding_g");
        yield return ("Organisations, activities", "Distinct organisations present in the year (spellings and acronyms merged); distinct activities (organisation, cluster, governorate, district, activity). In a cluster scope, that cluster's.",
            "orgs per 100k = orgs_g / need_g x 100,000");
        yield return ("Concentration (Gini)", "How unevenly funding per person in need is spread over governorates: 0 = the same everywhere, near 1 = funding sits with few.",
            "G = 1 - sum (X_k - X_k-1)(Y_k + Y_k-1), governorates ordered by u_g");
        yield return ("Change on the previous year", "Change of funding against the previous year over the funding sources reporting both years, so a source that starts or ends is not a rise or a fall; undefined where those sources gave nothing the previous year, or no source reports both years. The change of all funding is given beside it where the sources changed.",
            "(C_y - C_y-1) / C_y-1, C = funding from the sources of both years");
        yield return ("Security incidents per 100k", "Security incidents of the year per 100,000 people in need of the scope (always people in need, also under the population and IDP baselines).",
            "incidents_g / PiN_g x 100,000");
        yield return ("Flag: under-served", "Funding share well below need share.", $"equity ratio below {F(t.UnderServedRatio)}");
        yield return ("Flag: over-concentrated", "Funding share well above need share.", $"equity ratio above {F(t.OverConcentratedRatio)}");
        yield return ("Flag: no presence", "Need but no organisation reported present; only for years with presence (3W) data.", "need above 0 and no organisation");
        yield return ("Flag: funding falling", "Funding from the sources reporting both years fell sharply on the previous year (a fall to 0 is -100%); never raised when no source reports both years.", $"change below {P(t.FundingFallingChange)}");
        yield return ("Flag: access-constrained", "Many security incidents for the people in need: a funding gap here may be access, not neglect. Only for years with incident data.",
            $"more than {F(t.AccessIncidentsPer100kPin)} incidents per 100,000 people in need");
        yield return ("Regions", "KRI: Erbil, Duhok, Al-Sulaymaniyah. South: Al-Basrah, Thi-Qar, Maysan, Al-Muthanna, Al-Qadissiya, Al-Najaf, Kerbala, Wassit, Babil. North/Centre: Ninewa, Al-Anbar, Salah Al-Din, Kirkuk, Diyala. Baghdad.",
            "regions add up funding and need, count distinct organisations, then apply the same formulas");
        yield return ("Key findings", "Sentences written from the figures above (the same as the dashboard's findings panel), most important first, at most eight.",
            "docs/methodology.md, section 10");
        yield return ("Illustrative data", "Batches marked illustrative (by the demo data's manifest, the import's --illustrative option or the Data page's box) are invented demonstration data; they are marked on the Brief and Sources sheets. A figure rests on them when leaving them out would change it: its cell is shaded, the last column of the Governorates and Districts sheets names such figures, and key figures and findings say so.",
            "do not quote as real");
        yield return ("Numbers in this workbook", "Cells hold unrounded figures; the formats only round for display (USD with thousands separators, shares as %, ratios to 2 decimals). Empty cells are undefined figures.",
            "colour scale on equity ratio: orange 0, near white 1 (parity), purple 2 and above");
    }
}
