using LinkService.Outputs.Packaging;
using LinkService.Outputs.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Outputs.Tests.Packaging;

public sealed class PackagingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddOutputPackaging_AfterAClockIsRegistered_PackagesWithThatClock()
    {
        var clock = new FakeTimeProvider();
        using var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddOutputPackaging().BuildServiceProvider();

        Assert.IsType<OutputPackager>(services.GetRequiredService<IOutputPackager>());
        Assert.Same(clock, services.GetRequiredService<TimeProvider>());
    }
}
