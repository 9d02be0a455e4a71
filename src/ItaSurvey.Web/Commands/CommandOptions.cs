using System.Globalization;

namespace ItaSurvey.Web.Commands;

/// <summary>"--name value" pairs after a verb, and the flag --json (answer in JSON, for scripts).</summary>
public sealed class CommandOptions
{
    /// <summary>The flag that asks a verb for one JSON object instead of its human output.</summary>
    public const string JsonFlag = "--json";

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public CommandOptions(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == JsonFlag)
            {
                Json = true;
                continue;
            }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' pairs, found '{args[i]}'.");
            }
            _values[args[i][2..]] = args[++i];
        }
    }

    /// <summary>Whether --json was given: the verb prints one JSON object (see <see cref="CommandJson"/>).</summary>
    public bool Json { get; }

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Optional(name) ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name) =>
        int.TryParse(Required(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"--{name} must be a whole number, not '{Required(name)}'.");

    /// <summary>A date as YYYY-MM-DD; a year above 2400 is read as Buddhist Era.</summary>
    public DateOnly Date(string name)
    {
        var text = Required(name);
        var parts = text.Split('-');
        if (parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && year is >= 1900 and <= 3000)
        {
            year = year > 2400 ? year - 543 : year;
            if (day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }
        }
        throw new ArgumentException($"--{name} must be a date such as 2566-04-01, not '{text}'.");
    }
}
