namespace ItaSurvey.Testing;

/// <summary>The app's command-line verbs, run to the end against the launcher's settings and database.</summary>
public sealed class AppVerbs
{
    private readonly AppLauncher _launcher;

    internal AppVerbs(AppLauncher launcher) => _launcher = launcher;

    /// <summary>How long a verb may run; migrations on a loaded machine take a while.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Runs a verb with <paramref name="stdin"/> as its whole standard input (empty when null)
    /// and returns its exit code and output, whatever the exit code.
    /// </summary>
    public async Task<VerbRun> RunAsync(IReadOnlyList<string> args, string? stdin = null, CancellationToken cancellationToken = default)
    {
        using var verb = _launcher.Process(args);
        verb.Start();
        var output = verb.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = verb.StandardError.ReadToEndAsync(cancellationToken);
        await verb.StandardInput.WriteAsync(stdin ?? "");
        verb.StandardInput.Close();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            await verb.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            verb.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish within {Patience.TotalSeconds:F0} s.");
        }
        return new VerbRun(args, verb.ExitCode, await output, await errors);
    }

    /// <summary>Runs a verb that must succeed; throws with its output when it exits non-zero.</summary>
    public async Task<VerbRun> RunOkAsync(IReadOnlyList<string> args, string? stdin = null, CancellationToken cancellationToken = default) =>
        (await RunAsync(args, stdin, cancellationToken)).EnsureSuccess();

    /// <summary>
    /// create-round --json for a tambon municipality in ประจวบคีรีขันธ์ (group tambon-municipality-s,
    /// 50 staff, fiscal year 2566 unless another is given), open from 2566-01-01 until <paramref name="closes"/>.
    /// </summary>
    public async Task<CreatedRound> CreateRoundAsync(string agency, string iitMode = "open", string closes = "2575-12-31", int year = 2566,
        CancellationToken cancellationToken = default)
    {
        var run = await RunOkAsync(["create-round", "--agency", agency, "--province", "ประจวบคีรีขันธ์", "--group", "tambon-municipality-s",
            "--headcount", "50", "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--opens", "2566-01-01", "--closes", closes,
            "--iit-mode", iitMode, "--json"], null, cancellationToken);
        return run.Json<CreatedRound>();
    }

    /// <summary>generate-codes --json: <paramref name="count"/> new single-use codes of a round.</summary>
    public async Task<IReadOnlyList<string>> GenerateCodesAsync(int round, int count, CancellationToken cancellationToken = default)
    {
        var run = await RunOkAsync(["generate-codes", "--round", round.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json"], null, cancellationToken);
        return run.Json<GeneratedCodes>().Codes;
    }
}
