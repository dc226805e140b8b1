using System.Runtime.InteropServices;

namespace LinkService.Linkage.Memory;

/// <summary>The one libc call .NET does not make for the managed heap.</summary>
internal static partial class Libc
{
    /// <summary>MADV_HUGEPAGE: back the range with 2 MiB pages where the kernel can ("madvise" mode of transparent huge pages).</summary>
    public const int HugePage = 14;

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    public static partial int Madvise(nint address, nuint length, int advice);
}
