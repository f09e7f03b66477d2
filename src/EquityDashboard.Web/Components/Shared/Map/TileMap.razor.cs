using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Web.Components.Shared.Filters;
using Microsoft.AspNetCore.Components;

namespace EquityDashboard.Web.Components.Shared.Map;

/// <summary>The governorates as a tile grid (no map tiles, works offline), linking to each governorate page.</summary>
public partial class TileMap
{
    private RatioScale _scale = new(new EquityThresholds());

    [Parameter, EditorRequired] public EquityTable Table { get; set; } = default!;
    [Parameter, EditorRequired] public DashboardFilters Filters { get; set; } = default!;
    [Inject] private Gazetteer Gazetteer { get; set; } = default!;

    internal sealed record Tile(string Pcode, string ShortName, string RatioText, string Tooltip, string Href,
        string Position, string Colours, bool UnderServed, bool Dimmed);

    protected override void OnParametersSet() => _scale = new RatioScale(Table.Thresholds);

    private string GridStyle
    {
        get
        {
            var rows = Gazetteer.All.Max(g => g.TileRow) + 1;
            var cols = Gazetteer.All.Max(g => g.TileCol) + 1;
            return $"grid-template-rows: repeat({rows}, 1fr); grid-template-columns: repeat({cols}, 1fr);";
        }
    }

    internal IEnumerable<Tile> Tiles
    {
        get
        {
            var figures = Table.Governorates.ToDictionary(g => g.Key);
            // The region filter lists only its governorates; the others stay on the map, dimmed.
            var minCol = Gazetteer.All.Min(g => g.TileCol);
            var query = Filters.QueryString();
            foreach (var g in Gazetteer.All)
            {
                figures.TryGetValue(g.Pcode, out var f);
                var cls = _scale.ClassOf(f?.EquityRatio);
                var fill = cls?.Fill ?? RatioScale.NoNeedFill;
                var text = cls?.Text ?? "#000000";
                yield return new Tile(
                    g.Pcode,
                    ShortName(g.Name),
                    AreaText.Ratio(f),
                    AreaText.Tooltip(g.Name, g.Pcode, f),
                    $"governorate/{g.Pcode}{query}",
                    $"grid-row: {g.TileRow + 1}; grid-column: {g.TileCol - minCol + 1};",
                    $"background:{fill}; color:{text};",
                    f?.HasFlag(FlagCodes.UnderServed) ?? false,
                    f is null);
            }
        }
    }

    /// <summary>Names without the "Al-" article so they fit on a tile ("Al-Sulaymaniyah" -> "Sulaymaniyah").</summary>
    internal static string ShortName(string name) =>
        name.StartsWith("Al-", StringComparison.Ordinal) ? name[3..] : name;
}
