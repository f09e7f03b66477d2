using EquityDashboard.Infrastructure.Import.Tabular;

namespace EquityDashboard.Infrastructure.Import.Formats;

/// <summary>A source row turned into the template columns of its kind (see docs/data-formats.md).</summary>
internal readonly record struct ProjectedRow(int Row, string?[] Fields);

/// <summary>
/// Turns rows of a source format into rows of the project's template (one source row may give
/// none, one or several), so every format shares one validation and one writer.
/// </summary>
internal abstract class RowProjector(TemplateKind kind)
{
    public TemplateKind Kind => kind;

    /// <summary>Template column -> the source column's title, so messages name what the user sees.</summary>
    public Dictionary<string, string> SourceNames { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds the template rows of one source row to <paramref name="output"/>. The importer is
    /// done with them (and with <paramref name="row"/>) before it asks for the next source row.
    /// </summary>
    public abstract void Project(CsvRecord row, ProjectionContext context, List<ProjectedRow> output);

    /// <summary>Rows only known at the end of the file (roll-ups); none by default.</summary>
    public virtual IEnumerable<ProjectedRow> Complete(ProjectionContext context) => [];

    protected string?[] NewRow() => new string?[kind.Columns.Count];

    protected int IndexOf(string column)
    {
        for (var i = 0; i < kind.Columns.Count; i++)
            if (kind.Columns[i] == column) return i;
        throw new ArgumentException($"'{column}' is not a {kind.Kind} template column.", nameof(column));
    }
}

/// <summary>What a projector may tell the report: skipped rows (by reason), warnings, errors.</summary>
internal sealed class ProjectionContext(string fileName, ImportReport report, ImportRequest request)
{
    public string FileName => fileName;
    public ImportRequest Request => request;

    public void Skip(string reason) => report.SkippedRows[reason] = report.SkippedRows.GetValueOrDefault(reason) + 1;

    public void Warn(int row, string? column, string? value, string message) =>
        report.Issues.Add(new ImportIssue(IssueSeverity.Warning, fileName, row, column, value, message));

    public void Error(int row, string? column, string? value, string message) =>
        report.Issues.Add(new ImportIssue(IssueSeverity.Error, fileName, row, column, value, message));
}

/// <summary>
/// The common case: each template column copied from one source column (or a constant),
/// optionally through a conversion. A column may be given several source columns, best first
/// (a district's P-code column, then its name column): a row takes the first that is not blank.
/// </summary>
internal sealed class ColumnMapProjector : RowProjector
{
    private readonly (int Target, int Source, Func<string, string?>? Convert)[] _map;
    private readonly (int Target, string Value)[] _constants;
    private readonly string?[] _fields;

    public ColumnMapProjector(TemplateKind kind, HeaderInfo header,
        IEnumerable<(string Column, int Source, Func<string, string?>? Convert)> map,
        IEnumerable<(string Column, string Value)>? constants = null) : base(kind)
    {
        var list = map.Where(m => m.Source >= 0).ToList();
        _map = list.Select(m => (IndexOf(m.Column), m.Source, m.Convert)).ToArray();
        _constants = (constants ?? []).Select(c => (IndexOf(c.Column), c.Value)).ToArray();
        foreach (var g in list.GroupBy(m => m.Column))
            SourceNames[g.Key] = string.Join(" / ", g.Select(m => header.TitleOf(m.Source)));
        _fields = NewRow();
    }

    public override void Project(CsvRecord row, ProjectionContext context, List<ProjectedRow> output)
    {
        // One array for every row: each row is finished with before the next is projected.
        var fields = _fields;
        Array.Clear(fields);
        foreach (var (target, value) in _constants) fields[target] = value;
        foreach (var (target, source, convert) in _map)
        {
            if (source >= row.Fields.Length || fields[target] is not null) continue;
            var raw = row.Fields[source].Trim();
            if (raw.Length == 0) continue;
            fields[target] = convert is null ? raw : convert(raw);
        }
        output.Add(new ProjectedRow(row.Line, fields));
    }
}

/// <summary>One way of reading a table (the template, HXL, an OCHA export, ...).</summary>
internal abstract class SourceFormat
{
    public abstract string Name { get; }

    /// <summary>
    /// How well the header fits this format, and the projector to read it; null when it does not fit.
    /// <paramref name="kind"/> is the kind the user asked for, if any.
    /// </summary>
    public abstract FormatMatch? Match(HeaderInfo header, Core.Records.RecordKind? kind, ImportRequest request);

    /// <summary>Year from an ISO date or a year cell ("2019", "2019-03-01", "2019-03"); null otherwise.</summary>
    protected internal static string? YearOf(string value) =>
        value.Length >= 4 && int.TryParse(value.AsSpan(0, 4), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var y) && (value.Length == 4 || !char.IsDigit(value[4]))
            ? y.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
}

/// <summary>
/// A format's reading of a header. <see cref="Problems"/> are header errors (missing columns);
/// <see cref="Refusal"/> means the file was recognised but is not data this import can take.
/// </summary>
internal sealed record FormatMatch(string FormatName, Core.Records.RecordKind Kind, int Score, RowProjector? Projector)
{
    public IReadOnlyList<HeaderNote> Problems { get; init; } = [];
    public string? Refusal { get; init; }
    public IReadOnlyList<HeaderNote> Warnings { get; init; } = [];
    /// <summary>What the money of a funding file is, when the format says (FTS: reported flows; CBPF: a fund's allocations).</summary>
    public Core.Records.FundingMoney Money { get; init; }
    /// <summary>For a pooled fund's allocations: the fund's canonical name.</summary>
    public string? PooledFund { get; init; }
}

/// <summary>A remark about the header row, naming the column it concerns.</summary>
internal sealed record HeaderNote(string? Column, string Message);
