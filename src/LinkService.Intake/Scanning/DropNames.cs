using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace LinkService.Intake.Scanning;

/// <summary>
/// The one way a drop file's name is written down (ledger, receipts, quarantine notes, status): bytes that are not
/// UTF-8 as <c>\xHH</c>, control and direction-changing characters as <c>\n</c>, <c>\t</c>, <c>\uHHHH</c>, and a
/// backslash as <c>\\</c>. The escaped form cannot forge a line or reorder text, and it turns back into the exact bytes.
/// </summary>
internal static class DropNames
{
    public const string NotUtf8 = "the file name is not valid UTF-8";
    public const string ControlCharacter = "the file name contains a control character (a line end, a tab, an escape)";

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The escaped name of <paramref name="raw"/>, as the kernel gave it.</summary>
    public static string Escape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(raw, out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{raw[0]:X2}");
                raw = raw[1..];
                continue;
            }

            Append(text, rune);
            raw = raw[used..];
        }

        return text.ToString();
    }

    /// <summary>The escaped form of a name .NET already decoded (valid UTF-8 by construction).</summary>
    public static string Escape(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            Append(text, rune);
        }

        return text.ToString();
    }

    /// <summary>Why a name is refused, or null if it is a plain name; <paramref name="escaped"/> is the escaped form.</summary>
    public static string? Problem(string escaped)
    {
        var raw = Unescape(escaped);
        if (!Utf8.IsValid(raw))
        {
            return NotUtf8;
        }

        return Strict.GetString(raw).EnumerateRunes().Any(r => r.Value != '\\' && NeedsEscape(r.Value)) ? ControlCharacter : null;
    }

    /// <summary>The name as a .NET string that addresses the file, or null when its bytes are not UTF-8 (only the raw bytes do).</summary>
    public static string? Unescaped(string escaped)
    {
        var raw = Unescape(escaped);
        return Utf8.IsValid(raw) ? Strict.GetString(raw) : null;
    }

    /// <summary>The exact bytes an escaped name stands for.</summary>
    public static byte[] Unescape(string escaped)
    {
        var bytes = new List<byte>(escaped.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\\' || i + 1 == escaped.Length)
            {
                var rune = Rune.GetRuneAt(escaped, i);
                bytes.AddRange(utf8[..rune.EncodeToUtf8(utf8)]);
                i += rune.Utf16SequenceLength - 1;
                continue;
            }

            var kind = escaped[++i];
            switch (kind)
            {
                case 'x' when i + 2 < escaped.Length && byte.TryParse(escaped.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b):
                    bytes.Add(b);
                    i += 2;
                    break;
                case 'u' when i + 4 < escaped.Length && int.TryParse(escaped.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    bytes.AddRange(utf8[..new Rune(code).EncodeToUtf8(utf8)]);
                    i += 4;
                    break;
                default:
                    bytes.Add(kind switch { 'n' => (byte)'\n', 'r' => (byte)'\r', 't' => (byte)'\t', _ => (byte)kind });
                    break;
            }
        }

        return [.. bytes];
    }

    private static void Append(StringBuilder text, Rune rune)
    {
        switch (rune.Value)
        {
            case '\\':
                text.Append("\\\\");
                break;
            case '\n':
                text.Append("\\n");
                break;
            case '\r':
                text.Append("\\r");
                break;
            case '\t':
                text.Append("\\t");
                break;
            case var v when NeedsEscape(v):
                text.Append(CultureInfo.InvariantCulture, $"\\u{v:X4}");
                break;
            default:
                text.Append(rune.ToString());
                break;
        }
    }

    /// <summary>
    /// Controls, and the line separators and bidirectional marks that can make a name read as another; the backslash
    /// only so that the escaping can be undone.
    /// </summary>
    private static bool NeedsEscape(int v) =>
        v is '\\' or < 0x20 or (>= 0x7F and <= 0x9F) or 0x061C or 0x200E or 0x200F or 0x2028 or 0x2029 or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);
}
