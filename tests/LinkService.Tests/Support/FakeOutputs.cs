using LinkService.Outputs.Stages;

namespace LinkService.Tests.Support;

/// <summary>
/// The three stages after linkage, faked: the anonymiser writes one small file, the checker returns the verdict a test
/// sets (with one finding unless it passes) and writes its report, the packager writes <c>datapackage.json</c>. A test
/// can make a stage throw, or hold the anonymiser until it lets it go.
/// </summary>
internal sealed class FakeOutputs : IAnonymiser, IDisclosureChecker, IOutputPackager
{
    private TaskCompletionSource? _gate;
    private readonly TaskCompletionSource _anonymising = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DisclosureVerdict Verdict { get; set; } = DisclosureVerdict.Pass;

    /// <summary>"anonymise", "check" or "package": that stage throws.</summary>
    public string? FailIn { get; set; }

    public int Anonymised { get; private set; }

    public OutputRequest? LastRequest { get; private set; }

    /// <summary>The project key as the anonymiser was given it (the pipeline wipes it once the output is made).</summary>
    public byte[] KeyGiven { get; private set; } = [];

    /// <summary>Completes once the anonymiser has been called.</summary>
    public Task Anonymising => _anonymising.Task;

    /// <summary>From now on the anonymiser waits for <see cref="Release"/> (or its token).</summary>
    public void HoldAnonymiser() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate?.TrySetResult();

    public async Task<AnonymisedOutput> AnonymiseAsync(OutputRequest request, string outputFolder, CancellationToken cancellationToken)
    {
        LastRequest = request;
        KeyGiven = request.ProjectKey.ToArray();
        Anonymised++;
        _anonymising.TrySetResult();
        if (_gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        Fail("anonymise");
        await File.WriteAllTextAsync(Path.Combine(outputFolder, "justice.csv"), "person_pseudonym,offence_group\nP1,theft\n", cancellationToken);
        return new AnonymisedOutput([new OutputTable("justice.csv", "Justice", "One row per offender record", [new OutputColumn("person_pseudonym", "string", "The person")], 1, null)]);
    }

    public async Task<DisclosureReport> CheckAsync(OutputRequest request, AnonymisedOutput output, string outputFolder, CancellationToken cancellationToken)
    {
        Fail("check");
        await File.WriteAllTextAsync(Path.Combine(outputFolder, "disclosure.json"), "{}", cancellationToken);
        IReadOnlyList<DisclosureFinding> findings = Verdict == DisclosureVerdict.Pass
            ? [new DisclosureFinding("justice.csv", "k-anonymity", DisclosureVerdict.Pass, "every class has at least 5 rows")]
            : [new DisclosureFinding("table benefit_by_offence", "cell threshold", Verdict, "2 cells below 10")];
        return new DisclosureReport(Verdict, findings, []);
    }

    public async Task PackageAsync(OutputRequest request, AnonymisedOutput output, DisclosureReport report, string outputFolder, CancellationToken cancellationToken)
    {
        Fail("package");
        await File.WriteAllTextAsync(Path.Combine(outputFolder, "datapackage.json"), TestPackages.Listing(outputFolder), cancellationToken);
    }

    private void Fail(string stage)
    {
        if (FailIn == stage)
        {
            throw new IOException($"the {stage} stage failed (injected by the test)");
        }
    }
}
