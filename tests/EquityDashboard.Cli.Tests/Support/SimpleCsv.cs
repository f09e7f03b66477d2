using System.Text;

namespace EquityDashboard.Cli.Tests.Support;

/// <summary>A small RFC 4180 reader, for the CLI's CSV output and the seed files.</summary>
public static class SimpleCsv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    rows.Add(row);
                    row = [];
                    field.Clear();
                    fieldStarted = false;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }
        if (fieldStarted || field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Records keyed by header name (case-insensitive); missing trailing fields read as empty.</summary>
    public static List<IReadOnlyDictionary<string, string>> Records(string text)
    {
        var rows = Parse(text.TrimStart('\uFEFF'));
        if (rows.Count == 0) return [];
        var header = rows[0];
        return rows.Skip(1)
            .Where(r => !(r.Count == 1 && r[0].Length == 0))
            .Select(r => (IReadOnlyDictionary<string, string>)header
                .Select((h, i) => (h, v: i < r.Count ? r[i] : string.Empty))
                .ToDictionary(x => x.h, x => x.v, StringComparer.OrdinalIgnoreCase))
            .ToList();
    }

    public static List<IReadOnlyDictionary<string, string>> ReadRecords(string path) =>
        Records(File.ReadAllText(path, Encoding.UTF8));
}
