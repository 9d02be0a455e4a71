using System.Text.Encodings.Web;
using System.Text.Unicode;
using ItaSurvey.Core.Model;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Sharing;

/// <summary>What posters, QR codes and slips of a round need to say.</summary>
public sealed record ShareableRound(int RoundId, int AgencyId, string AgencyName, int FiscalYear, IitMode IitMode,
    IReadOnlyDictionary<string, string> LinkCodes, AssessmentModel Model, SiteOptions Site)
{
    public string Path(string instrument) => $"/go/{instrument.ToLowerInvariant()}/{LinkCodes[instrument]}";

    public string Url(string instrument) => Site.Absolute(Path(instrument));

    public string SlipUrl(string code) => Url("IIT") + "?k=" + code;

    public string Title(string instrument) => instrument == "EIT"
        ? "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)"
        : "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)";

    public PosterContent Poster(string instrument) => new(
        AgencyName,
        $"ปีงบประมาณ พ.ศ. {FiscalYear}",
        Title(instrument),
        "ผู้ตอบ: " + (Model.FindInstrument(instrument)?.Respondents?.Th ?? ""),
        "สแกน QR code ด้วยกล้องโทรศัพท์ แล้วตอบแบบวัด ใช้เวลาไม่กี่นาที",
        Url(instrument),
        "คำตอบเป็นความลับ ระบบไม่บันทึกชื่อหรือข้อมูลที่ระบุตัวผู้ตอบ · การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)");

    /// <summary>
    /// The HTML an agency pastes into its own website: the QR image linked to the form. Every
    /// value is HTML-encoded by the framework's encoder, so an agency name such as
    /// <c>"&gt;&lt;img src=x onerror=…&gt;</c> stays text in the alt attribute on the agency's site.
    /// </summary>
    public string WebsiteSnippet(string instrument)
    {
        var url = Url(instrument);
        var image = Site.Absolute(Path(instrument) + "/qr.png?size=256");
        var alt = $"สแกน QR code เพื่อตอบ{Title(instrument)} ของ{AgencyName}";
        return $"<a href=\"{SnippetEncoder.Encode(url)}\"><img src=\"{SnippetEncoder.Encode(image)}\" width=\"256\" height=\"256\" alt=\"{SnippetEncoder.Encode(alt)}\"></a>";
    }

    // Thai stays readable in the pasted code; quotes, <, >, & and the like are always encoded.
    private static readonly HtmlEncoder SnippetEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    public SlipContent Slip(string code) => new(AgencyName, $"ปีงบประมาณ พ.ศ. {FiscalYear}", SlipUrl(code), Url("IIT"), code);
}

/// <summary>Loads a round's sharing details.</summary>
public sealed class ShareableRounds(IDbContextFactory<ItaDbContext> databases, SurveyLibrary surveys, IOptions<SiteOptions> site)
{
    public async Task<ShareableRound?> FindAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Agency).Include(r => r.Links)
            .SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        return round is null
            ? null
            : new ShareableRound(round.Id, round.AgencyId, round.Agency.NameTh, round.FiscalYear, round.IitMode,
                round.Links.ToDictionary(l => l.Instrument, l => l.Code), surveys.Of(round).Model, site.Value);
    }

    /// <summary>The round's single-use codes not used yet, for reprinting slips.</summary>
    public async Task<List<string>> UnusedCodesAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.AccessCodes.AsNoTracking().Where(c => c.RoundId == roundId && !c.Used).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(cancellationToken);
    }
}
