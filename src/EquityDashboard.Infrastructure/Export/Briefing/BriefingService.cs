using System.Globalization;
using System.Text;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Infrastructure.Queries;

namespace EquityDashboard.Infrastructure.Export.Briefing;

/// <summary>
/// Writes the briefing workbook (.xlsx) of a scope, or of one governorate, for the CLI `export`
/// command and the web download. The figures are the equity table's; nothing is recomputed.
/// </summary>
public sealed class BriefingService(
    FindingsService findings, EquityService equity, BreakdownService breakdown, NameResolver resolver)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The national (or one region's) briefing workbook of the scope.</summary>
    public async Task WriteAsync(EquityScope scope, Stream output, CancellationToken ct)
    {
        var content = await LoadAsync(scope, ct);
        using var workbook = BriefingWorkbook.Build(content);
        workbook.SaveAs(output);
    }

    /// <summary>One governorate's briefing workbook; <paramref name="governorate"/> is a P-code or any spelling of its name.</summary>
    /// <exception cref="ArgumentException">The governorate is unknown (the message names the closest spellings).</exception>
    public async Task WriteGovernorateAsync(string governorate, EquityScope scope, Stream output, CancellationToken ct)
    {
        var content = await LoadGovernorateAsync(governorate, scope, ct);
        using var workbook = BriefingWorkbook.Build(content);
        workbook.SaveAs(output);
    }

    /// <summary>Reads what the national workbook shows.</summary>
    public async Task<BriefingContent> LoadAsync(EquityScope scope, CancellationToken ct)
    {
        var result = await findings.GetWithOtherBaselineAsync(scope, ct);

        var years = await equity.YearsAsync(ct);
        var first = years.Count > 0 ? Math.Min(years[0], scope.Year) : scope.Year;
        var trends = (await equity.GetTrendsAsync(first, scope.Year, scope.Cluster, scope.Donor, ct))
            .Where(t => scope.Region is null || t.Region == scope.Region)
            .ToList();

        var clusters = await breakdown.ClustersAsync(scope, ct: ct);
        var donors = await breakdown.DonorFlowsAsync(scope, ct: ct);
        var presence = await breakdown.PresenceAsync(scope, ct: ct);

        // The scope year's batches, then those that only the year-on-year table uses.
        var sources = (await equity.SourcesForYearAsync(scope.Year, ct)).Select(b => new BriefingSource(b, true)).ToList();
        for (var year = scope.Year - 1; year >= first; year--)
        {
            foreach (var batch in await equity.SourcesForYearAsync(year, ct))
                if (sources.All(s => s.Batch.Id != batch.Id)) sources.Add(new BriefingSource(batch, false));
        }
        sources = sources.OrderBy(s => s.Batch.Id).ToList();

        return new BriefingContent(result.Table, result.OtherBaseline, result.Findings, trends, clusters, donors, presence,
            sources, DateTimeOffset.UtcNow);
    }

    /// <summary>Reads what a governorate's workbook shows.</summary>
    /// <exception cref="ArgumentException">The governorate is unknown.</exception>
    public async Task<GovernorateBriefingContent> LoadGovernorateAsync(string governorate, EquityScope scope, CancellationToken ct)
    {
        var pcode = ResolveGovernorate(governorate);
        var detail = await breakdown.GovernorateAsync(pcode, scope, ct)
            ?? throw new ArgumentException($"Unknown governorate '{governorate}'.", nameof(governorate));
        // The findings of the national table that concern this governorate or its region.
        var national = await findings.GetWithOtherBaselineAsync(scope with { Region = null }, ct);
        var all = FindingsWriter.Write(national.Table, national.OtherBaseline, int.MaxValue);
        var mine = all.Where(f => f.AreaKeys.Contains(pcode) || f.AreaKeys.Contains(detail.Governorate.Region)
                || f.Topic is FindingTopic.NoData or FindingTopic.Unallocated)
            .ToList();
        return new GovernorateBriefingContent(scope with { Region = null }, detail, mine, DateTimeOffset.UtcNow);
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
        if (scope.Baseline == Baseline.Population) parts.Add("population");
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
