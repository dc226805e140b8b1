using System.Collections.Concurrent;

namespace LinkService.Outputs.Pseudonyms;

/// <summary>Message <paramref name="index"/>'s source and record key; false when there is none to compute.</summary>
internal delegate bool MessageParts(int index, out ReadOnlySpan<char> source, out ReadOnlySpan<char> recordKey);

/// <summary>
/// Person and record pseudonyms under a project's key: HMAC-SHA256 over a labelled, length-prefixed message, its
/// first 80 bits in 16 Crockford base-32 characters behind a prefix (<c>P-</c> person, <c>R-</c> record).
/// Without the key nobody can recompute or test a guess; another project's key gives unrelated pseudonyms.
/// </summary>
/// <remarks>
/// Why 80 bits: among n pseudonyms the chance that any two collide is about n² / 2^81. At 20 million records that is
/// 4·10^14 / 2.4·10^24 ≈ 2·10^-10; a collision among person pseudonyms is also detected (see <see cref="Persons.CarryForward"/>).
/// Sixteen characters stay short enough to type; 64 bits (13 characters) would already give 1 in 10^5 at that size.
/// Millions are made at a time (<see cref="Records"/>, <see cref="FirstPersons"/>): each thread keys its own hasher once,
/// builds its messages in a reused buffer and has them computed eight at a time (<see cref="HmacLanes"/>), and a
/// pseudonym is kept as its 80-bit value until it is written (<see cref="WriteRecord"/>).
/// </remarks>
internal sealed class Pseudonymiser(ReadOnlyMemory<byte> key)
{
    public const int Characters = 16;
    public const string PersonPrefix = "P-";
    public const string RecordPrefix = "R-";

    /// <summary>The characters of a pseudonym, prefix included.</summary>
    public const int Length = 2 + Characters;

    /// <summary>The record's pseudonym: the same record key of the same source always gets the same one.</summary>
    public string Record(string source, string recordKey)
    {
        using var hasher = Hasher();
        return Spell(RecordPrefix, hasher.Record(source, recordKey));
    }

    /// <summary>
    /// A new person's pseudonym, from the record that seeds it (the smallest record key of their cluster), and the
    /// attempt number, raised only when an earlier attempt is already some other person's.
    /// </summary>
    public string Person(string source, string recordKey, int attempt)
    {
        using var hasher = Hasher();
        return Spell(PersonPrefix, hasher.Person(source, recordKey, attempt));
    }

    /// <summary>A hasher for one thread at a time.</summary>
    public PseudonymHasher Hasher() => new(key.Span);

    /// <summary>The record pseudonym of message <c>i</c> (<paramref name="parts"/>) into <paramref name="values"/>[i], for every i, on every core.</summary>
    public void Records(UInt128[] values, MessageParts parts, CancellationToken cancellationToken) =>
        Compute(PseudonymHasher.RecordLabel.ToArray(), values, parts, cancellationToken);

    /// <summary>The first attempt at a person pseudonym of message <c>i</c> (<paramref name="parts"/>, where it gives one) into <paramref name="values"/>[i], on every core.</summary>
    public void FirstPersons(UInt128[] values, MessageParts parts, CancellationToken cancellationToken) =>
        Compute(PseudonymHasher.PersonLabel.ToArray(), values, parts, cancellationToken);

    private void Compute(byte[] label, UInt128[] values, MessageParts parts, CancellationToken cancellationToken)
    {
        var options = Linkage.Data.Workers.Options(cancellationToken);
        Parallel.ForEach(Partitioner.Create(0, values.Length, Math.Max(1, Math.Min(values.Length / 64, 1 << 14))), options, range =>
        {
            using var hasher = Hasher();
            for (var i = range.Item1; i < range.Item2; i++)
            {
                if (parts(i, out var source, out var recordKey))
                {
                    hasher.Queue(label, source, recordKey, 0, i, values);
                }
            }

            hasher.Flush(values);
        });
    }

    /// <summary>A person pseudonym's characters from its value.</summary>
    public static void WritePerson(UInt128 value, Span<char> destination) => Write(PersonPrefix, value, destination);

    /// <summary>The value of a person pseudonym as <see cref="WritePerson"/> spells it; false for any other text.</summary>
    public static bool TryReadPerson(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = 0;
        return text.Length == Length && text.StartsWith(PersonPrefix, StringComparison.Ordinal) && Crockford.TryRead(text[PersonPrefix.Length..], out value);
    }

    /// <summary>A record pseudonym's characters from its value.</summary>
    public static void WriteRecord(UInt128 value, Span<char> destination) => Write(RecordPrefix, value, destination);

    private static string Spell(string prefix, UInt128 value) =>
        string.Create(Length, (prefix, value), static (chars, state) => Write(state.prefix, state.value, chars));

    private static void Write(string prefix, UInt128 value, Span<char> destination)
    {
        prefix.CopyTo(destination);
        Crockford.Write(value, destination.Slice(prefix.Length, Characters));
    }
}
