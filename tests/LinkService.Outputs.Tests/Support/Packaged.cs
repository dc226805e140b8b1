using LinkService.Outputs.Packaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Outputs.Tests.Support;

/// <summary>Packages <see cref="SomeOutput"/> over a <see cref="RunFolder"/> with a fixed clock, and reads a file of the result.</summary>
internal static class Packaged
{
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 3, 1, 2, 30, 0, TimeSpan.Zero));

    public static async Task<SomeOutput> WriteAsync(TempDirectory temp, string runFolder, TimeProvider clock)
    {
        var output = SomeOutput.Write(temp, runFolder);
        await new OutputPackager(NullLogger<OutputPackager>.Instance, clock).PackageAsync(output.Request, output.Anonymised, output.Report, output.Folder, TestContext.Current.CancellationToken);
        return output;
    }

    public static string Read(this SomeOutput output, string file) => File.ReadAllText(Path.Combine(output.Folder, file));
}
