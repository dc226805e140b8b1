using LinkService.Validation.Tests.Support;
using LinkService.Validation.Uniqueness;

namespace LinkService.Validation.Tests.Uniqueness;

public sealed class DuplicateDetectorTests
{
    private const long SmallestBudget = 1L << 20;

    [Fact]
    public void Duplicates_RepeatsInMemory_NameEachRepeatAndItsFirstRow()
    {
        using var temp = new TempDirectory();
        using var detector = new DuplicateDetector(SmallestBudget, temp.Path);
        detector.Add(KeyHasher.Hash("OFF00000001", 1));
        detector.Add(KeyHasher.Hash("OFF00000002", 2));
        detector.Add(KeyHasher.Hash("OFF00000001", 3));
        detector.Add(KeyHasher.Hash("OFF00000001", 4));

        var duplicates = detector.Duplicates().OrderBy(d => d.Row).ToList();

        Assert.Equal([(3L, 1L), (4L, 1L)], duplicates);
        Assert.Equal(0, detector.SpilledRuns);
    }

    [Fact]
    public void Duplicates_KeysBeyondTheBudget_SpillToDiskAndStillFindRepeats()
    {
        using var temp = new TempDirectory();
        using (var detector = new DuplicateDetector(SmallestBudget, temp.Path))
        {
            for (var row = 1; row <= 200_000; row++)
            {
                // Rows 150,001 on repeat the keys of rows 1 to 50,000, long after those were spilled.
                var key = row > 150_000 ? row - 150_000 : row;
                detector.Add(KeyHasher.Hash($"K{key}", row));
            }

            var duplicates = detector.Duplicates().ToList();

            Assert.True(detector.SpilledRuns > 1);
            Assert.Equal(50_000, duplicates.Count);
            Assert.All(duplicates, d => Assert.Equal(d.Row - 150_000, d.FirstRow));
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(temp.Path));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Hash_CompositeParts_KeepsTheirBoundaries()
    {
        var hasher = new KeyHasher();

        var ab = hasher.Hash(["ab", "c"], 1);
        var a = hasher.Hash(["a", "bc"], 2);

        Assert.False(ab.SameKey(a));
    }
}
