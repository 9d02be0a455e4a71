using ItaSurvey.Core.Quality;
using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Responding;

/// <summary>The burst counters: written with each batch of responses, ranked when their day is over.</summary>
public static class SubmissionWindowCounts
{
    /// <summary>
    /// Adds the batch's stored responses to the counter of the current window, in the batch's
    /// transaction (so a batch that is rolled back counts nothing). An upsert, because another
    /// instance may create the same row at the same moment.
    /// </summary>
    public static async Task AddAsync(ItaDbContext db, IEnumerable<Response> stored, DateTime thaiNow)
    {
        var day = DateOnly.FromDateTime(thaiNow);
        var slot = WindowRanking.WindowOf(TimeOnly.FromDateTime(thaiNow));
        foreach (var group in stored.GroupBy(r => (r.RoundId, r.Instrument)))
        {
            var (round, instrument, count) = (group.Key.RoundId, group.Key.Instrument, group.Count());
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "SubmissionWindows" ("RoundId", "Instrument", "Day", "Slot", "Count") VALUES ({round}, {instrument}, {day}, {slot}, {count})
                ON CONFLICT ("RoundId", "Instrument", "Day", "Slot") DO UPDATE SET "Count" = "SubmissionWindows"."Count" + excluded."Count"
                """);
        }
    }

    /// <summary>
    /// Replaces every finished day's window rows (days before <paramref name="today"/>) by the same
    /// counts ranked largest first, in one transaction; returns how many days were ranked.
    /// </summary>
    public static async Task<int> RankFinishedDaysAsync(ItaDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var running = await db.SubmissionWindows
            .Where(w => w.Day < today && w.Slot < WindowRanking.FirstRank)
            .ToListAsync(cancellationToken);
        if (running.Count == 0)
        {
            return 0;
        }
        var days = running.GroupBy(w => (w.RoundId, w.Instrument, w.Day)).ToList();
        db.SubmissionWindows.RemoveRange(running);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var day in days)
        {
            // Ranks continue after any the day has already (a late row of a day ranked before).
            var (round, instrument, date) = day.Key;
            var ranked = await db.SubmissionWindows.Where(w => w.RoundId == round && w.Instrument == instrument && w.Day == date)
                .Select(w => w.Count).ToListAsync(cancellationToken);
            db.SubmissionWindows.RemoveRange(await db.SubmissionWindows
                .Where(w => w.RoundId == round && w.Instrument == instrument && w.Day == date).ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            db.SubmissionWindows.AddRange(WindowRanking.Rank(ranked.Concat(day.Select(w => w.Count)))
                .Select(r => new SubmissionWindow { RoundId = round, Instrument = instrument, Day = date, Slot = r.Rank, Count = r.Count }));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return days.Count;
    }

    /// <summary>The non-empty windows of a round and instrument, as the burst check takes them.</summary>
    public static async Task<List<WindowCount>> ReadAsync(ItaDbContext db, int roundId, string instrument, CancellationToken cancellationToken) =>
        (await db.SubmissionWindows.AsNoTracking()
            .Where(w => w.RoundId == roundId && w.Instrument == instrument && w.Count > 0)
            .Select(w => new { w.Day, w.Count })
            .ToListAsync(cancellationToken))
        .ConvertAll(w => new WindowCount(w.Day, w.Count));
}
