using System.Runtime.CompilerServices;

namespace LinkService.Linkage.Engine;

/// <summary>
/// How many matches the blocking rules missed, from the matches they caught: a latent-class capture–recapture model
/// (multiple-systems estimation with heterogeneous records, as in Fienberg, Johnson and Junker, 1999), fitted by EM to
/// the truncated counts.
/// </summary>
/// <remarks>
/// Each match has a pattern: its agreement on every blocking key, grouped by field. A rule generates it when all of the
/// rule's keys agree, so only patterns some rule holds are ever seen. Within a latent class the fields agree
/// independently; the classes let the fields' agreement depend on each other across records, as it does in real
/// extracts: a carelessly keyed record, or one with its date of birth and address missing, disagrees on several fields
/// at once, and a model with one class (independence) put far too few matches outside every block. The patterns no
/// rule holds are the missing cells: EM fills them in from the classes (the expected counts of the unseen patterns
/// given the caught ones), and their total is the estimate.
/// </remarks>
internal sealed class LatentClassCapture
{
    private const int MaxIterations = 2_000;
    private const double Tolerance = 1e-9;

    private readonly int _classes;
    private readonly int[][] _observed;
    private readonly double[] _weights;
    private readonly int[][] _missed;
    private readonly int[] _states;

    /// <param name="classes">Latent classes.</param>
    /// <param name="observed">The caught patterns, as each field's state index.</param>
    /// <param name="weights">How many matches each caught pattern stands for (summed match probabilities).</param>
    /// <param name="missed">The patterns no rule holds, as each field's state index.</param>
    /// <param name="states">How many states each field has.</param>
    public LatentClassCapture(int classes, int[][] observed, double[] weights, int[][] missed, int[] states)
    {
        _classes = classes;
        _observed = observed;
        _weights = weights;
        _missed = missed;
        _states = states;
    }

    /// <summary>The expected number of matches whose pattern no rule holds (infinite when the fit says none is caught).</summary>
    public double Missed()
    {
        var caught = _weights.Sum();
        if (caught <= 0 || _missed.Length == 0)
        {
            return 0;
        }

        var share = new double[_classes];
        var counts = new double[_classes][][];
        for (var c = 0; c < _classes; c++)
        {
            counts[c] = [.. _states.Select(n => new double[n])];
        }

        // Start: the first class from patterns that agree on many fields, the last from those that agree on few.
        var joint = new double[_classes];
        for (var i = 0; i < _observed.Length; i++)
        {
            var agreeing = _observed[i].Count(s => s != 0) / (double)_states.Length;
            for (var c = 0; c < _classes; c++)
            {
                var centre = _classes == 1 ? agreeing : 1 - (c / (double)(_classes - 1));
                joint[c] = 1e-3 + Math.Max(0, 1 - Math.Abs(agreeing - centre));
            }

            Add(counts, share, _observed[i], joint, _weights[i] / joint.Sum());
        }

        var missed = 0.0;
        var missedJoint = new double[_missed.Length][];
        for (var m = 0; m < _missed.Length; m++)
        {
            missedJoint[m] = new double[_classes];
        }

        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var model = Model.From(share, counts);
            Clear(share, counts);
            for (var i = 0; i < _observed.Length; i++)
            {
                model.Joint(_observed[i], joint);
                if (joint.Sum() is var likelihood && likelihood > 0)
                {
                    Add(counts, share, _observed[i], joint, _weights[i] / likelihood);
                }
            }

            // The unseen cells at their expected counts: caught × P(missed) / P(caught), shared out as the classes say.
            var missedShare = 0.0;
            for (var m = 0; m < _missed.Length; m++)
            {
                model.Joint(_missed[m], missedJoint[m]);
                missedShare += missedJoint[m].Sum();
            }

            if (missedShare >= 1)
            {
                return double.PositiveInfinity;
            }

            var estimate = caught * missedShare / (1 - missedShare);
            for (var m = 0; m < _missed.Length && missedShare > 0; m++)
            {
                Add(counts, share, _missed[m], missedJoint[m], estimate / missedShare);
            }

            var settled = iteration > 0 && Math.Abs(estimate - missed) <= Tolerance * Math.Max(1, estimate);
            missed = estimate;
            if (settled)
            {
                break;
            }
        }

        return missed;
    }

    private static void Add(double[][][] counts, double[] share, int[] pattern, double[] byClass, double scale)
    {
        for (var c = 0; c < byClass.Length; c++)
        {
            var w = byClass[c] * scale;
            share[c] += w;
            for (var f = 0; f < pattern.Length; f++)
            {
                counts[c][f][pattern[f]] += w;
            }
        }
    }

    private static void Clear(double[] share, double[][][] counts)
    {
        Array.Clear(share);
        foreach (var field in counts.SelectMany(c => c))
        {
            Array.Clear(field);
        }
    }

    /// <summary>Class shares and, per class and field, each state's share: the M step's result.</summary>
    private sealed record Model(double[] ClassShare, double[][][] StateShare)
    {
        public static Model From(double[] share, double[][][] counts)
        {
            var total = share.Sum();
            return new Model(
                [.. share.Select(s => total <= 0 ? 0 : s / total)],
                [.. counts.Select(c => c.Select(field => field.Sum() is var n && n > 0 ? field.Select(x => x / n).ToArray() : new double[field.Length]).ToArray())]);
        }

        /// <summary>P(pattern, class) for each class.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Joint(int[] pattern, double[] into)
        {
            for (var c = 0; c < into.Length; c++)
            {
                var p = ClassShare[c];
                for (var f = 0; f < pattern.Length && p > 0; f++)
                {
                    p *= StateShare[c][f][pattern[f]];
                }

                into[c] = p;
            }
        }
    }
}
