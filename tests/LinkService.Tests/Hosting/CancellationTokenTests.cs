using System.Reflection;
using System.Runtime.CompilerServices;
using LinkService.Tests.Support;

namespace LinkService.Tests.Hosting;

/// <summary>
/// A defaulted token lets a caller forget it, and the work it starts then ignores Ctrl+C and the service's stop:
/// every method of the service that takes a <see cref="CancellationToken"/> requires it.
/// </summary>
public sealed class CancellationTokenTests
{
    private const BindingFlags Declared =
        BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    [Fact]
    public void CancellationTokenParameters_AcrossEveryAssembly_AreRequired()
    {
        var methods = ServiceAssemblies.All()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .SelectMany(t => t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)))
            .ToList();

        Assert.True(methods.Count > 30, $"only {methods.Count} methods take a token: the scan missed assemblies");
        var defaulted = methods
            .Where(m => !OverridesAnotherAssembly(m))
            .SelectMany(m => m.GetParameters().Where(p => p.ParameterType == typeof(CancellationToken) && p.HasDefaultValue)
                .Select(p => $"{m.DeclaringType!.FullName}.{m.Name}({p.Name})"))
            .ToList();
        Assert.Empty(defaulted);
    }

    // An override of, say, Stream.ReadAsync keeps the signature its base class chose.
    private static bool OverridesAnotherAssembly(MethodBase method) =>
        method is MethodInfo info && info.GetBaseDefinition().DeclaringType!.Assembly != info.DeclaringType!.Assembly;
}
