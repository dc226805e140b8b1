using LinkService.Configuration.Schemas;

namespace LinkService.Validation.Cells;

/// <summary>
/// Reads Table Schema numbers and integers from a cell as <see cref="WrittenNumbers"/> reads them (decimalChar,
/// groupChar and bareNumber honoured), as doubles for bound checks, with no allocation.
/// </summary>
internal sealed class NumberText(string? decimalChar, string? groupChar, bool? bareNumber)
{
    private readonly WrittenNumbers _written = new(decimalChar, groupChar, bareNumber);

    public bool TryInteger(ReadOnlySpan<char> cell, out double value)
    {
        Span<char> buffer = stackalloc char[WrittenNumbers.MaxLength];
        value = 0;
        return _written.TryInvariant(cell, buffer, out var text) && WrittenNumbers.TryInteger(text, out value);
    }

    public bool TryNumber(ReadOnlySpan<char> cell, out double value)
    {
        Span<char> buffer = stackalloc char[WrittenNumbers.MaxLength];
        value = 0;
        return _written.TryInvariant(cell, buffer, out var text) && WrittenNumbers.TryNumber(text, out value);
    }
}
