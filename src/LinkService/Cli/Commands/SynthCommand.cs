using System.CommandLine;
using System.Globalization;
using LinkService.Synth;

namespace LinkService.Cli.Commands;

/// <summary><c>linkservice synth --out DIR</c>: synthetic extracts for the configured sources, and the truth.</summary>
internal static class SynthCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write DIR/<source>/<file> and DIR/truth.csv.", Required = true };
        var people = new Option<int>("--people") { Description = "The size of the synthetic population.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same files.", DefaultValueFactory = _ => 1 };
        var records = new Option<string[]>("--records")
        {
            Description = "Exact record counts per source, e.g. --records justice=1000000 --records welfare=3000000.",
            AllowMultipleArgumentsPerToken = true,
        };
        var secondMonth = new Option<bool>("--second-month")
        {
            Description = "The same deliveries a month later: every record again under its key, 5% of people with changed details, 10% new people.",
        };
        var command = new Command("synth", "Write synthetic extracts for the configured sources, and truth.csv (source,record_id,person_id,variations).")
        {
            output, people, seed, records, secondMonth,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await CommandConfiguration.LoadAsync(parseResult, context) is not { } startup)
            {
                return ExitCodes.UsageOrConfiguration;
            }

            if (!TryParseRecords(parseResult.GetValue(records) ?? [], out var perSource, out var badRecords))
            {
                await context.Error.WriteLineAsync($"--records takes SOURCE=COUNT, not '{badRecords}'.");
                return ExitCodes.UsageOrConfiguration;
            }

            var options = new SynthOptions { People = parseResult.GetValue(people), Seed = parseResult.GetValue(seed), RecordsPerSource = perSource, SecondMonth = parseResult.GetValue(secondMonth) };
            var problems = options.Validate(startup.Catalog!);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await context.Error.WriteLineAsync(problem);
                }

                return ExitCodes.UsageOrConfiguration;
            }

            var result = await SyntheticExtracts.WriteAsync(startup.Catalog!, parseResult.GetValue(output)!.FullName, options, cancellationToken);
            foreach (var file in result.Files)
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{file.Source}: {file.Records:N0} records, {file.Bytes / 1e6:0.0} MB in {file.Path}"));
            }

            await context.Out.WriteLineAsync($"truth: {result.TruthPath}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryParseRecords(string[] values, out Dictionary<string, long>? perSource, out string? bad)
    {
        perSource = values.Length == 0 ? null : new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var parts = value.Split('=', 2);
            if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                bad = value;
                return false;
            }

            perSource![parts[0]] = count;
        }

        bad = null;
        return true;
    }
}
