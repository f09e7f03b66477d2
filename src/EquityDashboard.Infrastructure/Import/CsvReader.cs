using System.Text;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// One CSV record and its 1-based row as a spreadsheet shows it: line breaks inside quoted
/// fields do not start a new row.
/// </summary>
public readonly record struct CsvRecord(int Line, string[] Fields);

/// <summary>
/// A streaming RFC 4180 reader: quoted fields may hold delimiters, doubled quotes and line
/// breaks. Records are yielded one at a time so large files never sit in memory.
/// </summary>
public sealed class CsvReader(TextReader reader, char delimiter = ',')
{
    private readonly StringBuilder _field = new();
    private int _line = 1;
    private int _quotedBreaks;

    public IEnumerable<CsvRecord> ReadRecords()
    {
        var fields = new List<string>();
        while (true)
        {
            var startLine = _line - _quotedBreaks;
            var ended = ReadRecord(fields);
            if (fields.Count > 0 && !(fields.Count == 1 && fields[0].Length == 0))
                yield return new CsvRecord(startLine, fields.ToArray());
            fields.Clear();
            if (ended) yield break;
        }
    }

    /// <summary>Reads one record into <paramref name="fields"/>; returns true at end of input.</summary>
    private bool ReadRecord(List<string> fields)
    {
        _field.Clear();
        var inQuotes = false;
        var fieldStarted = false;
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (fieldStarted || fields.Count > 0 || _field.Length > 0) fields.Add(_field.ToString());
                return true;
            }
            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); _field.Append('"'); }
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
                fields.Add(_field.ToString());
                _field.Clear();
                fieldStarted = true;
                continue;
            }
            if (c == '\r')
            {
                if (reader.Peek() == '\n') reader.Read();
                _line++;
                fields.Add(_field.ToString());
                return false;
            }
            if (c == '\n')
            {
                _line++;
                fields.Add(_field.ToString());
                return false;
            }
            _field.Append(c);
            fieldStarted = true;
        }
    }
}
