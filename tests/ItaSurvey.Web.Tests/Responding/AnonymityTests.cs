using ItaSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Responding;

public class AnonymityTests
{
    [Fact]
    public async Task A_stored_response_has_only_answers_the_date_and_bookkeeping_columns()
    {
        await using var app = new SurveyApp();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

        var columns = db.Model.FindEntityType(typeof(ItaSurvey.Web.Responding.Response))!.GetProperties().Select(p => p.GetColumnName()).Order();

        // Nothing here can hold an address, a user agent, a cookie, an access code or a time of day.
        // Signals holds class bits only (too fast, straight-lined, contradictory), never a duration or a time.
        Assert.Equal(["Answers", "FormVersion", "Id", "Instrument", "RespondentGroup", "RoundId", "Signals", "SubmissionKey", "SubmittedOn"], columns);
        Assert.Equal(typeof(ItaSurvey.Core.Quality.ResponseSignal), typeof(ItaSurvey.Web.Responding.Response).GetProperty("Signals")!.PropertyType);
        Assert.Equal(typeof(byte), Enum.GetUnderlyingType(typeof(ItaSurvey.Core.Quality.ResponseSignal)));
        Assert.Equal(typeof(DateOnly), typeof(ItaSurvey.Web.Responding.Response).GetProperty("SubmittedOn")!.PropertyType);
    }
}
