using LinkService.Linkage.Data;

namespace LinkService.Linkage.Comparison;

/// <summary>
/// Per value of one pool (middle names), the ids its space-separated words have in another pool (forenames), so
/// "is this forename a word of those middle names" is a scan of a few ints per pair, not a split of text. A word the
/// other pool lacks equals none of its values and is left out.
/// </summary>
internal sealed class WordIds
{
    private readonly int[] _starts;
    private readonly int[] _ids;

    public WordIds(ValuePool words, ValuePool values)
    {
        _starts = new int[words.Count + 1];
        var ids = new List<int>();
        for (var id = 1; id < words.Count; id++)
        {
            var text = words[id];
            foreach (var range in text.Split(' '))
            {
                var found = values.Lookup(text[range]);
                if (found != 0)
                {
                    ids.Add(found);
                }
            }

            _starts[id + 1] = ids.Count;
        }

        _ids = [.. ids];
    }

    /// <summary>Whether <paramref name="value"/> (an id of the values' pool) is a word of <paramref name="words"/> (an id of the words' pool).</summary>
    public bool Contains(int words, int value) => _ids.AsSpan(_starts[words], _starts[words + 1] - _starts[words]).Contains(value);
}
