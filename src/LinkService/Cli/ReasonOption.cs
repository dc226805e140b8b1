using System.CommandLine;
using System.Globalization;

namespace LinkService.Cli;

/// <summary>
/// A custodian's <c>--reason</c>: one line of plain text. It is written into a department's receipt, quarantine and the
/// audit chain, and printed by <c>status</c>; a line break, an escape sequence or a bidirectional override in it could
/// forge a line of a receipt ("Outcome: accepted") or rewrite the custodian's terminal.
/// </summary>
internal static class ReasonOption
{
    public const int MaxLength = 500;

    public static Option<string> Create(string description)
    {
        var option = new Option<string>("--reason") { Description = description, Required = true };
        option.Validators.Add(result =>
        {
            if (Problem(result.GetValueOrDefault<string>()) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    public static string? Problem(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "--reason must say why, in words.";
        }

        if (reason.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"--reason is {reason.Length} characters; at most {MaxLength}.");
        }

        // Control characters (line breaks, escape, bell) and format characters (bidirectional overrides, zero-width).
        var position = reason.AsSpan().IndexOfAnyInRange('\0', '\u001f');
        for (var i = 0; position < 0 && i < reason.Length; i++)
        {
            var category = char.GetUnicodeCategory(reason[i]);
            position = category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator ? i : -1;
        }

        return position < 0 ? null : string.Create(CultureInfo.InvariantCulture, $"--reason must be one line of plain text: character {position + 1} is a control or formatting character.");
    }
}
