using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ItaSurvey.Core.Model;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItaSurvey.Web.Api;

/// <summary>
/// A JSON request body read by the API itself rather than by the framework, so that a wrong content
/// type, malformed JSON or a value of the wrong type is answered with problem details that name
/// the field, instead of an empty 400. Unknown properties are ignored; numbers are not read from strings.
/// </summary>
public sealed record JsonBody<T>(T? Value, ProblemHttpResult? Problem) where T : class
{
    private const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.Strict };

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, new(
                $"ส่งข้อมูลเป็น JSON พร้อมส่วนหัว 'Content-Type: application/json' (คำขอนี้ระบุ '{request.ContentType ?? "ไม่มี"}')",
                $"Send the body as JSON with 'Content-Type: application/json' (the request said '{request.ContentType ?? "nothing"}')."));
        }
        if (request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes; // a chunked body without a length is cut off here
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, context.RequestAborted);
            return value is null
                ? Fail(StatusCodes.Status400BadRequest, new("ข้อมูลที่ส่งต้องเป็นออบเจ็กต์ JSON ไม่ใช่ null", "The body must be a JSON object, not null."))
                : new JsonBody<T>(value, null);
        }
        catch (JsonException e)
        {
            return Fail(StatusCodes.Status400BadRequest, Describe(e));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
    }

    private static JsonBody<T> TooLarge() => Fail(StatusCodes.Status413PayloadTooLarge,
        new($"ข้อมูลที่ส่งมีขนาดเกิน {MaxBytes / 1024} KB", $"The body is larger than {MaxBytes / 1024} KB."));

    private static JsonBody<T> Fail(int status, LocalizedText detail) => new(null, ApiProblems.Problem(status, detail));

    private static LocalizedText Describe(JsonException e)
    {
        var where = $"(line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})";
        var whereTh = $"(บรรทัด {e.LineNumber + 1} ตำแหน่ง {e.BytePositionInLine + 1})";
        // The reader's own exception means the text is not JSON at all; otherwise a value has the wrong type.
        if (e.InnerException?.GetType().Name == "JsonReaderException")
        {
            return e.Message.Contains("does not contain any JSON tokens", StringComparison.Ordinal)
                ? new("ไม่มีข้อมูล: ส่งออบเจ็กต์ JSON", "The body is empty: send a JSON object.")
                : new($"ข้อมูลที่ส่งไม่ใช่ JSON ที่ถูกต้อง {whereTh}",
                    $"The body is not valid JSON {where}: {e.InnerException.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ')}.");
        }
        var path = e.Path is null or "$" ? null : e.Path[2..]; // "$.items[0].present" → "items[0].present"
        var name = path?.Split('.', '[')[0];
        var property = name is null ? null : typeof(T).GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name);
        return property is null
            ? new($"ข้อมูลต้องเป็นออบเจ็กต์ JSON ที่มีฟิลด์ของ endpoint นี้ {whereTh}", $"The body must be a JSON object with the fields of this endpoint {where}.")
            : path != name
                ? new($"'{path}' มีค่าผิดชนิด (ดู schema ใน /api/v1/openapi.json) {whereTh}", $"'{path}' has a value of the wrong type (see the schema in /api/v1/openapi.json) {where}.")
                : new($"'{name}' ต้องเป็น{Expected(property).Th} {whereTh}", $"'{name}' must be {Expected(property).En} {where}.");
    }

    private static LocalizedText Expected(PropertyInfo property) =>
        (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) switch
        {
            var t when t == typeof(int) || t == typeof(long) => new("จำนวนเต็ม", "a whole number"),
            var t when t == typeof(string) => new("ข้อความ", "a string"),
            var t when t == typeof(bool) => new(" true หรือ false", "true or false"),
            var t when t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) => new("รายการ (JSON array)", "a list (a JSON array)"),
            _ => new("ค่าชนิดอื่น", "a value of another type"),
        };
}
