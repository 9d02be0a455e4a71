using System.Collections.Concurrent;
using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Web.Surveys;

/// <summary>Compiled questionnaires per fiscal year and instrument, built once: definitions do not change while the app runs.</summary>
public sealed class QuestionnaireCache(SurveyCatalog catalog)
{
    private readonly ConcurrentDictionary<(int, string), CompiledQuestionnaire> _compiled = new();

    public CompiledQuestionnaire For(int fiscalYear, string instrument) =>
        _compiled.GetOrAdd((fiscalYear, instrument), key =>
        {
            var year = catalog.Year(key.Item1);
            return new CompiledQuestionnaire(year.Model, year.Questionnaire(key.Item2));
        });
}
