using System.Buffers.Binary;
using System.Security.Cryptography;
using LinkService.Outputs.Pseudonyms;

namespace LinkService.Outputs.Tests.Pseudonyms;

public sealed class HmacLanesTests
{
    /// <summary>Every key length, each way of computing the CPU has: the portable way always, AVX-512's where the CPU has it.</summary>
    public static TheoryData<int, bool> KeysAndWays()
    {
        var data = new TheoryData<int, bool>();
        foreach (var keyLength in new[] { 32, 7, 64, 100 })
        {
            data.Add(keyLength, false);
            if (System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported)
            {
                data.Add(keyLength, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KeysAndWays))]
    public void Compute_EveryLengthUpToTheMost_GivesOpenSslsMac(int keyLength, bool avx512)
    {
        var random = new Random(keyLength);
        var key = new byte[keyLength];
        random.NextBytes(key);
        var lanes = new HmacLanes(key, avx512);
        var blocks = new byte[HmacLanes.Lanes * 64];
        var lengths = new int[HmacLanes.Lanes];
        var values = new UInt128[HmacLanes.Lanes];

        for (var round = 0; round <= HmacLanes.MaxMessage; round++)
        {
            random.NextBytes(blocks);
            for (var lane = 0; lane < HmacLanes.Lanes; lane++)
            {
                // Every length from 0 to the most, in every lane, beside lanes of other lengths.
                lengths[lane] = (round + (lane * 7)) % (HmacLanes.MaxMessage + 1);
            }

            lanes.Compute(blocks, lengths, values);

            for (var lane = 0; lane < HmacLanes.Lanes; lane++)
            {
                var mac = HMACSHA256.HashData(key, blocks.AsSpan(lane * 64, lengths[lane]));
                var expected = ((UInt128)BinaryPrimitives.ReadUInt64BigEndian(mac) << 16) | BinaryPrimitives.ReadUInt16BigEndian(mac.AsSpan(8));
                Assert.Equal(expected, values[lane]);
            }
        }
    }

    [Fact]
    public void Queue_LongNonAsciiAndShortKeysMixed_GivesTheValuesOneAtATimeGives()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        using var queued = new PseudonymHasher(key);
        using var single = new PseudonymHasher(key);
        string[] keys = [.. Enumerable.Range(0, 29).Select(i => i % 5 == 0 ? new string('K', 30 + i) : i % 3 == 0 ? $"Zoë \ud83d\ude00{i}" : $"OFF{i:D8}")];
        var values = new UInt128[keys.Length];

        for (var i = 0; i < keys.Length; i++)
        {
            queued.Queue(PseudonymHasher.RecordLabel, "justice", keys[i], 0, i, values);
        }

        queued.Flush(values);

        Assert.Equal([.. keys.Select(k => single.Record("justice", k))], values);
    }
}
