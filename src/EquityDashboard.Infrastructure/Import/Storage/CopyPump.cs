using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Npgsql;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>
/// Sends an import's rows to PostgreSQL by raw binary COPY on a second thread, so that reading and
/// checking the file (one core) overlaps with the socket writes while the server stores the rows
/// (another core). The reading thread encodes each row into a buffer (<see cref="Reserve"/>,
/// <see cref="Advance"/>); full buffers travel through a bounded queue, which keeps memory flat
/// however large the file, and come back emptied for reuse. A connection runs one COPY at a time:
/// a table's COPY starts with its first buffer and ends when another table's buffers start or the
/// rows are complete. Only the pump's thread touches the connection between the first row and
/// <see cref="Drain"/>.
/// </summary>
internal sealed class CopyPump : IDisposable
{
    private const int BufferBytes = 256 * 1024;
    private const int BuffersInFlight = 8;

    private readonly NpgsqlConnection _connection;
    private readonly BlockingCollection<(StoreTable Table, byte[] Bytes, int Length)> _full = new(BuffersInFlight);
    private readonly ConcurrentQueue<byte[]> _empty = new();
    private readonly Thread _thread;
    private volatile ExceptionDispatchInfo? _failure;
    private bool _drained;

    // The reading thread's side: the table whose rows the buffer holds.
    private StoreTable? _table;
    private byte[] _buffer = new byte[BufferBytes];
    private int _length;

    // The pump's side (after the pump has stopped, Drain's and Dispose's): the COPY in progress.
    private NpgsqlRawCopyStream? _copy;
    private StoreTable? _copying;

    public CopyPump(NpgsqlConnection connection)
    {
        _connection = connection;
        _thread = new Thread(Run) { IsBackground = true, Name = "import COPY" };
        _thread.Start();
    }

    /// <summary>Room for one row of <paramref name="table"/> of at most <paramref name="bytes"/> bytes, at the end of the buffer.</summary>
    public Span<byte> Reserve(StoreTable table, int bytes)
    {
        _failure?.Throw();
        if (!ReferenceEquals(table, _table))
        {
            Send();
            _table = table;
        }
        if (_length + bytes > _buffer.Length)
        {
            Send();
            if (bytes > _buffer.Length) _buffer = new byte[bytes];
        }
        return _buffer.AsSpan(_length);
    }

    /// <summary>Keeps the <paramref name="bytes"/> bytes just written into the span <see cref="Reserve"/> returned.</summary>
    public void Advance(int bytes) => _length += bytes;

    private void Send()
    {
        if (_length == 0) return;
        _full.Add((_table!, _buffer, _length));
        _buffer = _empty.TryDequeue(out var reused) && reused.Length >= BufferBytes ? reused : new byte[BufferBytes];
        _length = 0;
    }

    /// <summary>Waits until every row given so far is stored and the last COPY is complete; rethrows the first failure.</summary>
    public void Drain()
    {
        if (_drained)
        {
            _failure?.Throw();
            return;
        }
        _drained = true;
        Send();
        _full.CompleteAdding();
        _thread.Join();
        _failure?.Throw();
        EndCopy();
    }

    private void Run()
    {
        foreach (var (table, bytes, length) in _full.GetConsumingEnumerable())
        {
            // After a failure keep taking buffers, so the reading thread never blocks on a full queue.
            if (_failure is null)
            {
                try
                {
                    if (!ReferenceEquals(table, _copying))
                    {
                        EndCopy();
                        _copy = _connection.BeginRawBinaryCopy($"COPY {table.Quoted} ({table.QuotedColumns}) FROM STDIN (FORMAT BINARY)");
                        _copying = table;
                        _copy.Write(CopyFormat.Header);
                    }
                    _copy!.Write(bytes, 0, length);
                }
                catch (Exception ex)
                {
                    _failure = ExceptionDispatchInfo.Capture(ex);
                }
            }
            _empty.Enqueue(bytes);
        }
    }

    /// <summary>Ends the COPY in progress: the trailer, then the server's answer (a failure of any row throws here).</summary>
    private void EndCopy()
    {
        var copy = _copy;
        if (copy is null) return;
        _copy = null;
        _copying = null;
        copy.Write(CopyFormat.Trailer);
        copy.Dispose();
    }

    /// <summary>
    /// Stops the pump (after a failure or cancellation) before the transaction is rolled back: a COPY
    /// not completed is cancelled, and the server keeps none of its rows.
    /// </summary>
    public void Dispose()
    {
        if (!_drained)
        {
            _drained = true;
            _full.CompleteAdding();
            _thread.Join();
        }
        _full.Dispose();
        var copy = _copy;
        _copy = null;
        if (copy is null) return;
        try
        {
            copy.Cancel();
        }
        catch (NpgsqlException)
        {
            // The connection broke with the COPY: the transaction is lost with it, so nothing is kept.
        }
    }
}
