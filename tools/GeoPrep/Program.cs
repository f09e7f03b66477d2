using System.Globalization;
using EquityDashboard.GeoPrep;

// geoprep SOURCE.geojson OUTPUT.json [--level N] [--origin-from ORIGIN.geojson] [--tolerance KM] [--decimals N]
// Reads the COD-AB polygons of one admin level, projects them to a plane in kilometres, simplifies the
// shared borders once (so neighbours keep one border) and writes a map file (seeds/geo/*.json).
if (args.Length < 2 || args.Any(a => a is "-h" or "--help"))
{
    Console.Error.WriteLine("usage: geoprep SOURCE.geojson OUTPUT.json [--level N] [--origin-from ORIGIN.geojson] [--tolerance KM] [--decimals N]");
    Console.Error.WriteLine("  --level        COD admin level of SOURCE (ADMn_PCODE, ADMn_EN, ADMn_AR), default 1; from 2 on each area also gets its parent's P-code and a bbox");
    Console.Error.WriteLine("  --origin-from  take the projection's origin (north-west corner) from this GeoJSON instead of SOURCE, so two levels overlay exactly");
    Console.Error.WriteLine($"  --tolerance    simplification tolerance in km (the projected unit), default {MapPreparation.DefaultToleranceKm.ToString(CultureInfo.InvariantCulture)}");
    Console.Error.WriteLine($"  --decimals     decimals kept in the coordinates (km), default {MapPreparation.DefaultDecimals}");
    return 2;
}

var options = new MapPreparation.Options(args[0], args[1]);
for (var i = 2; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--tolerance" when i + 1 < args.Length:
            options = options with { ToleranceKm = double.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--level" when i + 1 < args.Length:
            options = options with { Level = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--origin-from" when i + 1 < args.Length:
            options = options with { OriginFrom = args[++i] };
            break;
        case "--decimals" when i + 1 < args.Length:
            options = options with { Decimals = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        default:
            Console.Error.WriteLine($"Unknown argument: {args[i]}");
            return 2;
    }
}

try
{
    var summary = MapPreparation.Run(options);
    Console.WriteLine(summary);
    return 0;
}
catch (Exception ex) when (ex is IOException or FormatException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
