using System.Text.Json;
using System.Text.RegularExpressions;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Web.Components.Shared.Map;
using EquityDashboard.Web.Tests.Api;

namespace EquityDashboard.Web.Tests.Components;

/// <summary>
/// The map files tools/GeoPrep made from the COD-AB boundaries: seeds/geo/governorates.json, as
/// committed and as embedded in the app (the right areas, paths that parse, borders shared by
/// neighbours, and small), and seeds/geo/districts.json, also embedded (the districts of
/// seeds/districts.csv in the same plane, drawn one governorate at a time).
/// </summary>
public sealed partial class MapGeometryTests
{
    private static readonly string FilePath = Path.Combine(EquityAppFactory.RepoRoot, "seeds", "geo", "governorates.json");
    private static readonly string DistrictsPath = Path.Combine(EquityAppFactory.RepoRoot, "seeds", "geo", "districts.json");

    private static MapGeometry FromFile(string? path = null)
    {
        using var stream = File.OpenRead(path ?? FilePath);
        return MapGeometry.Parse(stream);
    }

    [Fact]
    public void Every_cod_pcode_is_on_the_map_once_with_its_gazetteer_names()
    {
        var map = FromFile();

        var expected = Enumerable.Range(1, 18).Select(i => $"IQG{i:00}").ToList();
        Assert.Equal(expected, map.Areas.Select(a => a.Pcode));
        Assert.Equal(GazetteerSource.Default.All.Select(g => g.Pcode), map.Areas.Select(a => a.Pcode));
        foreach (var area in map.Areas)
        {
            var g = GazetteerSource.Default[area.Pcode];
            Assert.Equal(g.NameAr, area.NameAr);
            // The COD writes "Thi Qar", the gazetteer "Thi-Qar".
            Assert.Equal(g.Name.Replace('-', ' '), area.Name.Replace('-', ' '));
        }
        Assert.Contains("COD-AB", map.Source, StringComparison.Ordinal);
        Assert.Contains("2019-06-03", map.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_are_closed_rings_of_rounded_points_inside_the_view_box_with_the_label_point_inside_the_area()
    {
        var map = FromFile();
        var (minX, minY, width, height) = (map.ViewBox[0], map.ViewBox[1], map.ViewBox[2], map.ViewBox[3]);

        foreach (var area in map.Areas)
        {
            Assert.Matches(PathSyntax(), area.Path);
            var rings = MapGeometry.ParsePath(area.Path);
            Assert.NotEmpty(rings);
            Assert.All(rings.SelectMany(r => r), p =>
            {
                Assert.InRange(p.X, minX, minX + width);
                Assert.InRange(p.Y, minY, minY + height);
            });
            Assert.True(area.Contains(area.LabelX, area.LabelY), $"{area.Pcode}: the label point is outside the area");
            Assert.InRange(area.LabelRadius, 10, 200);
        }
        Assert.Throws<FormatException>(() => MapGeometry.ParsePath("M0 0 L10 0 10 10Z"));
        Assert.Throws<FormatException>(() => MapGeometry.ParsePath("M0 0 10 0 10 10"));
    }

    [Fact]
    public void Neighbours_share_their_borders_so_the_outline_is_one_closed_line()
    {
        var uses = AssertBordersShared(FromFile());

        // Known neighbours share a border: Baghdad touches Al-Anbar, Babil, Diyala, Salah Al-Din and Wassit.
        var neighboursOfBaghdad = uses.Values.Where(u => u.Count == 2 && u.Contains("IQG08")).SelectMany(u => u).Where(p => p != "IQG08").ToHashSet();
        Assert.Equal(["IQG01", "IQG07", "IQG10", "IQG16", "IQG18"], neighboursOfBaghdad.Order());
    }

    [Fact]
    public void The_projection_keeps_Iraq_the_right_way_up()
    {
        var map = FromFile();
        var at = map.Areas.ToDictionary(a => a.Pcode);

        // Duhok is the northernmost (smallest y), Al-Basrah in the south-east, Al-Anbar in the west and the largest.
        Assert.Equal("IQG09", map.Areas.MinBy(a => a.LabelY)!.Pcode);
        Assert.True(at["IQG02"].LabelY > at["IQG08"].LabelY && at["IQG02"].LabelX > at["IQG08"].LabelX);
        Assert.Equal("IQG01", map.Areas.MinBy(a => a.LabelX)!.Pcode);
        Assert.Equal("IQG01", map.Areas.MaxBy(a => a.LabelRadius)!.Pcode);
        // About as wide as tall (about 910 by 920 km).
        Assert.InRange(map.ViewBox[2] / map.ViewBox[3], 0.9, 1.1);
        Assert.InRange(map.ViewBox[2], 850, 1000);
    }

    [Fact]
    public void The_file_is_small_and_the_app_embeds_the_committed_file()
    {
        var bytes = File.ReadAllBytes(FilePath);

        Assert.InRange(bytes.Length, 5_000, 30_000);
        using var embedded = typeof(MapGeometry).Assembly.GetManifestResourceStream(MapGeometry.ResourceName);
        Assert.NotNull(embedded);
        using var copy = new MemoryStream();
        embedded.CopyTo(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(FromFile().Areas.Select(a => a.Path), MapGeometry.Default.Areas.Select(a => a.Path));
    }

    [Fact]
    public void The_app_embeds_the_district_file_and_draws_one_governorate_s_districts_in_a_fitted_view_box()
    {
        var districts = MapGeometry.Districts;
        Assert.Equal(FromFile(DistrictsPath).Areas.Select(a => a.Path), districts.Areas.Select(a => a.Path));
        Assert.All(districts.Areas, a => Assert.Equal(a.Pcode[..5], a.ParentPcode));

        var ninewa = districts.Within("IQG15");
        Assert.Equal(9, ninewa.Areas.Count);
        Assert.All(ninewa.Areas, a => Assert.Equal("IQG15", a.ParentPcode));
        // Every district inside the fitted box, which is smaller than the country's.
        var (x, y, w, h) = (ninewa.ViewBox[0], ninewa.ViewBox[1], ninewa.ViewBox[2], ninewa.ViewBox[3]);
        Assert.All(ninewa.Areas, a => Assert.True(a.Bounds.MinX >= x && a.Bounds.MinY >= y && a.Bounds.MaxX <= x + w && a.Bounds.MaxY <= y + h, a.Pcode));
        Assert.True(w < districts.ViewBox[2] / 2 && h < districts.ViewBox[3] / 2, ninewa.ViewBoxAttribute);
        Assert.Same(districts, districts.Within("IQG99"));
    }

    [Fact]
    public void The_district_file_has_every_district_of_the_gazetteer_in_the_governorates_plane()
    {
        var districts = FromFile(DistrictsPath);
        var gazetteer = File.ReadAllLines(Path.Combine(EquityAppFactory.RepoRoot, "seeds", "districts.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        using var json = JsonDocument.Parse(File.ReadAllBytes(DistrictsPath));
        using var governoratesJson = JsonDocument.Parse(File.ReadAllBytes(FilePath));

        Assert.Equal(101, districts.Areas.Count);
        Assert.Equal(gazetteer.Keys.Order(StringComparer.Ordinal), districts.Areas.Select(a => a.Pcode));
        var entries = json.RootElement.GetProperty("areas").EnumerateArray().ToList();
        Assert.All(entries, e => Assert.Equal(gazetteer[e.GetProperty("pcode").GetString()!], e.GetProperty("parentPcode").GetString()));
        Assert.Equal(GazetteerSource.Default.All.Select(g => g.Pcode), gazetteer.Values.Distinct().Order(StringComparer.Ordinal));
        // Same projection, origin and view box as the governorates, so the layers overlay.
        Assert.Equal(governoratesJson.RootElement.GetProperty("projection").GetString(), json.RootElement.GetProperty("projection").GetString());
        Assert.Equal(FromFile().ViewBox, districts.ViewBox);
        Assert.Contains("administrative level 2", districts.Source, StringComparison.Ordinal);
        Assert.Contains("2019-06-03", districts.Source, StringComparison.Ordinal);
        Assert.InRange(new FileInfo(DistrictsPath).Length, 30_000, 200_000);

        foreach (var (area, entry) in districts.Areas.Zip(entries.OrderBy(e => e.GetProperty("pcode").GetString(), StringComparer.Ordinal)))
        {
            Assert.Matches(PathSyntax(), area.Path);
            Assert.True(area.Contains(area.LabelX, area.LabelY), $"{area.Pcode}: the label point is outside the area");
            var box = entry.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var points = MapGeometry.ParsePath(area.Path).SelectMany(r => r).ToList();
            Assert.Equal([points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y)], box);
        }
        AssertBordersShared(districts);
    }

    /// <summary>
    /// No segment is drawn by more than two areas; those drawn by one are the country's outline,
    /// where every point joins exactly two segments (no slivers, no gaps between neighbours).
    /// Returns the areas drawing each segment.
    /// </summary>
    private static Dictionary<(MapPoint, MapPoint), List<string>> AssertBordersShared(MapGeometry map)
    {
        var uses = new Dictionary<(MapPoint, MapPoint), List<string>>();
        foreach (var area in map.Areas)
        foreach (var ring in MapGeometry.ParsePath(area.Path))
        {
            for (var i = 0; i < ring.Count; i++)
            {
                var (a, b) = (ring[i], ring[(i + 1) % ring.Count]);
                var key = (a.X, a.Y).CompareTo((b.X, b.Y)) < 0 ? (a, b) : (b, a);
                if (!uses.TryGetValue(key, out var list)) uses[key] = list = [];
                list.Add(area.Pcode);
            }
        }
        Assert.All(uses.Values, u => Assert.InRange(u.Count, 1, 2));
        var outline = uses.Where(u => u.Value.Count == 1).Select(u => u.Key).ToList();
        var degree = outline.SelectMany(s => new[] { s.Item1, s.Item2 }).GroupBy(p => p).Select(g => g.Count());
        Assert.All(degree, d => Assert.Equal(2, d));
        Assert.True(uses.Count(u => u.Value.Count == 2) > outline.Count, "most segments should be inner borders");
        return uses;
    }

    /// <summary>"M x y x y … Z" rings, integers or short decimals.</summary>
    [GeneratedRegex(@"^(M-?\d+(\.\d{1,3})? -?\d+(\.\d{1,3})?( -?\d+(\.\d{1,3})? -?\d+(\.\d{1,3})?){2,}Z)+$")]
    private static partial Regex PathSyntax();
}
