using System.Reflection;
using System.Runtime.CompilerServices;
using Serilog.Configuration;

namespace LinkService.Settings;

/// <summary>
/// The names Serilog.Settings.Configuration can resolve in a <c>WriteTo</c>, <c>AuditTo</c>, <c>Enrich</c> or
/// <c>Filter</c> entry: the extension methods on its configuration objects in Serilog itself, the settings
/// package, and the assemblies <c>Using</c> names. A name outside them is skipped silently by Serilog, so a
/// misspelt <c>File</c> in the audit logger would leave the service running with no audit stream at all.
/// </summary>
internal static class SerilogMethods
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Find(IEnumerable<string> usingAssemblies)
    {
        var assemblies = new List<Assembly> { typeof(Serilog.Log).Assembly, typeof(Serilog.Settings.Configuration.ConfigurationReaderOptions).Assembly };
        foreach (var name in usingAssemblies)
        {
            try
            {
                assemblies.Add(Assembly.Load(new AssemblyName(name)));
            }
            catch (Exception ex) when (ex is IOException or BadImageFormatException or ArgumentException)
            {
                // Reported by the Using check; its methods are then unknown, and the entries naming them with it.
            }
        }

        var byReceiver = new Dictionary<Type, HashSet<string>>
        {
            [typeof(LoggerSinkConfiguration)] = new(StringComparer.OrdinalIgnoreCase),
            [typeof(LoggerAuditSinkConfiguration)] = new(StringComparer.OrdinalIgnoreCase),
            [typeof(LoggerEnrichmentConfiguration)] = new(StringComparer.OrdinalIgnoreCase),
            [typeof(LoggerFilterConfiguration)] = new(StringComparer.OrdinalIgnoreCase),
        };
        foreach (var method in assemblies.Distinct().SelectMany(ExportedStaticMethods))
        {
            if (method.IsDefined(typeof(ExtensionAttribute), false) && method.GetParameters() is [var receiver, ..] && byReceiver.TryGetValue(receiver.ParameterType, out var names))
            {
                names.Add(method.Name);
            }
        }

        // Serilog's own methods on these objects (Sink, Logger, With, ByExcluding, FromLogContext…) are instance methods.
        foreach (var (receiver, names) in byReceiver)
        {
            names.UnionWith(receiver.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.DeclaringType == receiver).Select(m => m.Name));
        }

        return new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["WriteTo"] = byReceiver[typeof(LoggerSinkConfiguration)],
            ["AuditTo"] = byReceiver[typeof(LoggerAuditSinkConfiguration)],
            ["Enrich"] = byReceiver[typeof(LoggerEnrichmentConfiguration)],
            ["Filter"] = byReceiver[typeof(LoggerFilterConfiguration)],
        };
    }

    private static IEnumerable<MethodInfo> ExportedStaticMethods(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception ex) when (ex is TypeLoadException or ReflectionTypeLoadException or FileNotFoundException)
        {
            return [];
        }

        return types.Where(t => t.IsAbstract && t.IsSealed).SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static));
    }
}
