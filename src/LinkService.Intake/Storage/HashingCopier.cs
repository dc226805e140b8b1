using System.Buffers;
using System.IO.Abstractions;
using System.Security.Cryptography;
using LinkService.Intake.Scanning;

namespace LinkService.Intake.Storage;

/// <summary>The outcome of a copy: its SHA-256 (lower-case hex) and size, or that it outgrew the limit.</summary>
internal sealed record CopyResult(string Sha256, long Bytes, bool TooLarge);

/// <summary>Copies a file while hashing it, in one read, and makes the copy durable before returning.</summary>
internal sealed class HashingCopier
{
    private readonly IFileSystem _fileSystem;
    private readonly int _bufferBytes;

    public HashingCopier(IFileSystem fileSystem, int bufferBytes)
    {
        _fileSystem = fileSystem;
        _bufferBytes = bufferBytes;
    }

    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/>; every byte copied is also given to <paramref name="recordEnd"/>, if any.</summary>
    public async Task<CopyResult> CopyAsync(string from, string to, long maxBytes, RecordEnd? recordEnd, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_bufferBytes);
        try
        {
            // ReadWrite sharing: the uploader may still hold the file open; the caller checks afterwards that it did not change.
            await using var source = DropFileOpener.Open(_fileSystem, from, _bufferBytes);
            await using var target = NewFile.Create(_fileSystem, to, _bufferBytes);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, _bufferBytes), cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return new CopyResult("", total, TooLarge: true);
                }

                hash.AppendData(buffer, 0, read);
                recordEnd?.Append(buffer.AsSpan(0, read));
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            target.Flush(flushToDisk: true);
            return new CopyResult(Convert.ToHexStringLower(hash.GetHashAndReset()), total, TooLarge: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Hashes a file already in place (a store copy found after a crash).</summary>
    public async Task<CopyResult> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = _fileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.Read, _bufferBytes, FileOptions.SequentialScan);
        var digest = await SHA256.HashDataAsync(stream, cancellationToken);
        return new CopyResult(Convert.ToHexStringLower(digest), stream.Length, TooLarge: false);
    }
}
