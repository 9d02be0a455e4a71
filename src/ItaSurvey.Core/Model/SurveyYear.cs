namespace ItaSurvey.Core.Model;

/// <summary>Everything defined for one fiscal year: the model and one questionnaire per instrument.</summary>
public sealed record SurveyYear(AssessmentModel Model, IReadOnlyDictionary<string, Questionnaire> Questionnaires)
{
    /// <summary>The fiscal year in the Buddhist Era.</summary>
    public int FiscalYear => Model.FiscalYear;

    /// <summary>The questionnaire of an instrument code such as "IIT".</summary>
    public Questionnaire Questionnaire(string instrument) =>
        Questionnaires.TryGetValue(instrument, out var q)
            ? q
            : throw new KeyNotFoundException($"Fiscal year {FiscalYear} has no {instrument} questionnaire.");
}

/// <summary>All fiscal years defined under <c>surveys/</c>, oldest first.</summary>
public sealed record SurveyCatalog(IReadOnlyList<SurveyYear> Years)
{
    /// <summary>The definitions of a fiscal year (Buddhist Era).</summary>
    public SurveyYear Year(int fiscalYear) =>
        Years.FirstOrDefault(y => y.FiscalYear == fiscalYear)
        ?? throw new KeyNotFoundException($"No questionnaire set is defined for fiscal year {fiscalYear}.");

    /// <summary>True when the fiscal year is defined.</summary>
    public bool Has(int fiscalYear) => Years.Any(y => y.FiscalYear == fiscalYear);
}
