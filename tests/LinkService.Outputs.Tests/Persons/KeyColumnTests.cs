using LinkService.Outputs.Persons;

namespace LinkService.Outputs.Tests.Persons;

public sealed class KeyColumnTests
{
    [Fact]
    public void InOrder_KeysOfSeveralLengthsOverManyParts_AreTheKeysInThatOrder()
    {
        // More keys than one part of the copy holds, of lengths 0 to 12, some outside the BMP.
        const int Count = 200_003;
        static string Key(int i) => i % 13 == 0 ? "" : i % 17 == 0 ? $"\ud83d\ude00{i}" : $"K{i}xxxxxxxxxxxx"[..(1 + (i % 12))];
        var keys = KeyColumn.Of(Count, i => Key(i));
        var order = Enumerable.Range(0, Count).Select(i => (int)((i * 7919L) % Count)).ToArray();

        var ordered = keys.InOrder(order, TestContext.Current.CancellationToken);

        Assert.Equal(Count, ordered.Count);
        for (var i = 0; i < Count; i++)
        {
            Assert.Equal(Key(order[i]), ordered[i].ToString());
        }
    }
}
