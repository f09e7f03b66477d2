namespace EquityDashboard.Cli.Tests.Support;

/// <summary>A database file name in a private temp folder; the file and its WAL/SHM companions are deleted on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private static readonly string Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "equity-cli-tests");

    public TempDatabase(string prefix = "test")
    {
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, $"{prefix}-{Guid.NewGuid():N}.db");
    }

    public string Path { get; }

    /// <summary>A scratch file next to the database, deleted with it.</summary>
    public string File(string name, string contents)
    {
        var dir = System.IO.Path.ChangeExtension(Path, ".files");
        Directory.CreateDirectory(dir);
        var file = System.IO.Path.Combine(dir, name);
        System.IO.File.WriteAllText(file, contents, new System.Text.UTF8Encoding(false));
        return file;
    }

    public void Dispose()
    {
        foreach (var f in new[] { Path, Path + "-wal", Path + "-shm", Path + "-journal" })
        {
            try { System.IO.File.Delete(f); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        var dir = System.IO.Path.ChangeExtension(Path, ".files");
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
