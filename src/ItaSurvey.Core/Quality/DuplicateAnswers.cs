using System.Runtime.InteropServices;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Core.Quality;

/// <summary>One answer vector given more often than chance explains.</summary>
/// <param name="Copies">How many responses gave exactly these answers.</param>
/// <param name="Expected">How many chance would give, from the round's other answers (the Poisson mean).</param>
/// <param name="Probability">P(at least <paramref name="Copies"/>) under chance.</param>
public sealed record DuplicateGroup(int Copies, double Expected, double Probability);

/// <summary>Which responses of a round belong to an improbable crowd of identical answers.</summary>
/// <param name="Flagged">Per response, in the order given: true when it is one of an improbable group.</param>
/// <param name="Groups">Each improbable group (never the answers themselves).</param>
public sealed record DuplicateFinding(IReadOnlyList<bool> Flagged, IReadOnlyList<DuplicateGroup> Groups);

/// <summary>
/// Finds answer vectors shared by more responses than chance explains, within one round and instrument.
/// </summary>
/// <remarks>
/// <para>The chance model. Honest answers correlate (someone pleased with an agency is pleased
/// throughout), so identical vectors are more common than independent fields would say. Each
/// response is therefore put in a band by where its answers sit on average (five equal bands of the
/// mean position on the scale, 0 = all first levels, 1 = all last), and within a band the fields are
/// treated as independent. For a vector v given by c responses in band b of n responses, the chance
/// of one response giving v is ∏ p_f(v_f), where p_f are the field frequencies of band b's
/// <em>other</em> responses (the c copies left out, so a crowd cannot make itself look likely; with
/// half a response added to every level, Jeffreys' prior, so an unseen level is not impossible).
/// The expected number of copies is λ = n · ∏ p_f, and the count is Poisson(λ).</para>
/// <para>The threshold. A group is flagged when it has at least <see cref="MinimumCopies"/>
/// responses and P(X ≥ c) &lt; <see cref="PoissonTail.Threshold"/> (10⁻⁶). A round tests at most a
/// few dozen repeated vectors; with about 8,300 agencies, two instruments and a round a year, a
/// million-to-one threshold keeps the expected number of honest groups flagged in the whole country
/// under one a year if the model holds, and the model errs on the side of chance (bands absorb the
/// correlation that makes honest repeats common). 150 copies of one vector pass it by hundreds of
/// orders of magnitude; the simulation in the tests records the rates.</para>
/// <para>What is not tested. A vector that gives the best-scoring answer in every field (or the
/// worst in every field) is exactly what a pleased (or an angry) respondent who reads the questions
/// gives, and at a well-run agency a large share of honest citizens give it: the demo's 2566 round,
/// built to reproduce the published 95.40, has 27 of its 72 EIT responses on the one best vector.
/// The band model cannot tell such a crowd from chance (leaving the copies out leaves only the
/// people who hesitated somewhere), so these two vectors are left to the other signals: a stuffed
/// crowd of them shows as too fast, straight-lined or contradictory answers, and as a burst.</para>
/// </remarks>
public static class DuplicateAnswers
{
    /// <summary>Two people giving the same answers says nothing; a group needs at least three.</summary>
    public const int MinimumCopies = 3;

    /// <summary>How many bands of mean answer position responses are put in.</summary>
    public const int Bands = 5;

    /// <summary>Finds the improbable groups among a round's responses of one instrument (complete or not).</summary>
    public static DuplicateFinding Find(CompiledQuestionnaire questionnaire, IReadOnlyList<byte[]> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var model = new DuplicateModel(questionnaire);
        var groups = new Dictionary<byte[], List<int>>(AnswerVectorComparer.Instance);
        for (var r = 0; r < responses.Count; r++)
        {
            model.Add(responses[r]);
            CollectionsMarshal.GetValueRefOrAddDefault(groups, responses[r], out _) ??= [];
            groups[responses[r]].Add(r);
        }

        var flagged = new bool[responses.Count];
        var found = new List<DuplicateGroup>();
        foreach (var (levels, members) in groups)
        {
            if (model.Test(levels, members.Count) is { } group)
            {
                found.Add(group);
                members.ForEach(r => flagged[r] = true);
            }
        }
        return new DuplicateFinding(flagged, [.. found.OrderByDescending(g => g.Copies)]);
    }

    /// <summary>
    /// True when every answered field is at a level worth the field's most points, or every one at a
    /// level worth its fewest (direction applied): the answers of a wholly pleased or wholly
    /// displeased respondent, which honest crowds share.
    /// </summary>
    public static bool IsScoreExtreme(CompiledQuestionnaire questionnaire, ReadOnlySpan<byte> levels)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var (best, worst, answered) = (true, true, 0);
        for (var f = 0; f < levels.Length && (best || worst); f++)
        {
            if (levels[f] == AnswerTally.NotAnswered)
            {
                continue;
            }
            answered++;
            var points = questionnaire.Points.AsSpan(f * questionnaire.LevelStride, questionnaire.LevelCounts[f]);
            var given = points[levels[f]];
            best &= given == Max(points);
            worst &= given == Min(points);
        }
        return answered > 0 && (best || worst);
    }

    private static double Max(ReadOnlySpan<double> points)
    {
        var max = points[0];
        foreach (var p in points)
        {
            max = Math.Max(max, p);
        }
        return max;
    }

    private static double Min(ReadOnlySpan<double> points)
    {
        var min = points[0];
        foreach (var p in points)
        {
            min = Math.Min(min, p);
        }
        return min;
    }

    /// <summary>The band of a response: its mean answer position on the scale, cut in <see cref="Bands"/> equal parts.</summary>
    public static int BandOf(CompiledQuestionnaire questionnaire, ReadOnlySpan<byte> levels)
    {
        double sum = 0;
        var answered = 0;
        for (var f = 0; f < levels.Length; f++)
        {
            if (levels[f] != AnswerTally.NotAnswered && questionnaire.LevelCounts[f] > 1)
            {
                sum += levels[f] / (double)(questionnaire.LevelCounts[f] - 1);
                answered++;
            }
        }
        return answered == 0 ? 0 : Math.Min(Bands - 1, (int)(sum / answered * Bands));
    }
}
