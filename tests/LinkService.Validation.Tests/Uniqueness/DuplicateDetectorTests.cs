using LinkService.Validation.Tests.Support;
using LinkService.Validation.Uniqueness;

namespace LinkService.Validation.Tests.Uniqueness;

public sealed class DuplicateDetectorTests
{
    private const long SmallestBudget = 1L << 20;

    [Fact]
    public void Add_RepeatWithinMemory_ReturnsTheFirstRow()
    {
        using var temp = new TempDirectory();
        using var detector = new DuplicateDetector(SmallestBudget, temp.Path);

        Assert.Null(detector.Add(KeyHasher.Hash("OFF00000001", 1)));
        Assert.Null(detector.Add(KeyHasher.Hash("OFF00000002", 2)));
        Assert.Equal(1, detector.Add(KeyHasher.Hash("OFF00000001", 3)));
        Assert.Empty(detector.LateDuplicates());
    }

    [Fact]
    public void LateDuplicates_KeysBeyondTheBudget_SpillToDiskAndStillFindRepeats()
    {
        using var temp = new TempDirectory();
        const int rows = 200_000;
        var inMemory = new List<(long Row, long First)>();
        using (var detector = new DuplicateDetector(SmallestBudget, temp.Path))
        {
            for (var row = 1; row <= rows; row++)
            {
                // Rows 150,001 on repeat the keys of rows 1 to 50,000, long after those were spilled.
                var key = row > 150_000 ? row - 150_000 : row;
                if (detector.Add(KeyHasher.Hash($"K{key}", row)) is { } first)
                {
                    inMemory.Add((row, first));
                }
            }

            var late = detector.LateDuplicates().ToList();

            Assert.True(detector.SpilledRuns > 1);
            var all = inMemory.Concat(late).OrderBy(d => d.Row).ToList();
            Assert.Equal(50_000, all.Count);
            Assert.All(all, d => Assert.Equal(d.Row - 150_000, d.Item2));
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
