using LinkService.Synth.Departments;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Tests.Departments;

public sealed class TyposTests
{
    [Fact]
    public void Apply_ManyNames_ChangesEachByOneSlipOnly()
    {
        var rng = new SplitMix(5);
        Span<char> buffer = stackalloc char[32];
        string[] names = ["Smith", "Elizabeth", "O'Brien", "Patel", "Ng"];

        for (var i = 0; i < 2_000; i++)
        {
            var name = names[i % names.Length];
            name.CopyTo(buffer);
            var typed = buffer[..Typos.Apply(buffer, name.Length, ref rng)].ToString();

            Assert.InRange(typed.Length, name.Length - 1, name.Length + 1);
            Assert.InRange(Distance(name, typed), 0, 2);
        }
    }

    [Fact]
    public void Apply_ManyNames_MostlyLeaveTheFirstLetter()
    {
        var rng = new SplitMix(6);
        Span<char> buffer = stackalloc char[32];
        var kept = 0;

        for (var i = 0; i < 1_000; i++)
        {
            "Johnson".CopyTo(buffer);
            Typos.Apply(buffer, 7, ref rng);
            kept += buffer[0] == 'J' ? 1 : 0;
        }

        Assert.InRange(kept, 850, 960);
    }

    [Fact]
    public void Substitute_Code_ReplacesOneCharacterOfTheSameKind()
    {
        var rng = new SplitMix(7);
        for (var i = 0; i < 500; i++)
        {
            var code = "LS6 2QF".ToCharArray();
            Typos.Substitute(code, ref rng);
            var changed = Enumerable.Range(0, code.Length).Where(j => code[j] != "LS6 2QF"[j]).ToList();

            Assert.True(changed.Count <= 1);
            Assert.All(changed, j => Assert.Equal(char.IsAsciiDigit("LS6 2QF"[j]), char.IsAsciiDigit(code[j])));
        }
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
