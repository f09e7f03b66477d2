using System.Globalization;
using EquityDashboard.GeoPrep;

// geoprep SOURCE.geojson OUTPUT.json [--tolerance KM] [--decimals N]
// Reads the COD-AB admin-1 polygons, projects them to a plane in kilometres, simplifies the shared
// borders once (so neighbours keep one border) and writes the map file the overview draws.
if (args.Length < 2 || args.Any(a => a is "-h" or "--help"))
{
    Console.Error.WriteLine("usage: geoprep SOURCE.geojson OUTPUT.json [--tolerance KM] [--decimals N]");
    Console.Error.WriteLine($"  --tolerance  simplification tolerance in km (the projected unit), default {MapPreparation.DefaultToleranceKm.ToString(CultureInfo.InvariantCulture)}");
    Console.Error.WriteLine($"  --decimals   decimals kept in the coordinates (km), default {MapPreparation.DefaultDecimals}");
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
