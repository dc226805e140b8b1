using System.Text;

namespace LinkService.Deliveries.Reading;

/// <summary>
/// A decoder fallback that, instead of throwing, puts <see cref="Marker"/> where undecodable bytes were and
/// counts them, so the check can report an encoding error on the row that holds them and go on.
/// </summary>
public sealed class CountingDecoderFallback : DecoderFallback
{
    public const char Marker = '\uFFFD';

    /// <summary>How many undecodable byte sequences have been met so far.</summary>
    public long InvalidSequences { get; private set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(CountingDecoderFallback owner) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.InvalidSequences++;
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
            {
                return '\0';
            }

            _pending = false;
            return Marker;
        }

        public override bool MovePrevious() => false;

        public override void Reset() => _pending = false;
    }
}
