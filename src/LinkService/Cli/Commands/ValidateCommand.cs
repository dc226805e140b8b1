using System.CommandLine;
using LinkService.Hosting;
using LinkService.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Cli.Commands;

/// <summary><c>linkservice validate --source S FILE</c>: the intake check on any file, report printed.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Option<string>("--source") { Description = "The source whose schema and dialect the file should follow.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the full report as JSON (Frictionless report shape) instead of the summary." };
        var file = new Argument<FileInfo>("FILE") { Description = "The file to check." };
        var command = new Command("validate", "Validate one file against a source's schema and print the report; exit 0 valid, 1 invalid.") { source, json, file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await CommandConfiguration.LoadAsync(parseResult, context) is not { } startup)
            {
                return ExitCodes.UsageOrConfiguration;
            }

            var sourceName = parseResult.GetValue(source)!;
            if (!startup.Catalog!.Sources.TryGetValue(sourceName, out var definition))
            {
                await context.Error.WriteLineAsync($"There is no source '{sourceName}' (configured: {string.Join(", ", startup.Catalog.Sources.Keys)}).");
                return ExitCodes.UsageOrConfiguration;
            }

            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                await context.Error.WriteLineAsync($"There is no file {path.FullName}.");
                return ExitCodes.UsageOrConfiguration;
            }

            // The service refuses a file whose name does not match the source's pattern before reading a byte of it.
            if (!definition.MatchesFileName(path.Name))
            {
                await context.Out.WriteLineAsync($"{path.Name}: refused. The file name does not match source '{definition.Name}''s pattern '{definition.FilePattern}', so the service would refuse it unread.");
                return ExitCodes.Problem;
            }

            using var host = ServiceHost.CreateBuilder(startup, HostPurpose.ReadOnlyCommand).Build();
            var report = await host.Services.GetRequiredService<IExtractValidator>()
                .ValidateAsync(definition, path.FullName, ValidationOutputs.None, cancellationToken);
            await context.Out.WriteLineAsync(parseResult.GetValue(json) ? report.ToJson() : report.ToSummaryText());
            return report.IsValid ? ExitCodes.Success : ExitCodes.Problem;
        });
        return command;
    }
}
