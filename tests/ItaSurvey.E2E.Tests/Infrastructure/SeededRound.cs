namespace ItaSurvey.E2E.Tests.Infrastructure;

/// <summary>A round made by create-round: its number and the codes of its two public links.</summary>
public sealed record SeededRound(int Id, string IitCode, string EitCode)
{
    public string EitPath => $"/go/eit/{EitCode}";

    public string IitPath => $"/go/iit/{IitCode}";
}
