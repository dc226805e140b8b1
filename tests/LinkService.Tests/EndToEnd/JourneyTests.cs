using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LinkService.Tests.Support;
using Renci.SshNet;

namespace LinkService.Tests.EndToEnd;

/// <summary>
/// The three users' journey through the published service, run as its own account on a site laid out as the installer
/// lays one out: two departments deliver over real SFTP and read their receipts there, the schedule links, the
/// custodian approves, and an analyst reads the export and nothing else.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class JourneyTests : IClassFixture<PublishedService>
{
    private const int People = 200;
    private const string Project = "reoffending-benefits";

    /// <summary>The welfare extract's data row the department gets wrong, and the column.</summary>
    private const int BadRow = 7;
    private const int BirthDateColumn = 5;

    private readonly PublishedService _published;

    public JourneyTests(PublishedService published) => _published = published;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoDepartmentsDeliverOneAfterARejection_TheScheduleLinks_TheCustodianApproves_TheAnalystReadsTheExportAndNoWork()
    {
        using var site = await JourneySite.CreateAsync(PublishedService.Parent, Token);
        Configure(site.Folder);
        var extracts = Extracts.ForPeople(People);
        string run;
        int stopped;
        string receipts;
        using (var service = ServiceProcess.Start(_published.As(JourneySite.ServiceAccount, "run", "--config", site.Folder.ConfigDirectory)))
        {
            try
            {
                using var justice = site.Connect("justice");
                using var welfare = site.Connect("welfare");

                // The contract is in the outbox before anything is sent.
                await Eventually.TrueAsync(() => welfare.Exists("/outbox/CONTRACT.md") && welfare.Exists("/outbox/datapackage.json"), TimeSpan.FromSeconds(60), "the service writes each source's contract into its outbox");

                Upload(welfare, "claims_20261101.csv", WithDayFirstBirthDate(extracts.WelfareCsv));
                var rejection = await ReceiptAsync(welfare, "rejected");
                Assert.Contains("birth_date", rejection, StringComparison.Ordinal);
                Assert.Matches($@"\brows? {BadRow}\b", rejection);

                Upload(welfare, "claims_20261101.csv", extracts.WelfareCsv);
                Upload(justice, "offenders_20261101.csv", extracts.JusticeCsv);
                await ReceiptAsync(welfare, "accepted");
                await ReceiptAsync(justice, "accepted");
                receipts = ReadAll(welfare, "/outbox") + ReadAll(justice, "/outbox");

                run = await HeldRunAsync();
                await ApproveAsync(run);
            }
            finally
            {
                stopped = await service.StopAsync(TimeSpan.FromSeconds(60));
            }

            Assert.True(stopped == 0, service.Output + site.SftpLog);
        }

        var export = Path.Combine(site.Export, Project, run);
        var files = AssertEveryFileListedWithItsChecksum(export);
        Assert.Superset(new HashSet<string>(["justice.csv", "welfare.csv", "disclosure-report.md", "data-dictionary.md", "linkage-quality.html", "datapackage.json"]), files.ToHashSet());
        await AssertAnalystReadsEveryOneAsync(files.Select(f => Path.Combine(export, f)));
        await AssertAnalystReadsNoneAsync(Directory.EnumerateFileSystemEntries(site.Work, "*", SearchOption.AllDirectories).Prepend(site.Work));

        // Where a publish copies an output before renaming it into place: half-copied outputs are nobody else's.
        var staging = Path.Combine(site.Export, ".staging");
        await AssertAnalystReadsNoneAsync(Directory.EnumerateFileSystemEntries(staging, "*", SearchOption.AllDirectories).Prepend(staging));

        var seen = receipts + site.Folder.AllLogText() + string.Concat(files.Select(f => File.ReadAllText(Path.Combine(export, f))));
        foreach (var value in extracts.IdentifierValues)
        {
            Assert.False(seen.Contains(value, StringComparison.OrdinalIgnoreCase), $"an identifier value ({value.Length} characters) appears in a receipt, a log or the export");
        }

        // As the custodian reads the refusal: a run the schedule started since is linking the project; approve once it has finished.
        async Task ApproveAsync(string heldRun)
        {
            var approve = (ExitCode: -1, Output: "", Error: "");
            await Eventually.TrueAsync(
                async () =>
                {
                    approve = await _published.RunAsync(JourneySite.ServiceAccount, Token, "approve", "--project", Project, "--run", heldRun, "--config", site.Folder.ConfigDirectory);
                    Assert.True(approve.ExitCode == 0 || approve.Error.Contains("approve it once that run has finished", StringComparison.Ordinal), approve.Output + approve.Error);
                    return approve.ExitCode == 0;
                },
                TimeSpan.FromSeconds(90),
                "the custodian approves the held run");
        }

        async Task<string> HeldRunAsync()
        {
            string? held = null;
            await Eventually.TrueAsync(
                async () =>
                {
                    var status = await _published.RunAsync(JourneySite.ServiceAccount, Token, "status", "--json", "--config", site.Folder.ConfigDirectory);
                    held = JsonNode.Parse(status.Output)?["approvalsWaiting"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>();
                    return held is not null;
                },
                TimeSpan.FromSeconds(90),
                "the schedule links the project and holds its output for approval");
            return held!;
        }
    }

    private static void Configure(ServiceFolder folder)
    {
        folder.UseFastIntake();
        folder.EditAppSettings(settings =>
        {
            var folders = settings["LinkService"]!["Folders"]!;
            folders["Drop"] = folder.Combine("var", "drop");
            folders["Work"] = folder.Combine("var", "work");
            folders["Export"] = folder.Combine("var", "export");
        });

        // Every ten seconds, so the schedule fires soon after both deliveries are in. Each firing links the same
        // deliveries again, and an approval waits while a run of its project links: a small training sample keeps a
        // run to a second or so, leaving the project free for the custodian most of the time.
        folder.EditConfigJson(Path.Combine("projects", Project + ".json"), project =>
        {
            project["schedule"] = "0/10 * * * * ?";
            project["linkage"]!["training"]!["randomPairs"] = 20_000;
        });
    }

    /// <summary>The department's mistake: one birth date written dd/mm/yyyy where the contract says yyyy-mm-dd.</summary>
    private static string WithDayFirstBirthDate(string welfareCsv)
    {
        var lines = welfareCsv.Split('\n');
        var cells = lines[BadRow].Split('|');
        cells[BirthDateColumn] = DateOnly.ParseExact(cells[BirthDateColumn], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            .ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        lines[BadRow] = string.Join('|', cells);
        return string.Join('\n', lines);
    }

    /// <summary>As an SFTP client does: upload under a temporary name, then rename.</summary>
    private static void Upload(SftpClient department, string name, string content)
    {
        using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(content)))
        {
            department.UploadFile(stream, $"/inbox/{name}.part");
        }

        department.RenameFile($"/inbox/{name}.part", $"/inbox/{name}");
    }

    /// <summary>Waits for a receipt with <paramref name="outcome"/> in the department's outbox; its text.</summary>
    private static async Task<string> ReceiptAsync(SftpClient department, string outcome)
    {
        string? text = null;
        await Eventually.TrueAsync(
            () =>
            {
                var receipt = department.ListDirectory("/outbox")
                    .Where(f => f.Name.EndsWith(".receipt.json", StringComparison.Ordinal))
                    .FirstOrDefault(f => JsonNode.Parse(department.ReadAllText(f.FullName))?["outcome"]?.GetValue<string>() == outcome);
                text = receipt is null ? null : department.ReadAllText(receipt.FullName[..^".json".Length] + ".txt");
                return text is not null;
            },
            TimeSpan.FromSeconds(60),
            $"a receipt saying {outcome}");
        return text!;
    }

    private static string ReadAll(SftpClient department, string folder) =>
        string.Concat(department.ListDirectory(folder).Where(f => f.IsRegularFile).Select(f => department.ReadAllText(f.FullName)));

    /// <summary>Every file in the export is listed in its datapackage.json with its size and sha256, and is whole.</summary>
    private static List<string> AssertEveryFileListedWithItsChecksum(string export)
    {
        Assert.True(Directory.Exists(export), $"{export} was published");
        var resources = JsonNode.Parse(File.ReadAllText(Path.Combine(export, "datapackage.json")))!["resources"]!.AsArray();
        foreach (var resource in resources)
        {
            var file = Path.Combine(export, resource!["path"]!.GetValue<string>());
            var bytes = File.ReadAllBytes(file);
            Assert.Equal(resource["bytes"]!.GetValue<long>(), bytes.Length);
            Assert.Equal(resource["hash"]!.GetValue<string>(), "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        var files = Directory.EnumerateFileSystemEntries(export, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(export, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(resources.Select(r => r!["path"]!.GetValue<string>()).Append("datapackage.json").Order(StringComparer.Ordinal), files);
        return files;
    }

    private static async Task AssertAnalystReadsEveryOneAsync(IEnumerable<string> files)
    {
        var (exitCode, output, error) = await PublishedService.RunAsAsync(
            JourneySite.AnalystAccount, """for f; do cat "$f" >/dev/null || echo "$f"; done""", files, Token);
        Assert.True(exitCode == 0 && output.Length == 0, $"the analyst cannot read: {output}{error}");
    }

    private static async Task AssertAnalystReadsNoneAsync(IEnumerable<string> entries)
    {
        var (exitCode, output, error) = await PublishedService.RunAsAsync(
            JourneySite.AnalystAccount, """for f; do if test -r "$f" || test -x "$f"; then echo "$f"; fi; done""", entries, Token);
        Assert.True(exitCode == 0 && output.Length == 0, $"the analyst can read or enter: {output}{error}");
    }
}
