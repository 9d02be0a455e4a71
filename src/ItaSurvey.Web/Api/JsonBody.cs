using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
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
            return Fail(StatusCodes.Status415UnsupportedMediaType,
                $"Send the body as JSON with 'Content-Type: application/json' (the request said '{request.ContentType ?? "nothing"}').");
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
            return value is null ? Fail(StatusCodes.Status400BadRequest, "The body must be a JSON object, not null.") : new JsonBody<T>(value, null);
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

    private static JsonBody<T> TooLarge() => Fail(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes / 1024} KB.");

    private static JsonBody<T> Fail(int status, string detail) => new(null, TypedResults.Problem(detail, statusCode: status));

    private static string Describe(JsonException e)
    {
        var where = $"(line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})";
        // The reader's own exception means the text is not JSON at all; otherwise a value has the wrong type.
        if (e.InnerException?.GetType().Name == "JsonReaderException")
        {
            return e.Message.Contains("does not contain any JSON tokens", StringComparison.Ordinal)
                ? "The body is empty: send a JSON object."
                : $"The body is not valid JSON {where}: {e.InnerException.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ')}.";
        }
        var name = e.Path is null or "$" ? null : e.Path.Split('.', '[')[1];
        var property = name is null ? null : typeof(T).GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name);
        return property is null
            ? $"The body must be a JSON object with the fields of this endpoint {where}."
            : $"'{name}' must be {Expected(property)} {where}.";
    }

    private static string Expected(PropertyInfo property) =>
        (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) switch
        {
            var t when t == typeof(int) || t == typeof(long) => "a whole number",
            var t when t == typeof(string) => "a string",
            var t when t == typeof(bool) => "true or false",
            _ => "a value of another type",
        };
}
