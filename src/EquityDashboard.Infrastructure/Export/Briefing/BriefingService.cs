using System.Globalization;
using System.Text;
using EquityDashboard.Core.Geography;
using ClosedXML.Excel;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>
/// Writes the briefing workbook (.xlsx) of a scope, or of one governorate, for the CLI `export`
/// command and the web download. The figures are the equity table's; nothing is recomputed.
/// </summary>
public sealed class BriefingService(
    FindingsService findings, EquityService equity, BreakdownService breakdown, BatchStore batches, NameResolver resolver)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Formulas are saved with their computed values, so readers that do not calculate still show the totals.</summary>
    private static readonly SaveOptions Save = new() { EvaluateFormulasBeforeSaving = true };

    /// <summary>The national (or one region's) briefing workbook of the scope.</summary>
    public async Task WriteAsync(EquityScope scope, Stream output, CancellationToken ct)
    {
        var content = await LoadAsync(scope, ct);
        using var workbook = BriefingWorkbook.Build(content);
        await SaveAsync(workbook, output, ct);
    }

    /// <summary>One governorate's briefing workbook; <paramref name="governorate"/> is a P-code or any spelling of its name.</summary>
    /// <exception cref="ArgumentException">The governorate is unknown (the message names the closest spellings).</exception>
    public async Task WriteGovernorateAsync(string governorate, EquityScope scope, Stream output, CancellationToken ct)
    {
        var content = await LoadGovernorateAsync(governorate, scope, ct);
        using var workbook = BriefingWorkbook.Build(content);
        await SaveAsync(workbook, output, ct);
    }

    /// <summary>
    /// Saves into memory, then copies asynchronously: the zip package needs a seekable stream and
    /// writes synchronously, while an HTTP response body is neither.
    /// </summary>
    private static async Task SaveAsync(XLWorkbook workbook, Stream output, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer, Save);
        PrintTitles.MakeAbsolute(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>Reads what the national workbook shows (the independent reads run side by side).</summary>
    public async Task<BriefingContent> LoadAsync(EquityScope scope, CancellationToken ct)
    {
        var result = findings.GetWithOtherBaselineAsync(scope, ct);
        var trends = TrendsAsync(scope, ct);
        var clusters = breakdown.ClustersAsync(scope, ct: ct);
        var donors = breakdown.DonorFlowsAsync(scope, ct: ct);
        var presence = breakdown.PresenceAsync(scope, ct: ct);
        var districts = equity.GetDistrictTableAsync(scope, ct: ct);
        var yearSources = equity.SourcesForYearAsync(scope.Year, scope.RealOnly, ct);
        var allBatches = batches.ListAsync(ct);
        await Task.WhenAll(result, trends, clusters, donors, presence, districts, yearSources, allBatches);

        var (trendRows, firstYear) = await trends;
        var sources = (await yearSources).Select(b => new BriefingSource(b, true)).ToList();
        sources.AddRange((await allBatches)
            .Where(b => sources.All(s => s.Batch.Id != b.Id) && !b.IsWithdrawn && !(scope.RealOnly && b.IsIllustrative)
                && UsedByTrend(b, firstYear, scope.Year))
            .Select(b => new BriefingSource(b, false)));

        var tables = await result;
        return new BriefingContent(tables.Table, await districts, tables.OtherBaseline, tables.Findings, trendRows, await clusters,
            await donors, await presence, sources.OrderBy(s => s.Batch.Id).ToList(), resolver.Gazetteer, DateTimeOffset.UtcNow);
    }

    /// <summary>Region figures of every year from the first with data to the scope's year, limited to the scope's region.</summary>
    private async Task<(List<TrendRow> Rows, int First)> TrendsAsync(EquityScope scope, CancellationToken ct)
    {
        var years = await equity.YearsAsync(ct);
        var first = years.Count > 0 ? Math.Min(years[0], scope.Year) : scope.Year;
        var rows = (await equity.GetTrendsAsync(first, scope.Year, scope.Cluster, scope.Donor, scope.RealOnly, ct))
            .Where(t => scope.Region is null || t.Region == scope.Region)
            .ToList();
        return (rows, first);
    }

    /// <summary>
    /// Whether a batch feeds the year-on-year blocks of earlier years: funding, need or presence
    /// whose reference period overlaps them (funding of the year before the first counts for its change).
    /// </summary>
    private static bool UsedByTrend(ImportBatch b, int firstYear, int year) =>
        b.Kind is RecordKind.Funding or RecordKind.Need or RecordKind.Presence
        && b.FirstYear is { } from && b.LastYear is { } to
        && from <= year - 1 && to >= firstYear - (b.Kind == RecordKind.Funding ? 1 : 0);

    /// <summary>Reads what a governorate's workbook shows.</summary>
    /// <exception cref="ArgumentException">The governorate is unknown.</exception>
    public async Task<GovernorateBriefingContent> LoadGovernorateAsync(string governorate, EquityScope scope, CancellationToken ct)
    {
        var pcode = ResolveGovernorate(governorate);
        var detailTask = breakdown.GovernorateAsync(pcode, scope, ct);
        var nationalTask = findings.GetWithOtherBaselineAsync(scope with { Region = null }, ct);
        var districtsTask = equity.GetDistrictTableAsync(scope with { Region = null }, pcode, ct);
        await Task.WhenAll(detailTask, nationalTask, districtsTask);
        var detail = await detailTask ?? throw new ArgumentException($"Unknown governorate '{governorate}'.", nameof(governorate));
        // The findings of the national table that concern this governorate or its region.
        var national = await nationalTask;
        var all = FindingsWriter.Write(national.Table, national.OtherBaseline, national.EarlierYears, int.MaxValue);
        var mine = all.Where(f => f.AreaKeys.Contains(pcode) || f.AreaKeys.Contains(detail.Governorate.Region)
                || f.Topic is FindingTopic.NoData or FindingTopic.Unallocated)
            .ToList();
        return new GovernorateBriefingContent(scope with { Region = null }, detail, await districtsTask, mine, resolver.Gazetteer,
            DateTimeOffset.UtcNow);
    }

    /// <summary>The P-code of a P-code or governorate name.</summary>
    /// <exception cref="ArgumentException">No governorate matches (the message suggests the closest).</exception>
    public string ResolveGovernorate(string governorate)
    {
        var resolution = resolver.Resolve(governorate);
        return resolution.Pcode ?? throw new ArgumentException(resolution.Error ?? $"Unknown governorate '{governorate}'.", nameof(governorate));
    }

    /// <summary>"equity-briefing-2019-health-donor-a-south-population.xlsx": the scope in a safe file name.</summary>
    public static string FileName(EquityScope scope) => "equity-briefing-" + Slug(ScopeParts(scope)) + ".xlsx";

    /// <summary>"equity-briefing-IQG15-ninewa-2019.xlsx".</summary>
    public string GovernorateFileName(string governorate, EquityScope scope)
    {
        var pcode = ResolveGovernorate(governorate);
        var name = resolver.Gazetteer[pcode].Name;
        return "equity-briefing-" + Slug([pcode, name, .. ScopeParts(scope with { Region = null })]) + ".xlsx";
    }

    private static List<string> ScopeParts(EquityScope scope)
    {
        var parts = new List<string> { scope.Year.ToString(CultureInfo.InvariantCulture) };
        if (scope.Cluster is { } c) parts.Add(c);
        if (scope.Donor is { } d) parts.Add(d);
        if (scope.Region is { } r) parts.Add(r);
        if (scope.Baseline != Baseline.Pin) parts.Add(BaselineWords.For(scope.Baseline).Value);
        if (scope.RealOnly) parts.Add("real");
        return parts;
    }

    /// <summary>ASCII letters and digits of each part, other runs as one '-', lower case except P-codes; parts joined by '-'.</summary>
    private static string Slug(IEnumerable<string> parts)
    {
        var words = new List<string>();
        foreach (var part in parts)
        {
            var sb = new StringBuilder();
            foreach (var ch in part.Normalize(NormalizationForm.FormKD))
            {
                if (char.IsAsciiLetterOrDigit(ch)) sb.Append(IsPcodeLike(part) ? ch : char.ToLowerInvariant(ch));
                else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            }
            var word = sb.ToString().Trim('-');
            if (word.Length > 0) words.Add(word);
        }
        var slug = string.Join('-', words);
        return slug.Length > 120 ? slug[..120].TrimEnd('-') : slug;
    }

    private static bool IsPcodeLike(string part) =>
        part.Length == 5 && part.StartsWith("IQG", StringComparison.Ordinal) && part[3..].All(char.IsAsciiDigit);
}
