using LinkService.Synth.Randomness;
using LinkService.Synth.Writing;

namespace LinkService.Synth.Tests.Writing;

/// <summary>A person's email address and phone number over many records: often missing, now and then an older one or a slip, written in several ways that standardise alike.</summary>
public sealed class ContactRendererTests
{
    private const int Records = 10_000;

    [Fact]
    public void Email_OnePersonsRecords_AreMissingOrTheirCurrentAddressInAnyCase_ButForOlderOnesAndSlips()
    {
        var current = Render(ContactRenderer.Email, plain: true, new SplitMix(1));
        var (missing, same, other) = Tally(ContactRenderer.Email, current, text => text.ToLowerInvariant());

        Assert.Contains('@', current);
        Assert.Equal(4_509, missing);
        Assert.Equal(4_832, same);
        Assert.Equal(659, other);
    }

    [Fact]
    public void Phone_OnePersonsRecords_AreMissingOrTheirCurrentNumberWrittenAnyWay_ButForOlderOnesAndSlips()
    {
        var current = Render(ContactRenderer.Phone, plain: true, new SplitMix(1));
        var (missing, same, other) = Tally(ContactRenderer.Phone, Digits(current), Digits);

        Assert.Matches("^07[0-9]{3} [0-9]{6}$", current);
        Assert.Equal(3_498, missing);
        Assert.Equal(5_704, same);
        Assert.Equal(798, other);
    }

    private delegate int Renderer(Span<char> text, long reference, bool required, bool plain, ref SplitMix rng);

    /// <summary>Of <see cref="Records"/> records of one person: how many hold none, the current value (as <paramref name="key"/> compares), another.</summary>
    private static (int Missing, int Same, int Other) Tally(Renderer render, string current, Func<string, string> key)
    {
        var rng = new SplitMix(7);
        var (missing, same, other) = (0, 0, 0);
        for (var i = 0; i < Records; i++)
        {
            var text = Render(render, plain: false, rng, out rng);
            _ = text is null ? missing++ : key(text) == current ? same++ : other++;
        }

        return (missing, same, other);
    }

    private static string Render(Renderer render, bool plain, SplitMix rng) => Render(render, plain, rng, out _)!;

    private static string? Render(Renderer render, bool plain, SplitMix rng, out SplitMix after)
    {
        var text = new char[64];
        var n = render(text, 12_345, required: false, plain, ref rng);
        after = rng;
        return n < 0 ? null : new string(text, 0, n);
    }

    /// <summary>The number as the phone standardiser compares it: digits only, +44 read as a leading 0.</summary>
    private static string Digits(string text)
    {
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        return text.StartsWith('+') ? "0" + digits[2..] : digits;
    }
}
