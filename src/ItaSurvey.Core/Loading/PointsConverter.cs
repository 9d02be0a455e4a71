using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ItaSurvey.Core.Loading;

/// <summary>
/// Reads a level's points: a JSON number, or an exact fraction such as "100/3" so that linear
/// scales need no rounded decimals. A zero denominator yields NaN, which validation reports.
/// </summary>
internal sealed class PointsConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDouble();
        }
        var text = reader.GetString() ?? "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && decimal.TryParse(text[..slash], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var numerator)
            && decimal.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator))
        {
            return denominator == 0 ? double.NaN : (double)numerator / (double)denominator;
        }
        throw new JsonException($"'{text}' is neither a number nor a fraction such as \"100/3\".");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}
