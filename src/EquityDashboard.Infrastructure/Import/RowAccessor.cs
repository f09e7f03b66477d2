using System.Globalization;
using System.Text.RegularExpressions;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Scope;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// Typed access to one data row by column name; every parse problem becomes an
/// <see cref="ImportIssue"/> naming file, row, column and value.
/// </summary>
internal sealed partial class RowAccessor(
    string file,
    IReadOnlyDictionary<string, int> columns,
    NameResolver resolver,
    List<ImportIssue> issues,
    Dictionary<(string, string), int> variants,
    IReadOnlyDictionary<string, string>? displayNames = null,
    DistrictTally? districts = null)
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ"];

    private readonly Dictionary<string, NameResolution> _resolved = new(StringComparer.Ordinal);
    private readonly DateOnly _tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
    private string?[] _fields = [];

    public int Row { get; private set; }
    public bool HasErrors { get; private set; }

    public void Load(int row, string?[] fields)
    {
        _fields = fields;
        Row = row;
        HasErrors = false;
        _districtOfGovernorateCell = null;
    }

    /// <summary>The district a governorate cell of this row named instead of a governorate (Halabja), if any.</summary>
    private string? _districtOfGovernorateCell;

    /// <summary>
    /// District spellings resolved so far, per governorate P-code: string keys with the ordinal
    /// comparer, whose hash is cheaper than that of a (text, P-code) pair (a million rows ask).
    /// </summary>
    private readonly Dictionary<string, Dictionary<string, DistrictResolution>> _districtsResolved = new(StringComparer.Ordinal);
    private int _districtsResolvedCount;

    /// <summary>What the rows' district cells came to, for the import report.</summary>
    public DistrictTally Districts { get; } = districts ?? new DistrictTally();

    /// <summary>
    /// Resolves a district cell within the row's governorate. A blank cell (or a blank column) is
    /// "district not specified": the row stays at its governorate. So is a name that is not one of
    /// the governorate's districts: reported once per name (a warning and the report's list), never
    /// guessed. A governorate cell that named a district (Halabja) gives that district.
    /// </summary>
    public string? District(string column, string? raw, string? governoratePcode)
    {
        if (governoratePcode is null) return null;
        if (raw is null)
        {
            if (_districtOfGovernorateCell is { } named)
            {
                Districts.Resolved++;
                return named;
            }
            Districts.NotSpecified++;
            return null;
        }
        if (!_districtsResolved.TryGetValue(governoratePcode, out var ofGovernorate))
            _districtsResolved[governoratePcode] = ofGovernorate = new Dictionary<string, DistrictResolution>(StringComparer.Ordinal);
        if (!ofGovernorate.TryGetValue(raw, out var r))
        {
            r = resolver.ResolveDistrict(raw, governoratePcode);
            if (_districtsResolvedCount < 10_000)
            {
                ofGovernorate[raw] = r;
                _districtsResolvedCount++;
            }
        }
        if (r.Pcode is null)
        {
            if (Districts.Unresolved(raw, governoratePcode, r.Error!))
                Warning(column, raw, $"{r.Error} Its rows are counted at the governorate, district not specified.");
            return null;
        }
        Districts.Resolved++;
        if (r.ViaVariant)
        {
            var variant = (raw, r.Pcode);
            variants[variant] = variants.GetValueOrDefault(variant) + 1;
        }
        return r.Pcode;
    }

    /// <summary>Longest text accepted in any field.</summary>
    public const int MaxTextLength = 300;

    /// <summary>Longer fields: free text, and location lists.</summary>
    private static readonly Dictionary<string, int> LongFields = new(StringComparer.Ordinal)
    {
        ["activity"] = 1000,
        ["governorate"] = 1000,
    };

    // The kinds ask for columns by the same literal names every row: a reference comparison over
    // these few names finds the index without hashing the name (a million rows ask ten times each).
    private readonly (string Name, int Index, int MaxLength)[] _lookup = columns
        .Select(c => (c.Key, c.Value, LongFields.GetValueOrDefault(c.Key, MaxTextLength))).ToArray();

    private bool TryFind(string column, out int index, out int maxLength)
    {
        foreach (var (name, i, max) in _lookup)
        {
            if (ReferenceEquals(name, column))
            {
                (index, maxLength) = (i, max);
                return true;
            }
        }
        maxLength = LongFields.GetValueOrDefault(column, MaxTextLength);
        return columns.TryGetValue(column, out index);
    }

    public string? Text(string column)
    {
        if (!TryFind(column, out var i, out var max) || i >= _fields.Length) return null;
        var value = _fields[i]?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Length > max)
        {
            _fields[i] = null; // report once per row and column
            Error(column, value, string.Create(CultureInfo.InvariantCulture,
                $"Text of {value.Length:N0} characters; at most {max:N0} are accepted here."));
            return null;
        }
        if (value[0] is '=' or '@' && _warnedFormula.Add((Row, column)))
            Warning(column, value, "Starts like a spreadsheet formula; stored as plain text and never run as one.");
        return value;
    }

    private readonly HashSet<(int, string)> _warnedFormula = [];

    public string? RequiredText(string column)
    {
        var value = Text(column);
        if (value is null) Error(column, null, "A value is required.");
        return value;
    }

    public int? Year(string column, bool required)
    {
        var raw = Text(column);
        if (raw is null)
        {
            if (required) Error(column, null, "A year is required.");
            return null;
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d != Math.Floor(d))
        {
            Error(column, raw, "Not a year (expected e.g. 2019).");
            return null;
        }
        if (d is < YearRange.Min or > YearRange.Max)
        {
            Error(column, raw, $"Year out of range ({YearRange.Min}-{YearRange.Max}).");
            return null;
        }
        return (int)d;
    }

    public DateOnly? Date(string column, bool required)
    {
        var raw = Text(column);
        if (raw is null)
        {
            if (required) Error(column, null, "A date is required (yyyy-MM-dd).");
            return null;
        }
        if (!TryParseIsoDate(raw, out var date)
            && !DateOnly.TryParseExact(raw, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            Error(column, raw, "Not a date (expected yyyy-MM-dd).");
            return null;
        }
        if (!YearRange.Contains(date.Year))
        {
            Error(column, raw, $"Date out of range ({YearRange.Min}-{YearRange.Max}).");
            return null;
        }
        if (date > _tomorrow)
            Warning(column, raw, "Date is in the future; check it is not a typing error.");
        return date;
    }

    /// <summary>Fast path for the common "yyyy-MM-dd" (the general parser costs several times more per row).</summary>
    private static bool TryParseIsoDate(string s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        static int Digits(string s, int start, int count)
        {
            var value = 0;
            for (var i = start; i < start + count; i++)
            {
                var d = s[i] - '0';
                if ((uint)d > 9) return -1;
                value = value * 10 + d;
            }
            return value;
        }
        int year = Digits(s, 0, 4), month = Digits(s, 5, 2), day = Digits(s, 8, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A non-negative number; tolerates thousands separators ("1,234,567", "1 234 567").</summary>
    public double? Number(string column, bool required)
    {
        var raw = Text(column);
        if (raw is null)
        {
            if (required) Error(column, null, "A number is required.");
            return null;
        }
        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        var parsed = double.TryParse(raw, styles, CultureInfo.InvariantCulture, out var value);
        if (!parsed && ThousandsSeparated().IsMatch(raw))
            parsed = double.TryParse(raw.Replace(",", "").Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", ""),
                styles, CultureInfo.InvariantCulture, out value);
        if (!parsed || !double.IsFinite(value))
        {
            Error(column, raw, "Not a number (write digits only, e.g. 1234567.89).");
            return null;
        }
        if (value < 0)
        {
            Error(column, raw, "Must not be negative.");
            return null;
        }
        return value;
    }

    public long? WholeNumber(string column, bool required)
    {
        var value = Number(column, required);
        if (value is null) return null;
        if (value != Math.Floor(value.Value))
        {
            Error(column, Text(column), "Must be a whole number.");
            return null;
        }
        return (long)value.Value;
    }

    /// <summary>
    /// Resolves a governorate spelling; an unknown one is an error with suggestions. A cell naming
    /// several places is an error saying the row (of <paramref name="kindName"/> data) must name one.
    /// </summary>
    public string? Governorate(string column, string? raw, string? kindName = null)
    {
        if (raw is null)
        {
            Error(column, null, "A governorate is required.");
            return null;
        }
        // Files repeat the same few spellings: resolve each once per import.
        if (!_resolved.TryGetValue(raw, out var r))
        {
            r = resolver.Resolve(raw);
            if (_resolved.Count < 10_000) _resolved[raw] = r;
        }
        if (!r.Success)
        {
            Error(column, raw, LocationResolver.IsList(raw) ? OneGovernorateOnly(raw, kindName) : r.Error!);
            return null;
        }
        Record(column, raw, r);
        _districtOfGovernorateCell = r.DistrictPcode;
        return r.Pcode;
    }

    private string OneGovernorateOnly(string raw, string? kindName)
    {
        var cell = Locations(raw);
        var named = cell.Pcodes.Select(p => resolver.Gazetteer[p].Name).ToList();
        var what = named.Count > 0 ? $"names {string.Join(", ", named)}" : "names several places";
        if (cell.NamesCountry) what += named.Count > 0 ? " and the country" : string.Empty;
        var unknown = cell.Error is { } e ? $" ({e})" : string.Empty;
        var rows = kindName is null ? "A row" : $"A {kindName} row";
        return $"{rows} must name one governorate; '{cell.Input}' {what}{unknown}. Give one row per governorate.";
    }

    /// <summary>The warning and variant count of one resolved spelling.</summary>
    private void Record(string column, string raw, NameResolution r)
    {
        if (r.Warning is not null) Warning(column, raw, r.Warning);
        if (r.ViaVariant)
        {
            var key = (raw, r.Pcode!);
            variants[key] = variants.GetValueOrDefault(key) + 1;
        }
    }

    private LocationResolver? _locationResolver;
    private readonly Dictionary<string, LocationResolution> _locations = new(StringComparer.Ordinal);

    /// <summary>A location cell resolved part by part; files repeat a few lists, so each is resolved once per import.</summary>
    private LocationResolution Locations(string raw)
    {
        if (!_locations.TryGetValue(raw, out var cell))
        {
            cell = (_locationResolver ??= new LocationResolver(resolver)).Resolve(raw);
            if (_locations.Count < 10_000) _locations[raw] = cell;
        }
        return cell;
    }

    /// <summary>
    /// Resolves a cell that may name several governorates (see <see cref="LocationResolver"/>):
    /// null, with an error naming the unknown part, when a part is not recognised.
    /// </summary>
    public LocationResolution? Locations(string column, string raw)
    {
        var cell = Locations(raw);
        if (!cell.Success)
        {
            // One error per unknown part, its value the part (the message names the whole cell).
            for (var i = 0; i < cell.Unknown.Count; i++) Error(column, cell.Unknown[i].Input, cell.Errors[i]);
            return null;
        }
        foreach (var part in cell.Governorates) Record(column, part.Input, part);
        return cell;
    }

    public void Error(string? column, string? value, string message)
    {
        HasErrors = true;
        issues.Add(new ImportIssue(IssueSeverity.Error, file, Row, Display(column), value, message));
    }

    public void Warning(string? column, string? value, string message) =>
        issues.Add(new ImportIssue(IssueSeverity.Warning, file, Row, Display(column), value, message));

    /// <summary>The column as the user's file names it.</summary>
    private string? Display(string? column) =>
        column is not null && displayNames is not null && displayNames.TryGetValue(column, out var name) ? name : column;

    [GeneratedRegex(@"^\d{1,3}([, \u00A0\u202F]\d{3})+(\.\d+)?$")]
    private static partial Regex ThousandsSeparated();
}
