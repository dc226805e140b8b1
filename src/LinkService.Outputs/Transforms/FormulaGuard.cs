namespace LinkService.Outputs.Transforms;

/// <summary>
/// Neutralises text a spreadsheet would run as a formula (a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or carriage return): it gets a leading apostrophe, which spreadsheets show as text and do not
/// evaluate (OWASP's advice for CSV injection). Applied to text columns only: a validated number such as -3 is
/// not text, and stays as it is.
/// </summary>
internal static class FormulaGuard
{
    public const char Marker = '\'';

    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? Marker + text : text;
}
