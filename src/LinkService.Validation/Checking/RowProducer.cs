using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LinkService.Deliveries.Reading;

namespace LinkService.Validation.Checking;

/// <summary>
/// Parses on a thread of its own while the caller checks, so the check costs little more than the parse
/// (two cores: CsvHelper on one, types, constraints and keys on the other). A few batches are in flight at
/// most, so memory stays flat. A failure while reading reaches the caller after the rows read before it.
/// </summary>
internal sealed class RowProducer : IDisposable
{
    private const int BatchesInFlight = 3;
    private readonly BlockingCollection<RowBatch> _full = new(BatchesInFlight);
    private readonly BlockingCollection<RowBatch> _free = new(BatchesInFlight);
    private readonly CancellationTokenSource _stop;
    private readonly DeliveryReader _reader;
    private readonly Thread _thread;
    private readonly bool _firstRecordPending;
    private ExceptionDispatchInfo? _failure;
    private long _lastRawRow;

    public RowProducer(DeliveryReader reader, bool firstRecordPending, long lastRawRow, CancellationToken cancellationToken)
    {
        _reader = reader;
        _firstRecordPending = firstRecordPending;
        _lastRawRow = lastRawRow;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var i = 0; i < BatchesInFlight; i++)
        {
            _free.Add(new RowBatch(), CancellationToken.None);
        }

        _thread = new Thread(Produce) { IsBackground = true, Name = "validation-parser" };
        _thread.Start();
    }

    /// <summary>The last line the parser read; meaningful once <see cref="Batches"/> has ended.</summary>
    public long LastRawRow => Interlocked.Read(ref _lastRawRow);

    /// <summary>The parsed rows in order. Give each batch back with <see cref="Recycle"/> once checked.</summary>
    public IEnumerable<RowBatch> Batches()
    {
        foreach (var batch in _full.GetConsumingEnumerable(_stop.Token))
        {
            yield return batch;
        }

        _thread.Join();
        _failure?.Throw();
    }

    public void Recycle(RowBatch batch) => _free.Add(batch);

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
        _full.Dispose();
        _free.Dispose();
    }

    private void Produce()
    {
        var token = _stop.Token;
        RowBatch? batch = null;
        try
        {
            var pending = _firstRecordPending;
            while (true)
            {
                batch = _free.Take(token);
                batch.Clear();
                while (!batch.IsFull && RowBatch.ReadNext(_reader, ref pending))
                {
                    batch.Add(_reader);
                    Interlocked.Exchange(ref _lastRawRow, _reader.LastLine);
                }

                var full = batch.IsFull;
                if (batch.Length > 0)
                {
                    _full.Add(batch, token);
                }

                batch = null;
                if (!full)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The caller stopped checking; it does not want the rest.
        }
#pragma warning disable CA1031 // Any failure while reading is the caller's to report, after the rows read before it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
            if (batch is { Length: > 0 })
            {
                try
                {
                    _full.Add(batch, token);
                }
                catch (OperationCanceledException)
                {
                    // The caller stopped checking: the rows before the failure no longer matter.
                }
            }
        }
        finally
        {
            _full.CompleteAdding();
        }
    }
}
