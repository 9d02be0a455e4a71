using System.Runtime.CompilerServices;
using ItaSurvey.Core.Quality;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Web.Responding;

/// <summary>The quality signals decided at submission: the classes only, from the answers and the form's age.</summary>
public static class SubmissionSignals
{
    // One set of pattern checks per compiled questionnaire (the library keeps those for the app's life).
    private static readonly ConditionalWeakTable<CompiledQuestionnaire, AnswerPatterns> Patterns = [];

    public static ResponseSignal Of(CompiledQuestionnaire questionnaire, byte[] levels, TimeSpan formAge, RespondingOptions options) =>
        options.QualitySignals
            ? Patterns.GetValue(questionnaire, q => new AnswerPatterns(q)).Of(levels)
                | SpeedClass.Of(formAge, options.TooFastSeconds(questionnaire.Instrument))
            : ResponseSignal.None;
}
