using System.Text.Json;

namespace ReadingLoad;

/// <summary>
/// Reads Lighthouse JSON reports of one page (several runs) and prints the scores of every run, then,
/// for the median run by performance score, the metrics and what held each category back: the
/// weighted audits that did not score full marks (with the points they cost), Lighthouse's
/// opportunities and diagnostics that fell short (with their estimated savings), and the elements
/// each failing accessibility audit named.
/// </summary>
internal static class LighthouseSummary
{
    private static readonly string[] Metrics =
        ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

    public static int Run(string label, IReadOnlyList<string> reports)
    {
        var docs = reports.Select(r => JsonDocument.Parse(File.ReadAllText(r))).ToList();
        var runs = docs.Select(d => (Doc: d, Perf: Score(d, "performance"), A11y: Score(d, "accessibility"))).ToList();
        var median = runs.OrderBy(r => r.Perf).ElementAt(runs.Count / 2);
        var root = median.Doc.RootElement;
        var audits = root.GetProperty("audits");

        Console.WriteLine($"### `{label}`");
        Console.WriteLine();
        Console.WriteLine($"Performance **{median.Perf}**, accessibility **{median.A11y}** (median run by performance; all runs: performance "
            + $"{string.Join(", ", runs.Select(r => r.Perf))}; accessibility {string.Join(", ", runs.Select(r => r.A11y))}). "
            + $"Lighthouse {root.GetProperty("lighthouseVersion").GetString()}, {root.GetProperty("configSettings").GetProperty("formFactor").GetString()}, "
            + $"{root.GetProperty("configSettings").GetProperty("throttlingMethod").GetString()} throttling; "
            + $"benchmark index {(root.GetProperty("environment").TryGetProperty("benchmarkIndex", out var bi) ? bi.GetDouble().ToString("0", Stats.Inv) : "?")}.");
        Console.WriteLine();
        Console.WriteLine("| metric | value | score | weight | points lost |");
        Console.WriteLine("|---|---|---|---|---|");
        var perfRefs = root.GetProperty("categories").GetProperty("performance").GetProperty("auditRefs").EnumerateArray().ToList();
        var perfWeight = perfRefs.Sum(r => r.GetProperty("weight").GetDouble());
        foreach (var id in Metrics)
        {
            var a = audits.GetProperty(id);
            var weight = perfRefs.FirstOrDefault(r => r.GetProperty("id").GetString() == id) is { ValueKind: JsonValueKind.Object } r0 ? r0.GetProperty("weight").GetDouble() : 0;
            var score = a.GetProperty("score").ValueKind == JsonValueKind.Number ? a.GetProperty("score").GetDouble() : double.NaN;
            Console.WriteLine($"| {a.GetProperty("title").GetString()} | {Display(a)} | {(double.IsNaN(score) ? "–" : (score * 100).ToString("0", Stats.Inv))} | "
                + $"{weight.ToString("0", Stats.Inv)} | {(double.IsNaN(score) ? "" : (weight * (1 - score) / perfWeight * 100).ToString("0.0", Stats.Inv))} |");
        }
        Console.WriteLine();

        // Opportunities and diagnostics of the performance category that fell short, largest savings first.
        var shortfalls = perfRefs
            .Where(r => r.GetProperty("weight").GetDouble() == 0)
            .Select(r => audits.GetProperty(r.GetProperty("id").GetString()!))
            .Where(a => a.GetProperty("score").ValueKind == JsonValueKind.Number && a.GetProperty("score").GetDouble() < 0.9
                && a.GetProperty("scoreDisplayMode").GetString() is "metricSavings" or "numeric" or "binary")
            .Select(a => (Audit: a, Savings: Savings(a)))
            .OrderByDescending(x => x.Savings.Ms).ThenByDescending(x => x.Savings.Bytes)
            .Take(8).ToList();
        if (shortfalls.Count > 0)
        {
            Console.WriteLine("Performance audits that fell short (score < 0.9), largest estimated savings first:");
            Console.WriteLine();
            foreach (var (a, s) in shortfalls)
            {
                var saving = string.Join(", ", new[] { s.Ms > 0 ? $"~{Stats.N(s.Ms)} ms" : null, s.Bytes > 0 ? $"~{Stats.Kb(s.Bytes)} KiB" : null }.Where(x => x is not null));
                Console.WriteLine($"- **{a.GetProperty("title").GetString()}**{(Display(a) is { Length: > 0 } d ? $": {d}" : "")}"
                    + $"{(saving.Length > 0 ? $" (savings {saving})" : "")}{Items(a)}");
            }
            Console.WriteLine();
        }
        if (audits.TryGetProperty("largest-contentful-paint-element", out var lcpElement) && Items(lcpElement) is { Length: > 0 } lcpItems)
            Console.WriteLine($"Largest contentful paint element{lcpItems}");
        Console.WriteLine();

        var a11yRefs = root.GetProperty("categories").GetProperty("accessibility").GetProperty("auditRefs").EnumerateArray().ToList();
        var a11yWeight = a11yRefs.Sum(r => r.GetProperty("weight").GetDouble());
        var failing = a11yRefs
            .Where(r => r.GetProperty("weight").GetDouble() > 0)
            .Select(r => (Ref: r, Audit: audits.GetProperty(r.GetProperty("id").GetString()!)))
            .Where(x => x.Audit.GetProperty("score").ValueKind == JsonValueKind.Number && x.Audit.GetProperty("score").GetDouble() < 1)
            .OrderByDescending(x => x.Ref.GetProperty("weight").GetDouble()).ToList();
        if (failing.Count == 0) Console.WriteLine("Accessibility: every weighted audit passed.");
        else
        {
            Console.WriteLine("Accessibility audits that failed:");
            Console.WriteLine();
            foreach (var (r, a) in failing)
                Console.WriteLine($"- **{a.GetProperty("title").GetString()}** (`{r.GetProperty("id").GetString()}`, costs "
                    + $"{(r.GetProperty("weight").GetDouble() / a11yWeight * 100).ToString("0.0", Stats.Inv)} points){Items(a)}");
        }
        Console.WriteLine();
        var errored = audits.EnumerateObject().Where(a => a.Value.TryGetProperty("scoreDisplayMode", out var m) && m.GetString() == "error").ToList();
        if (errored.Count > 0)
        {
            Console.WriteLine($"Audits that could not run ({errored.Count}, not counted in any score): {string.Join(", ", errored.Select(a => $"`{a.Name}`"))}; "
                + $"first error: \"{Trim(errored[0].Value.TryGetProperty("errorMessage", out var em) ? em.GetString() ?? "" : "", 200)}\".");
            Console.WriteLine();
        }
        Console.WriteLine($"<!-- page={label} perf={median.Perf} a11y={median.A11y} perf-min={runs.Min(r => r.Perf)} a11y-min={runs.Min(r => r.A11y)} -->");
        Console.WriteLine();
        return 0;
    }

    private static int Score(JsonDocument d, string category) =>
        d.RootElement.GetProperty("categories").GetProperty(category).GetProperty("score") is { ValueKind: JsonValueKind.Number } s
            ? (int)Math.Round(s.GetDouble() * 100) : -1;

    private static string Display(JsonElement audit) =>
        audit.TryGetProperty("displayValue", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()!.Replace('\u00a0', ' ') : "";

    private static (double Ms, double Bytes) Savings(JsonElement audit)
    {
        double ms = 0, bytes = 0;
        if (audit.TryGetProperty("metricSavings", out var m) && m.ValueKind == JsonValueKind.Object)
            foreach (var p in m.EnumerateObject())
                if (p.Name is "LCP" or "FCP" && p.Value.ValueKind == JsonValueKind.Number) ms = Math.Max(ms, p.Value.GetDouble());
        if (audit.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object)
        {
            if (details.TryGetProperty("overallSavingsMs", out var oms) && oms.ValueKind == JsonValueKind.Number) ms = Math.Max(ms, oms.GetDouble());
            if (details.TryGetProperty("overallSavingsBytes", out var ob) && ob.ValueKind == JsonValueKind.Number) bytes = ob.GetDouble();
        }
        return (ms, bytes);
    }

    /// <summary>Up to four of an audit's items: URLs with their sizes or savings, or elements (selector and snippet).</summary>
    private static string Items(JsonElement audit)
    {
        if (!audit.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Object
            || !details.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array) return "";
        var parts = new List<string>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            // Some audits (the LCP element) nest a table in their items.
            if (item.TryGetProperty("items", out var nested) && nested.ValueKind == JsonValueKind.Array)
            {
                foreach (var n in nested.EnumerateArray()) if (Describe(n) is { } s) parts.Add(s);
            }
            else if (Describe(item) is { } s) parts.Add(s);
            if (parts.Count >= 4) break;
        }
        var total = items.GetArrayLength();
        return parts.Count == 0 ? "" : ": " + string.Join("; ", parts) + (total > parts.Count && parts.Count >= 4 ? $"; … ({total} in all)" : "");
    }

    private static string? Describe(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) return null;
        if (item.TryGetProperty("node", out var node) || (item.TryGetProperty("type", out var t) && t.GetString() == "node" && (node = item).ValueKind == JsonValueKind.Object))
        {
            var selector = node.TryGetProperty("selector", out var sel) ? sel.GetString() : null;
            var snippet = node.TryGetProperty("snippet", out var sn) ? sn.GetString() : null;
            var explanation = node.TryGetProperty("explanation", out var ex) ? ex.GetString() : null;
            var text = $"`{selector}` {(snippet is null ? "" : $"`{Trim(snippet, 120)}`")}";
            if (explanation is not null) text += $" ({Trim(explanation.Replace('\n', ' '), 200)})";
            return text;
        }
        if (item.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
        {
            var extra = new List<string>();
            foreach (var key in new[] { "totalBytes", "transferSize", "wastedBytes" })
                if (item.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number) extra.Add($"{key} {Stats.Kb(v.GetDouble())} KiB");
            if (item.TryGetProperty("wastedMs", out var w) && w.ValueKind == JsonValueKind.Number) extra.Add($"wastedMs {Stats.N(w.GetDouble())}");
            var u = url.GetString()!;
            var path = Uri.TryCreate(u, UriKind.Absolute, out var parsed) ? parsed.PathAndQuery : u;
            return $"`{path}`{(extra.Count > 0 ? $" ({string.Join(", ", extra)})" : "")}";
        }
        return null;
    }

    private static string Trim(string s, int max) => (s.Length <= max ? s : s[..max] + "…").Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
