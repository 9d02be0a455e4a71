using System.Diagnostics;
using System.Net;

namespace ItaSurvey.Bench.Load;

/// <summary>
/// One respondent after another, like one browser: its own cookies (antiforgery) and one kept-alive
/// connection. Each iteration GETs the form and POSTs a complete answer set; about one in fifty
/// POSTs the same body a second time, which must come back 409.
/// </summary>
internal sealed class LoadWorker(Uri server, string formPath) : IDisposable
{
    private const int DoubleSubmitOneIn = 50;

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        MaxConnectionsPerServer = 1,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public LoadTally Tally { get; } = new();

    public async Task RunAsync(long deadline, int maxIterations)
    {
        for (var i = 0; i < maxIterations && Stopwatch.GetTimestamp() < deadline; i++)
        {
            try
            {
                await SubmitOnceAsync(Random.Shared.Next(DoubleSubmitOneIn) == 0);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Tally.Unexpected(e is TaskCanceledException ? "timeout" : $"connection error ({Innermost(e).Message})");
            }
        }
    }

    private async Task SubmitOnceAsync(bool twice)
    {
        var start = Stopwatch.GetTimestamp();
        string html;
        using (var page = await _http.GetAsync(formPath))
        {
            if (page.StatusCode != HttpStatusCode.OK)
            {
                Tally.Unexpected($"GET {(int)page.StatusCode}");
                return;
            }
            html = await page.Content.ReadAsStringAsync();
        }
        if (SurveyForm.Parse(html) is not { } form)
        {
            Tally.Unexpected("GET 200 without a complete form");
            return;
        }
        var body = form.Answer(Random.Shared);
        var postStart = Stopwatch.GetTimestamp();
        var status = await PostAsync(form.Action, body);
        var end = Stopwatch.GetTimestamp();
        if (status != HttpStatusCode.Found)
        {
            Tally.Unexpected($"POST {(int)status}");
            return;
        }
        Tally.Stored(Stopwatch.GetElapsedTime(start, end), Stopwatch.GetElapsedTime(postStart, end));
        if (twice)
        {
            Tally.DoubleSubmitted(await PostAsync(form.Action, body));
        }
    }

    private async Task<HttpStatusCode> PostAsync(string action, List<KeyValuePair<string, string>> body)
    {
        using var content = new FormUrlEncodedContent(body);
        using var response = await _http.PostAsync(action, content);
        return response.StatusCode;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    public void Dispose() => _http.Dispose();
}
