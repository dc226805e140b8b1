using System.Numerics;
using System.Runtime.CompilerServices;

namespace LinkService.Linkage.Data;

/// <summary>
/// A few keys put in order, each value beside its key, equal keys left in the order they came (a stable sort): for
/// runs of a few dozen, faster than any sort that divides them. Compiled optimised at once for each type it is used
/// with, as hot loops are (docs/design.md).
/// </summary>
internal static class InsertionSort
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ByKey<TKey, TValue>(Span<TKey> keys, Span<TValue> values)
        where TKey : IComparisonOperators<TKey, TKey, bool>
    {
        for (var i = 1; i < keys.Length; i++)
        {
            var (key, value) = (keys[i], values[i]);
            var j = i - 1;
            for (; j >= 0 && keys[j] > key; j--)
            {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
            }

            keys[j + 1] = key;
            values[j + 1] = value;
        }
    }
}
