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
using NetTopologySuite.Operation.Valid;
using NetTopologySuite.Simplify;

namespace EquityDashboard.GeoPrep;

/// <summary>
/// Makes a map file from the COD-AB polygons of one administrative level (1, governorates, for the
/// overview's map; 2, districts, with each district's parent P-code and bounding box):
/// <list type="number">
/// <item>projects longitude/latitude to a plane in kilometres: equirectangular with standard parallel 33° N
/// (x = R·Δλ·cos 33°, y = R·Δφ, R = 6,371 km, y pointing south as SVG wants), origin at the north-west
/// corner of the data (or of another file's, so that two levels share one plane and overlay exactly).
/// Across Iraq (29–37.4° N) east-west distances are off by at most about 9 %;</item>
/// <item>cuts all borders into edges between the points where three areas (or two and the outside)
/// meet, simplifies those edges together with <see cref="TopologyPreservingSimplifier"/> (the tolerance
/// is a Douglas-Peucker distance in km; no edge may cross another, and an edge is simplified once, so
/// two neighbours keep exactly the same border), and rebuilds the areas from the simplified edges;</item>
/// <item>rounds the coordinates and checks that what will be drawn is sound: every area a valid
/// (multi)polygon, no two areas overlapping, and as many parts and holes in their union as in the
/// source's, so rounding opened no gap;</item>
/// <item>writes per area its P-code (from level 2 on, its parent's too), English and Arabic names,
/// the SVG path, a label point (the centre of the largest circle inside it) with that circle's radius
/// (from level 2 on, its bounding box), and the view box of the whole map.</item>
/// </list>
/// </summary>
public static class MapPreparation
{
    public const double DefaultToleranceKm = 2.0;
    public const int DefaultDecimals = 0;
    public const double StandardParallel = 33.0;
    public const double EarthRadiusKm = 6371.0;
    private const double MarginKm = 6;

    /// <param name="Level">The COD administrative level: its features carry ADM{Level}_PCODE, _EN, _AR and, from level 2 on, their parent's ADM{Level-1}_PCODE.</param>
    /// <param name="OriginFrom">A GeoJSON file whose north-west corner is the projection's origin; the source's own when null.</param>
    public sealed record Options(string Source, string Output, double ToleranceKm = DefaultToleranceKm, int Decimals = DefaultDecimals,
        int Level = 1, string? OriginFrom = null);

    private sealed record Area(string Pcode, string? ParentPcode, string Name, string NameAr, Polygon Original);

    public static string Run(Options options)
    {
        if (options.ToleranceKm < 0) throw new FormatException("The tolerance must be 0 or more kilometres.");
        if (options.Decimals is < 0 or > 3) throw new FormatException("Decimals must be 0 to 3.");
        if (options.Level is < 1 or > 4) throw new FormatException("The level must be 1 to 4.");
        var (features, validOn) = Read(options.Source);
        var factory = new GeometryFactory();
        var level = options.Level;
        string Field(int l, string suffix) => $"ADM{l}_{suffix}";

        // 1. Project.
        var (west, north) = NorthWest(options.OriginFrom is null ? features : Read(options.OriginFrom).Features);
        var k = Math.Cos(StandardParallel * Math.PI / 180);
        Coordinate Project(Coordinate c) => new(
            EarthRadiusKm * (c.X - west) * Math.PI / 180 * k,
            EarthRadiusKm * (north - c.Y) * Math.PI / 180);
        var areas = features.Select(f => new Area(
                Attribute(f, Field(level, "PCODE")), level > 1 ? Attribute(f, Field(level - 1, "PCODE")) : null,
                Attribute(f, Field(level, "EN")), Attribute(f, Field(level, "AR")),
                ProjectPolygon(factory, AsPolygon(f, Field(level, "PCODE")), Project)))
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

        // 3. Rounded as drawn, and checked.
        var shapes = areas.Select(a =>
            {
                var shape = owned[a.Pcode].Count == 1
                    ? (Geometry)owned[a.Pcode][0]
                    : UnaryUnionOp.Union(owned[a.Pcode].Cast<Geometry>().ToList());
                return (Area: a, Shape: shape, Drawn: Round(factory, shape, options.Decimals)
                    ?? throw new InvalidDataException($"{a.Pcode} collapses when rounded to {options.Decimals} decimals; keep more."));
            })
            .ToList();
        Check(areas.Select(a => (Geometry)a.Original).ToList(), shapes.Select(s => (s.Area.Pcode, s.Drawn)).ToList());
        var envelope = new Envelope();
        foreach (var (_, shape, _) in shapes) envelope.ExpandToInclude(shape.EnvelopeInternal);
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
            json.WriteString("source", $"OCHA COD-AB Iraq, administrative level {level} (Central Statistical Organization and OCHA), valid from {validOn}: {Path.GetFileName(options.Source)}");
            json.WriteString("projection", $"equirectangular, standard parallel {StandardParallel.ToString(CultureInfo.InvariantCulture)}° N, kilometres, origin {west.ToString("0.######", CultureInfo.InvariantCulture)}° E {north.ToString("0.######", CultureInfo.InvariantCulture)}° N, y to the south");
            json.WriteNumber("toleranceKm", options.ToleranceKm);
            json.WritePropertyName("viewBox");
            json.WriteStartArray();
            foreach (var v in viewBox) json.WriteNumberValue(v);
            json.WriteEndArray();
            json.WritePropertyName("areas");
            json.WriteStartArray();
            foreach (var (area, shape, drawn) in shapes)
            {
                var circle = new MaximumInscribedCircle(shape, 0.5);
                var centre = circle.GetCenter().Coordinate;
                outputPoints += drawn.Geometries.Cast<Polygon>().Sum(p => p.NumPoints - 1 - p.NumInteriorRings); // without the rings' closing points
                json.WriteStartObject();
                json.WriteString("pcode", area.Pcode);
                if (area.ParentPcode is not null) json.WriteString("parentPcode", area.ParentPcode);
                json.WriteString("name", area.Name);
                json.WriteString("nameAr", area.NameAr);
                json.WritePropertyName("label");
                json.WriteStartArray();
                json.WriteNumberValue(Math.Round(centre.X, 1));
                json.WriteNumberValue(Math.Round(centre.Y, 1));
                json.WriteEndArray();
                json.WriteNumber("labelRadiusKm", Math.Round(circle.GetRadiusLine().Length, 1));
                json.WriteString("path", SvgPath(drawn, options.Decimals));
                if (area.ParentPcode is not null)
                {
                    // So a page can draw one parent's areas in a view box of their own.
                    json.WritePropertyName("bbox");
                    json.WriteStartArray();
                    var box = drawn.EnvelopeInternal;
                    foreach (var v in new[] { box.MinX, box.MinY, box.MaxX, box.MaxY }) json.WriteNumberValue(v);
                    json.WriteEndArray();
                }
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
            $"{options.Output}: {areas.Count} areas of level {level}, origin {west}° E {north}° N, {inputPoints} points in, {outputPoints} out, tolerance {options.ToleranceKm} km, {options.Decimals} decimals, all valid, {buffer.Length} bytes");
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

    /// <summary>The west-most longitude and north-most latitude of the features: the projection's origin.</summary>
    private static (double West, double North) NorthWest(IReadOnlyCollection<IFeature> features) =>
        (features.Min(f => f.Geometry.EnvelopeInternal.MinX), features.Max(f => f.Geometry.EnvelopeInternal.MaxY));

    private static string Attribute(IFeature feature, string name) =>
        feature.Attributes.Exists(name) && feature.Attributes[name]?.ToString() is { Length: > 0 } value
            ? value.Trim()
            : throw new InvalidDataException($"A feature lacks {name}.");

    private static Polygon AsPolygon(IFeature feature, string pcodeField) => feature.Geometry switch
    {
        Polygon p => p,
        MultiPolygon { NumGeometries: 1 } m => (Polygon)m.GetGeometryN(0),
        var g => throw new InvalidDataException($"{Attribute(feature, pcodeField)}: a {g.GeometryType}, not one polygon."),
    };

    private static Polygon ProjectPolygon(GeometryFactory factory, Polygon polygon, Func<Coordinate, Coordinate> project)
    {
        LinearRing Ring(LineString ring) => factory.CreateLinearRing(ring.Coordinates.Select(project).ToArray());
        return factory.CreatePolygon(Ring(polygon.Shell), polygon.Holes.Select(Ring).ToArray());
    }

    /// <summary>
    /// The shape with its coordinates rounded as the file writes them, repeated points (after rounding)
    /// dropped, and rings left with fewer than three points dropped (a part whose outer ring goes
    /// with its holes); null if nothing is left.
    /// </summary>
    private static MultiPolygon? Round(GeometryFactory factory, Geometry shape, int decimals)
    {
        double R(double v)
        {
            var r = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
            return r == 0 ? 0 : r; // no "-0"
        }
        LinearRing? Ring(LineString ring)
        {
            var points = new List<Coordinate>();
            foreach (var c in ring.Coordinates.Take(ring.NumPoints - 1))
            {
                var p = new Coordinate(R(c.X), R(c.Y));
                if (points.Count == 0 || !points[^1].Equals2D(p)) points.Add(p);
            }
            if (points.Count > 1 && points[0].Equals2D(points[^1])) points.RemoveAt(points.Count - 1);
            if (points.Count < 3) return null;
            points.Add(points[0].Copy());
            return factory.CreateLinearRing(points.ToArray());
        }
        var parts = new List<Polygon>();
        for (var i = 0; i < shape.NumGeometries; i++)
        {
            var polygon = (Polygon)shape.GetGeometryN(i);
            if (Ring(polygon.Shell) is not { } shell) continue;
            parts.Add(factory.CreatePolygon(shell, polygon.Holes.Select(Ring).OfType<LinearRing>().ToArray()));
        }
        return parts.Count == 0 ? null : factory.CreateMultiPolygon(parts.ToArray());
    }

    /// <summary>
    /// What is drawn must be sound: each area valid (no self-intersection, no parts sharing an edge),
    /// no two areas overlapping (a sliver drawn twice), and their union with as many parts and holes as
    /// the source areas' union (no gap opened between neighbours, no hole filled).
    /// </summary>
    private static void Check(IReadOnlyList<Geometry> source, IReadOnlyList<(string Pcode, MultiPolygon Drawn)> drawn)
    {
        foreach (var (pcode, shape) in drawn)
        {
            var validity = new IsValidOp(shape);
            if (!validity.IsValid) throw new InvalidDataException($"{pcode} is not a valid polygon as drawn: {validity.ValidationError}; change the tolerance or the decimals.");
        }
        for (var i = 0; i < drawn.Count; i++)
        for (var j = i + 1; j < drawn.Count; j++)
        {
            if (!drawn[i].Drawn.EnvelopeInternal.Intersects(drawn[j].Drawn.EnvelopeInternal)) continue;
            var overlap = drawn[i].Drawn.Intersection(drawn[j].Drawn).Area;
            if (overlap > 1e-9) throw new InvalidDataException($"{drawn[i].Pcode} and {drawn[j].Pcode} overlap by {overlap:0.######} km² as drawn.");
        }
        (int Parts, int Holes) Shape(Geometry union) =>
            (union.NumGeometries, Enumerable.Range(0, union.NumGeometries).Sum(i => ((Polygon)union.GetGeometryN(i)).NumInteriorRings));
        var before = Shape(UnaryUnionOp.Union(source));
        var after = Shape(UnaryUnionOp.Union(drawn.Select(d => (Geometry)d.Drawn).ToList()));
        if (before != after)
            throw new InvalidDataException($"The areas together make {after.Parts} parts with {after.Holes} holes as drawn, the source {before.Parts} with {before.Holes}: a gap opened or closed.");
    }

    /// <summary>"M x y x y … Z" per ring of a shape already rounded by <see cref="Round"/>.</summary>
    private static string SvgPath(MultiPolygon shape, int decimals)
    {
        var format = decimals == 0 ? "0" : "0." + new string('#', decimals);
        string N(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        var path = new StringBuilder();
        foreach (var polygon in shape.Geometries.Cast<Polygon>())
        foreach (var ring in new[] { polygon.Shell }.Concat(polygon.Holes))
            path.Append('M').AppendJoin(' ', ring.Coordinates.Take(ring.NumPoints - 1).Select(c => $"{N(c.X)} {N(c.Y)}")).Append('Z');
        return path.ToString();
    }
}
