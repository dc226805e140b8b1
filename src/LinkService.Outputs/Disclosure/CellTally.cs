namespace LinkService.Outputs.Disclosure;

/// <summary>
/// A cell while its rows are taken: its rows, its persons, and each person's part of its magnitude, a person's rows
/// coming together (<see cref="GroupTally"/> orders them so). A person's part is final when the next person's row
/// comes, so a cell keeps only its largest parts and their sum, never one entry per person.
/// </summary>
internal sealed class CellTally
{
    private readonly decimal[] _largest = new decimal[TableCell.MostContributors];
    private int _held;
    private int _person = -1;
    private decimal _contribution;
    private decimal _magnitude;

    public long Rows { get; private set; }

    /// <summary>Rows holding a value of the magnitude column (the mean's denominator).</summary>
    public long Values { get; private set; }

    public decimal Total { get; private set; }

    public int Persons { get; private set; }

    /// <summary>Adds a row of <paramref name="person"/>, whose rows in this cell all come one after another.</summary>
    public void Add(int person, decimal? value)
    {
        Rows++;
        if (person != _person)
        {
            Close();
            (_person, _contribution) = (person, 0m);
            Persons++;
        }

        if (value is { } v)
        {
            Values++;
            Total += v;
            _contribution += v;
        }
    }

    /// <summary>
    /// The <paramref name="count"/> (at most <see cref="TableCell.MostContributors"/>) largest contributions as magnitudes
    /// (absolute values: the rules assume contributions that add up, and a negative one hides as much as a positive one),
    /// largest first. Taken once every row is in.
    /// </summary>
    public decimal[] Largest(int count)
    {
        Close();
        return _largest[..Math.Min(count, _held)];
    }

    /// <summary>Every contribution's magnitude added up; taken once every row is in.</summary>
    public decimal Magnitude()
    {
        Close();
        return _magnitude;
    }

    /// <summary>Counts the last person's part, once.</summary>
    private void Close()
    {
        if (_person < 0)
        {
            return;
        }

        var magnitude = Math.Abs(_contribution);
        _magnitude += magnitude;
        _person = -1;
        if (_held == _largest.Length && magnitude <= _largest[^1])
        {
            return;
        }

        // Insert in place, the smallest held falling off the end when all places are taken.
        var at = _held < _largest.Length ? _held++ : _largest.Length - 1;
        while (at > 0 && _largest[at - 1] < magnitude)
        {
            _largest[at] = _largest[at - 1];
            at--;
        }

        _largest[at] = magnitude;
    }
}
