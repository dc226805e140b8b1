using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;
using LinkService.Linkage.Similarity;

namespace LinkService.Linkage.Tests.Comparison;

public sealed class PackedTextTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("AB123456")]
    [InlineData("ÉÀ12")]
    public void Read_GivesBackWhatWasWritten(string text)
    {
        var ints = new int[PackedText.Ints];
        var read = new char[PackedText.MaxChars];

        PackedText.Write(text, ints);

        Assert.Equal(text, new string(read, 0, PackedText.Read(ints, read)));
    }

    [Theory]
    [InlineData("AB123456", true)]
    [InlineData("AB1234567", false)]
    [InlineData("ŁUKASZ", false)]
    public void Fits_OnlyValuesOfEightOneByteCharacters(string value, bool fits)
    {
        Assert.Equal(fits, PackedText.Fits(value));
    }

    [Theory]
    [InlineData("AB1234567")]
    [InlineData("ŁUKASZ")]
    public void Write_AValueThatDoesNotFit_PacksAsNothing(string value)
    {
        var ints = new int[PackedText.Ints];

        PackedText.Write(value, ints);

        Assert.Equal(0UL, PackedText.Word(ints));
    }

    // Comparing reads reference numbers packed: the answer must be the edit distance's, exactly, at every length up to
    // the eight characters a word holds (short words over few letters, and long ones with every edit of them).
    [Fact]
    public void WithinOneEdit_AgreesWithTheEditDistance()
    {
        var words = new List<string> { string.Empty };
        for (var length = 1; length <= 4; length++)
        {
            words.AddRange(words.Where(w => w.Length == length - 1).SelectMany(w => "ABC".Select(c => w + c)).ToList());
        }

        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var word = new string([.. Enumerable.Range(0, random.Next(5, PackedText.MaxChars + 1)).Select(_ => "AB12"[random.Next(4)])]);
            words.Add(word);
            words.AddRange(Edits(word).Where(w => w.Length is > 0 and <= PackedText.MaxChars));
        }

        foreach (var a in words.Distinct())
        {
            foreach (var b in words.Distinct().Where(b => Math.Abs(b.Length - a.Length) <= 2))
            {
                var (wordA, wordB) = (Packed(a), Packed(b));
                Assert.Equal(EditDistance.DamerauLevenshteinWithin(a, b, 1), PackedText.WithinOneEdit(wordA, wordB, transpositions: true));
                Assert.Equal(EditDistance.LevenshteinWithin(a, b, 1), PackedText.WithinOneEdit(wordA, wordB, transpositions: false));
            }
        }
    }

    private static ulong Packed(string text)
    {
        var ints = new int[PackedText.Ints];
        PackedText.Write(text, ints);
        return PackedText.Word(ints);
    }

    /// <summary>The word with each character deleted, substituted, doubled, and each adjacent pair swapped.</summary>
    private static IEnumerable<string> Edits(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return word.Remove(i, 1);
            yield return word[..i] + 'Z' + word[(i + 1)..];
            yield return word.Insert(i, word[i].ToString());
            if (i + 1 < word.Length)
            {
                yield return word[..i] + word[i + 1] + word[i] + word[(i + 2)..];
            }
        }
    }
}
