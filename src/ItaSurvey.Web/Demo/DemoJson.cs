using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;

namespace ItaSurvey.Web.Demo;

/// <summary>
/// seed-demo --json: created (false when the demo agency existed and nothing changed), the agency
/// deleted first by --reset yes, the agency, each year's round and scores, the minimum samples
/// and the public links of the latest round.
/// </summary>
public sealed record SeededDemo(bool Created, int? DeletedAgencyId, DemoAgencyJson Agency, IReadOnlyList<DemoYearJson> Years, DemoMinimumsJson? MinimumSamples,
    IReadOnlyList<DemoLinkJson> Links);

public sealed record DemoAgencyJson(int Id, string NameTh, string? NameEn, string Province, string AgencyGroup, int StaffHeadcount);

/// <summary>A year of the demo as the human table prints it: scores at two decimals, null where there is none.</summary>
public sealed record DemoYearJson(int FiscalYear, int RoundId, long IitResponses, long EitResponses, decimal? Iit, decimal? Eit, decimal? Oit,
    decimal? Indicator3, decimal? Indicator9, decimal? Total, string? Rating)
{
    public static DemoYearJson Of(AssessmentRound round, RoundResult result)
    {
        var a = result.Assessment;
        return new DemoYearJson(round.FiscalYear, round.Id, result.ResponsesOf("IIT"), result.ResponsesOf("EIT"), Rounded(a.Instrument("IIT").Score),
            Rounded(a.Instrument("EIT").Score), Rounded(a.Instrument("OIT").Score), Rounded(a.Indicator("3").Score), Rounded(a.Indicator("9").Score),
            Rounded(a.Total), a.Rating?.Name.Th);
    }

    private static decimal? Rounded(double? score) => score is { } s && double.IsFinite(s) ? ScoreRounding.Round(s) : null;
}

public sealed record DemoMinimumsJson(int Iit, int? Eit);

/// <summary>A public link of the latest demo round, as a full URL on PublicBaseUrl.</summary>
public sealed record DemoLinkJson(string Instrument, string Code, string Url);
