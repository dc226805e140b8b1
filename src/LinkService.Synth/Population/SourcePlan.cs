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

    /// <summary>The records in file order: the person number and which of their records it is (0 = first).</summary>
    public IEnumerable<(long Person, int Copy)> Records()
    {
        if (Size == 0)
        {
            yield break;
        }

        var limit = ExactRecords ?? long.MaxValue;
        var emitted = 0L;
        var forced = false;
        for (var pass = 0; emitted < limit; pass++)
        {
            var order = new FeistelPermutation(Size, SplitMix.Combine(_stream, (ulong)pass));
            var any = false;
            for (var t = 0L; t < Size && emitted < limit; t++)
            {
                var k = (Start + order.Map(t)) % _people;
                if (pass == 0 || forced || ExtraRecords(k) >= pass)
                {
                    any = true;
                    emitted++;
                    yield return (k, pass);
                }
            }

            if (!any)
            {
                // Every person's natural extras are used up: stop, or, when an exact count asks for
                // more records than that, give everyone further records until it is met.
                if (ExactRecords is null)
                {
                    yield break;
                }

                forced = true;
            }
        }
    }
}
