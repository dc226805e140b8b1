using System.Text;
using LinkService.Configuration.Folders;

namespace LinkService.Outputs.Packaging;

/// <summary>Writes a text file of the output: UTF-8 without a byte-order mark, '\n' line ends, so the bytes are the same on every platform.</summary>
internal static class OutputText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Task WriteAsync(string path, string text, CancellationToken cancellationToken) =>
        WriteAsync(path, Utf8.GetBytes(text), cancellationToken);

    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await using var file = OwnFile.Create(path);
        await file.WriteAsync(bytes, cancellationToken);
    }
}
