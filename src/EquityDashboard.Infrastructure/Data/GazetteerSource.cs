using EquityDashboard.Core.Geography;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>The gazetteer shipped in seeds/governorates.csv, embedded in this assembly.</summary>
public static class GazetteerSource
{
    private static readonly Lazy<Gazetteer> Instance = new(Load);

    public static Gazetteer Default => Instance.Value;

    private static Gazetteer Load()
    {
        using var stream = typeof(GazetteerSource).Assembly.GetManifestResourceStream("governorates.csv")
            ?? throw new InvalidOperationException("Embedded gazetteer 'governorates.csv' is missing.");
        using var reader = new StreamReader(stream);
        return Gazetteer.ParseCsv(reader.ReadToEnd());
    }
}
