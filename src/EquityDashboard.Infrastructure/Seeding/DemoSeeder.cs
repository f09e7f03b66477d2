using System.Text.Json;
using System.Text.Json.Serialization;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Import;

namespace EquityDashboard.Infrastructure.Seeding;

/// <summary>Loads the demo data listed in seeds/manifest.json through the user-facing importer.</summary>
public sealed class DemoSeeder(ImportService importer, BatchStore batches)
{
    /// <param name="PooledFund">The file is this pooled fund's allocations (see <see cref="ImportRequest.PooledFundName"/>).</param>
    public sealed record ManifestEntry(string File, string Kind, string Source, bool Illustrative, string? PooledFund = null);

    public async Task<IReadOnlyList<ImportReport>> SeedAsync(string seedFolder, CancellationToken ct = default)
    {
        var manifestPath = Path.Combine(seedFolder, "manifest.json");
        if (!File.Exists(manifestPath))
            throw new FileNotFoundException($"Seed manifest not found at {manifestPath}; set Equity:SeedFolder.", manifestPath);
        var entries = JsonSerializer.Deserialize<List<ManifestEntry>>(await File.ReadAllTextAsync(manifestPath, ct),
            new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

        var reports = new List<ImportReport>();
        foreach (var entry in entries)
        {
            var kind = Enum.Parse<RecordKind>(entry.Kind, ignoreCase: true);
            var report = await importer.ImportAsync(new ImportRequest(Path.Combine(seedFolder, entry.File), kind)
            {
                SourceName = entry.Source,
                Illustrative = entry.Illustrative,
                PooledFundName = entry.PooledFund,
                Actor = Actor.System,
            }, ct: ct);
            if (!report.Committed)
            {
                // All or nothing: a half-seeded database would never be seeded again.
                foreach (var done in reports)
                {
                    await batches.WithdrawAsync(Actor.System, done.BatchId!.Value, ct);
                    await batches.PurgeAsync(Actor.System, done.BatchId!.Value, ct);
                }
                throw new InvalidOperationException(
                    $"Seed file {entry.File} did not import: {report.RefusedReason ?? string.Join("; ", report.Errors.Take(5))}");
            }
            reports.Add(report);
        }
        return reports;
    }
}
