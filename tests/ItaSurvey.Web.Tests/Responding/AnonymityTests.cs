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
        Assert.Equal(["Answers", "FormVersion", "Id", "Instrument", "RespondentGroup", "RoundId", "SubmissionKey", "SubmittedOn"], columns);
        Assert.Equal(typeof(DateOnly), typeof(ItaSurvey.Web.Responding.Response).GetProperty("SubmittedOn")!.PropertyType);
    }
}
