namespace LinkService.Linkage.Engine;

/// <summary>How many records hold each pair of values of two pooled fields, over the records that hold both.</summary>
internal sealed class JointCounts
{
    private readonly long[] _counts;
    private readonly long[] _valueTotals;
    private readonly long[] _tiedTotals;

    private JointCounts(int values, int tiedValues)
    {
        Values = values;
        TiedValues = tiedValues;
        _counts = new long[values * tiedValues];
        _valueTotals = new long[values];
        _tiedTotals = new long[tiedValues];
    }

    public int Values { get; }

    public int TiedValues { get; }

    public long Total { get; private set; }

    public long this[int value, int tied] => _counts[(value * TiedValues) + tied];

    public long ValueTotal(int value) => _valueTotals[value];

    public double TiedShare(int tied) => Total == 0 ? 0 : _tiedTotals[tied] / (double)Total;

    /// <param name="values">Per record, the first field's pool id (0: missing).</param>
    /// <param name="valueCount">The first field's pool size.</param>
    /// <param name="tied">Per record, the second field's pool id (0: missing).</param>
    /// <param name="tiedCount">The second field's pool size.</param>
    public static JointCounts Of(int[] values, int valueCount, int[] tied, int tiedCount)
    {
        var joint = new JointCounts(valueCount, tiedCount);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != 0 && tied[i] != 0)
            {
                joint._counts[(values[i] * tiedCount) + tied[i]]++;
                joint._valueTotals[values[i]]++;
                joint._tiedTotals[tied[i]]++;
                joint.Total++;
            }
        }

        return joint;
    }

    /// <summary>Mutual information of the two fields over the records holding both, in bits.</summary>
    public double MutualInformation()
    {
        if (Total == 0)
        {
            return 0;
        }

        var information = 0.0;
        for (var v = 1; v < Values; v++)
        {
            for (var g = 1; g < TiedValues; g++)
            {
                var n = this[v, g];
                if (n > 0)
                {
                    information += n / (double)Total * Math.Log2(n * (double)Total / (_valueTotals[v] * (double)_tiedTotals[g]));
                }
            }
        }

        return information;
    }
}
