using System.Runtime.InteropServices;

namespace LinkService.Outputs.Disclosure;

/// <summary>A cell while its file is read: its rows, and each person's part of its magnitude.</summary>
internal sealed class CellTally
{
    // Person (by index into the file's persons) to the sum of their values in this cell; a count table adds zeros.
    private readonly Dictionary<int, decimal> _contributions = [];

    public long Rows { get; private set; }

    /// <summary>Rows holding a value of the magnitude column (the mean's denominator).</summary>
    public long Values { get; private set; }

    public decimal Total { get; private set; }

    public int Persons => _contributions.Count;

    public void Add(int person, decimal? value)
    {
        Rows++;
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_contributions, person, out _);
        if (value is { } v)
        {
            Values++;
            Total += v;
            sum += v;
        }
    }

    /// <summary>
    /// Each person's contribution as a magnitude (its absolute value: the rules assume contributions that add up,
    /// and a negative one hides as much as a positive one), largest first.
    /// </summary>
    public decimal[] ContributionsLargestFirst()
    {
        decimal[] contributions = [.. _contributions.Values.Select(Math.Abs)];
        Array.Sort(contributions);
        Array.Reverse(contributions);
        return contributions;
    }
}
