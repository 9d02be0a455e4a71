using System.Globalization;

namespace ItaSurvey.Web.Formatting;

/// <summary>Dates as Thai users read them: Thai time (UTC+7) and Buddhist Era years.</summary>
public static class ThaiCalendar
{
    private static readonly TimeSpan ThaiOffset = TimeSpan.FromHours(7);

    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Today's date in Thailand.</summary>
    /// <summary>The Thai calendar date of a moment in UTC.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ThaiOffset).DateTime);

    /// <summary>The date and time of day in Thailand now.</summary>
    public static DateTime Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(ThaiOffset).DateTime;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ThaiOffset).DateTime);

    /// <summary>"30 กันยายน 2566" in Thai, "30 September 2566 BE" in English.</summary>
    public static string Format(DateOnly date, bool english) =>
        english
            ? $"{date.Day} {date.ToString("MMMM", English)} {date.Year + 543} BE"
            : $"{date.Day} {Thai.DateTimeFormat.GetMonthName(date.Month)} {date.Year + 543}";
}
