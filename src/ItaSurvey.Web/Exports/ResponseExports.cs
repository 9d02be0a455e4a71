using ItaSurvey.Core.Model;
using ItaSurvey.Core.Quality;
using ItaSurvey.Core.Scoring;
using ItaSurvey.Core.Statistics;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Formatting;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Exports;

/// <summary>
/// What a responses export of one instrument holds: its answer layout, how many rows it has,
/// how many stored responses it leaves out (another answer layout), and whether the privacy
/// rule withholds it.
/// </summary>
public sealed record ResponsesExport(int RoundId, int FiscalYear, CompiledQuestionnaire Layout, long Rows, long Skipped, int MinimumResponses, long Received)
{
    public string Instrument => Layout.Instrument;

    /// <summary>IIT rows have no date and no respondent group (see <see cref="ResponseRows"/>).</summary>
    public bool HasDates => Instrument == ResponseExports.Eit;

    /// <summary>Fewer than k responses could be singled out: such an instrument is not exported (none at all is an empty table).</summary>
    public bool Withheld => Received > 0 && Privacy.Withhold(Rows, MinimumResponses);

    /// <summary>True when an open round's IIT export leaves out its newest responses (see <see cref="Privacy.Released"/>).</summary>
    public bool HeldBack => Rows < Received && Received >= MinimumResponses;

    public LocalizedText WithheldMessage => HeldBack ? Privacy.HeldBackMessage(Rows, Received, MinimumResponses) : Privacy.Message(MinimumResponses);

    /// <summary>The quality column: the response's signal codes joined by ';' (<see cref="ResponseSignals.Codes"/>), empty for none.</summary>
    public const string QualityColumn = "quality";

    public IReadOnlyList<string> Columns =>
        [.. HasDates ? new[] { "instrument", "submittedOn", "respondentGroup" } : ["instrument"], .. Layout.FieldCodes, QualityColumn];
}

/// <summary>Prepares and writes responses exports: the same code behind the admin and API endpoints, CSV and XLSX.</summary>
public sealed class ResponseExports(IDbContextFactory<ItaDbContext> databases, SurveyLibrary surveys, ResponseRows rows,
    IOptions<DashboardOptions> options, TimeProvider clock)
{
    public const string Iit = "IIT";
    public const string Eit = "EIT";

    public static readonly IReadOnlyList<string> Instruments = [Iit, Eit];

    /// <summary>"IIT" or "EIT" from a query value in any case, or null.</summary>
    public static string? ParseInstrument(string? value) => value?.Trim().ToUpperInvariant() is Iit or Eit ? value.Trim().ToUpperInvariant() : null;

    /// <summary>The export of one instrument of a round, or null when there is no such round.</summary>
    public async Task<ResponsesExport?> PrepareAsync(int roundId, string instrument, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.Where(r => r.Id == roundId).Select(r => new { r.FiscalYear, r.ClosesOn, r.SurveyVersionId }).SingleOrDefaultAsync(cancellationToken);
        if (round?.SurveyVersionId is not { } version)
        {
            return null;
        }
        var layout = surveys.Compiled(version, instrument);
        var ofInstrument = db.Responses.Where(r => r.RoundId == roundId && r.Instrument == instrument);
        var current = await ofInstrument.LongCountAsync(r => r.FormVersion == layout.Fingerprint, cancellationToken);
        var skipped = await ofInstrument.LongCountAsync(r => r.FormVersion != layout.Fingerprint, cancellationToken);
        // The same release rule as the scores: while the round is open, IIT rows come out in whole
        // blocks of k, one block behind, so that two exports never isolate one staff member's answers.
        var k = options.Value.MinimumResponses;
        var released = instrument == Iit ? Privacy.Released(current, round.ClosesOn >= ThaiCalendar.Today(clock), k) : current;
        return new ResponsesExport(roundId, round.FiscalYear, layout, released, skipped, k, current);
    }

    /// <summary>One table of the instrument's responses: a row each, a level index per answer field (0 = the scale's first level; empty = not answered).</summary>
    public async Task WriteAsync(TableSink sink, ResponsesExport export, CancellationToken cancellationToken)
    {
        await sink.StartTableAsync(export.Instrument, export.Columns, cancellationToken);
        if (export.Withheld)
        {
            sink.Text(export.WithheldMessage.Th);
            await sink.EndRowAsync(cancellationToken);
            return;
        }
        var duplicates = await DuplicatesAsync(export, cancellationToken);
        await foreach (var row in rows.ReadAsync(export.RoundId, export.Layout, export.Rows, cancellationToken))
        {
            sink.Text(export.Instrument);
            if (export.HasDates)
            {
                sink.Date(row.SubmittedOn);
                sink.Text(row.RespondentGroup);
            }
            foreach (var level in row.Answers)
            {
                sink.Number(level == AnswerTally.NotAnswered ? null : level);
            }
            var signals = (row.Signals & ResponseSignals.Stored) | (duplicates.Contains(row.Answers) ? ResponseSignal.Duplicate : 0);
            sink.Text(ResponseSignals.Codes(signals));
            await sink.EndRowAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The answer vectors of improbable crowds among exactly the rows exported (an open round's
    /// held-back IIT responses never count), judged as the dashboard judges them. Without a
    /// repeated vector there is nothing to judge and the rows are read once only.
    /// </summary>
    private async Task<HashSet<byte[]>> DuplicatesAsync(ResponsesExport export, CancellationToken cancellationToken)
    {
        var found = new HashSet<byte[]>(AnswerVectorComparer.Instance);
        var repeated = await rows.RepeatedAsync(export.RoundId, export.Layout, export.Rows, cancellationToken);
        if (repeated.Count == 0)
        {
            return found;
        }
        var model = new DuplicateModel(export.Layout);
        await foreach (var row in rows.ReadAsync(export.RoundId, export.Layout, export.Rows, cancellationToken))
        {
            model.Add(row.Answers);
        }
        found.UnionWith(repeated.Where(g => model.Test(g.Answers, g.Copies) is not null).Select(g => g.Answers));
        return found;
    }

    /// <summary>The codebook: every answer field of the instruments, its question in Thai, and each level's Thai label; then the quality column's signal codes.</summary>
    public static async Task WriteCodebookAsync(TableSink sink, IEnumerable<ResponsesExport> exports, CancellationToken cancellationToken)
    {
        await sink.StartTableAsync("codebook", ["instrument", "field", "question", "questionTh", "itemTh", "level", "labelTh"], cancellationToken);
        foreach (var export in exports)
        {
            var layout = export.Layout;
            for (var f = 0; f < layout.FieldCount; f++)
            {
                var question = layout.Questionnaire.Questions[layout.FieldQuestion[f]];
                var item = question.Items?.FirstOrDefault(i => i.Code == layout.FieldCodes[f]);
                var scale = layout.Model.FindScale(question.Scale)!;
                for (var level = 0; level < scale.Levels.Count; level++)
                {
                    sink.Text(export.Instrument);
                    sink.Text(layout.FieldCodes[f]);
                    sink.Text(question.Code);
                    sink.Text(question.Text.Th);
                    sink.Text(item?.Text.Th);
                    sink.Number(level);
                    sink.Text(scale.Levels[level].Label.Th);
                    await sink.EndRowAsync(cancellationToken);
                }
            }
            // The last column: each signal's code, as "level", with its Thai name.
            foreach (var signal in ItaSurvey.Core.Quality.ResponseSignals.All)
            {
                sink.Text(export.Instrument);
                sink.Text(ResponsesExport.QualityColumn);
                sink.Text(ResponsesExport.QualityColumn);
                sink.Text("สัญญาณคุณภาพของคำตอบ (รหัสคั่นด้วย ; ไม่ใช่คำตัดสินว่าคำตอบปลอม)");
                sink.Text(null);
                sink.Text(ItaSurvey.Core.Quality.ResponseSignals.Code(signal));
                sink.Text(Dashboards.QualityText.Name(signal));
                await sink.EndRowAsync(cancellationToken);
            }
        }
    }
}
