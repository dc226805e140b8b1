using System.Reflection;

namespace LinkService.Tests.Support;

/// <summary>The host assembly and every LinkService assembly it references: the whole service, for rules that span it.</summary>
internal static class ServiceAssemblies
{
    public static IEnumerable<Assembly> All()
    {
        var host = typeof(LinkService.Cli.CliApp).Assembly;
        return host.GetReferencedAssemblies()
            .Where(n => n.Name!.StartsWith("LinkService.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Prepend(host)
            .DistinctBy(a => a.FullName);
    }
}
