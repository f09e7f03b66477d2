using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Records;
using EquityDashboard.Core.Text;
using EquityDashboard.Infrastructure.Import.Storage;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// One kind of the project's template CSV (docs/data-formats.md): its columns, how a row
/// becomes a record, and how that record is written.
/// </summary>
internal abstract class TemplateKind
{
    public abstract RecordKind Kind { get; }
    /// <summary>The table its records go to, and their values.</summary>
    public abstract StoreShape Table { get; }
    public abstract IReadOnlyList<string> Columns { get; }
    public abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Groups of columns of which the header must hold at least one.</summary>
    public virtual IReadOnlyList<string[]> OneOfColumns => [];

    /// <summary>
    /// Whether a large import may drop the table's indexes and rebuild them at the end (see
    /// <see cref="IImportWriter.SuspendIndexes"/>); not worth it for a table whose indexes only grow at their end.
    /// </summary>
    public virtual bool SuspendIndexesInBulk => true;

    /// <summary>Validates the row; returns the year of the record written, or null when the row has errors.</summary>
    public abstract int? Write(RowAccessor row, ImportContext context);

    public static TemplateKind For(RecordKind kind) => kind switch
    {
        RecordKind.Funding => new FundingKind(),
        RecordKind.Presence => new PresenceKind(),
        RecordKind.Need => new NeedKind(),
        RecordKind.Incidents => new IncidentKind(),
        RecordKind.Displacement => new DisplacementKind(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>
/// What a kind needs while writing: where its rows go and the batch id. Rows may be written on
/// another thread; call <see cref="CompleteInserts"/> before asking the writer anything else.
/// </summary>
internal sealed class ImportContext(IImportWriter writer, int batchId, bool dryRun)
{
    public int BatchId => batchId;

    /// <summary>Organisation names known so far (presence imports; loaded before the rows are read).</summary>
    public OrganisationLinker? Linker { get; set; }

    /// <summary>Who imports; a data manager limited to clusters may write rows of those clusters only.</summary>
    public Actor Actor { get; init; } = Actor.Cli();

    /// <summary>Rows of clusters the actor may not write, counted per cluster ("(cluster not given)" for none).</summary>
    private readonly Dictionary<string, int> _foreignClusters = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Notes a row's cluster when the actor is limited to others.</summary>
    public void CheckCluster(string? cluster)
    {
        if (Actor.Clusters is null || Actor.MayWriteCluster(cluster)) return;
        var key = cluster?.Trim() ?? "(cluster not given)";
        _foreignClusters[key] = _foreignClusters.GetValueOrDefault(key) + 1;
    }

    /// <summary>Refuses the file (one error) when it holds rows of clusters the actor may not write.</summary>
    public void ReportForeignClusters(string fileName, int headerRow, ImportReport report)
    {
        if (_foreignClusters.Count == 0) return;
        report.ForeignClusters = true;
        var found = string.Join(", ", _foreignClusters.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} ({c.Value:N0} row{(c.Value == 1 ? "" : "s")})")));
        report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, headerRow, "cluster", null,
            $"You may import rows of {string.Join(", ", Actor.Clusters!)} only; this file also holds rows of {found}. Nothing was written."));
    }

    /// <summary>What the batch's money is: reported flows have their flows from or into a pooled fund tagged.</summary>
    public FundingMoney Money { get; init; }

    /// <summary>Counted flows from or into a pooled fund (reported flows only), per fund and year: USD and flows.</summary>
    public Dictionary<(string Fund, int Year), (double Usd, int Flows)> PooledFundFlows { get; } = [];

    /// <summary>Funding totals of the flows written so far (funding imports; none in a dry run, which writes nothing).</summary>
    public FundingTotalsBuilder? FundingTotals { get; } = dryRun ? null : new();

    /// <summary>Presence rows already written in this import (year + activity identity).</summary>
    public HashSet<string> SeenActivities { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Funding rows naming several governorates (or one and the country), counted as unallocated:
    /// USD and rows per <see cref="Core.Records.FundingRecord.NamedPcodes"/> text.
    /// </summary>
    public Dictionary<string, (decimal Usd, int Rows)> MultiGovernorate { get; } = new(StringComparer.Ordinal);

    public void AddMultiGovernorate(string namedPcodes, double usd)
    {
        ref var tally = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(MultiGovernorate, namedPcodes, out _);
        tally = (tally.Usd + (decimal)usd, tally.Rows + 1);
    }

    /// <summary>Rows that repeated an earlier row of this import and were not written.</summary>
    public int DuplicatesRemoved { get; set; }

    private (StoreShape Table, IRowSink Sink)? _lastSink;

    /// <summary>The table's sink; a kind asks for the same one on every row, which is answered without hashing.</summary>
    public IRowSink Rows(StoreShape table)
    {
        if (_lastSink is { } last && ReferenceEquals(last.Table, table)) return last.Sink;
        var sink = writer.Rows(table);
        _lastSink = (table, sink);
        return sink;
    }

    /// <summary>Waits for every row given so far to be written; rethrows a write failure.</summary>
    public void CompleteInserts() => writer.CompleteRows();
}

internal sealed class FundingKind : TemplateKind
{
    private static readonly StoreShape Insert = new(typeof(FundingRecord),
        nameof(FundingRecord.BatchId), nameof(FundingRecord.Year), nameof(FundingRecord.Date), nameof(FundingRecord.Donor),
        nameof(FundingRecord.Recipient), nameof(FundingRecord.Cluster), nameof(FundingRecord.GovernoratePcode),
        nameof(FundingRecord.DistrictPcode), nameof(FundingRecord.Locations), nameof(FundingRecord.NamedPcodes),
        nameof(FundingRecord.AmountUsd), nameof(FundingRecord.Status), nameof(FundingRecord.Boundary),
        nameof(FundingRecord.SourceId), nameof(FundingRecord.PooledFund));

    public override RecordKind Kind => RecordKind.Funding;
    public override StoreShape Table => Insert;
    /// <summary>The flows' one index is on the batch id, which an import only appends to.</summary>
    public override bool SuspendIndexesInBulk => false;
    public override IReadOnlyList<string> Columns { get; } =
        ["year", "date", "donor", "recipient", "cluster", "governorate", "district", "amount_usd", "status", "boundary", "source_id"];
    public override IReadOnlyList<string> RequiredColumns { get; } = ["donor", "amount_usd"];
    public override IReadOnlyList<string[]> OneOfColumns { get; } = [["year", "date"]];

    public override int? Write(RowAccessor row, ImportContext context)
    {
        var budgetYear = row.Year("year", required: false);
        var date = row.Date("date", required: false);
        var donor = row.RequiredText("donor");
        var amount = row.Number("amount_usd", required: true);
        var status = ParseStatus(row);
        var boundary = ParseBoundary(row);
        var (pcode, locations, named) = ParseLocation(row);
        var year = budgetYear ?? date?.Year;
        if (year is null && !row.HasErrors) row.Error("year", null, "Give the budget year or a date.");
        // A row without errors has a year (checked above), a donor and an amount (required).
        if (row.HasErrors || year is not { } y || donor is null || amount is not { } usd) return null;

        var cluster = row.Text("cluster");
        context.CheckCluster(cluster);
        // A district only for money that names one governorate: a list of places stays unallocated.
        var district = row.District("district", row.Text("district"), pcode);
        var recipient = row.Text("recipient");
        var fund = context.Money == FundingMoney.ReportedFlows ? PooledFundOf(donor) ?? PooledFundOf(recipient) : null;
        context.Rows(Table).Add(
            context.BatchId, y, date, donor,
            recipient, cluster, pcode, district, locations, named, usd,
            status.ToString(), boundary.ToString(), row.Text("source_id"), fund);
        context.FundingTotals?.Add(y, pcode, district, cluster, donor, status, boundary, usd, fund);
        if (fund is not null && status != FundingStatus.Pledge && boundary is FlowBoundary.Incoming or FlowBoundary.Unspecified)
        {
            var sum = context.PooledFundFlows.GetValueOrDefault((fund, y));
            context.PooledFundFlows[(fund, y)] = (sum.Usd + usd, sum.Flows + 1);
        }
        if (named is not null) context.AddMultiGovernorate(named, usd);
        return y;
    }

    /// <summary>Organisation name -> the pooled fund it is, if any; a file names a few dozen organisations a million times.</summary>
    private readonly Dictionary<string, string?> _funds = new(StringComparer.Ordinal);

    private string? PooledFundOf(string? organisation)
    {
        if (organisation is null) return null;
        if (!_funds.TryGetValue(organisation, out var fund))
        {
            fund = Core.Funding.PooledFundNames.Canonical(organisation);
            if (_funds.Count < 100_000) _funds[organisation] = fund;
        }
        return fund;
    }

    /// <summary>
    /// One governorate: allocated. Several, a governorate and the country, the country or none:
    /// unallocated (pcode null, never split); the governorates named are also returned as their
    /// sorted P-codes joined with ';'. A list with an unknown part is an error naming it.
    /// </summary>
    private static (string? Pcode, string? Locations, string? Named) ParseLocation(RowAccessor row)
    {
        var raw = row.Text("governorate");
        if (raw is null || NameResolver.IsCountry(raw)) return (null, raw, null);
        if (!LocationResolver.IsList(raw)) return (row.Governorate("governorate", raw), raw, null);
        var cell = row.Locations("governorate", raw);
        return (cell?.Pcode, raw, cell?.NamedPcodes);
    }

    private static FundingStatus ParseStatus(RowAccessor row)
    {
        var raw = row.Text("status");
        if (raw is null) return FundingStatus.Unspecified;
        if (Is(raw, "paid") || Is(raw, "paid contribution")) return FundingStatus.Paid;
        if (Is(raw, "commitment") || Is(raw, "committed")) return FundingStatus.Commitment;
        if (Is(raw, "pledge") || Is(raw, "pledged")) return FundingStatus.Pledge;
        row.Error("status", raw, "Status must be paid, commitment, pledge or blank.");
        return FundingStatus.Unspecified;
    }

    private static FlowBoundary ParseBoundary(RowAccessor row)
    {
        var raw = row.Text("boundary");
        if (raw is null) return FlowBoundary.Unspecified;
        if (Is(raw, "incoming")) return FlowBoundary.Incoming;
        if (Is(raw, "outgoing")) return FlowBoundary.Outgoing;
        if (Is(raw, "internal")) return FlowBoundary.Internal;
        row.Error("boundary", raw, "Boundary must be incoming, outgoing, internal or blank.");
        return FlowBoundary.Unspecified;
    }

    /// <summary>Case-insensitive comparison of a cell with a keyword, without lower-casing (and copying) the cell.</summary>
    private static bool Is(string value, string keyword) => value.Equals(keyword, StringComparison.OrdinalIgnoreCase);
}

internal sealed class PresenceKind : TemplateKind
{
    private static readonly StoreShape Insert = new(typeof(PresenceRecord),
        nameof(PresenceRecord.BatchId), nameof(PresenceRecord.Year), nameof(PresenceRecord.Organisation),
        nameof(PresenceRecord.Acronym), nameof(PresenceRecord.OrganisationKey), nameof(PresenceRecord.OrgType),
        nameof(PresenceRecord.Cluster), nameof(PresenceRecord.GovernoratePcode), nameof(PresenceRecord.District),
        nameof(PresenceRecord.DistrictPcode), nameof(PresenceRecord.Activity), nameof(PresenceRecord.ActivityKey));

    public override RecordKind Kind => RecordKind.Presence;
    public override StoreShape Table => Insert;
    public override IReadOnlyList<string> Columns { get; } =
        ["year", "organisation", "acronym", "org_type", "cluster", "governorate", "district", "activity"];
    public override IReadOnlyList<string> RequiredColumns { get; } = ["year", "governorate"];
    public override IReadOnlyList<string[]> OneOfColumns { get; } = [["organisation", "acronym"]];

    public override int? Write(RowAccessor row, ImportContext context)
    {
        var year = row.Year("year", required: true);
        var name = row.Text("organisation");
        var acronym = row.Text("acronym");
        if (name is null && acronym is null) row.Error("organisation", null, "Give the organisation's name or acronym.");
        var pcode = row.Governorate("governorate", row.Text("governorate"), "presence");
        if (row.HasErrors) return null;

        var orgKey = context.Linker!.KeyFor(name, acronym);
        var cluster = row.Text("cluster");
        context.CheckCluster(cluster);
        var district = row.Text("district");
        var districtPcode = row.District("district", district, pcode);
        var activity = row.Text("activity");
        // The district by its P-code when resolved, so its P-code and its name are one place.
        var activityKey = OrganisationLinker.ActivityKey(orgKey, cluster, pcode!, districtPcode ?? district, activity);
        if (!context.SeenActivities.Add(string.Create(CultureInfo.InvariantCulture, $"{year}|{activityKey}")))
        {
            context.DuplicatesRemoved++;
            return year;
        }
        context.Rows(Table).Add(
            context.BatchId, year, name ?? acronym, acronym, orgKey, row.Text("org_type"), cluster, pcode,
            district, districtPcode, activity, activityKey);
        return year;
    }
}

internal sealed class NeedKind : TemplateKind
{
    private static readonly StoreShape Insert = new(typeof(NeedFigure),
        nameof(NeedFigure.BatchId), nameof(NeedFigure.Year), nameof(NeedFigure.GovernoratePcode),
        nameof(NeedFigure.DistrictPcode), nameof(NeedFigure.Cluster), nameof(NeedFigure.PeopleInNeed),
        nameof(NeedFigure.Targeted), nameof(NeedFigure.Reached));
    private static readonly HashSet<string> IntersectoralNames =
        new(["", "intersectoral", "intersector", "multisector", "all", "allsectors", "total"], StringComparer.Ordinal);

    public override RecordKind Kind => RecordKind.Need;
    public override StoreShape Table => Insert;
    public override IReadOnlyList<string> Columns { get; } =
        ["year", "governorate", "district", "cluster", "people_in_need", "targeted", "reached"];
    public override IReadOnlyList<string> RequiredColumns { get; } = ["year", "governorate"];
    public override IReadOnlyList<string[]> OneOfColumns { get; } = [["people_in_need", "targeted", "reached"]];

    public static bool IsIntersectoral(string? cluster) => IntersectoralNames.Contains(NameKey.Fold(cluster));

    public override int? Write(RowAccessor row, ImportContext context)
    {
        var year = row.Year("year", required: true);
        var pcode = row.Governorate("governorate", row.Text("governorate"), "need");
        var district = row.District("district", row.Text("district"), pcode);
        var pin = row.WholeNumber("people_in_need", required: false);
        var targeted = row.WholeNumber("targeted", required: false);
        var reached = row.WholeNumber("reached", required: false);
        if (row.HasErrors) return null;
        var cluster = row.Text("cluster");
        context.CheckCluster(IsIntersectoral(cluster) ? null : cluster);
        context.Rows(Table).Add(
            context.BatchId, year, pcode, district, IsIntersectoral(cluster) ? NeedFigure.Intersectoral : cluster,
            pin, targeted, reached);
        return year;
    }
}

internal sealed class IncidentKind : TemplateKind
{
    private static readonly StoreShape Insert = new(typeof(SecurityIncident),
        nameof(SecurityIncident.BatchId), nameof(SecurityIncident.Date), nameof(SecurityIncident.Year),
        nameof(SecurityIncident.GovernoratePcode), nameof(SecurityIncident.DistrictPcode), nameof(SecurityIncident.Type),
        nameof(SecurityIncident.Count));

    public override RecordKind Kind => RecordKind.Incidents;
    public override StoreShape Table => Insert;
    public override IReadOnlyList<string> Columns { get; } = ["date", "governorate", "district", "type", "count"];
    public override IReadOnlyList<string> RequiredColumns { get; } = ["date", "governorate"];

    public override int? Write(RowAccessor row, ImportContext context)
    {
        var date = row.Date("date", required: true);
        var pcode = row.Governorate("governorate", row.Text("governorate"), "incident");
        var district = row.District("district", row.Text("district"), pcode);
        var count = row.WholeNumber("count", required: false);
        if (count == 0) row.Error("count", "0", "Count must be at least 1 (leave blank for one incident).");
        if (row.HasErrors) return null;
        context.CheckCluster(null); // incidents belong to no cluster
        context.Rows(Table).Add(
            context.BatchId, date!.Value, date.Value.Year, pcode, district,
            row.Text("type") ?? "Unspecified", (int)(count ?? 1));
        return date.Value.Year;
    }
}

/// <summary>
/// Internally displaced people per location (one row per location and round): the governorate,
/// the district when the file names one, the location's name and its IDP individuals.
/// </summary>
internal sealed class DisplacementKind : TemplateKind
{
    private static readonly StoreShape Insert = new(typeof(DisplacementFigure),
        nameof(DisplacementFigure.BatchId), nameof(DisplacementFigure.Year), nameof(DisplacementFigure.GovernoratePcode),
        nameof(DisplacementFigure.DistrictPcode), nameof(DisplacementFigure.Location), nameof(DisplacementFigure.Idps));

    public override RecordKind Kind => RecordKind.Displacement;
    public override StoreShape Table => Insert;
    public override IReadOnlyList<string> Columns { get; } = ["year", "governorate", "district", "location", "idps"];
    public override IReadOnlyList<string> RequiredColumns { get; } = ["year", "governorate", "idps"];

    public override int? Write(RowAccessor row, ImportContext context)
    {
        var year = row.Year("year", required: true);
        var pcode = row.Governorate("governorate", row.Text("governorate"), "displacement");
        var idps = row.WholeNumber("idps", required: true);
        if (row.HasErrors) return null;
        context.CheckCluster(null); // displacement belongs to no cluster
        var district = row.District("district", row.Text("district"), pcode);
        context.Rows(Table).Add(context.BatchId, year, pcode, district, row.Text("location") ?? "(location not named)", idps);
        return year;
    }
}
