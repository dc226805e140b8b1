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
    /// The <paramref name="count"/> largest contributions as magnitudes (absolute values: the rules assume contributions
    /// that add up, and a negative one hides as much as a positive one), largest first. Picked in one pass: a cell of a
    /// million persons was sorted whole for the two or three the rules read.
    /// </summary>
    public decimal[] Largest(int count)
    {
        var largest = new decimal[Math.Min(count, _contributions.Count)];
        var held = 0;
        foreach (var contribution in _contributions.Values)
        {
            var magnitude = Math.Abs(contribution);
            if (held == largest.Length && magnitude <= largest[^1])
            {
                continue;
            }

            // Insert in place, the smallest held falling off the end when all places are taken.
            var at = held < largest.Length ? held++ : largest.Length - 1;
            while (at > 0 && largest[at - 1] < magnitude)
            {
                largest[at] = largest[at - 1];
                at--;
            }

            largest[at] = magnitude;
        }

        return largest;
    }

    /// <summary>Every contribution's magnitude added up.</summary>
    public decimal Magnitude()
    {
        var sum = 0m;
        foreach (var contribution in _contributions.Values)
        {
            sum += Math.Abs(contribution);
        }

        return sum;
    }
}
