using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ItaSurvey.Web.Hosting;

/// <summary>
/// A time span between two limits, for options. Replaces [Range(typeof(TimeSpan), ...)], which
/// converts its limits lazily on first use and is not thread-safe: two hosts validating their
/// options at once (tests, several apps in one process) can fail with an invalid cast.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan span || (span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} must be between {Minimum} and {Maximum}.");
}
