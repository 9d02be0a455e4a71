using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.Surveys;

/// <summary>
/// /admin/years/{id}/preview/{iit|eit}: the real respondent form of a version (draft or published),
/// rendered as the public form is, for the preview page to show at phone width in a frame. It
/// belongs to no round: no submission key, nowhere to post, a banner that says it is a preview.
/// Only this path may be framed, and only by the site itself.
/// </summary>
public static class VersionPreviewEndpoints
{
    /// <summary>The security policy of a preview: the site's own, except that the site itself may frame it.</summary>
    public static readonly string FramablePolicy = SecuritySetup.ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal);

    public static IEndpointRouteBuilder MapVersionPreview(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/years/{id:int}/preview/{instrument:regex(^(iit|eit)$)}", ShowAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.SystemAdmin))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ShowAsync(int id, string instrument, string? lang, HttpContext http, SurveyVersions versions, CancellationToken cancellationToken)
    {
        http.Response.Headers.ContentSecurityPolicy = FramablePolicy;
        http.Response.Headers.XFrameOptions = "SAMEORIGIN";
        var english = lang == "en";
        var detail = await versions.GetAsync(id, cancellationToken);
        if (detail is null)
        {
            return PublicPages.Message(StatusCodes.Status404NotFound, english, "ไม่พบฉบับนี้", "ไม่มีฉบับของปีงบประมาณที่ต้องการ", tone: "error");
        }
        var code = instrument.ToUpperInvariant();
        if (detail.Check.Year is not { } year || !detail.Check.IsValid)
        {
            return PublicPages.Message(StatusCodes.Status200OK, english, "ฉบับนี้ยังมีปัญหา",
                $"พบปัญหา {detail.Check.Problems.Count} รายการ แก้ให้ครบก่อนจึงจะแสดงตัวอย่างแบบสอบถามได้", tone: "error");
        }
        if (!year.Questionnaires.ContainsKey(code))
        {
            return PublicPages.Message(StatusCodes.Status404NotFound, english, "ไม่มีแบบสอบถามนี้", $"ฉบับนี้ไม่มีแบบ {code}", tone: "error");
        }
        var version = detail.Version;
        var link = new SurveyLink("preview", code, 0, version.FiscalYear, version.Id, DateOnly.MinValue, DateOnly.MaxValue,
            Rounds.IitMode.OpenLink, "หน่วยงานตัวอย่าง", "Example agency");
        var view = new QuestionnaireView(link, new CompiledQuestionnaire(year.Model, year.Questionnaire(code)), english, "", "", "") { Preview = true };
        return new RazorComponentResult<QuestionnairePage>(new { V = view });
    }
}
