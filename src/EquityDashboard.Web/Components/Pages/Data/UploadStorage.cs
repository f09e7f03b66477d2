namespace EquityDashboard.Web.Components.Pages.Data;

/// <summary>Where uploaded files wait between the upload, the preview and the commit: one folder per upload.</summary>
public sealed class UploadStorage(string root)
{
    /// <summary>The folder under which every upload gets a folder of its own.</summary>
    public string Root { get; } = root;

    /// <summary>A new, empty folder for one upload; disposing the upload deletes it with its file.</summary>
    public TemporaryUpload Create(string originalFileName)
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // The importer reads the content, not the name: keep only the extension, never the user's file name, on disk.
        var extension = Path.GetExtension(originalFileName).ToLowerInvariant();
        return new TemporaryUpload(folder, Path.Combine(folder, "upload" + (extension.Length is > 1 and <= 6 ? extension : ".dat")));
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
