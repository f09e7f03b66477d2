using System.Globalization;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import.Tabular;

namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>
/// Country-based pooled funds (CBPF): fund ids, names and the reasons rows are left out. The two
/// CBPF data sources number the funds differently: Iraq is 49 in CBPFGMS/pfbi-data (fund_adm1.csv)
/// and 72 in CBPFGMS/cbpfgms-data (the ProjectSummary files). (The CERF sample MstPooledFund.csv of
/// pfbi-data maps 49 to Pakistan and 32 to Iraq: it is another numbering again; the fund_adm1 rows of
/// fund 49 all name Iraqi governorates, so 49 is Iraq there.)
/// </summary>
internal static class PooledFunds
{
    /// <summary>Iraq in CBPFGMS/pfbi-data (fund_adm1).</summary>
    public const int IraqPfbi = 49;
    /// <summary>Iraq in CBPFGMS/cbpfgms-data (ProjectSummary*, MstPooledFund: 72 = Iraq, IRQ72).</summary>
    public const int IraqCbpfgms = 72;
    public const string IraqFundName = "Iraq Humanitarian Fund (CBPF)";

    public const string OtherFund = "other pooled fund";
    public const string CerfRow = "CERF row (FundType 1), not an allocation of the pooled fund";
    public const string ZeroBudget = "zero budget";

    public static string Donor(int fund, bool iraq) =>
        iraq ? IraqFundName : string.Create(CultureInfo.InvariantCulture, $"Pooled fund {fund} (CBPF)");

    /// <summary>The match marked as the fund's own allocations to its partners.</summary>
    public static FormatMatch Allocations(FormatMatch match, int fund, bool iraq) => match with
    {
        Money = FundingMoney.PooledFundAllocations,
        PooledFund = Core.Funding.PooledFundNames.Canonical(Donor(fund, iraq)),
    };

    /// <summary>A budget in the file's invariant notation (3-4 decimals).</summary>
    public static bool TryAmount(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// True when the row belongs to the fund asked for; other rows are counted as skipped. (A
    /// few rows hold a country name instead of a fund number: not the fund asked for either.)
    /// </summary>
    public static bool IsFund(string[] f, int column, int fundId, ProjectionContext context)
    {
        if (int.TryParse(Cell(f, column), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == fundId) return true;
        context.Skip(OtherFund);
        return false;
    }

    public static string? Cell(string[] f, int i)
    {
        if (i < 0 || i >= f.Length) return null;
        var v = f[i].Trim();
        return v.Length == 0 ? null : v;
    }
}

/// <summary>
/// CBPF Data Hub budgets per pooled fund, allocation source, year and admin1 (pfbi-data
/// <c>fund_adm1.csv</c>: PooledFundId, AllocationSourceId, AllocationYear, AdminLocation1,
/// AdminLocation1Latitude, AdminLocation1Longitude, AdminLocation1Budget, FundType), all funds in one
/// table. Only the fund asked for (<see cref="ImportRequest.PooledFundId"/>, default Iraq = 49) is read;
/// each of its rows is one funding row: donor the fund, status paid, the allocation year, the admin1
/// name as governorate (name variants resolve through the gazetteer). Rows of other funds, CERF rows
/// (FundType 1, not the fund's own allocations) and zero budgets are skipped and counted.
/// </summary>
internal sealed class CbpfFundAdm1Format : SourceFormat
{
    public override string Name => "CBPF fund_adm1";

    public override FormatMatch? Match(HeaderInfo header, RecordKind? kind, ImportRequest request)
    {
        if (kind is { } k && k != RecordKind.Funding) return null;
        int fund = header.Column("PooledFundId"), year = header.Column("AllocationYear"),
            admin1 = header.Column("AdminLocation1"), budget = header.Column("AdminLocation1Budget");
        if (fund < 0 || year < 0 || admin1 < 0 || budget < 0) return null;
        var fundId = request.PooledFundId ?? PooledFunds.IraqPfbi;
        var projector = new Projector(header, fundId, fund, year, admin1, budget,
            header.Column("FundType"), header.Column("AllocationSourceId"));
        return PooledFunds.Allocations(new FormatMatch(Name, RecordKind.Funding, 500, projector), fundId, fundId == PooledFunds.IraqPfbi);
    }

    private sealed class Projector : RowProjector
    {
        private readonly int _fundId, _fund, _year, _admin1, _budget, _fundType, _source;
        private readonly string _donor;
        private readonly int _tYear, _tDonor, _tGov, _tAmount, _tStatus, _tSourceId;

        public Projector(HeaderInfo header, int fundId, int fund, int year, int admin1, int budget, int fundType, int source)
            : base(TemplateKind.For(RecordKind.Funding))
        {
            (_fundId, _fund, _year, _admin1, _budget, _fundType, _source) = (fundId, fund, year, admin1, budget, fundType, source);
            _donor = PooledFunds.Donor(fundId, fundId == PooledFunds.IraqPfbi);
            (_tYear, _tDonor, _tGov, _tAmount, _tStatus, _tSourceId) =
                (IndexOf("year"), IndexOf("donor"), IndexOf("governorate"), IndexOf("amount_usd"), IndexOf("status"), IndexOf("source_id"));
            SourceNames["year"] = header.TitleOf(year);
            SourceNames["governorate"] = header.TitleOf(admin1);
            SourceNames["amount_usd"] = header.TitleOf(budget);
            SourceNames["donor"] = header.TitleOf(fund);
        }

        public override void Project(CsvRecord row, ProjectionContext context, List<ProjectedRow> output)
        {
            var f = row.Fields;
            if (!PooledFunds.IsFund(f, _fund, _fundId, context)) return;
            if (PooledFunds.Cell(f, _fundType) == "1")
            {
                context.Skip(PooledFunds.CerfRow);
                return;
            }
            var amount = PooledFunds.Cell(f, _budget);
            if (PooledFunds.TryAmount(amount, out var value) && value == 0)
            {
                context.Skip(PooledFunds.ZeroBudget);
                return;
            }
            var year = PooledFunds.Cell(f, _year);
            var fields = NewRow();
            fields[_tYear] = year;
            fields[_tDonor] = _donor;
            fields[_tGov] = PooledFunds.Cell(f, _admin1);
            fields[_tAmount] = amount; // as written: the validator reports a bad number
            fields[_tStatus] = "paid";
            fields[_tSourceId] = string.Create(CultureInfo.InvariantCulture,
                $"CBPF fund_adm1 {_fundId}/{year}/source {PooledFunds.Cell(f, _source) ?? "?"}");
            output.Add(new ProjectedRow(row.Line, fields));
        }
    }
}

/// <summary>
/// CBPF project x location x cluster budgets (cbpfgms-data <c>ProjectSummaryAggV2_{year}.csv</c>:
/// PFId, PrjCode, ClstAgg, ClstPrct, AdmLocTypeIdAgg, AdmLoc1..6, AdmLocBenClustAgg1..6,
/// AdmLocCord1..6, AdmLocClustBdg1..6, AYr), all funds in one table. Only the fund asked for is read
/// (<see cref="ImportRequest.PooledFundId"/>; default and 49, Iraq's id in the other CBPF source, both
/// mean Iraq, 72 here). Rows of other funds are skipped and counted.
/// <para>
/// One source row is one project at one location: AdmLoc1 is the governorate and AdmLoc2..6 the
/// district, sub-district... of that same place, and AdmLocClustBdg1..6 repeat the same budget at each
/// of those levels (they are not added up: level 1 is read). AdmLoc2 is passed on as the district
/// (resolved within the governorate; blank, the budget stays at the governorate, district not specified). A project working in several places has one
/// row per place, each with that place's own budget, so no budget is ever spread over places here.
/// </para>
/// <para>
/// A project with several clusters lists them in ClstAgg separated by <c>|||</c>, and the row's budget
/// has one figure per cluster in the same order (<c>ClstAgg=4|||10</c>, <c>AdmLocClustBdg1=536375.830|||59597.314</c>,
/// <c>ClstPrct=90.00|||10.00</c>): each cluster becomes its own funding row with the file's own figure. If a
/// row gave a single budget for several clusters, it is split by the file's own ClstPrct percentages;
/// without usable percentages it is not split (an equal split would invent figures) but written once with
/// the cluster left blank (unspecified), with a warning. Cluster ids are named as in MstClusters.csv.
/// Cluster shares with a zero budget are left out; a row whose budget is zero is skipped and counted.
/// </para>
/// </summary>
internal sealed class CbpfProjectSummaryFormat : SourceFormat
{
    private const string Separator = "|||";

    /// <summary>cbpfgms-data MstClusters.csv (ClustId -> ClustNm).</summary>
    private static readonly Dictionary<string, string> Clusters = new(StringComparer.Ordinal)
    {
        ["1"] = "Camp Coordination / Management",
        ["2"] = "Early Recovery",
        ["3"] = "Education",
        ["4"] = "Emergency Shelter and NFI",
        ["5"] = "Emergency Telecommunications",
        ["6"] = "Food Security",
        ["7"] = "Health",
        ["8"] = "Logistics",
        ["9"] = "Nutrition",
        ["10"] = "Protection",
        ["11"] = "Water, Sanitation and Hygiene",
        ["12"] = "Coordination and Support Services",
        ["13"] = "Multi-Sector",
        ["14"] = "COVID-19",
        ["15"] = "Multi-purpose CASH",
        ["17"] = "Common Services",
        ["18"] = "Multi-Sector Refugee Assistance",
    };

    public override string Name => "CBPF project summary";

    public override FormatMatch? Match(HeaderInfo header, RecordKind? kind, ImportRequest request)
    {
        if (kind is { } k && k != RecordKind.Funding) return null;
        int fund = header.Column("PFId"), project = header.Column("PrjCode"), clusters = header.Column("ClstAgg"),
            admin1 = header.Column("AdmLoc1"), budget = header.Column("AdmLocClustBdg1"), year = header.Column("AYr");
        if (fund < 0 || project < 0 || clusters < 0 || admin1 < 0 || budget < 0 || year < 0) return null;
        var fundId = request.PooledFundId is null or PooledFunds.IraqPfbi ? PooledFunds.IraqCbpfgms : request.PooledFundId.Value;
        var projector = new Projector(header, fundId, fund, project, clusters, header.Column("ClstPrct"), admin1, header.Column("AdmLoc2"), budget, year);
        return PooledFunds.Allocations(new FormatMatch(Name, RecordKind.Funding, 500, projector), fundId, fundId == PooledFunds.IraqCbpfgms);
    }

    private sealed class Projector : RowProjector
    {
        private readonly int _fundId, _fund, _project, _clusters, _percent, _admin1, _admin2, _budget, _year;
        private readonly string _donor;
        private readonly int _tYear, _tDonor, _tCluster, _tGov, _tDistrict, _tAmount, _tStatus, _tSourceId;

        public Projector(HeaderInfo header, int fundId, int fund, int project, int clusters, int percent, int admin1, int admin2, int budget, int year)
            : base(TemplateKind.For(RecordKind.Funding))
        {
            (_fundId, _fund, _project, _clusters, _percent, _admin1, _admin2, _budget, _year) = (fundId, fund, project, clusters, percent, admin1, admin2, budget, year);
            _donor = PooledFunds.Donor(fundId, fundId == PooledFunds.IraqCbpfgms);
            (_tYear, _tDonor, _tCluster, _tGov, _tDistrict, _tAmount, _tStatus, _tSourceId) =
                (IndexOf("year"), IndexOf("donor"), IndexOf("cluster"), IndexOf("governorate"), IndexOf("district"), IndexOf("amount_usd"), IndexOf("status"), IndexOf("source_id"));
            SourceNames["year"] = header.TitleOf(year);
            SourceNames["cluster"] = header.TitleOf(clusters);
            SourceNames["governorate"] = header.TitleOf(admin1);
            if (admin2 >= 0) SourceNames["district"] = header.TitleOf(admin2);
            SourceNames["amount_usd"] = header.TitleOf(budget);
            SourceNames["source_id"] = header.TitleOf(project);
            SourceNames["donor"] = header.TitleOf(fund);
        }

        public override void Project(CsvRecord row, ProjectionContext context, List<ProjectedRow> output)
        {
            var f = row.Fields;
            if (!PooledFunds.IsFund(f, _fund, _fundId, context)) return;

            var clusterIds = Split(PooledFunds.Cell(f, _clusters));
            var budgets = Split(PooledFunds.Cell(f, _budget));
            var shares = Shares(row, context, clusterIds, budgets, Split(PooledFunds.Cell(f, _percent)));
            if (shares is null) return;
            if (shares.All(s => PooledFunds.TryAmount(s.Amount, out var v) && v == 0))
            {
                context.Skip(PooledFunds.ZeroBudget);
                return;
            }

            foreach (var (cluster, amount) in shares)
            {
                if (PooledFunds.TryAmount(amount, out var v) && v == 0) continue;
                var fields = NewRow();
                fields[_tYear] = PooledFunds.Cell(f, _year);
                fields[_tDonor] = _donor;
                fields[_tCluster] = cluster;
                fields[_tGov] = PooledFunds.Cell(f, _admin1);
                fields[_tDistrict] = PooledFunds.Cell(f, _admin2);
                fields[_tAmount] = amount;
                fields[_tStatus] = "paid";
                fields[_tSourceId] = PooledFunds.Cell(f, _project);
                output.Add(new ProjectedRow(row.Line, fields));
            }
        }

        /// <summary>(cluster name, budget text) per cluster of the row; null when the row cannot be read (error reported).</summary>
        private List<(string? Cluster, string? Amount)>? Shares(CsvRecord row, ProjectionContext context,
            string[] clusterIds, string[] budgets, string[] percents)
        {
            var names = clusterIds.Select(c => Clusters.TryGetValue(c, out var n) ? n : $"Cluster {c}").ToArray();
            if (budgets.Length == 0)
                return [(names.Length == 1 ? names[0] : null, null)]; // the validator reports the missing amount
            if (budgets.Length == names.Length)
                return names.Select((n, i) => ((string?)n, (string?)budgets[i])).ToList();
            if (budgets.Length == 1 && names.Length > 1)
            {
                // One budget for several clusters: the file's own percentages, or no split at all.
                var pct = percents.Select(p => PooledFunds.TryAmount(p, out var v) ? v : (decimal?)null).ToArray();
                if (pct.Length == names.Length && pct.All(p => p is >= 0) && Math.Abs(pct.Sum(p => p!.Value) - 100m) <= 0.5m
                    && PooledFunds.TryAmount(budgets[0], out var total))
                {
                    var list = new List<(string?, string?)>();
                    var left = total;
                    for (var i = 0; i < names.Length; i++)
                    {
                        // The last share takes the remainder, so the parts add up to the row's budget exactly.
                        var part = i == names.Length - 1 ? left : Math.Round(total * pct[i]!.Value / 100m, 3);
                        left -= part;
                        list.Add((names[i], part.ToString("0.###", CultureInfo.InvariantCulture)));
                    }
                    return list;
                }
                context.Warn(row.Line, SourceNames["cluster"], string.Join(Separator, clusterIds),
                    "One budget for several clusters and no usable percentages (ClstPrct): written once with the cluster unspecified, not split.");
                return [(null, budgets[0])];
            }
            context.Error(row.Line, SourceNames["amount_usd"], string.Join(Separator, budgets), string.Create(CultureInfo.InvariantCulture,
                $"{budgets.Length} budget figures for {names.Length} clusters ({string.Join(Separator, clusterIds)}): cannot tell which budget is whose."));
            return null;
        }

        private static string[] Split(string? cell) =>
            cell is null ? [] : cell.Split(Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}
