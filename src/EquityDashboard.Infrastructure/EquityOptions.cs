namespace EquityDashboard.Infrastructure;

/// <summary>Settings under the <c>Equity</c> section (see appsettings.sample.json).</summary>
public sealed class EquityOptions
{
    public const string Section = "Equity";

    /// <summary>Folder holding seeds/manifest.json and the demo files; relative paths start at the repository root.</summary>
    public string SeedFolder { get; set; } = "seeds";

    /// <summary>Load the demo data into the configured database when it has no batches.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>Year a view opens on when none is chosen; null = the latest year with both funding and people in need.</summary>
    public int? DefaultYear { get; set; }

    /// <summary>Largest file the web page accepts for import, in megabytes (1 MB = 1,048,576 bytes).</summary>
    public int MaxUploadMegabytes { get; set; } = 100;
}
