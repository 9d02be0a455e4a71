using System.Globalization;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Commands;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Demo;

public static class DemoCommands
{
    public static readonly string[] Usage =
    [
        "seed-demo [--reset yes]                     the seed municipality with three years of synthetic data",
        "             --reset yes deletes the demo municipality's data first and creates it again",
    ];

    public static async Task<int> SeedDemoAsync(IServiceProvider services, CommandOptions options, TextWriter output, TextWriter error)
    {
        var reset = options.Optional("reset") switch
        {
            null or "no" => false,
            "yes" => true,
            var other => throw new ArgumentException($"--reset is 'yes' or 'no', not '{other}'."),
        };
        var seeder = new DemoSeeder(services.GetRequiredService<IDbContextFactory<ItaDbContext>>(), services.GetRequiredService<RoundAdmin>(),
            services.GetRequiredService<SurveyLibrary>(), services.GetRequiredService<AuditLog>(),
            services.GetRequiredService<TimeProvider>());

        int? deleted = null;
        if (await seeder.FindAsync() is { } existing)
        {
            if (!reset)
            {
                if (options.Json)
                {
                    CommandJson.Write(output, new SeededDemo(false, null, new DemoAgencyJson(existing.Id, existing.NameTh, existing.NameEn, existing.Province,
                        existing.AgencyGroup, existing.StaffHeadcount), [], null, []));
                    return 0;
                }
                output.WriteLine($"{existing.NameTh} ({existing.Province}) already exists as agency {existing.Id}; nothing changed.");
                output.WriteLine("Run 'seed-demo --reset yes' to delete its data and create it again.");
                return 0;
            }
            await seeder.DeleteAsync(existing.Id);
            await services.GetRequiredService<AuditLog>().RecordAsync(null, "demo.reset", existing.Id, "seed-demo --reset yes: deleted the demo agency and its data");
            deleted = existing.Id;
            if (!options.Json)
            {
                output.WriteLine($"Deleted agency {existing.Id} ({existing.NameTh}) with its rounds, responses and OIT evidence.");
            }
        }

        var (agency, rounds) = await seeder.SeedAsync();
        var results = services.GetRequiredService<RoundResults>();
        var years = new List<(AssessmentRound Round, RoundResult Result)>();
        foreach (var round in rounds)
        {
            years.Add((round, (await results.ForRoundAsync(round.Id))!));
        }
        var latest = rounds[^1];
        var site = services.GetRequiredService<IConfiguration>()["PublicBaseUrl"]?.TrimEnd('/') ?? "";
        var links = latest.Links.OrderBy(l => l.Instrument, StringComparer.Ordinal).Select(l => (l.Instrument, Url: $"{site}/go/{l.Instrument.ToLowerInvariant()}/{l.Code}", l.Code)).ToList();
        var last = years[^1].Result;
        if (options.Json)
        {
            CommandJson.Write(output, new SeededDemo(true, deleted, new DemoAgencyJson(agency.Id, agency.NameTh, agency.NameEn, agency.Province, agency.AgencyGroup, agency.StaffHeadcount),
                [.. years.Select(y => DemoYearJson.Of(y.Round, y.Result))], new DemoMinimumsJson(last.IitMinimum, last.EitMinimum),
                [.. links.Select(l => new DemoLinkJson(l.Instrument, l.Code, l.Url))]));
            return 0;
        }

        output.WriteLine($"Created agency {agency.Id}: {agency.NameTh} ({agency.NameEn}), {agency.Province}, {agency.AgencyGroup}, {agency.StaffHeadcount} staff.");
        output.WriteLine();
        output.WriteLine("year  round  IIT n  EIT n     IIT    EIT    OIT   ind3   ind9   total  rating");
        foreach (var (round, result) in years)
        {
            var a = result.Assessment;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{round.FiscalYear}  {round.Id,5}  {result.ResponsesOf("IIT"),5}  {result.ResponsesOf("EIT"),5}  " +
                $"{Show(a.Instrument("IIT").Score)} {Show(a.Instrument("EIT").Score)} {Show(a.Instrument("OIT").Score)} " +
                $"{Show(a.Indicator("3").Score)} {Show(a.Indicator("9").Score)} {Show(a.Total),7}  {a.Rating?.Name.Th}"));
        }
        output.WriteLine($"Minimum samples: IIT {last.IitMinimum} (from {agency.StaffHeadcount} staff), EIT {last.EitMinimum} ({agency.AgencyGroup}); about 20 % more were generated.");

        output.WriteLine();
        output.WriteLine($"Public links of the {latest.FiscalYear} round (open until {latest.ClosesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {ThaiCalendar.Format(latest.ClosesOn, english: false)}):");
        foreach (var (instrument, url, _) in links)
        {
            output.WriteLine($"  {instrument}: {url}");
        }
        return 0;
    }

    private static string Show(double? score) => ScoreRounding.Display(score).PadLeft(6);
}
