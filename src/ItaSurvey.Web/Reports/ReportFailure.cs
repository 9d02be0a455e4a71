using System.Diagnostics.CodeAnalysis;
using ItaSurvey.Web.Forms;

namespace ItaSurvey.Web.Reports;

/// <summary>
/// Why a change to an improvement report was refused, as a kind with the facts it needs; the
/// words are left to the report page and the API (<see cref="ReportFailureText"/>), which decide
/// on the kind and never on the text.
/// </summary>
public abstract record ReportFailure
{
    private ReportFailure()
    {
    }

    /// <summary>The user may read the report (or not even that) but not change it.</summary>
    public sealed record Denied : ReportFailure;

    /// <summary>The round has its report already; <paramref name="Meanwhile"/> when another user created it during this very request.</summary>
    public sealed record AlreadyDrafted(bool Meanwhile) : ReportFailure;

    /// <summary>The round's fiscal year has no questionnaire set here, so there is nothing to draft from.</summary>
    public sealed record NoQuestionnaire(int FiscalYear) : ReportFailure;

    /// <summary>The round has no report yet: it has to be drafted first.</summary>
    public sealed record NoReport : ReportFailure;

    /// <summary>The round's report has no row <paramref name="ItemId"/>.</summary>
    public sealed record NoRow(int RoundId, int ItemId) : ReportFailure;

    /// <summary>The change would leave the report with more than <paramref name="Max"/> rows.</summary>
    public sealed record TooManyRows(int Max) : ReportFailure;

    /// <summary>The agency has no round of <paramref name="FiscalYear"/> (the year after the report's) to attach the report to.</summary>
    public sealed record NoNextRound(int FiscalYear) : ReportFailure;

    /// <summary>The next round's OIT checklist has no item on the integrity and transparency measures to attach the report to.</summary>
    public sealed record NoMeasuresItem(int FiscalYear) : ReportFailure;

    /// <summary>That item has its <paramref name="Max"/> evidence URLs already.</summary>
    public sealed record ItemFull(string ItemCode, int Max) : ReportFailure;

    /// <summary>What was sent is wrong: the errors say which row and field and why.</summary>
    public sealed record Invalid(FormErrors Errors) : ReportFailure;

    /// <summary>
    /// Someone saved the report after the version the change started from: who, when, and the
    /// version stored now. Nothing was overwritten.
    /// </summary>
    public sealed record Stale(string UpdatedBy, DateTime UpdatedAt, Guid Version) : ReportFailure
    {
        public static Stale Of(ImprovementReport latest) => new(latest.UpdatedBy, latest.UpdatedAt, latest.Version);
    }
}

/// <summary>The result of a change to a report: the value made, or the <see cref="ReportFailure"/> that stopped it.</summary>
public sealed record ReportOutcome<T>(T? Value, ReportFailure? Failure = null)
{
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static ReportOutcome<T> Done(T value) => new(value);

    public static implicit operator ReportOutcome<T>(ReportFailure failure) => new(default, failure);
}
