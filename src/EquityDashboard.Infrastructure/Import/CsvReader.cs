using System.Text;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// One CSV record and its 1-based row as a spreadsheet shows it: line breaks inside quoted
/// fields do not start a new row.
/// </summary>
/// <param name="UnclosedQuote">The record's last field opened a quote that the file never closed.</param>
public readonly record struct CsvRecord(int Line, string[] Fields, bool UnclosedQuote = false);

/// <summary>
/// A streaming RFC 4180 reader: quoted fields may hold delimiters, doubled quotes and line
/// breaks. It reads the text in blocks and yields records one at a time, so large files never
/// sit in memory.
/// </summary>
public sealed class CsvReader(TextReader reader, char delimiter = ',')
{
    private const int BlockSize = 64 * 1024;

    private readonly char[] _buffer = new char[BlockSize];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = new(16);
    private readonly FieldValues _values = new();
    private int _length;
    private int _pos;
    private bool _eof;
    private int _line = 1;
    private int _quotedBreaks;
    private bool _unclosedQuote;

    /// <param name="reuseFields">
    /// Fill the previous record's fields array when the next record has as many fields, instead
    /// of a new array per record: for a caller done with each record before asking for the next.
    /// </param>
    public IEnumerable<CsvRecord> ReadRecords(bool reuseFields = false)
    {
        string[] previous = [];
        while (true)
        {
            var startRow = _line - _quotedBreaks;
            var ended = ReadRecord();
            if (_fields.Count > 0 && !(_fields.Count == 1 && _fields[0].Length == 0))
            {
                var fields = reuseFields && previous.Length == _fields.Count ? previous : new string[_fields.Count];
                _fields.CopyTo(fields);
                previous = fields;
                yield return new CsvRecord(startRow, fields, _unclosedQuote);
            }
            _fields.Clear();
            if (ended) yield break;
        }
    }

    private bool Fill()
    {
        if (_eof) return false;
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        if (_length == 0) _eof = true;
        return _length > 0;
    }

    /// <summary>Next char without consuming it; -1 at end of input.</summary>
    private int Peek() => _pos < _length || Fill() ? _buffer[_pos] : -1;

    /// <summary>Reads one record into <see cref="_fields"/>; returns true at end of input.</summary>
    private bool ReadRecord()
    {
        _field.Clear();
        var inQuotes = false;
        var fieldStarted = false;
        while (true)
        {
            if (_pos >= _length && !Fill())
            {
                _unclosedQuote = inQuotes;
                if (fieldStarted || _fields.Count > 0 || _field.Length > 0) _fields.Add(_field.ToString());
                return true;
            }

            if (!inQuotes)
            {
                // Fast path: copy the run of ordinary characters in one go.
                var start = _pos;
                while (_pos < _length)
                {
                    var ch = _buffer[_pos];
                    if (ch == delimiter || ch == '\n' || ch == '\r' || (ch == '"' && _pos == start && _field.Length == 0)) break;
                    _pos++;
                }
                if (_pos > start && _field.Length == 0 && _pos < _length && _buffer[_pos] != '"')
                {
                    // The whole field lies in the buffer: make its string straight from there.
                    _fields.Add(_values.Get(_fields.Count, _buffer.AsSpan(start, _pos - start)));
                    if (_buffer[_pos++] == delimiter)
                    {
                        fieldStarted = true;
                        continue;
                    }
                    if (_buffer[_pos - 1] == '\r' && Peek() == '\n') _pos++;
                    _line++;
                    return false;
                }
                if (_pos > start)
                {
                    _field.Append(_buffer, start, _pos - start);
                    fieldStarted = true;
                    continue;
                }
            }

            var c = _buffer[_pos++];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (Peek() == '"') { _pos++; _field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') { _line++; _quotedBreaks++; }
                    _field.Append(c);
                }
                continue;
            }
            if (c == '"' && _field.Length == 0) { inQuotes = true; fieldStarted = true; continue; }
            if (c == delimiter)
            {
                _fields.Add(_field.ToString());
                _field.Clear();
                fieldStarted = true;
                continue;
            }
            if (c == '\r')
            {
                if (Peek() == '\n') _pos++;
                _line++;
                _fields.Add(_field.ToString());
                return false;
            }
            if (c == '\n')
            {
                _line++;
                _fields.Add(_field.ToString());
                return false;
            }
            _field.Append(c);
            fieldStarted = true;
        }
    }
}

/// <summary>
/// Reuses the string of a value already seen in the same column: files repeat a handful of
/// donors, clusters, governorates and statuses on every row, and one string each saves a
/// million allocations (and makes later comparisons of them reference checks). A column whose
/// values keep changing (amounts, ids) fills its pool quickly and is then no longer looked up.
/// </summary>
internal sealed class FieldValues
{
    private const int MaxLength = 64;
    private const int MaxPerColumn = 512;

    private readonly List<Dictionary<string, string>?> _pools = [];

    public string Get(int column, ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength) return new string(value);
        while (_pools.Count <= column) _pools.Add(new Dictionary<string, string>(StringComparer.Ordinal));
        var pool = _pools[column];
        if (pool is null) return new string(value);
        if (pool.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var known)) return known;
        var text = new string(value);
        if (pool.Count < MaxPerColumn) pool[text] = text;
        else _pools[column] = null; // too varied to be worth looking up
        return text;
    }
}
