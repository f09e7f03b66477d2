using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests.RealData;

/// <summary>
/// Minimal independent .xlsx reader for tests (System.IO.Compression + XML, not the product's
/// ExcelDataReader path): sheet names in workbook order and the cells of one sheet as text.
/// </summary>
internal static class TestXlsx
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace OfficeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static List<string> SheetNames(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return Load(zip, "xl/workbook.xml").Descendants(Main + "sheet").Select(s => (string)s.Attribute("name")!).ToList();
    }

    /// <summary>Rows of the named sheet (by 1-based row number), each a list of cell texts by column.</summary>
    public static List<(int Row, string[] Cells)> Rows(string path, string sheetName)
    {
        using var zip = ZipFile.OpenRead(path);
        var sheet = Load(zip, "xl/workbook.xml").Descendants(Main + "sheet").Single(s => (string)s.Attribute("name")! == sheetName);
        var relId = (string)sheet.Attribute(OfficeRel + "id")!;
        var target = (string)Load(zip, "xl/_rels/workbook.xml.rels").Descendants(PackageRel + "Relationship")
            .Single(r => (string)r.Attribute("Id")! == relId).Attribute("Target")!;
        var sheetPath = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;

        var shared = zip.GetEntry("xl/sharedStrings.xml") is null
            ? []
            : Load(zip, "xl/sharedStrings.xml").Root!.Elements(Main + "si")
                .Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList();

        var rows = new List<(int, string[])>();
        foreach (var row in Load(zip, sheetPath).Descendants(Main + "row"))
        {
            var cells = new SortedDictionary<int, string>();
            foreach (var c in row.Elements(Main + "c"))
            {
                var type = (string?)c.Attribute("t");
                var v = c.Element(Main + "v")?.Value;
                var text = type switch
                {
                    "s" => shared[int.Parse(v!, CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
                    _ => v ?? string.Empty,
                };
                cells[Column((string)c.Attribute("r")!)] = text;
            }
            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            rows.Add((int.Parse((string)row.Attribute("r")!, CultureInfo.InvariantCulture),
                Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i, string.Empty)).ToArray()));
        }
        return rows;
    }

    private static int Column(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }

    private static XDocument Load(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"No part {name}");
        return XDocument.Load(stream);
    }
}

/// <summary>
/// The real OCHA Iraq 3W workbook, Jan-Apr 2022 (HDX "Iraq - Humanitarian Operational Presence
/// 3W"): a Metadata sheet first, the data on a second sheet whose name ends in a space, an HXL
/// row with spaces inside the tags. Figures are checked against counts computed here from the
/// workbook and against shared/reference/presence-2022-partners-by-governorate.csv.
/// </summary>
public sealed class ThreeWWorkbookTests
{
    internal const string WorkbookName = "irq_3w_jan_to_apr_2022_longtable_20220518.xlsx";
    private const string ReferenceName = "presence-2022-partners-by-governorate.csv";
    private const int DataRows = 4839;

    /// <summary>The 3W data rows read independently of the product: the columns the tests need.</summary>
    internal sealed record ThreeWRow(string Pcode, string Cluster, string DistrictPcode, string District, string Acronym, string FullName);

    internal static List<ThreeWRow> ReadWorkbook(string path)
    {
        var sheet = TestXlsx.SheetNames(path).Single(n => n.EndsWith(' '));
        var rows = TestXlsx.Rows(path, sheet);
        var titles = rows[0].Cells;
        var tags = rows[1].Cells.Select(t => new string(t.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant()).ToArray();
        int ByTag(string tag, string title)
        {
            var i = Array.IndexOf(tags, tag);
            Assert.True(i >= 0, $"No {tag} column in the 3W workbook");
            Assert.Equal(title, titles[i]);
            return i;
        }
        var pcode = ByTag("#adm1+code", "ADM1_PCODE");
        var cluster = ByTag("#sector+cluster", "Cluster");
        var districtPcode = ByTag("#adm2+code", "ADM2_PCODE");
        var district = ByTag("#adm2+name", "District");
        var acronym = ByTag("#org+acronym", "Partner Acronym");
        var name = ByTag("#org+name", "Partner Full Name");
        string At(string[] cells, int i) => i < cells.Length ? cells[i] : string.Empty;
        return rows.Skip(2)
            .Where(r => r.Cells.Any(c => c.Trim().Length > 0))
            .Select(r => new ThreeWRow(At(r.Cells, pcode).Trim(), At(r.Cells, cluster).Trim(), At(r.Cells, districtPcode).Trim(), At(r.Cells, district).Trim(),
                At(r.Cells, acronym), At(r.Cells, name)))
            .ToList();
    }

    /// <summary>Case/space/punctuation-insensitive key, written here rather than borrowed from the product.</summary>
    private static string Key(string? s) =>
        new string((s ?? string.Empty).Normalize(NormalizationForm.FormD)
            .Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>
    /// "Distinct partner": one organisation per group of acronym and full-name keys linked by
    /// appearing on the same row (transitively), the way docs/data-formats.md describes presence.
    /// </summary>
    internal sealed class Partners
    {
        private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

        public Partners(IEnumerable<(string Acronym, string Name)> pairs)
        {
            foreach (var (acronym, name) in pairs)
            {
                var a = Key(acronym);
                var n = Key(name);
                if (a.Length > 0) Root(a);
                if (n.Length > 0) Root(n);
                if (a.Length > 0 && n.Length > 0 && Root(a) != Root(n)) _parent[Root(a)] = Root(n);
            }
        }

        public string Of(string acronym, string name) => Root(Key(name).Length > 0 ? Key(name) : Key(acronym));

        private string Root(string key)
        {
            if (!_parent.TryGetValue(key, out var parent)) { _parent[key] = key; return key; }
            return parent == key ? key : _parent[key] = Root(parent);
        }
    }

    private static async Task<ImportReport> ImportOkAsync(TestDatabase db, ImportRequest request)
    {
        var report = await db.Importer.ImportAsync(request);
        Assert.True(report.Committed,
            $"{WorkbookName} did not import: {report.RefusedReason} {string.Join(" | ", report.Errors.Take(10))}");
        return report;
    }

    [RealDataFact]
    public async Task Imports_as_hxl_presence_for_2022_from_the_second_sheet_without_kind_or_sheet()
    {
        var path = RealDataFiles.File(WorkbookName);
        var rows = ReadWorkbook(path);
        Assert.Equal(DataRows, rows.Count);

        await using var db = await TestDatabase.CreateAsync();
        var report = await ImportOkAsync(db, new ImportRequest(path));

        Assert.Equal(RecordKind.Presence, report.Kind);
        Assert.Equal("HXL", report.Format);
        Assert.Equal("xlsx", report.EncodingName);
        Assert.Equal(TestXlsx.SheetNames(path)[1].Trim(), report.SheetName?.Trim());
        Assert.Equal(DataRows, report.RowsRead);
        Assert.Equal(0, report.ErrorCount);
        Assert.Empty(report.SkippedRows);
        Assert.Equal(DataRows, report.RowsValid);

        // A row is one (organisation, cluster, governorate, district) activity: the four months repeat them.
        var partners = new Partners(rows.Select(r => (r.Acronym, r.FullName)));
        var distinctActivities = rows.Select(r => (partners.Of(r.Acronym, r.FullName), Key(r.Cluster), r.Pcode, Key(r.District))).Distinct().Count();
        Assert.Equal(distinctActivities, report.RowsWritten);
        Assert.Equal(DataRows - distinctActivities, report.DuplicatesRemoved);
        // Said for people with the workbook's own counts: 4,839 rows, 898 distinct activities.
        Assert.Equal((4_839, 898), (DataRows, distinctActivities));
        Assert.Equal("898 organisation-activity rows after merging 3,941 repeated rows of the same organisation, place and activity", report.MergedRepeats);

        await using var ctx = db.NewContext();
        var batch = await ctx.Batches.SingleAsync();
        Assert.Equal(2022, batch.FirstYear);
        Assert.Equal(2022, batch.LastYear);
        Assert.Equal(RecordKind.Presence, batch.Kind);
        Assert.Equal(report.RowsWritten, await ctx.Presence.CountAsync());
        Assert.Equal(0, await ctx.Presence.CountAsync(p => p.Year != 2022));
    }

    [RealDataFact]
    public async Task Organisations_per_governorate_equal_distinct_partners_in_the_workbook()
    {
        var path = RealDataFiles.File(WorkbookName);
        var rows = ReadWorkbook(path);
        var partners = new Partners(rows.Select(r => (r.Acronym, r.FullName)));
        var expected = rows.GroupBy(r => r.Pcode)
            .ToDictionary(g => g.Key, g => g.Select(r => partners.Of(r.Acronym, r.FullName)).Distinct().Count());
        var expectedActivities = rows.GroupBy(r => r.Pcode)
            .ToDictionary(g => g.Key, g => g.Select(r => (partners.Of(r.Acronym, r.FullName), Key(r.Cluster), Key(r.District))).Distinct().Count());

        // All 18 governorates, all of them in the gazetteer; 107 partners in all.
        Assert.Equal(18, expected.Count);
        Assert.Equal(GazetteerSource.Default.All.Select(g => g.Pcode).Order(), expected.Keys.Order());
        Assert.Equal(107, rows.Select(r => partners.Of(r.Acronym, r.FullName)).Distinct().Count());

        await using var db = await TestDatabase.CreateAsync();
        await ImportOkAsync(db, new ImportRequest(path));
        var table = await db.TableAsync(2022);
        Assert.True(table.PresenceLoaded);
        foreach (var (pcode, orgs) in expected)
        {
            Assert.True(orgs == table.Gov(pcode).Orgs, $"{pcode}: {orgs} distinct partners in the workbook, product Orgs {table.Gov(pcode).Orgs}");
            Assert.True(expectedActivities[pcode] == table.Gov(pcode).Activities,
                $"{pcode}: {expectedActivities[pcode]} distinct activities in the workbook, product {table.Gov(pcode).Activities}");
        }

        // Distinct partners over all governorates: the stored organisation keys.
        await using var ctx = db.NewContext();
        Assert.Equal(107, await ctx.Presence.Select(p => p.OrganisationKey).Distinct().CountAsync());
    }

    [RealDataFact]
    public async Task Partners_per_district_equal_distinct_partners_per_ADM2_PCODE_in_the_workbook()
    {
        var path = RealDataFiles.File(WorkbookName);
        var rows = ReadWorkbook(path);
        var partners = new Partners(rows.Select(r => (r.Acronym, r.FullName)));
        var expected = rows.GroupBy(r => r.DistrictPcode)
            .ToDictionary(g => g.Key, g => g.Select(r => partners.Of(r.Acronym, r.FullName)).Distinct().Count());
        // Every row names a district by its P-code, inside its own governorate: 81 districts in all.
        Assert.Equal(81, expected.Count);
        Assert.All(rows, r => Assert.StartsWith(r.Pcode + "Q", r.DistrictPcode, StringComparison.Ordinal));
        // The five districts with the most partners, as counted here from the workbook.
        Assert.Equal(
            [("IQG15Q05", 50), ("IQG15Q07", 34), ("IQG01Q01", 28), ("IQG15Q03", 28), ("IQG15Q08", 27)],
            expected.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(5).Select(kv => (kv.Key, kv.Value)));

        await using var db = await TestDatabase.CreateAsync();
        var report = await ImportOkAsync(db, new ImportRequest(path));

        // The P-code column (#adm2+code) gives the district: every row placed, nothing to resolve by name.
        var districts = Assert.IsType<DistrictSummary>(report.Districts);
        Assert.Equal(DataRows, districts.RowsInDistricts);
        Assert.Equal(0, districts.RowsNotSpecified);
        Assert.Empty(districts.Unresolved);

        await using var ctx = db.NewContext();
        var stored = await ctx.Presence.AsNoTracking().Select(p => new { p.GovernoratePcode, p.DistrictPcode, p.OrganisationKey }).ToListAsync();
        Assert.All(stored, p => Assert.StartsWith(p.GovernoratePcode + "Q", p.DistrictPcode, StringComparison.Ordinal));
        var actual = stored.GroupBy(p => p.DistrictPcode!)
            .ToDictionary(g => g.Key, g => g.Select(p => p.OrganisationKey).Distinct().Count());
        var mismatches = expected.Where(kv => actual.GetValueOrDefault(kv.Key) != kv.Value)
            .Select(kv => $"{kv.Key}: workbook {kv.Value}, product {actual.GetValueOrDefault(kv.Key)}").ToList();
        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
    }

    [RealDataFact]
    public async Task Organisations_per_governorate_and_cluster_equal_the_shared_reference_table()
    {
        var path = RealDataFiles.File(WorkbookName);
        var reference = TestSupport.ReadCsv(RealDataFiles.Reference(ReferenceName));
        Assert.Equal(440, reference.Count);
        Assert.All(reference, r => Assert.Equal("2022", r["year"]));
        var refPartners = new Partners(reference.Select(r => (r["partner_acronym"], r["partner_name"])));
        Assert.Equal(107, reference.Select(r => refPartners.Of(r["partner_acronym"], r["partner_name"])).Distinct().Count());

        await using var db = await TestDatabase.CreateAsync();
        await ImportOkAsync(db, new ImportRequest(path));

        var table = await db.TableAsync(2022);
        var byGovernorate = reference.GroupBy(r => r["pcode"])
            .ToDictionary(g => g.Key, g => g.Select(r => refPartners.Of(r["partner_acronym"], r["partner_name"])).Distinct().Count());
        Assert.Equal(18, byGovernorate.Count);
        var mismatches = byGovernorate.Where(kv => table.Gov(kv.Key).Orgs != kv.Value)
            .Select(kv => $"{kv.Key}: reference {kv.Value}, product {table.Gov(kv.Key).Orgs}").ToList();
        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));

        // The reference is governorate x cluster x partner: the cluster-scoped table gives the same counts.
        foreach (var cluster in reference.GroupBy(r => r["cluster"]))
        {
            var scoped = await db.TableAsync(2022, cluster.Key);
            foreach (var gov in GazetteerSource.Default.All)
            {
                var expected = cluster.Where(r => r["pcode"] == gov.Pcode)
                    .Select(r => refPartners.Of(r["partner_acronym"], r["partner_name"])).Distinct().Count();
                Assert.True(expected == scoped.Gov(gov.Pcode).Orgs,
                    $"{gov.Pcode} / {cluster.Key}: reference {expected}, product {scoped.Gov(gov.Pcode).Orgs}");
            }
        }
    }

    [RealDataFact]
    public async Task Importing_again_is_refused_and_replace_swaps_the_batch()
    {
        var path = RealDataFiles.File(WorkbookName);
        await using var db = await TestDatabase.CreateAsync();
        var first = await ImportOkAsync(db, new ImportRequest(path));
        var counts = await db.CountsAsync();
        var orgs = (await db.TableAsync(2022)).Governorates.ToDictionary(g => g.Key, g => (g.Orgs, g.Activities));

        var again = await db.Importer.ImportAsync(new ImportRequest(path));
        Assert.False(again.Committed);
        Assert.NotNull(again.RefusedReason);
        Assert.Contains("already imported", again.RefusedReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(counts, await db.CountsAsync());

        var replaced = await ImportOkAsync(db, new ImportRequest(path) { Replace = true });
        Assert.Equal(first.BatchId, replaced.ReplacedBatchId);
        Assert.NotEqual(first.BatchId, replaced.BatchId);
        Assert.Equal(first.RowsWritten, replaced.RowsWritten);
        Assert.Equal(counts, await db.CountsAsync());

        await using var ctx = db.NewContext();
        var batch = await ctx.Batches.SingleAsync();
        Assert.Equal(replaced.BatchId, batch.Id);
        Assert.Equal(0, await ctx.Presence.CountAsync(p => p.BatchId != batch.Id));
        Assert.Equal(orgs, (await db.TableAsync(2022)).Governorates.ToDictionary(g => g.Key, g => (g.Orgs, g.Activities)));
    }
}
