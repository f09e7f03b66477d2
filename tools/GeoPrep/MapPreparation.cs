using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Algorithm.Construct;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Linemerge;
using NetTopologySuite.Operation.Polygonize;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Simplify;

namespace EquityDashboard.GeoPrep;

/// <summary>
/// Makes the overview's map file from the COD-AB admin-1 polygons:
/// <list type="number">
/// <item>projects longitude/latitude to a plane in kilometres: equirectangular with standard parallel 33° N
/// (x = R·Δλ·cos 33°, y = R·Δφ, R = 6,371 km, y pointing south as SVG wants), origin at the data's
/// north-west corner. Across Iraq (29–37.4° N) east-west distances are off by at most about 9 %;</item>
/// <item>cuts all borders into edges between the points where three areas (or two and the outside)
/// meet, simplifies those edges together with <see cref="TopologyPreservingSimplifier"/> (the tolerance
/// is a Douglas-Peucker distance in km; no edge may cross another, and an edge is simplified once, so
/// two neighbours keep exactly the same border), and rebuilds the areas from the simplified edges;</item>
/// <item>writes per area its P-code, English and Arabic names, the SVG path (coordinates rounded),
/// a label point (the centre of the largest circle inside it) with that circle's radius, and the
/// view box of the whole map.</item>
/// </list>
/// </summary>
public static class MapPreparation
{
    public const double DefaultToleranceKm = 2.0;
    public const int DefaultDecimals = 0;
    public const double StandardParallel = 33.0;
    public const double EarthRadiusKm = 6371.0;
    private const double MarginKm = 6;

    public sealed record Options(string Source, string Output, double ToleranceKm = DefaultToleranceKm, int Decimals = DefaultDecimals);

    private sealed record Area(string Pcode, string Name, string NameAr, Polygon Original);

    public static string Run(Options options)
    {
        if (options.ToleranceKm < 0) throw new FormatException("The tolerance must be 0 or more kilometres.");
        if (options.Decimals is < 0 or > 3) throw new FormatException("Decimals must be 0 to 3.");
        var (features, validOn) = Read(options.Source);
        var factory = new GeometryFactory();

        // 1. Project.
        var west = features.Min(f => f.Geometry.EnvelopeInternal.MinX);
        var north = features.Max(f => f.Geometry.EnvelopeInternal.MaxY);
        var k = Math.Cos(StandardParallel * Math.PI / 180);
        Coordinate Project(Coordinate c) => new(
            EarthRadiusKm * (c.X - west) * Math.PI / 180 * k,
            EarthRadiusKm * (north - c.Y) * Math.PI / 180);
        var areas = features.Select(f => new Area(
                Attribute(f, "ADM1_PCODE"), Attribute(f, "ADM1_EN"), Attribute(f, "ADM1_AR"),
                ProjectPolygon(factory, AsPolygon(f), Project)))
            .OrderBy(a => a.Pcode, StringComparer.Ordinal)
            .ToList();
        var duplicate = areas.GroupBy(a => a.Pcode).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"{options.Source}: P-code {duplicate.Key} appears {duplicate.Count()} times.");
        var inputPoints = areas.Sum(a => a.Original.NumPoints);

        // 2. Borders as shared edges, simplified once each, and the areas rebuilt from them.
        var rings = areas.SelectMany(a => new[] { a.Original.Shell }.Concat(a.Original.Holes))
            .Select(r => (Geometry)factory.CreateLineString(r.CoordinateSequence.Copy()))
            .ToArray();
        var noded = UnaryUnionOp.Union((Geometry)factory.CreateGeometryCollection(rings));
        var merger = new LineMerger();
        merger.Add(noded);
        var edges = factory.CreateMultiLineString(merger.GetMergedLineStrings().Cast<LineString>().ToArray());
        var simplified = TopologyPreservingSimplifier.Simplify(edges, options.ToleranceKm);
        var polygonizer = new Polygonizer();
        polygonizer.Add(simplified);
        if (polygonizer.GetDangles().Count > 0 || polygonizer.GetCutEdges().Count > 0)
            throw new InvalidDataException("The simplified borders do not close into areas (dangling or cut edges).");
        var faces = polygonizer.GetPolygons().Cast<Polygon>().ToList();
        var owned = areas.ToDictionary(a => a.Pcode, _ => new List<Polygon>());
        foreach (var face in faces)
        {
            // A face belongs to the area it overlaps most: always well over half of it.
            var (owner, overlap) = areas.Select(a => (a, a.Original.Intersection(face).Area)).MaxBy(t => t.Area);
            if (overlap < face.Area / 2)
                throw new InvalidDataException($"A simplified face of {face.Area:0} km² lies mostly outside every area.");
            owned[owner.Pcode].Add(face);
        }
        var lost = areas.FirstOrDefault(a => owned[a.Pcode].Count == 0);
        if (lost is not null) throw new InvalidDataException($"{lost.Pcode} vanished at tolerance {options.ToleranceKm} km; choose a smaller one.");

        // 3. The file.
        var shapes = areas.Select(a => (Area: a, Shape: owned[a.Pcode].Count == 1
                ? (Geometry)owned[a.Pcode][0]
                : factory.CreateMultiPolygon(owned[a.Pcode].ToArray())))
            .ToList();
        var envelope = new Envelope();
        foreach (var (_, shape) in shapes) envelope.ExpandToInclude(shape.EnvelopeInternal);
        var viewBox = new[]
        {
            Math.Floor(envelope.MinX - MarginKm), Math.Floor(envelope.MinY - MarginKm),
            Math.Ceiling(envelope.Width + 2 * MarginKm), Math.Ceiling(envelope.Height + 2 * MarginKm),
        };

        var buffer = new MemoryStream();
        var outputPoints = 0;
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("source", $"OCHA COD-AB Iraq, administrative level 1 (Central Statistical Organization and OCHA), valid from {validOn}: {Path.GetFileName(options.Source)}");
            json.WriteString("projection", $"equirectangular, standard parallel {StandardParallel.ToString(CultureInfo.InvariantCulture)}° N, kilometres, origin {west.ToString("0.######", CultureInfo.InvariantCulture)}° E {north.ToString("0.######", CultureInfo.InvariantCulture)}° N, y to the south");
            json.WriteNumber("toleranceKm", options.ToleranceKm);
            json.WritePropertyName("viewBox");
            json.WriteStartArray();
            foreach (var v in viewBox) json.WriteNumberValue(v);
            json.WriteEndArray();
            json.WritePropertyName("areas");
            json.WriteStartArray();
            foreach (var (area, shape) in shapes)
            {
                var circle = new MaximumInscribedCircle(shape, 0.5);
                var centre = circle.GetCenter().Coordinate;
                var (path, points) = SvgPath(shape, options.Decimals);
                outputPoints += points;
                json.WriteStartObject();
                json.WriteString("pcode", area.Pcode);
                json.WriteString("name", area.Name);
                json.WriteString("nameAr", area.NameAr);
                json.WritePropertyName("label");
                json.WriteStartArray();
                json.WriteNumberValue(Math.Round(centre.X, 1));
                json.WriteNumberValue(Math.Round(centre.Y, 1));
                json.WriteEndArray();
                json.WriteNumber("labelRadiusKm", Math.Round(circle.GetRadiusLine().Length, 1));
                json.WriteString("path", path);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.Output));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllBytes(options.Output, buffer.ToArray());
        return string.Create(CultureInfo.InvariantCulture,
            $"{options.Output}: {areas.Count} areas, {inputPoints} points in, {outputPoints} out, tolerance {options.ToleranceKm} km, {buffer.Length} bytes");
    }

    private static (List<IFeature> Features, string ValidOn) Read(string source)
    {
        var json = new JsonSerializerOptions();
        json.Converters.Add(new GeoJsonConverterFactory());
        using var stream = File.OpenRead(source);
        var collection = JsonSerializer.Deserialize<FeatureCollection>(stream, json)
                         ?? throw new InvalidDataException($"{source} is not a GeoJSON feature collection.");
        var features = collection.ToList();
        if (features.Count == 0) throw new InvalidDataException($"{source} has no features.");
        var validOn = features.Select(f => f.Attributes.Exists("validOn") ? f.Attributes["validOn"]?.ToString() : null)
            .FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return (features, validOn is { Length: >= 10 } ? validOn[..10] : "an unstated date");
    }

    private static string Attribute(IFeature feature, string name) =>
        feature.Attributes.Exists(name) && feature.Attributes[name]?.ToString() is { Length: > 0 } value
            ? value.Trim()
            : throw new InvalidDataException($"A feature lacks {name}.");

    private static Polygon AsPolygon(IFeature feature) => feature.Geometry switch
    {
        Polygon p => p,
        MultiPolygon { NumGeometries: 1 } m => (Polygon)m.GetGeometryN(0),
        var g => throw new InvalidDataException($"{Attribute(feature, "ADM1_PCODE")}: a {g.GeometryType}, not one polygon."),
    };

    private static Polygon ProjectPolygon(GeometryFactory factory, Polygon polygon, Func<Coordinate, Coordinate> project)
    {
        LinearRing Ring(LineString ring) => factory.CreateLinearRing(ring.Coordinates.Select(project).ToArray());
        return factory.CreatePolygon(Ring(polygon.Shell), polygon.Holes.Select(Ring).ToArray());
    }

    /// <summary>"M x y x y … Z" per ring, coordinates rounded, repeated points (after rounding) dropped.</summary>
    private static (string Path, int Points) SvgPath(Geometry shape, int decimals)
    {
        var format = decimals == 0 ? "0" : "0." + new string('#', decimals);
        string N(double v)
        {
            var r = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
            return (r == 0 ? 0 : r).ToString(format, CultureInfo.InvariantCulture);
        }
        var path = new StringBuilder();
        var points = 0;
        for (var i = 0; i < shape.NumGeometries; i++)
        {
            var polygon = (Polygon)shape.GetGeometryN(i);
            foreach (var ring in new[] { polygon.Shell }.Concat(polygon.Holes))
            {
                var rounded = new List<string>();
                foreach (var c in ring.Coordinates.Take(ring.NumPoints - 1))
                {
                    var p = $"{N(c.X)} {N(c.Y)}";
                    if (rounded.Count == 0 || rounded[^1] != p) rounded.Add(p);
                }
                if (rounded.Count > 1 && rounded[0] == rounded[^1]) rounded.RemoveAt(rounded.Count - 1);
                if (rounded.Count < 3) continue;
                path.Append('M').Append(string.Join(' ', rounded)).Append('Z');
                points += rounded.Count;
            }
        }
        return (path.ToString(), points);
    }
}
