using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// Runs an import's inserts on a second thread, so that reading and checking the file (one
/// core) overlaps with SQLite's work (another). Rows travel in chunks through a bounded queue,
/// which keeps memory flat however large the file. Only the pump's thread touches the
/// connection between the first <see cref="Enqueue"/> and <see cref="Drain"/>.
/// </summary>
internal sealed class InsertPump : IDisposable
{
    private const int ChunkSize = 2048;
    private const int ChunksInFlight = 8;

    private readonly BlockingCollection<List<(RecordWriter Writer, object?[] Values)>> _queue = new(ChunksInFlight);
    private readonly Thread _thread;
    private List<(RecordWriter Writer, object?[] Values)> _chunk = new(ChunkSize);
    private volatile ExceptionDispatchInfo? _failure;
    private bool _drained;

    public InsertPump()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "import inserts" };
        _thread.Start();
    }

    public void Enqueue(RecordWriter writer, object?[] values)
    {
        _failure?.Throw();
        _chunk.Add((writer, values));
        if (_chunk.Count < ChunkSize) return;
        _queue.Add(_chunk);
        _chunk = new(ChunkSize);
    }

    /// <summary>Waits until every row given so far is inserted; rethrows the first insert failure.</summary>
    public void Drain()
    {
        if (!_drained)
        {
            _drained = true;
            if (_chunk.Count > 0) _queue.Add(_chunk);
            _queue.CompleteAdding();
            _thread.Join();
        }
        _failure?.Throw();
    }

    private void Run()
    {
        foreach (var chunk in _queue.GetConsumingEnumerable())
        {
            if (_failure is not null) continue; // keep taking so the reader never blocks on a full queue
            try
            {
                foreach (var (writer, values) in chunk) writer.Execute(values);
            }
            catch (Exception ex)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
            }
        }
    }

    /// <summary>Stops the thread (after a failure or cancellation) before the transaction is rolled back.</summary>
    public void Dispose()
    {
        if (!_drained)
        {
            _drained = true;
            _queue.CompleteAdding();
            _thread.Join();
        }
        _queue.Dispose();
    }
}
