using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;

namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>
/// OCHA Financial Tracking Service (FTS) exports, as HDX publishes them
/// (<c>fts_incoming_funding_&lt;iso3&gt;.csv</c> and the internal/outgoing variants), with or without
/// the HXL row under the header. Recognised by FTS's own column names, so it outranks the
/// generic HXL reading of the same file.
/// <para>
/// Flow exports become funding rows: amount_usd &lt;- amountUSD, donor &lt;- srcOrganization,
/// recipient &lt;- destOrganization, cluster &lt;- destGlobalClusters (kept as given: a flow to several
/// clusters cannot be given to one, so "Health,Nutrition" counts in the all-clusters view only),
/// year &lt;- budgetYear (blank: the year of the date), date &lt;- date (ISO date part), status,
/// boundary, source_id &lt;- id. Pledges, internal and outgoing flows are stored as such; the
/// engine leaves them out.
/// </para>
/// <para>
/// Where the money went comes from destLocations (see <see cref="FtsProjector.Locate"/>): Iraq only
/// is country level (unallocated); Iraqi governorates named are kept (one: that governorate;
/// several: unallocated); a flow that also goes to another country is skipped, because the part
/// for Iraq is unknown and counting all of it would overstate Iraq's funding (so is one that also
/// names a place not recognised, with a warning); a flow with no Iraq at all is skipped as outside
/// Iraq. Skipped rows are counted by reason in the report. A flow without srcOrganization (FTS has
/// some) is kept with the donor "Not specified" and a warning, rather than blocking the import.
/// </para>
/// <para>
/// FTS requirements tables (plan, cluster or COVID-19 requirements and funding progress) are
/// recognised and refused: they hold plan totals, not flows.
/// </para>
/// </summary>
internal sealed class FtsFormat : SourceFormat
{
    /// <summary>Above any generic reading (HXL scores 100 + 10 per mapped column).</summary>
    public const int BaseScore = 1000;

    public const string FlowName = "FTS flows";
    public const string RequirementsName = "FTS requirements";

    public const string RequirementsRefusal =
        "This is an OCHA FTS requirements table (plan or cluster requirements and funding progress), not flow data: " +
        "it holds totals per plan, without donors or destinations. Download the flows export instead " +
        "(FTS 'incoming funding' flows, on HDX fts_incoming_funding_irq.csv, with columns such as amountUSD, srcOrganization, destLocations).";

    /// <summary>Columns every FTS flow export has (folded names).</summary>
    private static readonly string[] FlowCore = ["amountusd", "srcorganization", "destorganization", "destlocations"];

    /// <summary>Other FTS flow columns; at least three must be present besides the core ones.</summary>
    private static readonly string[] FlowOther =
    [
        "date", "budgetyear", "description", "srcorganizationtypes", "srclocations", "destplan", "destorganizationtypes",
        "destglobalclusters", "destproject", "contributiontype", "flowtype", "method", "boundary", "onboundary", "status",
        "originalamount", "originalcurrency", "exchangerate", "id",
    ];

    /// <summary>Columns of the requirements tables besides requirements and funding (folded names).</summary>
    private static readonly string[] RequirementsOther =
    [
        "countrycode", "id", "name", "code", "typeid", "typename", "startdate", "enddate", "year", "clustercode", "cluster",
        "percentfunded", "covidfunding", "covidpercentageoffunding",
    ];

    public override string Name => FlowName;

    public override FormatMatch? Match(HeaderInfo header, RecordKind? kind, ImportRequest request)
    {
        var titles = header.Titles.Select(HeaderInfo.Fold).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (titles.Count == 0) return null;

        if (FlowCore.All(titles.Contains) && FlowOther.Count(titles.Contains) >= 3)
            return MatchFlows(header, titles, kind, request);

        if (!titles.Contains("amountusd") && titles.Contains("requirements") && titles.Contains("funding")
            && RequirementsOther.Count(titles.Contains) >= 3)
            return new FormatMatch(RequirementsName, kind ?? RecordKind.Funding, BaseScore + titles.Count, null)
            {
                Refusal = RequirementsRefusal,
            };

        return null;
    }

    private FormatMatch MatchFlows(HeaderInfo header, HashSet<string> titles, RecordKind? kind, ImportRequest request)
    {
        var score = BaseScore + FlowCore.Length + FlowOther.Count(titles.Contains);
        if (kind is { } k && k != RecordKind.Funding)
            return new FormatMatch(FlowName, k, score, null)
            {
                Refusal = $"This is an OCHA FTS flow export: it holds funding flows, not {k.ToString().ToLowerInvariant()} data. Import it as funding (--kind funding).",
            };

        var projector = new FtsProjector(header, request.Year);
        var problems = new List<HeaderNote>();
        if (projector.LacksYear)
            problems.Add(new HeaderNote("budgetYear", "The FTS export has neither budgetYear nor date; give the reference year (--year)."));
        return new FormatMatch(FlowName, RecordKind.Funding, score - problems.Count, projector)
        {
            Problems = problems,
            Money = FundingMoney.ReportedFlows,
        };
    }
}

/// <summary>One FTS flow -> at most one funding row; see <see cref="FtsFormat"/> for the rules.</summary>
internal sealed class FtsProjector : RowProjector
{
    public const string OutsideIraq = "flow outside Iraq";
    public const string SeveralCountries = "flow to several countries, share for Iraq unknown";
    public const string NoLocation = "flow without destination location";
    public const string UnknownPlaces = "flow to Iraq and unrecognised places, share for Iraq unknown";
    /// <summary>Donor written for a flow whose srcOrganization is blank (FTS's own wording for a missing value).</summary>
    public const string UnspecifiedDonor = "Not specified";

    private static readonly Lazy<NameResolver> Resolver = new(() => new NameResolver(GazetteerSource.Default));

    private readonly int _amount, _donor, _recipient, _cluster, _budgetYear, _date, _status, _boundary, _id, _locations;
    private readonly string? _yearConstant;
    private readonly int _colYear, _colDate, _colDonor, _colRecipient, _colCluster, _colGovernorate, _colAmount, _colStatus, _colBoundary, _colSourceId;

    public FtsProjector(HeaderInfo header, int? referenceYear) : base(TemplateKind.For(RecordKind.Funding))
    {
        _amount = header.Column("amountUSD");
        _donor = header.Column("srcOrganization");
        _recipient = header.Column("destOrganization");
        _cluster = header.Column("destGlobalClusters");
        _budgetYear = header.Column("budgetYear");
        _date = header.Column("date");
        _status = header.Column("status");
        _boundary = header.Column("boundary");
        _id = header.Column("id");
        _locations = header.Column("destLocations");

        _colYear = IndexOf("year");
        _colDate = IndexOf("date");
        _colDonor = IndexOf("donor");
        _colRecipient = IndexOf("recipient");
        _colCluster = IndexOf("cluster");
        _colGovernorate = IndexOf("governorate");
        _colAmount = IndexOf("amount_usd");
        _colStatus = IndexOf("status");
        _colBoundary = IndexOf("boundary");
        _colSourceId = IndexOf("source_id");

        LacksYear = _budgetYear < 0 && _date < 0 && referenceYear is null;
        if (_budgetYear < 0 && _date < 0 && referenceYear is { } y)
            _yearConstant = y.ToString(CultureInfo.InvariantCulture);

        void Name(string column, int source)
        {
            if (source >= 0) SourceNames[column] = header.TitleOf(source);
        }
        Name("amount_usd", _amount);
        Name("donor", _donor);
        Name("recipient", _recipient);
        Name("cluster", _cluster);
        Name("year", _budgetYear >= 0 ? _budgetYear : _date);
        Name("date", _date);
        Name("status", _status);
        Name("boundary", _boundary);
        Name("source_id", _id);
        Name("governorate", _locations);
    }

    /// <summary>True when the file has no year at all (no budgetYear, no date, no --year).</summary>
    public bool LacksYear { get; }

    public override void Project(CsvRecord row, ProjectionContext context, List<ProjectedRow> output)
    {
        string? Get(int index)
        {
            if (index < 0 || index >= row.Fields.Length) return null;
            var value = row.Fields[index].Trim();
            return value.Length == 0 ? null : value;
        }

        var destination = Get(_locations);
        var (governorate, skip, unknown) = Locate(destination);
        foreach (var name in unknown)
        {
            var suggestions = Resolver.Value.Resolve(name).Suggestions;
            var hint = suggestions.Count > 0 ? $" (did you mean {string.Join(", ", suggestions)}?)" : string.Empty;
            context.Warn(row.Line, SourceNames.GetValueOrDefault("governorate", "destLocations"), destination,
                $"'{name}' is neither a country code nor an Iraqi governorate{hint}; the share of this flow for Iraq is unknown, so it was not imported.");
        }
        if (skip is not null)
        {
            context.Skip(skip);
            return;
        }

        var fields = NewRow();
        fields[_colGovernorate] = governorate;
        fields[_colAmount] = Get(_amount);
        var donor = Get(_donor);
        if (donor is null && _donor >= 0)
        {
            donor = UnspecifiedDonor;
            context.Warn(row.Line, SourceNames["donor"], null, $"The flow has no source organisation; its donor is recorded as '{UnspecifiedDonor}'.");
        }
        fields[_colDonor] = donor;
        fields[_colRecipient] = Get(_recipient);
        fields[_colCluster] = Get(_cluster);
        fields[_colYear] = Get(_budgetYear) ?? _yearConstant;
        fields[_colDate] = IsoDatePart(Get(_date));
        fields[_colStatus] = Get(_status)?.ToLowerInvariant();
        fields[_colBoundary] = Get(_boundary)?.ToLowerInvariant();
        fields[_colSourceId] = Get(_id);
        output.Add(new ProjectedRow(row.Line, fields));
    }

    /// <summary>"2021-02-25T10:00:00Z" -> "2021-02-25"; anything not starting with an ISO date is left for the validator to report.</summary>
    internal static string? IsoDatePart(string? value) =>
        value is { Length: > 10 } && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? value[..10]
            : value;

    /// <summary>
    /// Reads destLocations (a list, split as <see cref="LocationResolver"/> does: ',', ';', '|', '،'
    /// or "and", e.g. "IRQ", "JOR,PSE", "Iraq; Ninewa"):
    /// the governorate cell to write, or why the row is skipped. Each entry is the country
    /// (Iraq, IRQ), an Iraqi governorate (any gazetteer spelling or P-code), another country
    /// (an ISO3 code), or an unrecognised name.
    /// <list type="bullet">
    /// <item>nothing: skipped (<see cref="NoLocation"/>);</item>
    /// <item>neither Iraq nor a governorate: skipped (<see cref="OutsideIraq"/>);</item>
    /// <item>Iraq with another country: skipped (<see cref="SeveralCountries"/>): the part for Iraq
    /// is unknown and must not be counted whole, nor split;</item>
    /// <item>governorates named: those, joined with ';' (one: allocated to it; several: unallocated);</item>
    /// <item>otherwise the country: "Iraq" (country level, unallocated).</item>
    /// </list>
    /// An unrecognised name next to Iraq (a country spelt out, a misspelt governorate, a district)
    /// counts as another place: the flow is skipped (<see cref="UnknownPlaces"/>) rather than counted
    /// in Iraq, and the names are returned for a warning (with suggestions) so they can be fixed.
    /// </summary>
    internal static (string? Governorate, string? Skip, List<string> Unknown) Locate(string? destLocations)
    {
        // The same splitting and resolution as every other format (LocationResolver); FTS's own
        // rules: a cell is always a list, other countries' ISO3 codes are set aside before resolving.
        var cell = Locations.Value.Resolve(destLocations, IsIso3);
        if (cell.Governorates.Count == 0 && cell.Elsewhere.Count == 0 && !cell.NamesCountry) return (null, NoLocation, []);

        var spelling = new Dictionary<string, string>(StringComparer.Ordinal); // pcode -> first spelling
        var order = new List<string>();
        foreach (var r in cell.Governorates)
            if (r.Success && spelling.TryAdd(r.Pcode!, r.Input)) order.Add(r.Pcode!);
        var unknown = cell.Unknown.Select(u => u.Input).ToList();

        if (!cell.NamesCountry && order.Count == 0) return (null, OutsideIraq, []);
        if (cell.Elsewhere.Count > 0) return (null, SeveralCountries, []);
        if (unknown.Count > 0) return (null, UnknownPlaces, unknown);
        if (order.Count > 0) return (string.Join(";", order.Select(p => spelling[p])), null, unknown);
        return ("Iraq", null, unknown);
    }

    private static readonly Lazy<LocationResolver> Locations = new(() => new LocationResolver(Resolver.Value));

    private static bool IsIso3(string s) => s.Length == 3 && s.All(char.IsAsciiLetterUpper);
}
