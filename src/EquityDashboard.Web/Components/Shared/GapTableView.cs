using System.Globalization;
using EquityDashboard.Core.Metrics;

namespace EquityDashboard.Web.Components.Shared;

/// <summary>One column of the gap table: its key in the address, its title, and how it sorts.</summary>
/// <param name="Optional">Whether a user may hide it (governorate, funding, equity ratio and flags always show).</param>
/// <param name="SortValue">The value rows sort by; null sorts last whatever the direction. Null: not sortable.</param>
/// <param name="Ascending">The direction a first click sorts in.</param>
public sealed record GapColumn(string Key, string Title, bool Optional, Func<AreaFigures, IComparable?>? SortValue, bool Ascending = false);

/// <summary>
/// How the gap table is shown, from the address: <c>sort</c> (a column key), <c>order</c>
/// (<c>asc</c>/<c>desc</c>) and the optional columns shown (<c>col</c>, repeated; absent: the default set).
/// Plain links and a GET form change it, so it needs no live connection and a copied address keeps it.
/// </summary>
public sealed record GapTableView(string Sort, bool Ascending, IReadOnlySet<string> Shown)
{
    /// <summary>Sent with the column form so that unticking every box still counts as a choice.</summary>
    public const string ChoiceMarker = "-";

    public static readonly IReadOnlyList<GapColumn> Columns =
    [
        new("name", "Governorate", false, f => f.Name, Ascending: true),
        new("region", "Region", true, f => f.Region, Ascending: true),
        new("need", "Need", true, f => f.Need),
        new("funding", "Funding (USD)", false, f => f.FundingUsd),
        new("funding-share", "Funding share", true, f => f.FundingShare),
        new("need-share", "Need share", true, f => f.NeedShare),
        new("ratio", "Equity ratio", false, f => f.EquityRatio, Ascending: true),
        new("usd-per-person", "USD per person", true, f => f.UsdPerPin),
        new("gap", "Gap to parity (USD)", true, f => f.GapToParityUsd),
        new("orgs", "Orgs", true, f => f.Orgs),
        new("yoy", "Year on year", true, f => f.YoyChange),
        new("incidents", "Incidents", true, f => f.Incidents),
        new("flags", "Flags", false, null),
    ];

    /// <summary>
    /// The optional columns shown until a reader chooses: with the four that always show they fit a
    /// 1280-pixel screen, flags included. Region, the two shares, year on year and incidents are a choice away.
    /// </summary>
    private static readonly IReadOnlySet<string> DefaultShown = new HashSet<string>(["need", "usd-per-person", "gap", "orgs"]);

    /// <summary>Worst equity ratio first, the default columns.</summary>
    public static readonly GapTableView Default = new("ratio", true, DefaultShown);

    /// <summary>Reads the address leniently: an unknown column or order falls back to the default.</summary>
    public static GapTableView FromQuery(string? sort, string? order, IReadOnlyList<string>? columns)
    {
        var column = Columns.FirstOrDefault(c => c.SortValue is not null && string.Equals(c.Key, sort?.Trim(), StringComparison.OrdinalIgnoreCase))
                     ?? Column(Default.Sort);
        var ascending = order?.Trim().ToLowerInvariant() switch
        {
            "asc" => true,
            "desc" => false,
            _ => column.Ascending,
        };
        var shown = columns is null || columns.Count == 0
            ? DefaultShown
            : Columns.Where(c => c.Optional && columns.Contains(c.Key, StringComparer.OrdinalIgnoreCase)).Select(c => c.Key).ToHashSet();
        return new GapTableView(column.Key, ascending, shown);
    }

    public static GapColumn Column(string key) => Columns.Single(c => c.Key == key);

    public bool Shows(GapColumn column) => !column.Optional || Shown.Contains(column.Key);

    /// <summary>The rows in this view's order; rows without a value last.</summary>
    public IEnumerable<AreaFigures> Order(IEnumerable<AreaFigures> rows)
    {
        var value = Column(Sort).SortValue!;
        var withValue = rows.Where(r => value(r) is not null);
        var sorted = Ascending ? withValue.OrderBy(value) : withValue.OrderByDescending(value);
        return sorted.ThenBy(r => r.Name, StringComparer.Ordinal).Concat(rows.Where(r => value(r) is null).OrderBy(r => r.Name, StringComparer.Ordinal));
    }

    /// <summary>The view after a click on a column's header: that column, the other way round if it was already the sort.</summary>
    public GapTableView SortedBy(GapColumn column) =>
        this with { Sort = column.Key, Ascending = column.Key == Sort ? !Ascending : column.Ascending };

    /// <summary>The address parameters of this view; the defaults are left out so links stay short.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Keep
    {
        get
        {
            var keep = SortKeep.ToList();
            if (!Shown.SetEquals(DefaultShown))
            {
                keep.Add(new("col", ChoiceMarker));
                keep.AddRange(Columns.Where(c => Shown.Contains(c.Key)).Select(c => new KeyValuePair<string, string>("col", c.Key)));
            }
            return keep;
        }
    }

    /// <summary>The sort's address parameters (none for the default), which the column form keeps.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SortKeep =>
        Sort == Default.Sort && Ascending == Default.Ascending ? [] : [new("sort", Sort), new("order", Ascending ? "asc" : "desc")];

    /// <summary>The query string of the filters and this view, for links that change the view.</summary>
    public string QueryString(string filtersQuery) =>
        filtersQuery + string.Concat(Keep.Select(kv => string.Create(CultureInfo.InvariantCulture, $"&{kv.Key}={Uri.EscapeDataString(kv.Value)}")));
}
