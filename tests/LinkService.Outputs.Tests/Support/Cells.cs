using LinkService.Outputs.Disclosure;

namespace LinkService.Outputs.Tests.Support;

/// <summary>Cells for the rule tests: one row per person, each person's value given.</summary>
internal static class Cells
{
    /// <summary>A cell of one row per person, with the persons' values.</summary>
    public static TableCell Of(params decimal[] contributions) =>
        new(["a"], contributions.Length, contributions.Length, contributions.Length, contributions.Sum(), [.. contributions.Select(Math.Abs).OrderDescending()]);

    /// <summary>A count cell: <paramref name="rows"/> rows of <paramref name="persons"/> persons.</summary>
    public static TableCell Count(int persons, int rows, string label = "a") =>
        new([label], rows, 0, persons, 0m, [.. Enumerable.Repeat(0m, persons)]);
}
