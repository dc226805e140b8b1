namespace LinkService.Synth.Randomness;

/// <summary>
/// SplitMix64: a tiny, fast generator whose output is fully determined by its seed on every platform,
/// so the same seed writes byte-identical files. Each person and each record gets its own generator,
/// seeded from (seed, index), so any record can be produced without producing the ones before it.
/// </summary>
internal struct SplitMix
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    public SplitMix(ulong seed) => _state = seed;

    /// <summary>A generator for one item (a person, a record) of a stream identified by <paramref name="stream"/>.</summary>
    public static SplitMix For(ulong stream, ulong index) => new(Combine(stream, index));

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a ^ Mix(b + Golden));

    /// <summary>A stable 64-bit hash of a name (string.GetHashCode is randomised per process).</summary>
    public static ulong Hash(string text)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var ch in text)
        {
            h = (h ^ ch) * 0x100000001B3UL;
        }

        return Mix(h);
    }

    public ulong NextUInt64()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>A uniform integer in [0, n).</summary>
    public int Next(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>A uniform integer in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => probability > 0 && NextDouble() < probability;
}
