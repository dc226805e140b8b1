using LinkService.Synth.Randomness;

namespace LinkService.Synth.Population;

/// <summary>
/// One pass over a source's people, in its own shuffled order: the first records of everyone
/// (pass 0), then the second records of those who have one, and so on. Any position of a pass
/// maps straight to its person, so batches of a pass can be resolved on any thread.
/// </summary>
internal sealed class RecordPass
{
    private readonly long _start;
    private readonly long _people;
    private readonly int[]? _members;
    private readonly FeistelPermutation _order;

    /// <param name="members">The window offsets of the people in this pass, or null for everyone in the window.</param>
    public RecordPass(int number, long start, long windowSize, long people, int[]? members, ulong key)
    {
        Number = number;
        _start = start;
        _people = people;
        _members = members;
        Count = members?.Length ?? windowSize;
        _order = new FeistelPermutation(Math.Max(1, Count), key);
    }

    /// <summary>Which of a person's records this pass gives: 0 for the first.</summary>
    public int Number { get; }

    public long Count { get; }

    /// <summary>The person number at <paramref name="position"/> in this pass's order.</summary>
    public long PersonAt(long position)
    {
        var shuffled = _order.Map(position);
        var offset = _members is null ? shuffled : _members[shuffled];
        return (_start + offset) % _people;
    }
}
