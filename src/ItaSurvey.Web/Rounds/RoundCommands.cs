using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Commands;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Rounds;

/// <summary>Command-line verbs to set up rounds without the admin pages.</summary>
public static class RoundCommands
{
    public static readonly string[] Usage =
    [
        "create-round --agency <Thai name> --province <province> --group <agency group> --headcount <n> --year <BE year>",
        "             --opens <date> --closes <date> [--agency-en <English name>] [--iit-mode open|codes]",
        "             dates as YYYY-MM-DD, Buddhist Era (2566-04-01) or Common Era (2023-04-01)",
        "generate-codes --round <id> --count <n>     print n new single-use IIT codes",
        "             create-round, generate-codes, create-token, seed-demo: --json prints one JSON object instead",
        "list-rounds                                 rounds with their public links",
    ];

    public static async Task<int> CreateRoundAsync(IServiceProvider services, CommandOptions options, TextWriter output)
    {
        // Every option is read and checked before anything is stored: a typo must not leave an agency without a round.
        var mode = options.Optional("iit-mode") switch
        {
            null or "open" => IitMode.OpenLink,
            "codes" => IitMode.SingleUseCodes,
            var other => throw new ArgumentException($"--iit-mode is 'open' or 'codes', not '{other}'."),
        };
        var agencyToCreate = new Agency
        {
            NameTh = AgencyNames.Normalize(options.Required("agency")),
            NameEn = options.Optional("agency-en")?.Trim(),
            Province = AgencyNames.Normalize(options.Required("province")),
            AgencyGroup = options.Required("group").Trim(),
            StaffHeadcount = options.Int("headcount"),
        };
        var (year, opens, closes) = (options.Int("year"), options.Date("opens"), options.Date("closes"));
        var catalog = services.GetRequiredService<SurveyLibrary>().Current;
        if (!catalog.Has(year))
        {
            throw new ArgumentException($"No questionnaire set is defined for fiscal year {year} (defined: {string.Join(", ", catalog.Years.Select(y => y.FiscalYear))}).");
        }
        if (closes < opens)
        {
            throw new ArgumentException("The round closes before it opens.");
        }
        var admin = services.GetRequiredService<RoundAdmin>();
        // The same agency (Thai name and province) in another fiscal year is reused, never created
        // twice; given details that differ from the stored ones are refused before anything is written.
        var existing = await admin.FindAgencyAsync(agencyToCreate.NameTh, agencyToCreate.Province);
        if (existing is not null)
        {
            var differences = new List<string>();
            if (!string.Equals(existing.AgencyGroup, agencyToCreate.AgencyGroup, StringComparison.Ordinal))
            {
                differences.Add($"--group {agencyToCreate.AgencyGroup} (stored: {existing.AgencyGroup})");
            }
            if (existing.StaffHeadcount != agencyToCreate.StaffHeadcount)
            {
                differences.Add($"--headcount {agencyToCreate.StaffHeadcount} (stored: {existing.StaffHeadcount})");
            }
            if (differences.Count > 0)
            {
                throw new ArgumentException(
                    $"Agency {existing.Id} '{existing.NameTh}' ({existing.Province}) already exists, with other details: {string.Join(", ", differences)}. " +
                    "Nothing was created. Give the stored values to open a round for it, or change the agency on its page first.");
            }
            await using var db = await services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync();
            if (await db.Rounds.Where(r => r.AgencyId == existing.Id && r.FiscalYear == year).Select(r => (int?)r.Id).FirstOrDefaultAsync() is { } taken)
            {
                throw new ArgumentException($"Agency {existing.Id} '{existing.NameTh}' ({existing.Province}) already has round {taken} for fiscal year {year}. Nothing was created.");
            }
            if (!options.Json)
            {
                output.WriteLine($"agency {existing.Id}: {existing.NameTh} ({existing.Province}) exists; the round is added to it");
            }
        }
        var agency = existing ?? await admin.CreateAgencyAsync(agencyToCreate);
        var round = await admin.CreateRoundAsync(agency.Id, year, opens, closes, mode);
        if (options.Json)
        {
            CommandJson.Write(output, new CreatedRound(round.Id, agency.Id, agency.NameTh, agency.Province, existing is not null, round.FiscalYear,
                mode.ToString(), round.OpensOn, round.ClosesOn, [.. round.Links.OrderBy(l => l.Instrument, StringComparer.Ordinal).Select(RoundLink.Of)]));
            return 0;
        }
        output.WriteLine($"round {round.Id}: {agency.NameTh}, fiscal year {round.FiscalYear}, IIT {mode}");
        foreach (var link in round.Links)
        {
            output.WriteLine($"  {link.Instrument}: /go/{link.Instrument.ToLowerInvariant()}/{link.Code}");
        }
        return 0;
    }

    public static async Task<int> GenerateCodesAsync(IServiceProvider services, CommandOptions options, TextWriter output)
    {
        var roundId = options.Int("round");
        var codes = await services.GetRequiredService<RoundAdmin>().GenerateAccessCodesAsync(roundId, options.Int("count"));
        if (options.Json)
        {
            CommandJson.Write(output, new GeneratedCodes(roundId, codes));
            return 0;
        }
        foreach (var code in codes)
        {
            output.WriteLine(code);
        }
        return 0;
    }

    public static async Task<int> ListRoundsAsync(IServiceProvider services, TextWriter output)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync();
        var rounds = await db.Rounds.AsNoTracking().Include(r => r.Agency).Include(r => r.Links).OrderBy(r => r.Id).ToListAsync();
        foreach (var round in rounds)
        {
            output.WriteLine($"round {round.Id}: {round.Agency.NameTh}, fiscal year {round.FiscalYear}, {round.OpensOn:yyyy-MM-dd}..{round.ClosesOn:yyyy-MM-dd} (CE), IIT {round.IitMode}, "
                + string.Join(", ", round.Links.OrderBy(l => l.Instrument).Select(l => $"{l.Instrument} /go/{l.Instrument.ToLowerInvariant()}/{l.Code}")));
        }
        return 0;
    }
}

/// <summary>create-round --json: the round, its agency (existed: added to an agency stored before) and its public links.</summary>
public sealed record CreatedRound(int RoundId, int AgencyId, string Agency, string Province, bool AgencyExisted, int FiscalYear,
    string IitMode, DateOnly OpensOn, DateOnly ClosesOn, IReadOnlyList<RoundLink> Links);

/// <summary>A public link of a round: its instrument (IIT, EIT), code and path (/go/eit/CODE).</summary>
public sealed record RoundLink(string Instrument, string Code, string Path)
{
    public static RoundLink Of(PublicLink link) => new(link.Instrument, link.Code, $"/go/{link.Instrument.ToLowerInvariant()}/{link.Code}");
}

/// <summary>generate-codes --json: the new single-use IIT codes of a round.</summary>
public sealed record GeneratedCodes(int RoundId, IReadOnlyList<string> Codes);
