using System.Globalization;

namespace EquityDashboard.Web.Components.Pages.Data;

/// <summary>File sizes as people read them (1 MB = 1,048,576 bytes, as the upload limit setting counts).</summary>
public static class ByteSize
{
    public const long Megabyte = 1024 * 1024;
    private const long Kilobyte = 1024;
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    public static string Format(long bytes) => bytes switch
    {
        >= Megabyte => (bytes / (double)Megabyte).ToString("0.#", En) + " MB",
        >= Kilobyte => (bytes / (double)Kilobyte).ToString("0.#", En) + " KB",
        1 => "1 byte",
        _ => bytes.ToString("N0", En) + " bytes",
    };
}
