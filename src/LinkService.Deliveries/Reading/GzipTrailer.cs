using System.Buffers.Binary;

namespace LinkService.Deliveries.Reading;

/// <summary>
/// .NET's GZipStream reads a truncated archive to where it breaks off without complaint; the gzip trailer's
/// ISIZE (the text's length modulo 2³²) shows whether the whole archive arrived. A file of several
/// concatenated gzip members records only the last member's size, so it fails this check.
/// </summary>
public static class GzipTrailer
{
    private const int MinimumGzipLength = 18;

    public static bool RecordsSize(string path, long decompressedBytes)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        if (file.Length < MinimumGzipLength)
        {
            return false;
        }

        Span<byte> isize = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(isize);
        return BinaryPrimitives.ReadUInt32LittleEndian(isize) == (uint)decompressedBytes;
    }
}
