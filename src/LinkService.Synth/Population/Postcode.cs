namespace LinkService.Synth.Population;

/// <summary>
/// A UK postcode as its parts: area, district, sector digit and two unit letters ("LS6 2QF").
/// Kept as numbers so a person costs no string until a record is written.
/// </summary>
internal readonly record struct Postcode(short Area, byte District, byte Sector, byte Unit1, byte Unit2)
{
    /// <summary>The letters Royal Mail uses in the inward code (never C, I, K, M, O or V).</summary>
    public const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";

    public const int MaxLength = 8;

    /// <summary>Writes the postcode with its single space; returns the number of characters written.</summary>
    public int Format(Span<char> destination, PostcodeAreas areas)
    {
        var code = areas.Code(Area);
        code.CopyTo(destination);
        var n = code.Length;
        if (District >= 10)
        {
            destination[n++] = (char)('0' + (District / 10));
        }

        destination[n++] = (char)('0' + (District % 10));
        destination[n++] = ' ';
        destination[n++] = (char)('0' + Sector);
        destination[n++] = UnitLetters[Unit1];
        destination[n++] = UnitLetters[Unit2];
        return n;
    }
}
