using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using ItaSurvey.Core.Loading;
using ItaSurvey.Core.Scoring;

namespace ItaSurvey.Web.Tests.Processes;

/// <summary>
/// Complete EIT submissions from concurrent clients, each carrying a unique number written into
/// its answers (base 4 over the four-level fields), so that what the database holds can be
/// matched one to one against what the server acknowledged.
/// </summary>
internal sealed class EitWorkload
{
    public static readonly CompiledQuestionnaire Eit = Compile();

    private int _next;

    public ConcurrentBag<int> Acknowledged { get; } = [];

    public ConcurrentBag<string> Failures { get; } = [];

    /// <summary>Each client GETs the form from one instance and POSTs it to the other (or the same, with one).</summary>
    public async Task RunAsync(IReadOnlyList<Uri> instances, string linkCode, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
            var turn = client;
            while (DateTime.UtcNow < until && !cancellationToken.IsCancellationRequested)
            {
                var id = Interlocked.Increment(ref _next);
                var from = instances[turn % instances.Count];
                var to = instances[(turn + 1) % instances.Count];
                turn++;
                try
                {
                    var page = await http.GetStringAsync(new Uri(from, $"/go/eit/{linkCode}"), cancellationToken);
                    var form = RenderedForm.Parse(page);
                    var response = await http.PostAsync(new Uri(to, form.Action), new FormUrlEncodedContent(Answers(form, id)), cancellationToken);
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        Acknowledged.Add(id);
                    }
                    else
                    {
                        Failures.Add($"{(int)response.StatusCode} for {id}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // The server went away (a crash test) or the run is over: not acknowledged.
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }
                    Failures.Add(e.GetType().Name);
                }
            }
        }, cancellationToken)));
    }

    /// <summary>Every stored EIT response as the number it carries; fails on any that is not whole.</summary>
    public static async Task<List<int>> StoredAsync(DbConnection connection) => (await StoredAnswersAsync(connection)).Select(Decode).ToList();

    /// <summary>Every stored EIT response's answers as stored, each checked whole.</summary>
    public static async Task<List<byte[]>> StoredAnswersAsync(DbConnection connection)
    {
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Answers\", \"FormVersion\" FROM \"Responses\" WHERE \"Instrument\" = 'EIT'";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var all = new List<byte[]>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var answers = (byte[])reader[0];
            Assert.Equal(Eit.Fingerprint, reader.GetString(1));
            Assert.Equal(Eit.FieldCount, answers.Length);
            Assert.All(answers.Select((level, f) => (level, f)), x => Assert.InRange(x.level, 0, Eit.LevelCounts[x.f] - 1));
            all.Add(answers);
        }
        return all;
    }

    private static List<KeyValuePair<string, string>> Answers(RenderedForm form, int id)
    {
        var fields = form.Hidden.Select(h => KeyValuePair.Create(h.Key, h.Value)).ToList();
        fields.Add(KeyValuePair.Create("_capacity", "citizen"));
        var levels = Encode(id);
        fields.AddRange(Eit.FieldCodes.Select((code, f) => KeyValuePair.Create(code, levels[f].ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return fields;
    }

    /// <summary>The answers that carry a number: its base-4 digits on the four-level fields, มี on the others.</summary>
    public static byte[] Encode(int id)
    {
        var levels = new byte[Eit.FieldCount];
        for (var f = 0; f < levels.Length; f++)
        {
            levels[f] = (byte)(Eit.LevelCounts[f] == 4 ? id % 4 : 1);
            id = Eit.LevelCounts[f] == 4 ? id / 4 : id;
        }
        return levels;
    }

    public static int Decode(byte[] answers)
    {
        int id = 0, scale = 1;
        for (var f = 0; f < answers.Length; f++)
        {
            if (Eit.LevelCounts[f] == 4)
            {
                id += answers[f] * scale;
                scale *= 4;
            }
        }
        return id;
    }

    private static CompiledQuestionnaire Compile()
    {
        var year = SurveyLoader.LoadCatalog(Path.Combine(AppContext.BaseDirectory, "surveys")).Year(2566);
        return new CompiledQuestionnaire(year.Model, year.Questionnaire("EIT"));
    }
}
