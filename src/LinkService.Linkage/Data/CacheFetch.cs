using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace LinkService.Linkage.Data;

/// <summary>
/// Tells the processor to start fetching an array element into its cache, without waiting for it: a loop that reads
/// millions of scattered elements names those it reads a few steps on, and finds them there when it gets to them. The
/// one place a prefetch is asked for: the comparer's rows and the interner's slots come here too.
/// </summary>
/// <remarks>
/// A prefetch is a hint: it never faults and changes nothing but timing. The array need not be pinned: were the GC to
/// move it between taking the address and the fetch, the processor would fetch a line no longer needed, no more.
/// </remarks>
internal static class CacheFetch
{
    // Inlined: the loops that call it do little else per element, and a call each cost them more than the fetch saved.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Ahead<T>(T[] array, int index)
        where T : unmanaged => Ahead((ReadOnlySpan<T>)array, index);

    /// <summary>As <see cref="Ahead{T}(T[], int)"/>, for an element of a span (a list's, through its backing array).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Ahead<T>(ReadOnlySpan<T> span, int index)
        where T : unmanaged
    {
        if (Sse.IsSupported && (uint)index < (uint)span.Length)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.AsRef(in span[index])));
        }
    }
}
