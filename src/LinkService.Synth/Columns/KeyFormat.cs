using System.Text.RegularExpressions;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Columns;

/// <summary>
/// Unique record keys for a key field. A pattern of the form <c>PREFIX[0-9]{n}</c> (or <c>PREFIX\d{n}</c>)
/// gets the prefix and n digits, scrambled by an affine bijection modulo 10^n so keys are unique but
/// not in file order; any other key gets the record number.
/// </summary>
internal sealed partial class KeyFormat
{
    private const int MaxScrambledDigits = 18;
    private readonly string _prefix;
    private readonly int _digits;
    private readonly ulong _modulus;
    private readonly FeistelPermutation _scramble;

    private KeyFormat(string prefix, int digits, ulong seed)
    {
        _prefix = prefix;
        _digits = digits;
        _modulus = digits == 0 ? ulong.MaxValue : Pow10(Math.Min(digits, MaxScrambledDigits));
        if (digits > 0)
        {
            _scramble = new FeistelPermutation((long)_modulus, seed);
        }
    }

    /// <summary>How many distinct keys the format can produce.</summary>
    public ulong Capacity => _modulus;

    public int MaxLength => _prefix.Length + (_digits == 0 ? 20 : _digits);

    /// <summary>A key format for a field with this pattern, or null when the pattern is not PREFIX followed by n digits.</summary>
    public static KeyFormat? FromPattern(string? pattern, ulong seed)
    {
        var match = pattern is null ? Match.Empty : PrefixDigits().Match(pattern);
        return match.Success ? new KeyFormat(match.Groups["prefix"].Value, int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), seed) : null;
    }

    /// <summary>The record number as a plain key, for key fields without a usable pattern.</summary>
    public static KeyFormat Sequential(string prefix) => new(prefix, 0, 0);

    public int Format(long index, Span<char> destination)
    {
        _prefix.CopyTo(destination);
        var n = _prefix.Length;
        if (_digits == 0)
        {
            ((ulong)index + 1).TryFormat(destination[n..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            return n + written;
        }

        var value = (ulong)_scramble.Map(index);
        for (var i = n + _digits - 1; i >= n; i--)
        {
            destination[i] = (char)('0' + (int)(value % 10));
            value /= 10;
        }

        return n + _digits;
    }

    private static ulong Pow10(int exponent)
    {
        var value = 1UL;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }

    [GeneratedRegex(@"^(?<prefix>[A-Za-z0-9_\-]*?)(?:\[0-9\]|\\d)\{(?<n>[1-9][0-9]?)\}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixDigits();
}
