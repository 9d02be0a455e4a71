using System.Text.Json;
using ItaSurvey.Core.Model;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Rounds;

namespace ItaSurvey.Web.ScoredResults;

/// <summary>A score at full precision ("value", null before any answer) and as shown ("display": two decimals, half away from zero).</summary>
public sealed record ScoreDto(double? Value, string Display)
{
    public static ScoreDto Of(double? value) => new(value, ScoreRounding.Display(value));
}

/// <summary>
/// A round's results: total and rating, instruments, indicators and every question down to its
/// answer fields. While a round is open, IIT figures include only <c>IitScored</c> of the IIT
/// responses (whole blocks of k, one block behind, so that two calls never isolate one staff
/// member's answers); <c>IitHeldBack</c> says so.
/// </summary>
public sealed record ResultsDto(
    int RoundId,
    int AgencyId,
    int FiscalYear,
    ScoreDto Total,
    RatingDto? Rating,
    IReadOnlyList<InstrumentResultDto> Instruments,
    IReadOnlyList<IndicatorResultDto> Indicators,
    IReadOnlyList<QuestionResultDto> Questions,
    ResponseCountDto Responses,
    long SkippedResponses,
    IReadOnlyList<string> Withheld,
    string? WithheldReason,
    long IitScored,
    string? IitHeldBack)
{
    public static ResultsDto From(RoundResult result, AssessmentModel model)
    {
        var assessment = result.Assessment;
        return new(result.RoundId, result.AgencyId, result.FiscalYear, ScoreDto.Of(assessment.Total),
            assessment.Rating is { } rating ? new RatingDto(rating.Code, rating.Name.Th, rating.Name.En, rating.Passed) : null,
            assessment.Instruments.Select(i => new InstrumentResultDto(i.Code, i.Weight, ScoreDto.Of(i.Score), ScoreDto.Of(i.Weighted))).ToList(),
            assessment.Indicators.Select(i => IndicatorResultDto.From(i, model.FindIndicator(i.Code))).ToList(),
            assessment.Questionnaires.Values.SelectMany(q => q.Questions.Select(question => QuestionResultDto.From(q.Instrument, question))).ToList(),
            new ResponseCountDto(result.ResponsesOf("IIT"), result.ResponsesOf("EIT"), result.IitMinimum, result.EitMinimum),
            result.SkippedResponses,
            result.Withheld.Order().ToList(),
            result.Withheld.Count == 0 ? null : result.Withheld.Contains("IIT") ? result.WithheldMessageOf("IIT").En : result.WithheldMessage.En,
            result.ScoredOf("IIT"),
            result.HeldBack("IIT")?.En);
    }
}

/// <summary>The rating level the total reaches.</summary>
public sealed record RatingDto(string Code, string NameTh, string? NameEn, bool Passed);

/// <summary>An instrument's score, its weight in the total and what it adds to the total (weight × score).</summary>
public sealed record InstrumentResultDto(string Code, double Weight, ScoreDto Score, ScoreDto Weighted);

/// <summary>An indicator's score and status against the year's thresholds: noData, urgent, toImprove or good.</summary>
public sealed record IndicatorResultDto(string Code, string Instrument, string NameTh, string? NameEn, ScoreDto Score, string Status,
    IReadOnlyList<SubIndicatorResultDto> SubIndicators)
{
    public static IndicatorResultDto From(IndicatorScore score, Indicator? indicator) =>
        new(score.Code, score.Instrument, indicator?.Name.Th ?? score.Code, indicator?.Name.En, ScoreDto.Of(score.Score),
            JsonNamingPolicy.CamelCase.ConvertName(score.Status.ToString()),
            score.SubIndicators.Select(s => new SubIndicatorResultDto(s.Code,
                indicator?.SubIndicators?.FirstOrDefault(d => d.Code == s.Code)?.Name.Th ?? s.Code, ScoreDto.Of(s.Score))).ToList());
}

public sealed record SubIndicatorResultDto(string Code, string NameTh, ScoreDto Score);

/// <summary>A question's score and, per answer field (sub-item), how many answered it and its score.</summary>
public sealed record QuestionResultDto(string Code, string Instrument, string Indicator, string? SubIndicator, ScoreDto Score,
    IReadOnlyList<FieldResultDto> Fields)
{
    public static QuestionResultDto From(string instrument, QuestionScore question) =>
        new(question.Code, instrument, question.Indicator, question.SubIndicator, ScoreDto.Of(question.Score),
            question.Fields.Select(f => new FieldResultDto(f.Code, f.Respondents, ScoreDto.Of(f.Score))).ToList());
}

public sealed record FieldResultDto(string Code, long Respondents, ScoreDto Score);
