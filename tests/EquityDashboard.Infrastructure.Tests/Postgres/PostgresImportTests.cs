using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;
using EquityDashboard.Infrastructure.Tests.RealData;
using EquityDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EquityDashboard.Infrastructure.Tests.Postgres;

/// <summary>
/// The importer's PostgreSQL writer (binary COPY in one transaction): the same files give the same
/// rows and totals as on SQLite; a failure or a cancellation mid-file leaves the database as it
/// was; concurrent imports neither lose nor double a batch.
/// </summary>
public sealed class PostgresImportTests
{
    private const string FundingHeader = "year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id";

    [PostgreSqlFact]
    public async Task The_seed_files_give_the_same_rows_and_totals_as_on_sqlite()
    {
        await using var sqlite = await TestDatabase.CreateAsync();
        await using var pg = await PostgresDatabase.CreateAsync();
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestSupport.SeedFolder, "manifest.json")));
        var requests = manifest.RootElement.EnumerateArray().Select(e => new ImportRequest(
            Path.Combine(TestSupport.SeedFolder, e.GetProperty("file").GetString()!),
            Enum.Parse<RecordKind>(e.GetProperty("kind").GetString()!, ignoreCase: true))
        {
            SourceName = e.GetProperty("source").GetString(),
            Illustrative = e.GetProperty("illustrative").GetBoolean(),
            PooledFundName = e.TryGetProperty("pooledFund", out var fund) ? fund.GetString() : null,
        }).ToList();
        Assert.Contains(requests, r => r.Kind == RecordKind.Funding);
        Assert.Contains(requests, r => r.Kind == RecordKind.Incidents); // dates: text in SQLite, date in PostgreSQL

        await ImportBothAsync(sqlite, pg, requests);
        await AssertSameTablesAsync(sqlite, pg);
    }

    [PostgreSqlFact]
    public async Task The_real_cbpf_and_3w_files_give_the_same_rows_and_totals_as_on_sqlite()
    {
        Assert.Null(RealDataFiles.SkipReason);
        await using var sqlite = await TestDatabase.CreateAsync();
        await using var pg = await PostgresDatabase.CreateAsync();
        ImportRequest[] requests =
        [
            new(RealDataFiles.File("cbpf_fund_adm1_budget_by_admin1.csv")),
            new(RealDataFiles.File("cbpf_allocations_overview/ProjectSummaryAggV2_2017.csv")),
            new(RealDataFiles.File(ThreeWWorkbookTests.WorkbookName)),
            new(RealDataFiles.File("irq_3w_2021_excerpt_notags.csv")) { Year = 2021 },
            // Rows without a governorate or an agency are errors, left out.
            new(RealDataFiles.File("irq_2014_cluster_activities_3w_combine_tablev3.csv")) { Year = 2014, SkipInvalid = true },
        ];

        var reports = await ImportBothAsync(sqlite, pg, requests);
        Assert.All(reports, r => Assert.True(r.RowsWritten > 0, r.FileName));
        await AssertSameTablesAsync(sqlite, pg);
        await using var db = pg.NewContext();
        Assert.True(await db.OrganisationAliases.AnyAsync(), "no organisation link was stored");
    }

    [PostgreSqlFact]
    public async Task A_row_failing_in_the_database_mid_file_leaves_postgres_unchanged()
    {
        await using var sqlite = await TestDatabase.CreateAsync();
        await using var pg = await PostgresDatabase.CreateAsync();
        var first = await pg.Importer.ImportAsync(new ImportRequest(sqlite.WriteCsv("first.csv", FundingFile(1, 50)), RecordKind.Funding));
        Assert.True(first.Committed);
        var before = await SnapshotAsync(pg);

        // The file is valid; the database refuses its 6,000th flow while the COPY is running.
        await pg.ExecuteAsync("""
            CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW."Donor" = 'Boom' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_boom BEFORE INSERT ON "FundingRecords" FOR EACH ROW EXECUTE FUNCTION refuse_boom();
            """);
        var lines = FundingFile(2, 12_000);
        lines[6_000] = lines[6_000].Replace("Donor A", "Boom", StringComparison.Ordinal);
        Assert.Contains(",Boom,", lines[6_000], StringComparison.Ordinal);
        var path = sqlite.WriteCsv("boom.csv", lines);

        var error = await Assert.ThrowsAsync<PostgresException>(() => pg.Importer.ImportAsync(new ImportRequest(path, RecordKind.Funding)));
        Assert.Contains("refused by the test", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(pg));
    }

    [PostgreSqlFact]
    public async Task A_cancelled_import_leaves_postgres_unchanged()
    {
        await using var sqlite = await TestDatabase.CreateAsync();
        await using var pg = await PostgresDatabase.CreateAsync();
        Assert.True((await pg.Importer.ImportAsync(new ImportRequest(sqlite.WriteCsv("first.csv", FundingFile(1, 50)), RecordKind.Funding))).Committed);
        var before = await SnapshotAsync(pg);

        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(cancel, rows: 10_000);
        var path = sqlite.WriteCsv("long.csv", FundingFile(3, 30_000));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            pg.Importer.ImportAsync(new ImportRequest(path, RecordKind.Funding), progress, cancel.Token));
        Assert.True(progress.Cancelled, "the import ended before it was cancelled");
        Assert.Equal(before, await SnapshotAsync(pg));
    }

    [PostgreSqlFact]
    public async Task Two_imports_of_different_files_at_once_both_land()
    {
        await using var sqlite = await TestDatabase.CreateAsync();
        await using var pg = await PostgresDatabase.CreateAsync();
        var a = sqlite.WriteCsv("a.csv", FundingFile(4, 20_000));
        var b = sqlite.WriteCsv("b.csv", FundingFile(5, 20_000));

        var reports = await Task.WhenAll(
            Task.Run(() => pg.Importer.ImportAsync(new ImportRequest(a, RecordKind.Funding))),
            Task.Run(() => pg.Importer.ImportAsync(new ImportRequest(b, RecordKind.Funding))));

        Assert.All(reports, r => Assert.True(r.Committed, r.RefusedReason ?? string.Join(" | ", r.Errors)));
        Assert.NotEqual(reports[0].BatchId, reports[1].BatchId);
        await using var db = pg.NewContext();
        Assert.Equal(2, await db.Batches.CountAsync());
        foreach (var report in reports)
        {
            Assert.Equal(20_000, await db.Funding.CountAsync(f => f.BatchId == report.BatchId));
            Assert.Equal(20_000, await db.FundingTotals.Where(t => t.BatchId == report.BatchId).SumAsync(t => t.Flows));
        }
        Assert.Equal(2, await db.Audit.CountAsync(e => e.Action == AuditActions.Import));
    }

    [PostgreSqlFact]
    public async Task Two_imports_of_the_same_file_at_once_land_exactly_once()
    {
        await using var sqlite = await TestDatabase.CreateAsync();
        await using var pg = await PostgresDatabase.CreateAsync();
        var path = sqlite.WriteCsv("same.csv", FundingFile(6, 20_000));
        var sha = await ImportService.HashFileAsync(path);

        // Both hashed already, so both reach the database together.
        var reports = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => pg.Importer.ImportAsync(new ImportRequest(path, RecordKind.Funding) { Sha256 = sha }))));

        Assert.Single(reports, r => r.Committed);
        var refused = Assert.Single(reports, r => !r.Committed);
        Assert.Contains("was already imported as batch", refused.RefusedReason, StringComparison.Ordinal);
        await using var db = pg.NewContext();
        Assert.Equal(1, await db.Batches.CountAsync());
        Assert.Equal(20_000, await db.Funding.CountAsync());
        Assert.Equal(20_000, await db.FundingTotals.SumAsync(t => t.Flows));
        Assert.Equal(1, await db.Audit.CountAsync(e => e.Action == AuditActions.Import));
    }

    /// <summary>Valid template funding rows (header first): varied years, dates, donors, places, statuses and amounts.</summary>
    private static string[] FundingFile(int seed, int rows)
    {
        string[] donors = ["Donor A", "Donor B", "Iraq Humanitarian Fund (CBPF)", "Donor C"];
        string[] places = ["Ninewa", "Al-Anbar", "Baghdad", "Ninewa;Al-Anbar", "Iraq", "", "Duhok"];
        string[] districts = ["Al-Mosul", "Al-Falluja", "", "", "", "", ""];
        string[] statuses = ["paid", "commitment", "pledge", ""];
        var lines = new string[rows + 1];
        lines[0] = FundingHeader;
        for (var i = 1; i <= rows; i++)
        {
            var place = (i * 7 + seed) % places.Length;
            var date = i % 5 == 0 ? "" : new DateOnly(2018 + i % 4, 1 + i % 12, 1 + i % 28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            lines[i] = string.Create(CultureInfo.InvariantCulture,
                $"{2018 + i % 4},{date},{donors[i % donors.Length]},\"Partner {i % 37}, Iraq\",{(i % 3 == 0 ? "WASH" : "Health")},{places[place]},{districts[place]},{1000 + (i * 7919 + seed) % 500_000}.{i % 100:00},{statuses[i % statuses.Length]},{(i % 9 == 0 ? "internal" : "incoming")},S{seed}-{i}");
        }
        return lines;
    }

    private sealed class CancelAfter(CancellationTokenSource cancel, int rows) : IProgress<ImportProgress>
    {
        public bool Cancelled { get; private set; }

        public void Report(ImportProgress value)
        {
            if (value.RowsRead < rows || Cancelled) return;
            Cancelled = true;
            cancel.Cancel();
        }
    }

    private static async Task<List<ImportReport>> ImportBothAsync(TestDatabase sqlite, PostgresDatabase pg, IEnumerable<ImportRequest> requests)
    {
        var reports = new List<ImportReport>();
        foreach (var request in requests)
        {
            var onSqlite = await sqlite.Importer.ImportAsync(request);
            var onPostgres = await pg.Importer.ImportAsync(request);
            Assert.True(onSqlite.Committed, $"{onSqlite.FileName}: {onSqlite.RefusedReason} {string.Join(" | ", onSqlite.Errors.Take(5))}");
            Assert.True(onPostgres.Committed, $"{onPostgres.FileName} on PostgreSQL: {onPostgres.RefusedReason} {string.Join(" | ", onPostgres.Errors.Take(5))}");
            Assert.Equal(onSqlite.RowsWritten, onPostgres.RowsWritten);
            Assert.Equal(onSqlite.PooledFundNotes, onPostgres.PooledFundNotes);
            Assert.Equal(onSqlite.Issues.Select(i => i.ToString()), onPostgres.Issues.Select(i => i.ToString()));
            reports.Add(onPostgres);
        }
        return reports;
    }

    /// <summary>Every table an import writes, row by row in the order written, the same on both.</summary>
    private static async Task AssertSameTablesAsync(TestDatabase sqlite, PostgresDatabase pg)
    {
        await using var s = sqlite.NewContext();
        await using var p = pg.NewContext();
        await SameAsync<ImportBatch>(s, p, b => b.Id, nameof(ImportBatch.Id), nameof(ImportBatch.ImportedAt));
        await SameAsync<FundingRecord>(s, p, r => r.Id, nameof(FundingRecord.Id));
        await SameAsync<FundingTotal>(s, p, r => r.Id, nameof(FundingTotal.Id));
        await SameAsync<FundingDistrictTotal>(s, p, r => r.Id, nameof(FundingDistrictTotal.Id));
        await SameAsync<PresenceRecord>(s, p, r => r.Id, nameof(PresenceRecord.Id));
        await SameAsync<NeedFigure>(s, p, r => r.Id, nameof(NeedFigure.Id));
        await SameAsync<SecurityIncident>(s, p, r => r.Id, nameof(SecurityIncident.Id));
        await SameAsync<DisplacementFigure>(s, p, r => r.Id, nameof(DisplacementFigure.Id));
        await SameAsync<OrganisationAlias>(s, p, r => r.AliasKey);
        await SameAsync<AuditEvent>(s, p, e => e.Id, nameof(AuditEvent.Id), nameof(AuditEvent.At));
    }

    private static async Task SameAsync<T>(EquityDbContext sqlite, EquityDbContext pg, System.Linq.Expressions.Expression<Func<T, object>> order,
        params string[] ignored) where T : class
    {
        var expected = await RowsAsync(sqlite, order, ignored);
        var actual = await RowsAsync(pg, order, ignored);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
    }

    private static async Task<List<string>> RowsAsync<T>(EquityDbContext db, System.Linq.Expressions.Expression<Func<T, object>> order, string[] ignored)
        where T : class
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && !ignored.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var rows = await db.Set<T>().AsNoTracking().OrderBy(order).ToListAsync();
        return rows.Select(r =>
        {
            var text = new StringBuilder(typeof(T).Name);
            foreach (var p in properties) text.Append(CultureInfo.InvariantCulture, $" {p.Name}={Convert.ToString(p.GetValue(r), CultureInfo.InvariantCulture)}");
            return text.ToString();
        }).ToList();
    }

    /// <summary>Counts and sums of every data table, and the audit trail's length.</summary>
    private static async Task<string> SnapshotAsync(PostgresDatabase pg)
    {
        await using var db = pg.NewContext();
        return string.Join(", ",
            await db.Batches.CountAsync(), await db.Funding.CountAsync(), await db.Funding.SumAsync(f => f.AmountUsd),
            await db.FundingTotals.CountAsync(), await db.FundingTotals.SumAsync(t => t.Flows), await db.FundingDistrictTotals.CountAsync(),
            await db.Audit.CountAsync(), string.Join("|", await db.Batches.OrderBy(b => b.Id).Select(b => b.Sha256).ToListAsync()));
    }
}
