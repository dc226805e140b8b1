using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace LinkService.Outputs.Pseudonyms;

/// <summary>
/// HMAC-SHA256 (RFC 2104, FIPS 180-4) of eight short messages at once under one key, a message in each 32-bit lane of
/// the vectors SHA-256's words are held in. The key's inner and outer blocks are hashed once, when it is made, so a
/// message of up to <see cref="MaxMessage"/> bytes costs two compressions, shared eight ways. OpenSSL through
/// <see cref="HMACSHA256"/> computes the same MACs one at a time at about 0.7 µs each, most of it the call, which at
/// millions of pseudonyms a run was seconds; <c>HmacLanesTests</c> holds the two to the same answers.
/// </summary>
internal sealed class HmacLanes
{
    /// <summary>The longest message that fits in one block behind the key's inner block (its padding takes nine bytes).</summary>
    public const int MaxMessage = 55;

    public const int Lanes = 8;

    private const int BlockBytes = 64;

    private static readonly uint[] Initial = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly Vector256<uint>[] _inner = new Vector256<uint>[8];
    private readonly Vector256<uint>[] _outer = new Vector256<uint>[8];
    private readonly Vector256<uint>[] _words = new Vector256<uint>[64];
    private readonly Vector256<uint>[] _state = new Vector256<uint>[8];
    private readonly uint[] _lanes = new uint[16 * Lanes];
    private readonly bool _avx512;

    public HmacLanes(ReadOnlySpan<byte> key)
        : this(key, Avx512F.VL.IsSupported)
    {
    }

    /// <param name="key">The key.</param>
    /// <param name="avx512">Whether to use AVX-512's rotations and three-input functions (only where the CPU has them): the tests hold both ways to OpenSSL's answers on a machine that has them.</param>
    internal HmacLanes(ReadOnlySpan<byte> key, bool avx512)
    {
        if (avx512 && !Avx512F.VL.IsSupported)
        {
            throw new PlatformNotSupportedException("This CPU has no AVX-512.");
        }

        _avx512 = avx512;
        Span<byte> padded = stackalloc byte[BlockBytes];
        padded.Clear();
        if (key.Length > BlockBytes)
        {
            SHA256.HashData(key, padded);
        }
        else
        {
            key.CopyTo(padded);
        }

        Midstate(padded, 0x36, _inner);
        Midstate(padded, 0x5c, _outer);
        CryptographicOperations.ZeroMemory(padded);
    }

    /// <summary>Whether the lanes run on vector hardware; elsewhere they would be slower than one MAC at a time.</summary>
    public static bool IsFast => Vector256.IsHardwareAccelerated;

    /// <summary>
    /// The MACs of <paramref name="messages"/> (<see cref="Lanes"/> of them, each at most <see cref="MaxMessage"/>
    /// bytes, in blocks of 64 bytes of <paramref name="blocks"/>, <paramref name="lengths"/> long): of each, its first
    /// 80 bits as a number (big-endian), into <paramref name="values"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Compute(ReadOnlySpan<byte> blocks, ReadOnlySpan<int> lengths, Span<UInt128> values)
    {
        // The inner hash's last block: the message, 0x80, zeros, and the bit length counting the key's block.
        var lanes = _lanes.AsSpan();
        Span<byte> block = stackalloc byte[BlockBytes];
        for (var lane = 0; lane < Lanes; lane++)
        {
            var length = lengths[lane];
            block.Clear();
            blocks.Slice(lane * BlockBytes, length).CopyTo(block);
            block[length] = 0x80;
            BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)(BlockBytes + length) * 8);
            for (var t = 0; t < 16; t++)
            {
                lanes[(t * Lanes) + lane] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
            }
        }

        for (var t = 0; t < 16; t++)
        {
            _words[t] = Vector256.Create<uint>(lanes.Slice(t * Lanes, Lanes));
        }

        Compress(_inner, _words, _state, _avx512);

        // The outer hash's last block: the inner hash, 0x80, zeros, and the bit length (the key's block and 32 bytes).
        for (var t = 0; t < 8; t++)
        {
            _words[t] = _state[t];
        }

        _words[8] = Vector256.Create(0x80000000u);
        for (var t = 9; t < 15; t++)
        {
            _words[t] = Vector256<uint>.Zero;
        }

        _words[15] = Vector256.Create((uint)(BlockBytes + 32) * 8);
        Compress(_outer, _words, _state, _avx512);
        for (var lane = 0; lane < Lanes; lane++)
        {
            var high = ((ulong)_state[0].GetElement(lane) << 32) | _state[1].GetElement(lane);
            values[lane] = ((UInt128)high << 16) | (_state[2].GetElement(lane) >> 16);
        }
    }

    /// <summary>The state after the key's block XORed with <paramref name="pad"/>, in every lane.</summary>
    private void Midstate(ReadOnlySpan<byte> key, byte pad, Vector256<uint>[] midstate)
    {
        for (var t = 0; t < 16; t++)
        {
            var word = BinaryPrimitives.ReadUInt32BigEndian(key[(t * 4)..]) ^ (0x01010101u * pad);
            _words[t] = Vector256.Create(word);
        }

        var initial = new Vector256<uint>[8];
        for (var i = 0; i < 8; i++)
        {
            initial[i] = Vector256.Create(Initial[i]);
        }

        Compress(initial, _words, midstate, _avx512);
        Array.Clear(_words);
    }

    private static void Compress(Vector256<uint>[] from, Vector256<uint>[] w, Vector256<uint>[] to, bool avx512)
    {
        if (avx512)
        {
            Compress<Avx512Functions>(from, w, to);
        }
        else
        {
            Compress<PortableFunctions>(from, w, to);
        }
    }

    /// <summary>One SHA-256 compression of a block per lane (its 16 words in <paramref name="w"/>, which is extended to 64) from <paramref name="from"/> into <paramref name="to"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress<T>(Vector256<uint>[] from, Vector256<uint>[] w, Vector256<uint>[] to)
        where T : struct, ILaneFunctions
    {
        for (var t = 16; t < 64; t++)
        {
            var s0 = T.Xor3(T.Rotate(w[t - 15], 7), T.Rotate(w[t - 15], 18), Vector256.ShiftRightLogical(w[t - 15], 3));
            var s1 = T.Xor3(T.Rotate(w[t - 2], 17), T.Rotate(w[t - 2], 19), Vector256.ShiftRightLogical(w[t - 2], 10));
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        var (a, b, c, d, e, f, g, h) = (from[0], from[1], from[2], from[3], from[4], from[5], from[6], from[7]);
        for (var t = 0; t < 64; t++)
        {
            var t1 = h + T.Xor3(T.Rotate(e, 6), T.Rotate(e, 11), T.Rotate(e, 25)) + T.Choose(e, f, g) + Vector256.Create(K[t]) + w[t];
            var t2 = T.Xor3(T.Rotate(a, 2), T.Rotate(a, 13), T.Rotate(a, 22)) + T.Majority(a, b, c);
            (h, g, f, e, d, c, b, a) = (g, f, e, d + t1, c, b, a, t1 + t2);
        }

        (to[0], to[1], to[2], to[3], to[4], to[5], to[6], to[7]) = (from[0] + a, from[1] + b, from[2] + c, from[3] + d, from[4] + e, from[5] + f, from[6] + g, from[7] + h);
    }

    // Where AVX-512 is, a rotation is one instruction and each three-input function another (vpternlogd, its truth
    // table as the constant); elsewhere two shifts and an or, and two or three logical operations. Each is a struct the
    // JIT compiles Compress for on its own, so neither way tests a flag in the rounds.
    private interface ILaneFunctions
    {
        static abstract Vector256<uint> Rotate(Vector256<uint> x, [ConstantExpected] byte bits);

        static abstract Vector256<uint> Xor3(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z);

        /// <summary>SHA-256's Ch: each bit of <paramref name="f"/> where <paramref name="e"/>'s is set, else of <paramref name="g"/>.</summary>
        static abstract Vector256<uint> Choose(Vector256<uint> e, Vector256<uint> f, Vector256<uint> g);

        /// <summary>SHA-256's Maj: each bit as at least two of the three inputs have it.</summary>
        static abstract Vector256<uint> Majority(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c);
    }

    private readonly struct Avx512Functions : ILaneFunctions
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Rotate(Vector256<uint> x, [ConstantExpected] byte bits) => Avx512F.VL.RotateRight(x, bits);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Xor3(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => Avx512F.VL.TernaryLogic(x, y, z, 0x96);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Choose(Vector256<uint> e, Vector256<uint> f, Vector256<uint> g) => Avx512F.VL.TernaryLogic(e, f, g, 0xCA);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Majority(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) => Avx512F.VL.TernaryLogic(a, b, c, 0xE8);
    }

    private readonly struct PortableFunctions : ILaneFunctions
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Rotate(Vector256<uint> x, [ConstantExpected] byte bits) => Vector256.ShiftRightLogical(x, bits) | Vector256.ShiftLeft(x, 32 - bits);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Xor3(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => x ^ y ^ z;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Choose(Vector256<uint> e, Vector256<uint> f, Vector256<uint> g) => (e & f) ^ Vector256.AndNot(g, e);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Majority(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) => (a & b) ^ (a & c) ^ (b & c);
    }
}
