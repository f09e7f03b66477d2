using EquityDashboard.Web.Components.Pages.Data;

namespace EquityDashboard.Web.Tests.Data;

public sealed class UploadStorageTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), $"ed-uploads-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_parent)) Directory.Delete(_parent, recursive: true);
    }

    [Fact]
    public void Each_upload_gets_its_own_folder_keeping_only_the_extension_and_disposal_deletes_it()
    {
        using var storage = UploadStorage.ForInstance(_parent);

        using var first = storage.Create("Données 2019 (final).CSV");
        using var second = storage.Create("need.xlsx");
        File.WriteAllText(first.FilePath, "a,b\n");

        Assert.Equal(storage.Root, Path.GetDirectoryName(first.Folder));
        Assert.NotEqual(first.Folder, second.Folder);
        Assert.Equal("upload.csv", Path.GetFileName(first.FilePath));
        Assert.Equal("upload.xlsx", Path.GetFileName(second.FilePath));
        Assert.Equal("upload.dat", Path.GetFileName(storage.Create("no-extension").FilePath));

        first.Dispose();
        Assert.False(Directory.Exists(first.Folder));
        Assert.True(Directory.Exists(second.Folder));
    }

    [Fact]
    public void Disposing_the_storage_deletes_uploads_still_pending()
    {
        var storage = UploadStorage.ForInstance(_parent);
        var pending = storage.Create("need.csv");
        File.WriteAllText(pending.FilePath, "a,b\n");

        storage.Dispose();

        Assert.False(Directory.Exists(storage.Root));
        Assert.True(Directory.Exists(_parent));
    }

    [Fact]
    public void A_new_instance_removes_folders_left_more_than_a_day_ago_and_keeps_recent_ones()
    {
        var old = Directory.CreateDirectory(Path.Combine(_parent, "killed-instance"));
        File.WriteAllText(Path.Combine(old.FullName, "upload.csv"), "a,b\n");
        Directory.SetLastWriteTimeUtc(old.FullName, DateTime.UtcNow - UploadStorage.StaleAfter - TimeSpan.FromMinutes(5));
        var recent = Directory.CreateDirectory(Path.Combine(_parent, "running-instance"));

        using var storage = UploadStorage.ForInstance(_parent);

        Assert.False(Directory.Exists(old.FullName));
        Assert.True(Directory.Exists(recent.FullName));
        Assert.NotEqual(recent.FullName, storage.Root);
    }
}
