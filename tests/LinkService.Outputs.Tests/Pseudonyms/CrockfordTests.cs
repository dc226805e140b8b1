using LinkService.Outputs.Pseudonyms;

namespace LinkService.Outputs.Tests.Pseudonyms;

public sealed class CrockfordTests
{
    [Fact]
    public void Encode_TakesFiveBitsAChracterMostSignificantFirst()
    {
        // 0x00 0x44 0x32 0x14 0xC7: 00000 00001 00010 00011 00100 00101 00110 00111.
        Assert.Equal("01234567", Crockford.Encode([0x00, 0x44, 0x32, 0x14, 0xC7], 8));
        Assert.Equal("ZZZZZZZZ", Crockford.Encode([0xFF, 0xFF, 0xFF, 0xFF, 0xFF], 8));
    }

    [Fact]
    public void Encode_UsesNoLetterThatReadsAsAnotherCharacter()
    {
        var all = Crockford.Encode(Enumerable.Range(0, 20).Select(i => (byte)(i * 37)).ToArray(), 32);

        Assert.DoesNotContain(all, c => c is 'I' or 'L' or 'O' or 'U');
    }

    [Fact]
    public void Write_SpellsAValueAsEncodeSpellsItsBytes_AndTryReadGivesItBack()
    {
        byte[] bytes = [0x9C, 0x01, 0xFE, 0x42, 0x00, 0x7F, 0x80, 0x33, 0xC4, 0x5D];
        var value = bytes.Aggregate(UInt128.Zero, (v, b) => (v << 8) | b);
        Span<char> text = stackalloc char[16];

        Crockford.Write(value, text);

        Assert.Equal(Crockford.Encode(bytes, 16), text.ToString());
        Assert.True(Crockford.TryRead(text, out var read));
        Assert.Equal(value, read);
        Assert.False(Crockford.TryRead("0123456789ABCDEO", out _));
        Assert.False(Crockford.TryRead("0123456789abcdef", out _));
    }

    [Theory]
    [InlineData("0123456789ABCDE\uFF3A")]
    [InlineData("0123456789ABCDE\u00DA")]
    [InlineData("0123456789ABCDE\u0000")]
    [InlineData("0123456789ABCDE-")]
    public void TryRead_ACharacterOutsideTheAlphabet_IsNoValue(string text)
    {
        Assert.False(Crockford.TryRead(text, out var value));
        Assert.Equal(UInt128.Zero, value);
    }

    [Fact]
    public void TryRead_EveryCharacterOfTheAlphabetInEveryPlace_GivesBackTheValueWriteSpelled()
    {
        // 25 characters are 125 bits: each place of both 64-bit halves, and the one between them, takes every digit.
        Span<char> text = stackalloc char[25];
        for (var digit = 0; digit < 32; digit++)
        {
            var value = UInt128.Zero;
            for (var place = 0; place < 25; place++)
            {
                value = (value << 5) | (uint)((digit + place) % 32);
            }

            Crockford.Write(value, text);

            Assert.True(Crockford.TryRead(text, out var read));
            Assert.Equal(value, read);
        }
    }
}
