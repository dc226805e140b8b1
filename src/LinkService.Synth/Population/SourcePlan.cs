using LinkService.Synth.Departments;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Population;

/// <summary>
/// One source's window of the population and the order its records come out in: first one record
/// per person, shuffled; then the extra records (aliases, further claims), each pass shuffled again,
/// until the requested number of records is reached.
/// </summary>
internal sealed class SourcePlan
{
    private readonly long _people;
    private readonly ulong _stream;
    private readonly AliasTable _extraCounts;

    public SourcePlan(string name, DepartmentProfile profile, ulong seed, long people, long start, long size, long? exactRecords)
    {
        Name = name;
        Profile = profile;
        Stream = SplitMix.Combine(seed, SplitMix.Hash("source:" + name));
        _stream = SplitMix.Combine(Stream, SplitMix.Hash("plan"));
        _people = people;
        Start = start;
        Size = size;
        ExactRecords = exactRecords;
        _extraCounts = new AliasTable(profile.ExtraRecordWeights);
    }

    public string Name { get; }

    public DepartmentProfile Profile { get; }

    /// <summary>The seed of this source's random streams, derived from the run's seed and the source's name.</summary>
    public ulong Stream { get; }

    public long Start { get; }

    /// <summary>The number of distinct people in the source.</summary>
    public long Size { get; }

    public long? ExactRecords { get; }

    public bool Contains(long k) => Size > 0 && ((k - Start) % _people + _people) % _people < Size;

    /// <summary>How many records beyond the first this source holds for person k.</summary>
    public int ExtraRecords(long k)
    {
        var rng = SplitMix.For(_stream, (ulong)k);
        return rng.Chance(Profile.DuplicateShare) ? 1 + _extraCounts.Sample(ref rng) : 0;
    }

    /// <summary>
    /// The passes that give the records in file order, each cut to what is still wanted. The first
    /// gives everyone one record; the next ones give the extras people have; if an exact count asks
    /// for more than that, further passes give everyone another record until it is met.
    /// </summary>
    public IEnumerable<RecordPass> Passes()
    {
        if (Size == 0)
        {
            yield break;
        }

        var limit = ExactRecords ?? long.MaxValue;
        var extras = ExtrasByOffset();
        var emitted = 0L;
        for (var number = 0; emitted < limit; number++)
        {
            var members = number == 0 || number > extras.Max ? null : Members(extras.Counts, number);
            if (members is null && number > 0 && ExactRecords is null)
            {
                yield break;
            }

            var pass = new RecordPass(number, Start, Size, _people, members, SplitMix.Combine(_stream, (ulong)number));
            emitted += pass.Count;
            yield return pass;
        }
    }

    /// <summary>The records in file order: the person number and which of their records it is (0 = first).</summary>
    public IEnumerable<(long Person, int Copy)> Records()
    {
        var remaining = ExactRecords ?? long.MaxValue;
        foreach (var pass in Passes())
        {
            for (var i = 0L; i < pass.Count && remaining > 0; i++, remaining--)
            {
                yield return (pass.PersonAt(i), pass.Number);
            }
        }
    }

    private (byte[] Counts, int Max) ExtrasByOffset()
    {
        var counts = new byte[Size];
        var max = 0;
        if (Profile.DuplicateShare > 0)
        {
            for (var offset = 0L; offset < Size; offset++)
            {
                var extras = ExtraRecords((Start + offset) % _people);
                counts[offset] = (byte)extras;
                max = Math.Max(max, extras);
            }
        }

        return (counts, max);
    }

    private static int[] Members(byte[] extras, int pass)
    {
        var members = new List<int>();
        for (var offset = 0; offset < extras.Length; offset++)
        {
            if (extras[offset] >= pass)
            {
                members.Add(offset);
            }
        }

        return [.. members];
    }
}
