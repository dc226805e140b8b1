using System.Security.Cryptography;
using LinkService.Deliveries.Store;

namespace LinkService.Deliveries.Reading;

/// <summary>
/// Hashes the stored file's bytes as the reading takes them (before any decompression), so that a run checks its
/// copy against the digest intake recorded without reading the file a second time.
/// </summary>
internal sealed class DigestingReadStream(Stream inner) : ReadOnlyWrapperStream(inner)
{
    private readonly IncrementalHash _hash = StoredDigest.NewHash();
    private long _bytes;

    public override int Read(Span<byte> buffer)
    {
        var n = Inner.Read(buffer);
        _hash.AppendData(buffer[..n]);
        _bytes += n;
        return n;
    }

    /// <summary>
    /// Takes whatever of the file the reading left (a decompressor may stop before the end; a failed reading
    /// stops anywhere) and returns the whole file's size and SHA-256.
    /// </summary>
    public (long Bytes, byte[] Sha256) Finish()
    {
        var buffer = new byte[1 << 16];
        while (Read(buffer) > 0)
        {
        }

        return (_bytes, _hash.GetHashAndReset());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
