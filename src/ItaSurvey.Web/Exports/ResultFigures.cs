using ItaSurvey.Core.Model;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.ScoredResults;

namespace ItaSurvey.Web.Exports;

/// <summary>
/// One figure of a round's results: the total, an instrument, an indicator, a sub-indicator or a
/// question. <see cref="Rating"/> is the rating level on the total and the status on an
/// indicator; <see cref="Responses"/> is how many responses the figure is built from (IIT, EIT).
/// A withheld figure (too few responses to its instrument) has no score and says why.
/// </summary>
public sealed record ResultFigure(string Level, string Code, string NameTh, double? Score, string? Rating, long? Responses, bool Withheld, string? Note);

/// <summary>The rows of a results export, in the order ITA reports them, from <see cref="RoundResults"/>.</summary>
public static class ResultFigures
{
    public static readonly IReadOnlyList<string> Levels = ["total", "instrument", "indicator", "subindicator", "question"];

    public static readonly IReadOnlyList<string> Columns = ["level", "code", "nameTh", "score", "rating", "responses", "withheld", "note"];

    public static IReadOnlyList<ResultFigure> Of(RoundResult result, SurveyYear year)
    {
        var model = year.Model;
        var assessment = result.Assessment;
        var message = result.WithheldMessage.Th;
        long? ResponsesOf(string instrument) => instrument == "OIT" ? null : result.ResponsesOf(instrument);
        ResultFigure Figure(string level, string code, string name, string instrument, double? score, string? rating, long? responses) =>
            result.IsWithheld(instrument)
                ? new ResultFigure(level, code, name, null, null, ResponsesOf(instrument), true, message)
                : new ResultFigure(level, code, name, score, rating, responses, false, null);

        var figures = new List<ResultFigure>
        {
            result.Withheld.Count > 0
                ? new ResultFigure("total", "ITA", model.Name.Th, null, null, null, true, message)
                : new ResultFigure("total", "ITA", model.Name.Th, assessment.Total, assessment.Rating?.Name.Th, null, false, null),
        };
        figures.AddRange(assessment.Instruments.Select(i =>
            Figure("instrument", i.Code, model.FindInstrument(i.Code)?.Name.Th ?? i.Code, i.Code, i.Score, null, ResponsesOf(i.Code))));
        foreach (var indicator in assessment.Indicators)
        {
            var definition = model.FindIndicator(indicator.Code);
            figures.Add(Figure("indicator", indicator.Code, definition?.Name.Th ?? indicator.Code, indicator.Instrument, indicator.Score,
                AdminFormat.IndicatorStatus(indicator.Status), ResponsesOf(indicator.Instrument)));
            figures.AddRange(indicator.SubIndicators.Select(s => Figure("subindicator", s.Code,
                definition?.SubIndicators?.FirstOrDefault(d => d.Code == s.Code)?.Name.Th ?? s.Code, indicator.Instrument, s.Score, null,
                ResponsesOf(indicator.Instrument))));
        }
        foreach (var (instrument, questionnaire) in assessment.Questionnaires)
        {
            var texts = year.Questionnaire(instrument).Questions.ToDictionary(q => q.Code, q => q.Text.Th);
            figures.AddRange(questionnaire.Questions.Select(q => Figure("question", q.Code, texts.GetValueOrDefault(q.Code, q.Code), instrument, q.Score, null,
                instrument == "OIT" ? null : q.Fields.Count == 0 ? 0 : q.Fields.Max(f => f.Respondents))));
        }
        return figures;
    }

    /// <summary>The figures as one table (CSV) or a table per level (XLSX: one sheet each).</summary>
    public static async Task WriteAsync(TableSink sink, IReadOnlyList<ResultFigure> figures, bool tablePerLevel, CancellationToken cancellationToken)
    {
        if (!tablePerLevel)
        {
            await sink.StartTableAsync("results", Columns, cancellationToken);
        }
        foreach (var level in Levels)
        {
            if (tablePerLevel)
            {
                await sink.StartTableAsync(level, Columns, cancellationToken);
            }
            foreach (var figure in figures.Where(f => f.Level == level))
            {
                sink.Text(figure.Level);
                sink.Text(figure.Code);
                sink.Text(figure.NameTh);
                sink.Score(figure.Score);
                sink.Text(figure.Rating);
                sink.Number(figure.Responses);
                sink.Flag(figure.Withheld);
                sink.Text(figure.Note);
                await sink.EndRowAsync(cancellationToken);
            }
        }
    }
}
