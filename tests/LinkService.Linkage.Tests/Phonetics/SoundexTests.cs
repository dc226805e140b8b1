using LinkService.Linkage.Phonetics;

namespace LinkService.Linkage.Tests.Phonetics;

public sealed class SoundexTests
{
    [Theory]
    [InlineData("Robert", "R163")]
    [InlineData("Rupert", "R163")]
    [InlineData("Rubin", "R150")]
    [InlineData("Ashcraft", "A261")]
    [InlineData("Ashcroft", "A261")]
    [InlineData("Tymczak", "T522")]
    [InlineData("Pfister", "P236")]
    [InlineData("Honeyman", "H555")]
    [InlineData("Lee", "L000")]
    public void Encode_PublishedExamples_GiveTheirCodes(string name, string code) => Assert.Equal(code, Soundex.Encode(name));

    [Fact]
    public void Encode_NoLetters_GivesEmpty() => Assert.Equal("", Soundex.Encode("1234"));
}
