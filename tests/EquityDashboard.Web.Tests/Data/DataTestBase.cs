using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Web.Components.Pages.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EquityDashboard.Web.Tests.Data;

/// <summary>The database-backed context, with uploads kept in a folder of the test and the upload limit of the test.</summary>
public abstract class DataTestBase : DatabaseTestBase
{
    protected const string NeedHeader = "year,governorate,cluster,people_in_need,targeted,reached";

    protected DataTestBase()
    {
        // Signed in as a data manager unless a test says otherwise (Auth.SetRoles, Auth.SetNotAuthorized).
        Auth = Ctx.AddAuthorization();
        Auth.SetAuthorized("dm@example.org");
        Auth.SetRoles(Roles.DataManager);
        Directory.CreateDirectory(UploadRoot);
        // Registered after the pages' own storage, so the page gets this one.
        Ctx.Services.AddSingleton(new UploadStorage(UploadRoot));
        Ctx.Services.Configure<EquityOptions>(o => o.MaxUploadMegabytes = MaxUploadMegabytes);
        Ctx.Services.Configure<EquityDashboard.Web.Accounts.AccessOptions>(o => o.UploadsPerMinute = UploadsPerMinute);
    }

    /// <summary>Who the page sees as signed in.</summary>
    protected Bunit.TestDoubles.BunitAuthorizationContext Auth { get; }

    /// <summary>Where the page keeps uploads during a test: must be empty whenever no upload is pending.</summary>
    protected string UploadRoot => Path.Combine(Folder, "uploads");

    /// <summary>Upload limit for the test, in MB (the setting's default unless a test class says otherwise).</summary>
    protected virtual int MaxUploadMegabytes => new EquityOptions().MaxUploadMegabytes;

    /// <summary>Uploads per person and minute for the test (the setting's default unless a test class says otherwise).</summary>
    protected virtual int UploadsPerMinute => new EquityDashboard.Web.Accounts.AccessOptions().UploadsPerMinute;

    protected static string Csv(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>Writes the text to a file of that name in the test folder and returns its path.</summary>
    protected async Task<string> WriteFileAsync(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    /// <summary>Runs the real importer on a file written from the text (a dry run unless said otherwise); any outcome.</summary>
    protected async Task<ImportReport> RunImportAsync(string name, string text, bool dryRun = true, RecordKind? kind = null,
        string? source = null, bool skipInvalid = false, bool illustrative = false)
    {
        var path = await WriteFileAsync(name, text);
        return await Service<ImportService>().ImportAsync(
            new ImportRequest(path, kind) { DryRun = dryRun, SourceName = source, SkipInvalid = skipInvalid, Illustrative = illustrative });
    }

    protected async Task<(int Batches, int Need)> CountRowsAsync()
    {
        await using var db = await Service<IDbContextFactory<EquityDbContext>>().CreateDbContextAsync();
        return (await db.Batches.CountAsync(), await db.Need.CountAsync());
    }

    /// <summary>The folders and files left under the upload root.</summary>
    protected string[] UploadLeftovers() => Directory.GetFileSystemEntries(UploadRoot, "*", SearchOption.AllDirectories);
}
