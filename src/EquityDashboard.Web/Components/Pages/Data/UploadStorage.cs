namespace EquityDashboard.Web.Components.Pages.Data;

/// <summary>
/// Where uploaded files wait between the upload, the preview and the commit: one folder per upload under
/// <see cref="Root"/>. Disposing the storage (when the app stops) deletes the root with anything still in it.
/// </summary>
public sealed class UploadStorage(string root) : IDisposable
{
    /// <summary>Folders left by an instance that did not stop cleanly (killed, crashed) are removed after this long.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    /// <summary>The folder under which every upload gets a folder of its own.</summary>
    public string Root { get; } = root;

    /// <summary>
    /// Storage for one app instance: a new folder under <paramref name="parent"/>, after deleting the folders
    /// there that have not changed for <see cref="StaleAfter"/>.
    /// </summary>
    public static UploadStorage ForInstance(string parent)
    {
        if (Directory.Exists(parent))
        {
            var cutoff = DateTime.UtcNow - StaleAfter;
            foreach (var folder in new DirectoryInfo(parent).EnumerateDirectories().Where(d => d.LastWriteTimeUtc < cutoff))
                TryDelete(folder.FullName);
        }
        return new UploadStorage(Path.Combine(parent, Guid.NewGuid().ToString("N")));
    }

    /// <summary>A new, empty folder for one upload; disposing the upload deletes it with its file.</summary>
    public TemporaryUpload Create(string originalFileName)
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // The importer reads the content, not the name: keep only the extension, never the user's file name, on disk.
        var extension = Path.GetExtension(originalFileName).ToLowerInvariant();
        return new TemporaryUpload(folder, Path.Combine(folder, "upload" + (extension.Length is > 1 and <= 6 ? extension : ".dat")));
    }

    public void Dispose() => TryDelete(Root);

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Still in use or not ours to delete: left for the next instance's stale sweep.
        }
    }
}

/// <summary>One uploaded file on disk, deleted (with its folder) on disposal.</summary>
public sealed class TemporaryUpload(string folder, string filePath) : IDisposable
{
    public string Folder { get; } = folder;
    public string FilePath { get; } = filePath;

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
