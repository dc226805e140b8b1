using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Engine;

/// <summary>
/// The blocking rules' distinct keys, grouped by the field they read: a pair's state on a field is a bit per key of
/// that field (set where both records have the key and it is equal), and a rule generates the pair exactly when every
/// one of its keys' bits is set. An any-order rule's two name keys are the pair's smaller and larger key, as its hash
/// takes them, so swapped names set those bits and not the plain ones.
/// </summary>
internal sealed class BlockingKeys
{
    /// <summary>At most this many distinct keys: a pair's states are packed into one 64-bit pattern, a bit per key.</summary>
    public const int MaxKeys = 64;

    private readonly List<(int Field, int[] Values)> _keys = [];
    private readonly ulong[] _ruleMasks;

    public BlockingKeys(IReadOnlyList<CompiledRule> rules)
    {
        var index = new Dictionary<(string, KeyTransform, int, string?), int>();
        _ruleMasks = new ulong[rules.Count];
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var specs = rule.Spec.Keys;
            for (var k = 0; k < specs.Count; k++)
            {
                var spec = specs[k];
                var ordered = rule.Spec.AnyOrder && k < 2;
                var id = (spec.Field, spec.Transform, spec.Transform == KeyTransform.Prefix ? spec.Length : 0, ordered ? (k == 0 ? "smaller" : "larger") + " of " + specs[1 - k].Field : null);
                if (!index.TryGetValue(id, out var key))
                {
                    key = _keys.Count;
                    index[id] = key;
                    var field = Fields.IndexOf(ordered ? specs[0].Field : spec.Field);
                    if (field < 0)
                    {
                        Fields.Add(ordered ? specs[0].Field : spec.Field);
                        field = Fields.Count - 1;
                    }

                    _keys.Add((field, ordered ? AsCompared(rule, k) : rule.Keys[k]));
                }

                if (key < MaxKeys)
                {
                    _ruleMasks[r] |= 1UL << key;
                }
            }
        }

        FieldMasks = new ulong[Fields.Count];
        for (var key = 0; key < Math.Min(_keys.Count, MaxKeys); key++)
        {
            FieldMasks[_keys[key].Field] |= 1UL << key;
        }
    }

    /// <summary>The fields the rules block on, in the order their keys first appear.</summary>
    public List<string> Fields { get; } = [];

    /// <summary>Per field, the bits of its keys in a pattern.</summary>
    public ulong[] FieldMasks { get; }

    /// <summary>Whether the keys fit in a pattern (<see cref="MaxKeys"/>); when not, no pattern is read.</summary>
    public bool Fit => _keys.Count <= MaxKeys;

    /// <summary>The pair's agreement on every key, a bit per key.</summary>
    public ulong Pattern(int a, int b)
    {
        var pattern = 0UL;
        for (var key = 0; key < _keys.Count; key++)
        {
            var values = _keys[key].Values;
            if (values[a] != 0 && values[a] == values[b])
            {
                pattern |= 1UL << key;
            }
        }

        return pattern;
    }

    /// <summary>
    /// <see cref="Pattern"/> of each pair, key by key over a range of pairs at a time: a key's column is read for the
    /// range's pairs in one go, where a pair at a time read every key's column (twenty scattered fetches a pair).
    /// </summary>
    public ulong[] Patterns(IReadOnlyList<(int A, int B, double Weight)> pairs)
    {
        var patterns = new ulong[pairs.Count];
        Ranges.For(pairs.Count, (from, to) =>
        {
            Span<int> a = new int[to - from];
            Span<int> b = new int[to - from];
            for (var i = from; i < to; i++)
            {
                (a[i - from], b[i - from], _) = pairs[i];
            }

            var own = patterns.AsSpan(from, to - from);
            for (var key = 0; key < _keys.Count; key++)
            {
                var values = _keys[key].Values;
                var bit = 1UL << key;
                for (var i = 0; i < own.Length; i++)
                {
                    var value = values[a[i]];
                    if (value != 0 && value == values[b[i]])
                    {
                        own[i] |= bit;
                    }
                }
            }
        }, 1 << 15);

        return patterns;
    }

    /// <summary>Whether some rule generates a pair of this pattern.</summary>
    public bool AnyRuleHolds(ulong pattern)
    {
        foreach (var mask in _ruleMasks)
        {
            if ((pattern & mask) == mask)
            {
                return true;
            }
        }

        return false;
    }

    private static int[] AsCompared(CompiledRule rule, int k)
    {
        var result = new int[rule.Keys[k].Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = rule.KeyOf(k, i);
        }

        return result;
    }
}
