using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>
/// Runs an import's inserts on a second thread, so that reading and checking the file (one
/// core) overlaps with SQLite's work (another). Rows travel in <see cref="RowChunk"/>s through
/// a bounded queue, which keeps memory flat however large the file, and the pump hands each
/// emptied chunk back for reuse. Only the pump's thread touches the connection between the
/// first <see cref="Enqueue"/> and <see cref="Drain"/>.
/// </summary>
internal sealed class InsertPump : IDisposable
{
    private const int ChunksInFlight = 8;

    private readonly BlockingCollection<RowChunk> _full = new(ChunksInFlight);
    private readonly ConcurrentQueue<RowChunk> _empty = new();
    private readonly Thread _thread;
    private RowChunk _chunk = new();
    private volatile ExceptionDispatchInfo? _failure;
    private bool _drained;

    public InsertPump()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "import inserts" };
        _thread.Start();
    }

    public void Enqueue(RecordWriter writer, ReadOnlySpan<DbValue> values)
    {
        _failure?.Throw();
        _chunk.Add(writer, values);
        if (!_chunk.IsFull) return;
        _full.Add(_chunk);
        _chunk = _empty.TryDequeue(out var reused) ? reused : new RowChunk();
    }

    /// <summary>Waits until every row given so far is inserted; rethrows the first insert failure.</summary>
    public void Drain()
    {
        if (!_drained)
        {
            _drained = true;
            if (_chunk.Rows > 0) _full.Add(_chunk);
            _full.CompleteAdding();
            _thread.Join();
        }
        _failure?.Throw();
    }

    private void Run()
    {
        foreach (var chunk in _full.GetConsumingEnumerable())
        {
            // After a failure keep taking chunks, so the reader never blocks on a full queue.
            if (_failure is null)
            {
                try
                {
                    chunk.Execute();
                }
                catch (Exception ex)
                {
                    _failure = ExceptionDispatchInfo.Capture(ex);
                }
            }
            _empty.Enqueue(chunk);
        }
    }

    /// <summary>Stops the thread (after a failure or cancellation) before the transaction is rolled back.</summary>
    public void Dispose()
    {
        if (!_drained)
        {
            _drained = true;
            _full.CompleteAdding();
            _thread.Join();
        }
        _full.Dispose();
    }
}
