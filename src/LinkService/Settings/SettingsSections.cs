using LinkService.Cluster;
using LinkService.Configuration.Folders;
using LinkService.Folders;
using LinkService.Intake;
using LinkService.Ledger;
using LinkService.Linking;
using LinkService.Progress;
using LinkService.Retention;
using LinkService.Validation;

namespace LinkService.Settings;

/// <summary>
/// Every section of appsettings.json that LinkService binds. A key in the file that is not here is reported as
/// unknown, so a section a feature reads but this list lacks fails the default configuration's check at once.
/// </summary>
internal static class SettingsSections
{
    public static IReadOnlyList<SettingsSection> All(string workingDirectory, string configDirectory) =>
    [
        SettingsSection.For(FolderOptions.SectionName, new FolderOptionsValidator(workingDirectory, configDirectory)),
        SettingsSection.For(IntakeOptions.SectionName, new IntakeOptionsValidator()),
        SettingsSection.For(ValidationOptions.SectionName, new ValidationOptionsValidator()),
        SettingsSection.For(RunOptions.SectionName, new RunOptionsValidator()),
        SettingsSection.For(ProgressOptions.SectionName, new ProgressOptionsValidator()),
        SettingsSection.For(RetentionOptions.SectionName, new RetentionOptionsValidator()),
        SettingsSection.For(LedgerOptions.SectionName, new LedgerOptionsValidator()),
        SettingsSection.For(ClusterOptions.SectionName, new ClusterOptionsValidator()),
    ];
}
