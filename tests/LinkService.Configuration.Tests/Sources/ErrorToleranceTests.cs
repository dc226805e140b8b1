using LinkService.Configuration.Loading;
using LinkService.Configuration.Sources;

namespace LinkService.Configuration.Tests.Sources;

public sealed class ErrorToleranceTests
{
    private static List<string> Paths(ErrorTolerance tolerance)
    {
        var errors = new ConfigErrors("sources/test.json");
        tolerance.Validate(errors, "$.errorTolerance");
        return [.. errors.All.Select(e => e.JsonPath)];
    }

    [Fact]
    public void Validate_SetAsideWithLimits_HasNoErrors() =>
        Assert.Empty(Paths(new ErrorTolerance { Mode = ToleranceMode.SetAside, MaxRows = 10, MaxShare = 0.01 }));

    [Fact]
    public void Validate_RejectWithLimits_SaysLimitsNeedSetAside() =>
        Assert.Equal(["$.errorTolerance.mode"], Paths(new ErrorTolerance { Mode = ToleranceMode.Reject, MaxRows = 10 }));

    [Fact]
    public void Validate_ShareAboveOneAndNegativeRows_PointsAtBoth() =>
        Assert.Equal(
            ["$.errorTolerance.maxRows", "$.errorTolerance.maxShare"],
            Paths(new ErrorTolerance { Mode = ToleranceMode.SetAside, MaxRows = -1, MaxShare = 1.5 }));
}
