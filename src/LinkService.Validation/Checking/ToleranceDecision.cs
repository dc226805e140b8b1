using System.Globalization;
using LinkService.Configuration.Sources;
using LinkService.Validation.Report;

namespace LinkService.Validation.Checking;

/// <summary>Decides the outcome from what the pass found and the source's error tolerance.</summary>
internal static class ToleranceDecision
{
    public static (ValidationOutcome Outcome, IReadOnlyList<string> Reasons) Decide(CheckResult result, ErrorTolerance tolerance)
    {
        var c = CultureInfo.InvariantCulture;
        var reasons = new List<string>(result.Report.FatalReasons);
        var setAside = result.Report.SetAsideCount;
        var failed = result.Report.SetAsideTruncated ? string.Create(c, $"at least {setAside:N0}") : string.Create(c, $"{setAside:N0}");
        if (reasons.Count == 0 && result.Rows == 0)
        {
            result.Report.Add(new ValidationError(ErrorTypes.RowCount, "the file has a header but no data rows"));
            reasons.Add("the file has no data rows");
        }

        if (reasons.Count == 0 && setAside > 0)
        {
            if (tolerance.Mode == ToleranceMode.Reject)
            {
                reasons.Add(string.Create(c, $"{failed} row(s) failed, and this source rejects a delivery with any failing row"));
            }
            else
            {
                if (tolerance.MaxRows is { } maxRows && setAside > maxRows)
                {
                    reasons.Add(string.Create(c, $"{failed} row(s) failed, more than the {maxRows:N0} this source may set aside"));
                }

                if (tolerance.MaxShare is { } maxShare && (double)setAside / result.Rows > maxShare)
                {
                    reasons.Add(string.Create(c, $"{(double)setAside / result.Rows:P1} of rows failed, more than the {maxShare:P1} this source may set aside"));
                }

                if (setAside == result.Rows)
                {
                    reasons.Add("every row failed");
                }
            }
        }

        var outcome = reasons.Count > 0 ? ValidationOutcome.Rejected
            : setAside > 0 ? ValidationOutcome.AcceptedWithSetAside
            : ValidationOutcome.Valid;
        return (outcome, reasons);
    }
}
