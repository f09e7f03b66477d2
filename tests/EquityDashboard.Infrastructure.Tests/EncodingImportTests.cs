using System.Text;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Import;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>Files as users save them: Arabic Windows-1256, semicolons, UTF-16, binary junk.</summary>
public sealed class EncodingImportTests
{
    static EncodingImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string WriteBytes(TestDatabase db, string name, byte[] bytes)
    {
        var path = db.WriteCsv(name, "x");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task Windows1256_semicolon_file_with_Arabic_names_and_spaced_thousands_imports()
    {
        await using var db = await TestDatabase.CreateAsync();
        var text = "year;governorate;cluster;people_in_need;targeted;reached\r\n" +
                   "2021;نينوى;;\"1 234 567\";;\r\n" +
                   "2021;الأنبار;;2500;;\r\n";
        var path = WriteBytes(db, "arabic-1256.csv", Encoding.GetEncoding(1256).GetBytes(text));

        var report = await db.ImportAsync(path, RecordKind.Need);

        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal("windows-1256", report.EncodingName);
        Assert.Equal(';', report.Delimiter);
        var table = await db.TableAsync(2021);
        Assert.Equal(1_234_567, table.Gov("IQG15").Need);
        Assert.Equal(2_500, table.Gov("IQG01").Need);
    }

    [Fact]
    public async Task Utf16_tab_separated_file_imports()
    {
        await using var db = await TestDatabase.CreateAsync();
        var text = "year\tgovernorate\tcluster\tpeople_in_need\ttargeted\treached\n2021\tErbil\t\t300\t\t\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var path = WriteBytes(db, "utf16.tsv", bytes);

        var report = await db.ImportAsync(path, RecordKind.Need);

        Assert.True(report.Committed, string.Join(" | ", report.Errors));
        Assert.Equal('\t', report.Delimiter);
        Assert.Equal(300, (await db.TableAsync(2021)).Gov("IQG11").Need);
    }

    [Fact]
    public async Task Binary_junk_is_refused_with_a_clear_error_and_nothing_written()
    {
        await using var db = await TestDatabase.CreateAsync();
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        junk[10] = 0;
        var path = WriteBytes(db, "junk.csv", junk);

        var report = await db.ImportAsync(path, RecordKind.Funding);

        var error = Assert.Single(report.Errors);
        Assert.Equal(("junk.csv", 1), (error.File, error.Row));
        Assert.Contains("not a text (CSV) or Excel (.xlsx) file", error.Message, StringComparison.Ordinal);
        Assert.Equal(TableCounts.Empty, await db.CountsAsync());
    }
}
