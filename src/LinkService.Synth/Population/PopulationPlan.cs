using LinkService.Synth.Departments;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Population;

/// <summary>
/// Who is in which source. People are numbered 0..N-1; each source holds a contiguous window of
/// those numbers (wrapping round), and windows are placed so that the intended share of the smallest
/// source's people also appear in each other source. Record order within a file is shuffled
/// separately, so the numbering never shows in the output.
/// </summary>
internal sealed class PopulationPlan
{
    private readonly SourcePlan? _youngMen;

    private PopulationPlan(ulong seed, long people, IReadOnlyList<SourcePlan> sources)
    {
        Seed = seed;
        People = people;
        Sources = sources;
        _youngMen = sources.FirstOrDefault(s => s.Profile.YoungMenSkew);
    }

    public ulong Seed { get; }

    public long People { get; }

    public IReadOnlyList<SourcePlan> Sources { get; }

    /// <param name="sources">The sources in a fixed order (by name), each with its department profile and, optionally, an exact record count.</param>
    public static PopulationPlan Create(ulong seed, long people, IReadOnlyList<(string Name, DepartmentProfile Profile, long? Records)> sources)
    {
        var sizes = sources.Select(s => DistinctPeople(people, s.Profile, s.Records)).ToArray();
        var anchor = sizes.Length == 0 ? 0 : Array.IndexOf(sizes, sizes.Min());
        var plans = new SourcePlan[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            var start = i == anchor ? 0 : WindowStart(people, sizes[anchor], sizes[i], sources[i].Profile.Overlap);
            plans[i] = new SourcePlan(sources[i].Name, sources[i].Profile, seed, people, start, sizes[i], sources[i].Records);
        }

        return new PopulationPlan(seed, people, plans);
    }

    public bool InYoungMenWindow(long k) => _youngMen?.Contains(k) == true;

    /// <summary>How many distinct people a department with this profile holds <paramref name="records"/> records for.</summary>
    public static long PeopleFor(DepartmentProfile profile, long records) =>
        records == 0 ? 0 : Math.Max(1, (long)Math.Round(records / (1 + (profile.DuplicateShare * MeanExtras(profile)))));

    private static long DistinctPeople(long people, DepartmentProfile profile, long? records) =>
        records is { } exact
            ? Math.Min(PeopleFor(profile, exact), people)
            : Math.Max(1, (long)Math.Round(people * profile.PopulationShare));

    private static double MeanExtras(DepartmentProfile profile)
    {
        var weights = profile.ExtraRecordWeights;
        return weights.Select((w, i) => w * (i + 1)).Sum() / weights.Sum();
    }

    /// <summary>Starts a window so that it shares the intended number of people with the anchor window [0, anchorSize).</summary>
    private static long WindowStart(long people, long anchorSize, long size, double overlapShare)
    {
        var smaller = Math.Min(anchorSize, size);
        var leastPossible = Math.Max(0, anchorSize + size - people);
        var overlap = Math.Clamp((long)Math.Round(overlapShare * smaller), leastPossible, smaller);
        return anchorSize - overlap;
    }
}
