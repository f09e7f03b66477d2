using EquityDashboard.Core.Geography;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>
/// The gazetteer shipped in seeds/: the governorates (governorates.csv) and their districts
/// (districts.csv), derived from the OCHA COD-AB boundaries of Iraq valid from 2019-06-03 and
/// embedded in this assembly. The Areas table of every database is written from it.
/// </summary>
public static class GazetteerSource
{
    private static readonly Lazy<Gazetteer> Instance = new(Load);

    public static Gazetteer Default => Instance.Value;

    private static Gazetteer Load() => Gazetteer.ParseCsv(Read("governorates.csv"), Read("districts.csv"));

    private static string Read(string name)
    {
        using var stream = typeof(GazetteerSource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded gazetteer file '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
