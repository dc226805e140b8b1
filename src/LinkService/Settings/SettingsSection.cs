using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LinkService.Settings;

/// <summary>
/// One section of appsettings.json that binds to an options class (<c>LinkService:Intake</c> to
/// <see cref="Intake.IntakeOptions"/>), with the validator the host runs on it at start.
/// </summary>
internal sealed class SettingsSection
{
    private readonly Func<IConfiguration, ValidateOptionsResult> _bindAndValidate;

    private SettingsSection(string key, Type optionsType, Func<IConfiguration, ValidateOptionsResult> bindAndValidate)
    {
        Key = key;
        OptionsType = optionsType;
        _bindAndValidate = bindAndValidate;
    }

    /// <summary>The configuration key, e.g. <c>LinkService:Intake</c>.</summary>
    public string Key { get; }

    public Type OptionsType { get; }

    public static SettingsSection For<T>(string key, IValidateOptions<T> validator)
        where T : class, new() =>
        new(key, typeof(T), configuration => validator.Validate(Options.DefaultName, configuration.GetSection(key).Get<T>() ?? new T()));

    /// <summary>Binds the section as the host will, and validates it. Throws <see cref="InvalidOperationException"/> when a value cannot be converted.</summary>
    public ValidateOptionsResult BindAndValidate(IConfiguration configuration) => _bindAndValidate(configuration);
}
