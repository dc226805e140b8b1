using System.Text.Json.Nodes;

namespace LinkService.Tests.Support;

/// <summary>
/// One mistake each a custodian could make in the configuration, with the line <c>check-config</c> must print
/// for it: file, JSON path and what is wrong. Shared by the check-config and run tests, which must agree.
/// </summary>
public static class BrokenConfigurations
{
    private static readonly Dictionary<string, (Action<ServiceFolder> Edit, string Expected)> Cases = new()
    {
        ["unknown folder key"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Folders"]!["Wrok"] = f.Combine("elsewhere")),
            "config/appsettings.json: $.LinkService.Folders.Wrok: is not a known property; did you mean 'Work'?"),
        ["unknown section"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Intak"] = new JsonObject()),
            "config/appsettings.json: $.LinkService.Intak: is not a setting LinkService reads; did you mean 'Intake'?"),
        ["unknown top-level key"] = (
            f => f.EditAppSettings(s => s["Quartz"] = new JsonObject { ["quartz.threadPool.maxConcurrency"] = "4" }),
            "config/appsettings.json: $.Quartz: is not a setting LinkService reads"),
        ["duration not a duration"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Intake"]!["SweepInterval"] = "soon"),
            "config/appsettings.json: $.LinkService.Intake.SweepInterval: must be a duration string"),
        ["number not a number"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Intake"]!["HintCapacity"] = "lots"),
            "config/appsettings.json: $.LinkService.Intake.HintCapacity: must be a whole number"),
        ["folder null"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Folders"]!["Export"] = null),
            "config/appsettings.json: $.LinkService.Folders.Export: must not be null"),
        ["intake value out of range"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Intake"]!["HintCapacity"] = 1),
            "config/appsettings.json: $.LinkService.Intake.HintCapacity: The field IntakeOptions.HintCapacity must be between 16 and 1048576."),
        ["validation value out of range"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Validation"] = new JsonObject { ["MaxErrorsInReport"] = 0 }),
            "config/appsettings.json: $.LinkService.Validation.MaxErrorsInReport: The field ValidationOptions.MaxErrorsInReport must be between 1 and"),
        ["keys differing only in case"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Folders"]!["work"] = f.Combine("var", "work2")),
            "config/appsettings.json: $.LinkService.Folders.work: differs from 'Work' only in case"),
        ["ledger on postgresql without its database"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Ledger"] = new JsonObject { ["Provider"] = "postgresql" }),
            "config/appsettings.json: $.LinkService.Ledger.ConnectionString: is required when Provider is postgresql (Host=…;Database=…;Username=…)"),
        ["ledger connection string unreadable, its password unprinted"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Ledger"] = new JsonObject { ["Provider"] = "postgresql", ["ConnectionString"] = "Host=db1;Database=ls;Pasword=hunter2" }),
            "config/appsettings.json: $.LinkService.Ledger.ConnectionString: is not an Npgsql connection string (keyword=value pairs separated by ';': Host, Port, Database, Username)"),
        ["serilog audit sink misspelt"] = (
            f => f.EditAppSettings(s => s["Serilog"]!["WriteTo"]![2]!["Args"]!["configureLogger"]!["WriteTo"]![0]!["Name"] = "Fiel"),
            "config/appsettings.json: $.Serilog.WriteTo[2].Args.configureLogger.WriteTo[0].Name: 'Fiel' is not a method Serilog finds in the assemblies of 'Using'; did you mean 'File'?"),
        ["serilog enricher misspelt"] = (
            f => f.EditAppSettings(s => s["Serilog"]!["Enrich"]![0] = "FromLogContxt"),
            "config/appsettings.json: $.Serilog.Enrich[0]: 'FromLogContxt' is not a method Serilog finds in the assemblies of 'Using'; did you mean 'FromLogContext'?"),
        ["serilog level unknown"] = (
            f => f.EditAppSettings(s => s["Serilog"]!["MinimumLevel"]!["Default"] = "Loud"),
            "config/appsettings.json: $.Serilog.MinimumLevel.Default: must be a level"),
        ["serilog key misspelt"] = (
            f => f.EditAppSettings(s => s["Serilog"]!["WriteTO"] = s["Serilog"]!["WriteTo"]!.DeepClone()),
            "config/appsettings.json: $.Serilog.WriteTO: differs from 'WriteTo' only in case"),
        ["serilog sinks key unknown"] = (
            f => f.EditAppSettings(s => s["Serilog"]!["Writeto_"] = new JsonArray()),
            "config/appsettings.json: $.Serilog.Writeto_: is not a key Serilog reads; did you mean 'WriteTo'?"),
        ["serilog assembly missing"] = (
            f => f.EditAppSettings(s => s["Serilog"]!["Using"]!.AsArray().Add("Serilog.Sinks.Nowhere")),
            "config/appsettings.json: $.Serilog.Using[4]: the assembly 'Serilog.Sinks.Nowhere' cannot be loaded"),
        ["serilog argument a sink cannot take"] = (
            f => f.EditAppSettings(s => s["Serilog"]!["WriteTo"]![0]!["Args"]!["restrictedToMinimumLevel"] = "Loud"),
            "config/appsettings.json: $.Serilog: cannot be applied: Requested value 'Loud' was not found."),
        ["work inside drop"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Folders"]!["Work"] = f.Combine("var", "drop", "work")),
            "config/appsettings.json: $.LinkService.Folders.Work: must not be inside the Drop folder"),
        ["work linked into a drop folder"] = (
            f =>
            {
                Directory.CreateDirectory(f.DropFolder("justice"));
                Directory.CreateSymbolicLink(f.Combine("linked-work"), f.DropFolder("justice"));
                f.EditAppSettings(s => s["LinkService"]!["Folders"]!["Work"] = f.Combine("linked-work"));
            },
            "config/appsettings.json: $.LinkService.Folders.Work: must not be inside the Drop folder"),
        ["configuration in the export folder"] = (
            f => f.EditAppSettings(s => s["LinkService"]!["Folders"]!["Export"] = f.ConfigDirectory),
            "config/appsettings.json: $.LinkService.Folders.Export: must not contain the configuration folder"),
        ["negative maxLength"] = (
            f => f.EditConfigJson(Path.Combine("schemas", "offenders.json"), s => s["fields"]![0]!["constraints"] = new JsonObject { ["maxLength"] = -1 }),
            "config/schemas/offenders.json: $.fields[0].constraints.maxLength: must not be negative"),
        ["empty enum"] = (
            f => f.EditConfigJson(Path.Combine("schemas", "offenders.json"), s => s["fields"]![0]!["constraints"] = new JsonObject { ["enum"] = new JsonArray() }),
            "config/schemas/offenders.json: $.fields[0].constraints.enum: is empty"),
        ["minLength above maxLength"] = (
            f => f.EditConfigJson(Path.Combine("schemas", "offenders.json"), s => s["fields"]![0]!["constraints"] = new JsonObject { ["minLength"] = 9, ["maxLength"] = 3 }),
            "config/schemas/offenders.json: $.fields[0].constraints.maxLength: is less than minLength"),
        ["negative maxFieldLength"] = (
            f => f.EditConfigJson(Path.Combine("sources", "justice.json"), s => s["maxFieldLength"] = -5),
            "config/sources/justice.json: $.maxFieldLength: must be positive"),
        ["schedule that never fires"] = (
            f => f.EditConfigJson(Path.Combine("projects", "reoffending-benefits.json"), p => p["schedule"] = "0 0 2 30 2 ?"),
            "config/projects/reoffending-benefits.json: $.schedule: never fires"),
        ["comparison method misspelt"] = (
            f => f.EditConfigJson(Path.Combine("projects", "reoffending-benefits.json"), p => p["linkage"]!["comparisons"]![0]!["levels"]![0]!["method"] = "jarowinkler"),
            "config/projects/reoffending-benefits.json: $.linkage.comparisons[0].levels[0].method: must be one of"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    public static void Apply(string name, ServiceFolder folder) => Cases[name].Edit(folder);

    public static string Expected(string name) => Cases[name].Expected.Replace('/', Path.DirectorySeparatorChar);
}
