using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Statistics;

/// <summary>
/// Scores each respondent separately and keeps running moments of those scores: per question
/// (mean of the respondent's answered fields), per indicator (mean of the respondent's question
/// scores, through sub-indicators where the indicator has them) and for the instrument (mean of
/// the indicators, for respondents with a score in every one), plus Cronbach's alpha per indicator.
/// Memory is O(questions + fields); nothing is kept or allocated per response, so 100,000
/// responses stream through in one pass. Not thread-safe: use one instance per thread.
/// </summary>
/// <remarks>
/// With every field answered, the mean of respondents' question scores equals the question score
/// of <see cref="QuestionnaireScorer"/>. With fields left unanswered the two differ slightly: the
/// scorer averages each field over the respondents who answered it, this averages each
/// respondent's own answers. The headline score stays the scorer's; these samples give its spread.
/// </remarks>
public sealed class RespondentScores
{
    private readonly ScoreLayout _layout;
    private readonly RunningMoments[] _questions, _indicators;
    private RunningMoments _instrument;
    private readonly ItemConsistency[] _consistency;
    // Scratch for the response being added, cleared as it is used.
    private readonly double[] _questionSum, _subSum, _indicatorSum, _items;
    private readonly int[] _questionCount, _subCount, _indicatorCount;

    /// <summary>Starts empty for a compiled questionnaire.</summary>
    public RespondentScores(CompiledQuestionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        Questionnaire = questionnaire;
        _layout = new ScoreLayout(questionnaire);
        var questions = _layout.QuestionCodes.Length;
        var indicators = _layout.IndicatorCodes.Length;
        var subs = _layout.SubIndicatorOwner.Length;
        _questions = new RunningMoments[questions];
        _indicators = new RunningMoments[indicators];
        _consistency = [.. _layout.IndicatorFields.Select(fields => new ItemConsistency([.. fields.Select(f => questionnaire.FieldCodes[f])]))];
        (_questionSum, _questionCount) = (new double[questions], new int[questions]);
        (_subSum, _subCount) = (new double[subs], new int[subs]);
        (_indicatorSum, _indicatorCount) = (new double[indicators], new int[indicators]);
        _items = new double[_layout.IndicatorFields.Select(f => f.Length).DefaultIfEmpty(0).Max()];
    }

    /// <summary>The questionnaire the responses answer.</summary>
    public CompiledQuestionnaire Questionnaire { get; }

    /// <summary>How many responses were added.</summary>
    public long Responses { get; private set; }

    /// <summary>The instrument's indicator codes, in model order.</summary>
    public IReadOnlyList<string> IndicatorCodes => _layout.IndicatorCodes;

    /// <summary>The question codes, in questionnaire order.</summary>
    public IReadOnlyList<string> QuestionCodes => _layout.QuestionCodes;

    /// <summary>
    /// Adds one response: one level per answer field in field order, or
    /// <see cref="AnswerTally.NotAnswered"/>. The response is checked whole before anything is counted.
    /// </summary>
    public void Add(ReadOnlySpan<byte> levels)
    {
        var compiled = Questionnaire;
        ResponseLevels.Check(compiled, levels);

        var points = compiled.Points;
        var stride = compiled.LevelStride;
        var fieldQuestion = compiled.FieldQuestion;
        for (var f = 0; f < levels.Length; f++)
        {
            if (levels[f] != AnswerTally.NotAnswered)
            {
                _questionSum[fieldQuestion[f]] += points[(f * stride) + levels[f]];
                _questionCount[fieldQuestion[f]]++;
            }
        }
        AddQuestionScores();
        AddItemScores(levels, points, stride);
        Responses++;
    }

    /// <summary>Adds many responses stored back to back, <see cref="CompiledQuestionnaire.FieldCount"/> bytes each.</summary>
    public void AddMany(ReadOnlySpan<byte> packedResponses)
    {
        foreach (var levels in ResponseLevels.Split(Questionnaire, packedResponses))
        {
            Add(levels);
        }
    }

    /// <summary>Respondents' scores of the question at an index of the questionnaire.</summary>
    public SampleSummary Question(int index) => _questions[index].Summary();

    /// <summary>Respondents' scores of a question code.</summary>
    public SampleSummary Question(string code) => _questions[IndexOf(_layout.QuestionCodes, code, "question")].Summary();

    /// <summary>Respondents' scores of an indicator code.</summary>
    public SampleSummary Indicator(string code) => _indicators[IndexOf(_layout.IndicatorCodes, code, "indicator")].Summary();

    /// <summary>Respondents' instrument scores (mean of their indicators), over respondents with every indicator scored.</summary>
    public SampleSummary Instrument => _instrument.Summary();

    /// <summary>
    /// Cronbach's alpha of an indicator: its answer fields (points after direction) as items, over
    /// the respondents who answered all of them.
    /// </summary>
    public CronbachAlpha Consistency(string indicatorCode) => _consistency[IndexOf(_layout.IndicatorCodes, indicatorCode, "indicator")].Result();

    private void AddQuestionScores()
    {
        for (var q = 0; q < _questions.Length; q++)
        {
            if (_questionCount[q] == 0)
            {
                continue;
            }
            var score = _questionSum[q] / _questionCount[q];
            _questions[q].Add(score);
            (_questionSum[q], _questionCount[q]) = (0, 0);
            if (_layout.QuestionSubIndicator[q] is var s and >= 0)
            {
                _subSum[s] += score;
                _subCount[s]++;
            }
            else if (_layout.QuestionIndicator[q] is var i and >= 0)
            {
                _indicatorSum[i] += score;
                _indicatorCount[i]++;
            }
        }
        for (var s = 0; s < _subSum.Length; s++)
        {
            if (_subCount[s] > 0)
            {
                _indicatorSum[_layout.SubIndicatorOwner[s]] += _subSum[s] / _subCount[s];
                _indicatorCount[_layout.SubIndicatorOwner[s]]++;
                (_subSum[s], _subCount[s]) = (0, 0);
            }
        }
        double instrumentSum = 0;
        var scored = 0;
        for (var i = 0; i < _indicators.Length; i++)
        {
            if (_indicatorCount[i] > 0)
            {
                var score = _indicatorSum[i] / _indicatorCount[i];
                _indicators[i].Add(score);
                instrumentSum += score;
                scored++;
                (_indicatorSum[i], _indicatorCount[i]) = (0, 0);
            }
        }
        if (scored > 0 && scored == _indicators.Length)
        {
            _instrument.Add(instrumentSum / scored);
        }
    }

    private void AddItemScores(ReadOnlySpan<byte> levels, double[] points, int stride)
    {
        for (var i = 0; i < _consistency.Length; i++)
        {
            var fields = _layout.IndicatorFields[i];
            var complete = true;
            for (var j = 0; j < fields.Length && complete; j++)
            {
                var level = levels[fields[j]];
                complete = level != AnswerTally.NotAnswered;
                _items[j] = complete ? points[(fields[j] * stride) + level] : 0;
            }
            if (complete)
            {
                _consistency[i].Add(_items.AsSpan(0, fields.Length));
            }
        }
    }

    private static int IndexOf(string[] codes, string code, string kind)
    {
        var index = Array.IndexOf(codes, code);
        return index >= 0 ? index : throw new ArgumentException($"The questionnaire has no {kind} '{code}'.", nameof(code));
    }
}
