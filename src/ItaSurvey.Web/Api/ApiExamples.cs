using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.Reports;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ItaSurvey.Web.Api;

/// <summary>
/// One example per request and answer type, written as the C# records themselves so that they can
/// never drift from the contracts; the OpenAPI document shows each beside its schema.
/// </summary>
public static class ApiExamples
{
    private const string Site = "https://www.khlongwan.example";

    private static readonly DateTime At = new(2023, 5, 2, 3, 15, 0, DateTimeKind.Utc);

    private static readonly Guid Version = Guid.Parse("6f1c2a0e-8d1b-4c3e-9a57-2b4f0d9e7c11");

    private static readonly AgencyDto Agency = new(1, "เทศบาลตำบลคลองวาฬ", "Khlong Wan Subdistrict Municipality", "ประจวบคีรีขันธ์", "tambon-municipality-s", 85,
        ["khlongwan.go.th", "khlongwan.example"]);

    private static readonly RoundDto Round = new(7, 1, 2566, new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30), "singleUseCodes",
        [new LinkDto("EIT", "C8CBM3", "/go/eit/C8CBM3", "https://ita.example.go.th/go/eit/C8CBM3"),
         new LinkDto("IIT", "JF5TRZ", "/go/iit/JF5TRZ", "https://ita.example.go.th/go/iit/JF5TRZ")]);

    private static readonly OitItemDto OitItem = new("O4", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "9", "9.1", true, "มี",
        [new OitUrlDto($"{Site}/ita/2566/o4", "ok", 200, null, At)
        {
            Evidence = new OitVerdictDto("checkYear", "ตรวจสอบปี", "onlyOlderYears",
                "เอกสารกล่าวถึงเฉพาะปีก่อนหน้า (ล่าสุด 2565) อาจเป็นหลักฐานของปีที่แล้ว ควรเผยแพร่ฉบับปี 2566", "พบปี 2565 แต่ไม่พบปี 2566; พบคำสำคัญ 2 จาก 3 คำ", true),
        }, new OitUrlDto($"{Site}/files/plan-2566-2570.pdf", "notChecked", null, null, null)],
        "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570) บนเว็บไซต์หลัก หัวข้อ ITA");

    private static readonly UserDto User = new("3f2b8c1e-5a7d-4e0f-b6c9-1d2e3f4a5b6c", "kongklang@khlongwan.go.th", "AgencyAdmin", [1], false);

    private static readonly ScoreDto Score = ScoreDto.Of(87.16666666666667);

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(AgencyRequest)] = new AgencyRequest("เทศบาลตำบลคลองวาฬ", "ประจวบคีรีขันธ์", "tambon-municipality-s", 85, "Khlong Wan Subdistrict Municipality",
            ["khlongwan.go.th", "https://www.khlongwan.example/ita"]),
        [typeof(AgencyDto)] = Agency,
        [typeof(RoundRequest)] = new RoundRequest(2566, "2023-04-01", "2023-06-30", "singleUseCodes"),
        [typeof(RoundChangeRequest)] = new RoundChangeRequest(ClosesOn: "2023-07-15"),
        [typeof(RoundDto)] = Round,
        [typeof(ItaSurvey.Web.Dashboards.QualityDto)] = new ItaSurvey.Web.Dashboards.QualityDto(7, 2566, false, 5, [
            new("IIT", 74, null, new Dictionary<string, long?> { ["too-fast"] = null, ["straight-lined"] = 6, ["contradictory"] = null, ["duplicate"] = null }, 8,
                null, "ต้องมีทั้งคำตอบที่มีสัญญาณและไม่มีสัญญาณอย่างน้อยกลุ่มละ 5 คำตอบ จึงจะแสดงคะแนนเมื่อตัดคำตอบที่มีสัญญาณออก", [new(new DateOnly(2023, 5, 2), 21, 0, 0)]),
            new("EIT", 550, null, new Dictionary<string, long?> { ["too-fast"] = 150, ["straight-lined"] = 150, ["contradictory"] = 150, ["duplicate"] = 150 }, 150,
                new(62.38, 50.77, 11.61, 10.94, 12.28), null, [new(new DateOnly(2023, 5, 2), 157, 2, 150), new(new DateOnly(2023, 5, 3), null, 0, 0)])]),
        [typeof(ResponseCountDto)] = new ResponseCountDto(31, 74, 30, 60),
        [typeof(AccessCodesRequest)] = new AccessCodesRequest(2),
        [typeof(AccessCodesDto)] = new AccessCodesDto(7, [new AccessCodeDto("K7Q2MXW9TB", "https://ita.example.go.th/go/iit/JF5TRZ?k=K7Q2MXW9TB"),
            new AccessCodeDto("R4VN8ZC3HD", "https://ita.example.go.th/go/iit/JF5TRZ?k=R4VN8ZC3HD")]),
        [typeof(ResultsDto)] = new ResultsDto(7, 1, 2566, ScoreDto.Of(91.37), new RatingDto("passed-good", "ผ่านดี", "Passed, good", true),
            [new InstrumentResultDto("IIT", 0.3, Score, ScoreDto.Of(26.15))],
            [new IndicatorResultDto("3", "IIT", "การใช้อำนาจ", "Use of power", Score, "toImprove", [])],
            [new QuestionResultDto("I13", "IIT", "3", null, ScoreDto.Of(80.0), [new FieldResultDto("I13", 30, ScoreDto.Of(80.0))])],
            new ResponseCountDto(31, 74, 30, 60), 0, [], null, 25, Core.Statistics.Privacy.HeldBackMessage(25, 31).En),
        [typeof(OitChecklistDto)] = new OitChecklistDto(7, 2566, [OitItem]),
        [typeof(OitItemDto)] = OitItem,
        [typeof(OitItemRequest)] = new OitItemRequest(true, [$"{Site}/ita/2566/o4"], "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570) บนเว็บไซต์หลัก หัวข้อ ITA"),
        [typeof(OitBatchRequest)] = new OitBatchRequest([
            new OitBatchItem("O4", true, [$"{Site}/ita/2566/o4"], "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)"),
            new OitBatchItem("O11", false, [], "ยังไม่ได้จัดทำแผนดำเนินงานประจำปี")]),
        [typeof(ImprovementReportDto)] = new ImprovementReportDto(7, Version, At, "admin@khlongwan.go.th", At, "admin@khlongwan.go.th",
            [new ImprovementItemDto(41, 1, "9", "oitItem", "O4", "O4 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน ไม่พบการเผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน ได้ 0 คะแนน",
                "งานนโยบายและแผนอัปเดตข้อมูลบนเว็บไซต์หลักของหน่วยงานให้ครบถ้วนตามตัวชี้วัด", "งานนโยบายและแผน", "done", "เสร็จแล้ว", $"{Site}/ita/2566/o4")]),
        [typeof(ImprovementItemRequest)] = new ImprovementItemRequest(Version.ToString(), "inProgress",
            "งานนโยบายและแผนอัปเดตข้อมูลบนเว็บไซต์หลักของหน่วยงานให้ครบถ้วนตามตัวชี้วัด", "งานนโยบายและแผน", $"{Site}/ita/2566/o4"),
        [typeof(UserDto)] = User,
        [typeof(UserRequest)] = new UserRequest("kongklang@khlongwan.go.th", "AgencyAdmin", [1]),
        [typeof(UserChangeRequest)] = new UserChangeRequest("Viewer", [1, 2]),
        [typeof(LockRequest)] = new LockRequest(true),
        [typeof(CreatedUserDto)] = new CreatedUserDto(User, "generated-passphrase-7k2m"),
        [typeof(TokenDto)] = new TokenDto(3, "provincial office", "itas_Ab3dEf7…", At, new DateOnly(2023, 5, 2), null, true),
        [typeof(FiscalYearVersionDto)] = new FiscalYearVersionDto(12, 2566, 2, "published", "copy", 3, At, "admin@example.go.th", At, 4, true),
        [typeof(FiscalYearDto)] = new FiscalYearDto(12, 2566, 2, "draft", "copy", 3, 5, "9c1d…", At, "admin@example.go.th", null, null, false, 0,
            new Dictionary<string, string> { ["model.json"] = "{ \"fiscalYear\": 2566, … }" }, []),
        [typeof(FiscalYearFilesRequest)] = new FiscalYearFilesRequest(5, new Dictionary<string, string> { ["model.json"] = "{ \"fiscalYear\": 2566, … }" }),
        [typeof(FiscalYearSavedDto)] = new FiscalYearSavedDto(12, 6),
        [typeof(FiscalYearPublishRequest)] = new FiscalYearPublishRequest(6),
        [typeof(FiscalYearPublishedDto)] = new FiscalYearPublishedDto(12, 2566, 2),
        [typeof(RoundVersionRequest)] = new RoundVersionRequest(12, 3),
        [typeof(RoundVersionDto)] = new RoundVersionDto(7, 12, 2566, 2),
        [typeof(HttpValidationProblemDetails)] = new Dictionary<string, object>
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1", ["title"] = "One field is invalid.", ["status"] = 400,
            ["detail"] = "O4.urls: An item answered มี (present) needs at least one evidence URL.",
            ["errors"] = new Dictionary<string, string[]> { ["O4.urls"] = ["An item answered มี (present) needs at least one evidence URL."] },
            [ApiProblems.ThaiDetail] = "O4.urls: ข้อที่ตอบว่า “มี” ต้องมี URL ของหลักฐานอย่างน้อย 1 รายการ",
            [ApiProblems.ThaiErrors] = new Dictionary<string, string[]> { ["O4.urls"] = ["ข้อที่ตอบว่า “มี” ต้องมี URL ของหลักฐานอย่างน้อย 1 รายการ"] },
        },
    };

    /// <summary>A problem of each status, in English and Thai.</summary>
    private static readonly Dictionary<int, (string En, string Th)> Problems = new()
    {
        [400] = ("instrument is IIT or EIT, not 'OIT'.", "เครื่องมือต้องเป็น IIT หรือ EIT ไม่ใช่ 'OIT'"),
        [401] = ("The API token is not valid or has been revoked.", "โทเคน API ไม่ถูกต้องหรือถูกเพิกถอนแล้ว"),
        [403] = ("You may read agency 1 but not change it: changes need the SystemAdmin or AgencyAdmin role.",
            "ท่านอ่านข้อมูลของหน่วยงาน 1 ได้แต่แก้ไขไม่ได้ การแก้ไขต้องมีบทบาท SystemAdmin หรือ AgencyAdmin"),
        [404] = ("There is no round 99 that you may see.", "ไม่พบรอบการประเมิน 99 ที่ท่านเข้าถึงได้"),
        [409] = ("Agency 1 already has a round for fiscal year 2566.", "หน่วยงาน 1 มีรอบการประเมินปีงบประมาณ 2566 แล้ว"),
        [422] = ("2 problem(s) found; nothing was stored.", "พบปัญหา 2 รายการ ยังไม่ได้บันทึกอะไร"),
        [413] = ("The body is larger than 64 KB.", "ข้อมูลที่ส่งมีขนาดเกิน 64 KB"),
        [415] = ("Send the body as JSON with 'Content-Type: application/json' (the request said 'text/plain').",
            "ส่งข้อมูลเป็น JSON พร้อมส่วนหัว 'Content-Type: application/json' (คำขอนี้ระบุ 'text/plain')"),
        [429] = ("Too many requests: the API answers 120 requests per minute per user. Try again in 23 seconds.",
            "ส่งคำขอถี่เกินไป: API รับได้ 120 คำขอต่อนาทีต่อผู้ใช้ ลองใหม่ในอีก 23 วินาที"),
    };

    /// <summary>
    /// The example of a type as JSON (a list of one for a list of a type with an example; a problem of
    /// the answer's status for problem details), or null when it has none.
    /// </summary>
    public static JsonNode? For(Type type, int status = StatusCodes.Status200OK)
    {
        if (type == typeof(ProblemDetails) && Problems.TryGetValue(status, out var problem))
        {
            return new JsonObject
            {
                ["status"] = status, ["title"] = ReasonPhrases.GetReasonPhrase(status), ["detail"] = problem.En, [ApiProblems.ThaiDetail] = problem.Th,
            };
        }
        if (Examples.TryGetValue(type, out var example))
        {
            return JsonSerializer.SerializeToNode(example, example.GetType(), JsonSerializerOptions.Web);
        }
        var element = type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
        return element is not null && For(element) is { } item ? new JsonArray(item) : null;
    }
}
