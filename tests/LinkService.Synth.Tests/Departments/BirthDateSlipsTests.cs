using LinkService.Synth.Departments;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Tests.Departments;

public sealed class BirthDateSlipsTests
{
    [Theory]
    [InlineData(1990, 1, 1)]
    [InlineData(1985, 12, 31)]
    [InlineData(2000, 2, 29)]
    [InlineData(1900, 6, 15)]
    public void Slip_AnyDate_ChangesExactlyOnePartByOne(int year, int month, int day)
    {
        var dob = new DateOnly(year, month, day);
        var rng = new SplitMix((ulong)(year + month + day));

        for (var i = 0; i < 300; i++)
        {
            var slipped = BirthDateSlips.Slip(dob, ref rng);

            Assert.NotEqual(dob, slipped);
            Assert.True(slipped.Year >= 1900);
            var changed = (slipped.Year != dob.Year ? 1 : 0) + (slipped.Month != dob.Month ? 1 : 0) + (slipped.Day != dob.Day ? 1 : 0);
            Assert.True(changed == 1 || (changed == 2 && slipped.Day != dob.Day && dob.Day > 28), $"{dob} -> {slipped}");
            Assert.InRange(Math.Abs(slipped.DayNumber - dob.DayNumber), 1, 366);
        }
    }
}
