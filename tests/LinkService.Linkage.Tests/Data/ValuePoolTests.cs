using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Tests.Data;

public sealed class ValuePoolTests
{
    [Fact]
    public void Derived_PostcodeSector_GivesValuesOfOneSectorOneKey_NumberedInTheValuesOrder()
    {
        var pool = Pool("SW1A 2BB", "M1 1AE", "SW1A 2AA", "M1 7ZZ", "BT1");

        var sector = pool.Derived(KeyTransform.PostcodeSector);

        // SW1A 2, M1 1, SW1A 2, M1 7, BT: ids from 1 as each key first shows; id 0 (blank) has none.
        Assert.Equal([0, 1, 2, 1, 3, 4], sector);
    }

    [Fact]
    public void Derived_PrefixAndInitial_KeepTheValuesStart()
    {
        var pool = Pool("ANNE", "ANN", "ANDREW", "BOB");

        Assert.Equal([0, 1, 1, 2, 3], pool.Derived(KeyTransform.Prefix, 3));
        Assert.Equal([0, 1, 1, 1, 2], pool.Derived(KeyTransform.Initial));
    }

    [Fact]
    public void Derived_Soundex_GivesNamesThatSoundAlikeOneKey()
    {
        var pool = Pool("SMITH", "SMYTH", "JONES");

        Assert.Equal([0, 1, 1, 2], pool.Derived(KeyTransform.Soundex));
    }

    private static ValuePool Pool(params string[] values)
    {
        var pool = new ValuePool();
        foreach (var value in values)
        {
            pool.Intern(value);
        }

        return pool;
    }
}
