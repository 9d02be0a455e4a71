using ItaSurvey.Core.Loading;

namespace ItaSurvey.Web.Surveys;

/// <summary><c>validate &lt;folder&gt;</c>: checks the definitions and lists every problem.</summary>
public static class ValidateCommand
{
    public const string Usage = "validate <surveys-folder>   check every fiscal year's definitions";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count != 1)
        {
            error.WriteLine("usage: " + Usage);
            return 2;
        }
        var result = SurveyLoader.Load(args[0]);
        if (result.IsValid)
        {
            var years = result.Catalog!.Years;
            output.WriteLine($"OK: {years.Count} fiscal year(s) valid: {string.Join(", ", years.Select(y => y.FiscalYear))}.");
            foreach (var year in years)
            {
                output.WriteLine($"  {year.FiscalYear}: " + string.Join(", ", year.Model.Instruments.Select(i =>
                    $"{i.Code} {year.Questionnaire(i.Code).Questions.Count} questions, {year.Questionnaire(i.Code).AnswerFields().Count()} answer fields")));
            }
            return 0;
        }
        foreach (var problem in result.Problems)
        {
            error.WriteLine(problem);
        }
        error.WriteLine($"{result.Problems.Count} problem(s) found.");
        return 1;
    }
}
