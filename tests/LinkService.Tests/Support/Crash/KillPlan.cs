namespace LinkService.Tests.Support.Crash;

/// <summary>
/// The kills of a crash test, drawn from one seed: each stage aimed at equally often, in a shuffled order, each kill
/// falling a random time after its stage's first sign (never longer than that stage usually lasts, so that most kills
/// land inside it). The same seed gives the same plan; where each kill lands is then read from the ledger.
/// </summary>
internal sealed class KillPlan
{
    /// <summary>How long after each sign its stage is likely still under way (on small files; longer in a new process).</summary>
    private static readonly Dictionary<KillSign, TimeSpan> Windows = new()
    {
        [KillSign.Dropped] = TimeSpan.FromMilliseconds(400),
        [KillSign.Received] = TimeSpan.FromMilliseconds(10),
        [KillSign.Validating] = TimeSpan.FromMilliseconds(25),
        [KillSign.RunStarted] = TimeSpan.FromMilliseconds(150),
        [KillSign.Linked] = TimeSpan.FromMilliseconds(40),
        [KillSign.Checked] = TimeSpan.FromMilliseconds(25),
    };

    private KillPlan(int seed, IReadOnlyList<KillPoint> kills)
    {
        Seed = seed;
        Kills = kills;
    }

    public int Seed { get; }

    public IReadOnlyList<KillPoint> Kills { get; }

    /// <summary><paramref name="count"/> kills over <paramref name="nodes"/> nodes.</summary>
    public static KillPlan Draw(int seed, int count, int nodes)
    {
        var random = new Random(seed);
        var stages = Enum.GetValues<CrashStage>();
        var aims = Enumerable.Range(0, count).Select(i => stages[i % stages.Length]).ToArray();
        random.Shuffle(aims);
        var kills = new List<KillPoint>();
        var intake = 0;
        foreach (var aim in aims)
        {
            // Intake is aimed at by turns while a file waits to be quiet and while it is copied.
            var sign = aim switch
            {
                CrashStage.Intake => intake++ % 2 == 0 ? KillSign.Dropped : KillSign.Received,
                CrashStage.Validation => KillSign.Validating,
                CrashStage.Linkage => KillSign.RunStarted,
                CrashStage.Anonymisation => KillSign.Linked,
                _ => KillSign.Checked,
            };
            kills.Add(new KillPoint(kills.Count + 1, aim, sign, Windows[sign] * random.NextDouble(), random.Next(nodes)));
        }

        return new KillPlan(seed, kills);
    }
}
