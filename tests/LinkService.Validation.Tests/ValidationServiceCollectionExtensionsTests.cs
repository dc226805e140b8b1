using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinkService.Validation.Tests;

public sealed class ValidationServiceCollectionExtensionsTests
{
    [Fact]
    public void AddValidation_WithLogging_ResolvesTheValidator()
    {
        using var provider = new ServiceCollection().AddLogging().AddValidation().BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IExtractValidator>());
        Assert.Equal(100, provider.GetRequiredService<IOptions<ValidationOptions>>().Value.MaxErrorsInReport);
    }

    [Fact]
    public void AddValidation_OutOfRangeOption_FailsValidation()
    {
        using var provider = new ServiceCollection().AddLogging().AddValidation(o => o.MaxErrorsInReport = 0).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ValidationOptions>>().Value);
        Assert.Contains(nameof(ValidationOptions.MaxErrorsInReport), error.Message, StringComparison.Ordinal);
    }
}
