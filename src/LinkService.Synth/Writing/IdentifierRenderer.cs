using LinkService.Synth.Columns;
using LinkService.Synth.Departments;
using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Writing;

/// <summary>Writes a record's identifier columns from its <see cref="RecordIdentity"/>, applying its typos as it goes.</summary>
internal sealed class IdentifierRenderer
{
    private readonly char[] _scratch = new char[1024];
    private readonly DepartmentProfile _profile;
    private readonly PostcodeAreas _areas;

    public IdentifierRenderer(DepartmentProfile profile, NameTables names)
    {
        _profile = profile;
        _areas = names.Areas;
    }

    /// <summary>Writes the column's value; a slip the column's pattern would refuse is dropped, and from <paramref name="id"/>'s variations too.</summary>
    public void Write(CsvRowWriter csv, Column column, ref RecordIdentity id, ref SplitMix rng)
    {
        var text = _scratch.AsSpan();
        var n = Render(text, column, id, ref rng);
        if (n >= 0 && column.Pattern is { } pattern && !pattern.IsMatch(text[..n]))
        {
            // A department whose system checks the format would not have accepted the slip.
            var clean = id;
            (clean.ForenameTypo, clean.SurnameTypo, clean.PostcodeTypo, clean.NiTypo, clean.NiSpaced) = (false, false, false, false, false);
            n = Render(text, column, clean, ref rng, plain: true);
            id.Variations &= ~SlipsOf(column.Kind);
        }

        if (n < 0)
        {
            csv.Field(column.Missing);
        }
        else
        {
            csv.Field(text[..n], column.MaxLength);
        }
    }

    private static Variation SlipsOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Forename or ColumnKind.AllForenames => Variation.ForenameTypo,
        ColumnKind.Surname => Variation.SurnameTypo,
        ColumnKind.FullName => Variation.ForenameTypo | Variation.SurnameTypo,
        ColumnKind.Postcode => Variation.PostcodeTypo,
        ColumnKind.NiNumber => Variation.NiTypo,
        _ => Variation.None,
    };

    /// <param name="plain">For an email address or phone number: the person's current one, written plainly (a department whose system checks the format).</param>
    private int Render(Span<char> text, Column column, in RecordIdentity id, ref SplitMix rng, bool plain = false) =>
        column.Kind switch
        {
            ColumnKind.Email => ContactRenderer.Email(text, id.Reference, column.Required, plain, ref rng),
            ColumnKind.Phone => ContactRenderer.Phone(text, id.Reference, column.Required, plain, ref rng),
            ColumnKind.Forename => Name(text, id.Forename, id.ForenameTypo, upper: false, ref rng),
            ColumnKind.AllForenames => id.Forename is null ? -1 : Middles(text, Name(text, id.Forename, id.ForenameTypo, upper: false, ref rng), id),
            ColumnKind.MiddleNames => id.Middle1 is null ? -1 : Middles(text, 0, id),
            ColumnKind.Surname => Name(text, id.Surname, id.SurnameTypo, _profile.UpperCaseSurnames, ref rng),
            ColumnKind.FullName => FullName(text, id, ref rng),
            ColumnKind.DateOfBirth => id.BirthDate is { } dob ? column.Dates!.Format(Clamp(dob, column), text) : -1,
            ColumnKind.Sex => Code(text, id.SexCode < column.Values.Count ? column.Values[id.SexCode] : null),
            ColumnKind.Postcode => id.Address is { } home ? Postcode(text, home.Postcode, id.PostcodeTypo, ref rng) : -1,
            ColumnKind.AddressLine => id.Address is { } line ? AddressLine(text, line) : -1,
            ColumnKind.Locality => id.Address is { } town ? Code(text, _areas.Town(town.Postcode.Area)) : -1,
            ColumnKind.NiNumber => id.HasNi ? Ni(text, id, column.MaxLength is 0 or >= NiNumber.MaxLength, ref rng) : -1,
            _ => Reference(text, id.Reference),
        };

    private static int Name(Span<char> text, string? name, bool typo, bool upper, ref SplitMix rng)
    {
        if (name is null)
        {
            return -1;
        }

        var n = name.Length;
        if (upper)
        {
            name.AsSpan().ToUpperInvariant(text);
        }
        else
        {
            name.CopyTo(text);
        }

        return typo ? Typos.Apply(text, n, ref rng) : n;
    }

    /// <summary>Appends the middle names after <paramref name="n"/> characters already written.</summary>
    private static int Middles(Span<char> text, int n, in RecordIdentity id)
    {
        foreach (var middle in (ReadOnlySpan<string?>)[id.Middle1, id.Middle2])
        {
            if (middle is null)
            {
                continue;
            }

            if (n > 0)
            {
                text[n++] = ' ';
            }

            middle.CopyTo(text[n..]);
            n += middle.Length;
        }

        return n;
    }

    private int FullName(Span<char> text, in RecordIdentity id, ref SplitMix rng)
    {
        var n = id.Forename is null ? 0 : Middles(text, Name(text, id.Forename, id.ForenameTypo, upper: false, ref rng), id);
        if (id.Surname is null)
        {
            return n == 0 ? -1 : n;
        }

        if (n > 0)
        {
            text[n++] = ' ';
        }

        return n + Name(text[n..], id.Surname, id.SurnameTypo, _profile.UpperCaseSurnames, ref rng);
    }

    private static DateOnly Clamp(DateOnly date, Column column) =>
        column.EarliestDate is { } earliest && date < earliest ? earliest
        : column.LatestDate is { } latest && date > latest ? latest
        : date;

    private static int Code(Span<char> text, string? code)
    {
        if (code is null)
        {
            return -1;
        }

        code.CopyTo(text);
        return code.Length;
    }

    private int Postcode(Span<char> text, Postcode postcode, bool typo, ref SplitMix rng)
    {
        var n = postcode.Format(text, _areas);
        if (typo)
        {
            Typos.Substitute(text[..n], ref rng);
        }

        return n;
    }

    private static int AddressLine(Span<char> text, Address address)
    {
        ((int)address.HouseNumber).TryFormat(text, out var n, provider: System.Globalization.CultureInfo.InvariantCulture);
        text[n++] = ' ';
        var street = Address.Streets[address.Street];
        street.CopyTo(text[n..]);
        return n + street.Length;
    }

    private static int Ni(Span<char> text, in RecordIdentity id, bool spacedFits, ref SplitMix rng)
    {
        var n = id.Ni.Format(text, id.NiSpaced && spacedFits);
        if (id.NiTypo)
        {
            Typos.Substitute(text[..n], ref rng);
        }

        return n;
    }

    private static int Reference(Span<char> text, long reference)
    {
        reference.TryFormat(text, out var n, provider: System.Globalization.CultureInfo.InvariantCulture);
        return n;
    }
}
