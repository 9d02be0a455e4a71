using System.Globalization;
using System.Text.Json;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Web.Rounds;

/// <summary>A round with its public links. Dates are Common Era ISO dates (2023-04-01).</summary>
public sealed record RoundDto(int Id, int AgencyId, int FiscalYear, DateOnly OpensOn, DateOnly ClosesOn, string IitMode, IReadOnlyList<LinkDto> Links)
{
    public static RoundDto From(AssessmentRound round, HttpRequest request) =>
        new(round.Id, round.AgencyId, round.FiscalYear, round.OpensOn, round.ClosesOn, ModeName(round.IitMode),
            round.Links.OrderBy(l => l.Instrument, StringComparer.Ordinal).Select(l => LinkDto.From(l, request)).ToList());

    public static string ModeName(IitMode mode) => JsonNamingPolicy.CamelCase.ConvertName(mode.ToString());
}

/// <summary>A public link: the path respondents open, and the same as an absolute URL on the public base URL.</summary>
public sealed record LinkDto(string Instrument, string Code, string Path, string Url)
{
    public static LinkDto From(PublicLink link, HttpRequest request)
    {
        var path = $"/go/{link.Instrument.ToLowerInvariant()}/{link.Code}";
        return new(link.Instrument, link.Code, path, Absolute(request, path));
    }

    /// <summary>An absolute URL on the configured public base URL, the same one QR codes and posters carry.</summary>
    public static string Absolute(HttpRequest request, string path) =>
        request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Sharing.SiteOptions>>().Value.Absolute(path);
}

/// <summary>Responses received so far against the round's minimum samples (eitMinimum is null when the agency group has none that year).</summary>
public sealed record ResponseCountDto(long Iit, long Eit, int IitMinimum, int? EitMinimum);

/// <summary>The body of POST /agencies/{id}/rounds.</summary>
/// <param name="FiscalYear">A fiscal year (Buddhist Era) with a questionnaire set, e.g. 2566.</param>
/// <param name="OpensOn">The first day responses are accepted, an ISO date in the Common Era (2023-04-01).</param>
/// <param name="ClosesOn">The last day responses are accepted, on or after opensOn.</param>
/// <param name="IitMode">"openLink" (one shared link) or "singleUseCodes" (a code per staff member).</param>
public sealed record RoundRequest(int? FiscalYear, string? OpensOn, string? ClosesOn, string? IitMode)
{
    /// <summary>The round to create, or every problem of the request by field.</summary>
    public (int FiscalYear, DateOnly OpensOn, DateOnly ClosesOn, Rounds.IitMode Mode, Dictionary<string, LocalizedText> Errors) Validate(SurveyCatalog catalog)
    {
        var errors = new Dictionary<string, LocalizedText>();
        var years = string.Join(", ", catalog.Years.Select(y => y.FiscalYear));
        if (FiscalYear is not { } year || !catalog.Has(year))
        {
            errors["fiscalYear"] = new($"fiscalYear ต้องเป็นปีงบประมาณที่มีชุดแบบวัด: {years}", FiscalYear is null
                ? $"fiscalYear is required: one of {years}."
                : $"No questionnaire set is defined for fiscal year {FiscalYear}: use one of {years}.");
        }
        var opens = Date(errors, "opensOn", OpensOn);
        var closes = Date(errors, "closesOn", ClosesOn);
        if (opens is { } o && closes is { } c && c < o)
        {
            errors["closesOn"] = new($"วันปิด closesOn ({ClosesOn}) ต้องไม่ก่อนวันเปิด opensOn ({OpensOn})", $"closesOn ({ClosesOn}) is before opensOn ({OpensOn}).");
        }
        Rounds.IitMode? mode = IitMode switch
        {
            "openLink" => Rounds.IitMode.OpenLink,
            "singleUseCodes" => Rounds.IitMode.SingleUseCodes,
            _ => null,
        };
        if (mode is null)
        {
            errors["iitMode"] = new("iitMode ต้องเป็น 'openLink' หรือ 'singleUseCodes'",
                IitMode is null ? "iitMode is required: 'openLink' or 'singleUseCodes'." : $"iitMode is 'openLink' or 'singleUseCodes', not '{IitMode}'.");
        }
        return (FiscalYear ?? 0, opens ?? default, closes ?? default, mode ?? default, errors);
    }

    private static DateOnly? Date(Dictionary<string, LocalizedText> errors, string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[name] = new($"ระบุ {name} เป็นวันที่แบบ ISO ในคริสต์ศักราช เช่น 2023-04-01", $"{name} is required: an ISO date such as 2023-04-01.");
            return null;
        }
        return IsoDate.Parse(name, text, errors);
    }
}

/// <summary>The body of POST /rounds/{id}/access-codes.</summary>
/// <param name="Count">How many new single-use IIT codes, 1 to 1000.</param>
public sealed record AccessCodesRequest(int? Count);

/// <summary>New single-use codes, each with the link that carries it (for a QR code on a slip).</summary>
public sealed record AccessCodesDto(int RoundId, IReadOnlyList<AccessCodeDto> Codes);

public sealed record AccessCodeDto(string Code, string Url);

/// <summary>
/// The body of PATCH /rounds/{id}: what to change; a field left out keeps its value. Close a round
/// early with a closesOn of yesterday, extend it with a later one.
/// </summary>
/// <param name="OpensOn">The first day responses are accepted, an ISO date in the Common Era (2023-04-01).</param>
/// <param name="ClosesOn">The last day responses are accepted, on or after opensOn.</param>
/// <param name="IitMode">"openLink" or "singleUseCodes".</param>
public sealed record RoundChangeRequest(string? OpensOn = null, string? ClosesOn = null, string? IitMode = null)
{
    /// <summary>The round's form with the requested changes, or the problems of the request by field.</summary>
    public (RoundForm Form, Dictionary<string, LocalizedText> Errors) ApplyTo(AssessmentRound round)
    {
        var errors = new Dictionary<string, LocalizedText>();
        var form = RoundForm.From(round);
        if (OpensOn is not null)
        {
            form.OpensOn = IsoDate.Parse("opensOn", OpensOn, errors);
        }
        if (ClosesOn is not null)
        {
            form.ClosesOn = IsoDate.Parse("closesOn", ClosesOn, errors);
        }
        switch (IitMode)
        {
            case null:
                break;
            case "openLink":
                form.IitMode = Rounds.IitMode.OpenLink;
                break;
            case "singleUseCodes":
                form.IitMode = Rounds.IitMode.SingleUseCodes;
                break;
            default:
                errors["iitMode"] = new($"iitMode ต้องเป็น 'openLink' หรือ 'singleUseCodes' ไม่ใช่ '{IitMode}'", $"iitMode is 'openLink' or 'singleUseCodes', not '{IitMode}'.");
                break;
        }
        return (form, errors);
    }
}

/// <summary>Reads the API's dates: ISO 8601 (yyyy-MM-dd) in the Common Era, with a hint when a Buddhist Era year was sent.</summary>
public static class IsoDate
{
    public static DateOnly? Parse(string name, string text, Dictionary<string, LocalizedText> errors)
    {
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[name] = new($"{name} ต้องเป็นวันที่แบบ ISO ในคริสต์ศักราช เช่น 2023-04-01 ไม่ใช่ '{text}'",
                $"{name} must be an ISO date such as 2023-04-01, not '{text}'.");
            return null;
        }
        if (date.Year > 2400)
        {
            var common = $"{date.Year - 543}{text.Trim()[4..]}";
            errors[name] = new($"{name} ต้องเป็นปีคริสต์ศักราช: {text} น่าจะเป็นปีพุทธศักราช ({common} ในคริสต์ศักราช)",
                $"{name} must be in the Common Era: {text} looks like a Buddhist Era date ({common} in the Common Era).");
            return null;
        }
        return date;
    }
}
