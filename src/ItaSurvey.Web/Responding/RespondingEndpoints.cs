using ItaSurvey.Core.Responses;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Surveys;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Responding;

/// <summary>
/// The respondent pages: /go/{iit|eit}/{code} shows the questionnaire and takes its POST;
/// /thanks follows a stored response. Everything is plain HTML forms.
/// </summary>
public static class RespondingEndpoints
{
    private static readonly HashSet<string> ReservedFields = ["_key", "_capacity", "_service", "_code"];

    private static readonly HashSet<string> Capacities = ["citizen", "business", "agency", "none"];

    public static IEndpointRouteBuilder MapRespondingEndpoints(this IEndpointRouteBuilder app)
    {
        var survey = app.MapGroup("/go/{instrument:regex(^(iit|eit)$)}/{code}");
        survey.MapGet("", ShowAsync);
        survey.MapPost("", SubmitAsync).DisableAntiforgery().RequireRateLimiting(RespondingSetup.SubmissionPolicy);
        survey.MapGet("/thanks", Thanks);
        return app;
    }

    private static async Task<IResult> ShowAsync(string instrument, string code, string? lang, string? k, HttpContext http,
        SurveyLinks links, IStringLocalizer<PublicText> text, TimeProvider clock, CancellationToken cancellationToken)
    {
        var english = lang == "en";
        var link = await links.FindAsync(instrument, code, cancellationToken);
        if (link is null)
        {
            return NotFound(english, text);
        }
        if (Closed(link, english, text, clock, StatusCodes.Status200OK) is { } closed)
        {
            return closed;
        }
        string? accessCode = null;
        if (link.UsesAccessCodes)
        {
            if (string.IsNullOrWhiteSpace(k))
            {
                return CodePage(link, english, null, null, StatusCodes.Status200OK);
            }
            accessCode = ShortCodes.Normalize(k);
            var state = ShortCodes.IsWellFormed(accessCode, ShortCodes.AccessCodeLength)
                ? await links.AccessCodeStateAsync(link.RoundId, accessCode, cancellationToken)
                : (Exists: false, Used: false);
            if (!state.Exists)
            {
                return CodePage(link, english, k, text["CodeUnknown"], StatusCodes.Status404NotFound);
            }
            if (state.Used)
            {
                return PublicPages.Message(StatusCodes.Status409Conflict, english, text["CodeUsedTitle"], text["CodeUsed"], tone: "error");
            }
        }
        var view = Form(http, link, english) with
        {
            AccessCode = accessCode,
            AnsweredOnThisDevice = link.Instrument == "EIT" && http.Request.Cookies.ContainsKey(DeviceCookie(link)),
        };
        return Render(view, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SubmitAsync(string instrument, string code, string? lang, HttpContext http,
        SurveyLinks links, ResponseStore store, SurveyLibrary surveys, IAntiforgery antiforgery,
        IStringLocalizer<PublicText> text, IOptions<RespondingOptions> options, IOptions<AntiforgeryOptions> antiforgeryOptions,
        TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var english = lang == "en";
        var log = logs.CreateLogger("ItaSurvey.Responding");
        var link = await links.FindAsync(instrument, code, cancellationToken);
        if (link is null)
        {
            return NotFound(english, text);
        }

        // The envelope first: kind and size of the body, then the antiforgery token.
        if (!http.Request.HasFormContentType)
        {
            return Rejected(log, "content-type", PublicPages.Message(StatusCodes.Status415UnsupportedMediaType, english, text["ContentTypeTitle"], text["ContentTypeBody"], tone: "error"));
        }
        var form = await ReadFormAsync(http, options.Value.MaxFormBytes, cancellationToken);
        if (form is null)
        {
            return Rejected(log, "too-large", PublicPages.Message(StatusCodes.Status413PayloadTooLarge, english, text["TooLargeTitle"], text["TooLargeBody"], tone: "error"));
        }
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Rejected(log, "antiforgery", PublicPages.Message(StatusCodes.Status400BadRequest, english, text["AntiforgeryTitle"], text["AntiforgeryBody"],
                backHref: link.Path(english), backText: text["BackToSurvey"], tone: "error"));
        }
        if (Closed(link, english, text, clock, StatusCodes.Status403Forbidden) is { } closed)
        {
            return Rejected(log, "closed", closed);
        }

        // Then the fields: anything that is not part of this questionnaire rejects the whole form.
        var compiled = surveys.Compiled(link.SurveyVersionId, link.Instrument);
        var answers = AnswerForm.Read(compiled, form
            .Where(f => !ReservedFields.Contains(f.Key) && f.Key != antiforgeryOptions.Value.FormFieldName)
            .Select(f => KeyValuePair.Create(f.Key, (IReadOnlyList<string>)f.Value.Select(v => v ?? "").ToList())));
        var capacity = Single(form, "_capacity");
        var service = Single(form, "_service");
        var accessCode = link.UsesAccessCodes ? ShortCodes.Normalize(Single(form, "_code")) : null;
        if (answers.Problems.Count > 0
            || (link.Instrument == "EIT" && capacity is not null && !Capacities.Contains(capacity))
            || (link.Instrument == "IIT" && service is not null && service != "1")
            || ReservedFields.Any(f => form[f].Count > 1))
        {
            return Rejected(log, "tampered", PublicPages.Message(StatusCodes.Status400BadRequest, english, text["BadFormTitle"], text["BadFormBody"],
                backHref: link.Path(english), backText: text["BackToSurvey"], tone: "error"));
        }
        if (accessCode is not null && !ShortCodes.IsWellFormed(accessCode, ShortCodes.AccessCodeLength))
        {
            return Rejected(log, "access-code", CodePage(link, english, accessCode, text["CodeUnknown"], StatusCodes.Status400BadRequest));
        }
        if (capacity == "none")
        {
            return PublicPages.Message(StatusCodes.Status200OK, english, text["NotContactedTitle"], text["NotContactedBody"]);
        }

        // Incomplete or stale forms come back with every answer kept.
        var ticket = http.RequestServices.GetRequiredService<SubmissionKeys>().Read(Single(form, "_key"), link.Code);
        var complete = answers.IsComplete && (link.Instrument == "EIT" ? capacity is not null : service == "1");
        if (!complete || ticket is null)
        {
            var view = Form(http, link, english) with
            {
                AccessCode = accessCode,
                Levels = answers.Levels,
                UnansweredQuestions = answers.UnansweredQuestions.ToHashSet(),
                Capacity = capacity,
                ServiceConfirmed = service == "1",
                ShowErrors = !complete,
                Expired = ticket is null,
            };
            return Rejected(log, complete ? "expired" : "incomplete", Render(view, StatusCodes.Status422UnprocessableEntity));
        }

        var response = new Response
        {
            RoundId = link.RoundId,
            Instrument = link.Instrument,
            SubmittedOn = ThaiCalendar.Today(clock),
            SubmissionKey = ticket.Value.Key,
            FormVersion = compiled.Fingerprint,
            Answers = answers.Levels,
            RespondentGroup = link.Instrument == "EIT" ? capacity : null,
            // Only the classes; the form's age is dropped here.
            Signals = SubmissionSignals.Of(compiled, answers.Levels, ticket.Value.Age, options.Value),
        };
        switch (await store.StoreAsync(response, accessCode, cancellationToken))
        {
            case StoreOutcome.DuplicateSubmission:
                return Rejected(log, "duplicate", PublicPages.Message(StatusCodes.Status409Conflict, english, text["DuplicateTitle"], text["DuplicateBody"], tone: "success"));
            case StoreOutcome.AccessCodeUsed:
                return Rejected(log, "code-used", PublicPages.Message(StatusCodes.Status409Conflict, english, text["CodeUsedTitle"], text["CodeUsed"], tone: "error"));
            case StoreOutcome.NotSaved:
                // The same form again, every answer and the same submission key kept: sending it
                // once more stores it once, even if this commit did reach the disk after all.
                http.Response.Headers.RetryAfter = "30";
                return Rejected(log, "not-saved", Render(Form(http, link, english) with
                {
                    SubmissionKey = Single(form, "_key")!,
                    AccessCode = accessCode,
                    Levels = answers.Levels,
                    Capacity = capacity,
                    ServiceConfirmed = service == "1",
                    NotSaved = true,
                }, StatusCodes.Status503ServiceUnavailable));
        }
        ResponseCounters.Stored(link.Instrument);
        if (link.Instrument == "EIT")
        {
            // Only "answered here before" for this survey: a fixed value, never stored server-side.
            http.Response.Cookies.Append(DeviceCookie(link), "1", new CookieOptions
            {
                HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365), Path = link.Path(false),
            });
        }
        return TypedResults.Redirect(link.Path(english, "/thanks"));
    }

    private static RazorComponentResult<MessagePage> Thanks(string instrument, string code, string? lang, IStringLocalizer<PublicText> text) =>
        PublicPages.Message(StatusCodes.Status200OK, lang == "en", text["ThanksTitle"], text["ThanksBody"], tone: "success");

    private static QuestionnaireView Form(HttpContext http, SurveyLink link, bool english)
    {
        var services = http.RequestServices;
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var compiled = services.GetRequiredService<SurveyLibrary>().Compiled(link.SurveyVersionId, link.Instrument);
        return new QuestionnaireView(link, compiled, english, tokens.FormFieldName, tokens.RequestToken!,
            services.GetRequiredService<SubmissionKeys>().Issue(link.Code));
    }

    private static RazorComponentResult<QuestionnairePage> Render(QuestionnaireView view, int status) =>
        new(new { V = view }) { StatusCode = status };

    private static RazorComponentResult<AccessCodePage> CodePage(SurveyLink link, bool english, string? typed, string? error, int status) =>
        new(new { Link = link, English = english, Typed = typed, Error = error }) { StatusCode = status };

    private static RazorComponentResult<MessagePage> NotFound(bool english, IStringLocalizer<PublicText> text) =>
        PublicPages.Message(StatusCodes.Status404NotFound, english, text["NotFoundTitle"], text["NotFoundBody"], tone: "error");

    private static RazorComponentResult<MessagePage>? Closed(SurveyLink link, bool english, IStringLocalizer<PublicText> text, TimeProvider clock, int status)
    {
        var today = ThaiCalendar.Today(clock);
        if (today >= link.OpensOn && today <= link.ClosesOn)
        {
            return null;
        }
        var period = text["OpenPeriod", ThaiCalendar.Format(link.OpensOn, english), ThaiCalendar.Format(link.ClosesOn, english)];
        return PublicPages.Message(status, english, today < link.OpensOn ? text["NotOpenTitle"] : text["ClosedTitle"], period);
    }

    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http, int maxBytes, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return null;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }
        try
        {
            var limits = new FormOptions { ValueCountLimit = 256, KeyLengthLimit = 64, ValueLengthLimit = 1024, MultipartBodyLengthLimit = maxBytes };
            var form = await new FormFeature(http.Request, limits).ReadFormAsync(cancellationToken);
            http.Features.Set<IFormFeature>(new FormFeature(form));
            return form;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static string? Single(IFormCollection form, string name) => form[name] is { Count: 1 } v ? v[0] : null;

    private static string DeviceCookie(SurveyLink link) => "answered-" + link.Code;

    private static IResult Rejected(ILogger log, string reason, IResult result)
    {
        ResponseCounters.Rejected(reason);
        log.LogInformation("Submission rejected: {Reason}", reason);
        return result;
    }
}
