using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>
/// Rows on their way from the import's reading thread to the <see cref="InsertPump"/>: each
/// row's writer, its values as typed slots, and its text already encoded as UTF-8 in one
/// pinned buffer that SQLite binds in place. Chunks are reused, so a million rows allocate
/// nothing per row and hold no reference the garbage collector would have to trace.
/// </summary>
internal sealed class RowChunk
{
    public const int Capacity = 2048;

    /// <summary>One value: its kind, an integer or a real's bits, or where its UTF-8 text lies in the buffer.</summary>
    public readonly record struct Slot(DbValueKind Kind, long Bits, int Offset, int Length);

    private readonly RecordWriter[] _writers = new RecordWriter[Capacity];
    private Slot[] _slots = new Slot[Capacity * 12];
    private byte[] _text = NewText(Capacity * 128);
    private int _slotCount;
    private int _textLength;

    public int Rows { get; private set; }
    public bool IsFull => Rows == Capacity;

    public void Add(RecordWriter writer, ReadOnlySpan<DbValue> values)
    {
        if (_slotCount + values.Length > _slots.Length) Array.Resize(ref _slots, _slots.Length * 2);
        foreach (var value in values)
        {
            _slots[_slotCount++] = value.Kind switch
            {
                DbValueKind.Text => new Slot(DbValueKind.Text, 0, _textLength, Encode(value.Text!)),
                // SQLite has no date type: dates are stored as their ISO text (yyyy-MM-dd), as EF maps DateOnly.
                DbValueKind.Date => new Slot(DbValueKind.Text, 0, _textLength, Encode(value.Date)),
                _ => new Slot(value.Kind, value.Bits, 0, 0),
            };
        }
        _writers[Rows++] = writer;
    }

    /// <summary>Runs every row through its writer, on the calling (pump) thread; then (even after a failure) the chunk is empty again.</summary>
    public unsafe void Execute()
    {
        var text = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_text));
        try
        {
            var slot = 0;
            for (var row = 0; row < Rows; row++)
            {
                var writer = _writers[row];
                writer.Execute(_slots.AsSpan(slot, writer.ColumnCount), text);
                slot += writer.ColumnCount;
            }
        }
        finally
        {
            Array.Clear(_writers, 0, Rows);
            Rows = _slotCount = _textLength = 0;
        }
    }

    /// <summary>Appends the text's UTF-8 bytes to the buffer; returns their length.</summary>
    private int Encode(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_textLength + max > _text.Length)
        {
            var larger = NewText(Math.Max(_text.Length * 2, _textLength + max));
            _text.AsSpan(0, _textLength).CopyTo(larger);
            _text = larger;
        }
        var length = Encoding.UTF8.GetBytes(value, _text.AsSpan(_textLength));
        _textLength += length;
        return length;
    }

    /// <summary>Appends the date as yyyy-MM-dd in UTF-8; returns its length.</summary>
    private int Encode(DateOnly date)
    {
        const int length = 10;
        if (_textLength + length > _text.Length)
        {
            var larger = NewText(_text.Length * 2);
            _text.AsSpan(0, _textLength).CopyTo(larger);
            _text = larger;
        }
        // "O" is yyyy-MM-dd for every DateOnly (years 0001-9999): always ten bytes.
        date.TryFormat(_text.AsSpan(_textLength, length), out _, "O", CultureInfo.InvariantCulture);
        _textLength += length;
        return length;
    }

    /// <summary>Pinned, so the pump can hand SQLite a pointer into it.</summary>
    private static byte[] NewText(int size) => GC.AllocateUninitializedArray<byte>(size, pinned: true);
}
