using ItaSurvey.Core.Scoring;
using ItaSurvey.Web.Dashboards;
using ItaSurvey.Web.Data;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Dashboards;

/// <summary>An app with our open-link 2566 round, and helpers to store answers and build its dashboard.</summary>
public abstract class RoundDashboardTestBase : IAsyncLifetime
{
    protected SurveyApp App { get; } = new();

    protected TestRound Round { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Round = await App.CreateRoundAsync(IitMode.OpenLink);

    public ValueTask DisposeAsync() => App.DisposeAsync();

    protected CompiledQuestionnaire Form(int year, string instrument) => App.Services.GetRequiredService<SurveyLibrary>().LatestCompiled(year, instrument);

    protected async Task<RoundDashboard> BuildAsync(int roundId)
    {
        using var scope = App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<RoundDashboards>().BuildAsync(roundId, Cancel))!;
    }

    protected async Task<ItaDbContext> Database() =>
        await App.Services.GetRequiredService<IDbContextFactory<ItaDbContext>>().CreateDbContextAsync(Cancel);

    /// <summary>Stores complete responses to a round, one per row of levels, as the public forms store them.</summary>
    protected async Task StoreAsync(int roundId, string instrument, IEnumerable<byte[]> answers)
    {
        var year = (await (await Database()).Rounds.SingleAsync(r => r.Id == roundId, Cancel)).FiscalYear;
        var form = Form(year, instrument);
        await using var db = await Database();
        foreach (var levels in answers)
        {
            db.Responses.Add(new Response
            {
                RoundId = roundId, Instrument = instrument, SubmittedOn = new DateOnly(2023, 5, 2), SubmissionKey = Guid.NewGuid(),
                FormVersion = form.Fingerprint, Answers = levels, RespondentGroup = instrument == "EIT" ? "citizen" : null,
            });
        }
        await db.SaveChangesAsync(Cancel);
    }
}
