using System.Reflection;
using LinkService.Tests.Support;
using Microsoft.Extensions.Logging;

namespace LinkService.Tests.Hosting;

/// <summary>
/// The audit stream is read by alerting rules keyed on event ids, so one id must mean one event across the whole
/// service. Each assembly owns a block of a thousand: host 1000s, ledger 2000s, intake 3000s, validation 4000s,
/// linkage 5000s, configuration 6000s, synth 7000s, outputs 8000s.
/// </summary>
public sealed class EventIdTests
{
    private static readonly Dictionary<string, int> Blocks = new(StringComparer.Ordinal)
    {
        ["linkservice"] = 1000,
        ["LinkService.Ledger"] = 2000,
        ["LinkService.Intake"] = 3000,
        ["LinkService.Validation"] = 4000,
        ["LinkService.Linkage"] = 5000,
        ["LinkService.Configuration"] = 6000,
        ["LinkService.Synth"] = 7000,
        ["LinkService.Outputs"] = 8000,
    };

    [Fact]
    public void EventIds_AcrossEveryAssembly_AreUniqueAndInTheirAssemblysBlock()
    {
        var messages = ServiceAssemblies.All()
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => (Name: $"{p.Method.DeclaringType!.FullName}.{p.Method.Name}", Assembly: p.Method.DeclaringType!.Assembly.GetName().Name!, p.Attribute!.EventId))
            .ToList();

        Assert.True(messages.Count > 30, $"only {messages.Count} log messages found: the scan missed assemblies");
        var duplicates = messages.GroupBy(m => m.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Name))}").ToList();
        Assert.Empty(duplicates);
        var outOfBlock = messages.Where(m => !Blocks.TryGetValue(m.Assembly, out var start) || m.EventId < start || m.EventId >= start + 1000).Select(m => $"{m.Name} ({m.EventId})").ToList();
        Assert.Empty(outOfBlock);
    }
}
