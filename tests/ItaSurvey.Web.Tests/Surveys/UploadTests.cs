using System.Text;
using ItaSurvey.Core.Loading;
using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Surveys;
using ItaSurvey.Web.Tests.Admin;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace ItaSurvey.Web.Tests.Surveys;

/// <summary>A new year from uploaded files: every problem shows in Thai and nothing is stored unless all pass.</summary>
public class UploadTests : IAsyncLifetime
{
    private readonly AdminWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private SurveyVersions Versions => _world.App.Services.GetRequiredService<SurveyVersions>();

    private static Dictionary<string, string> Files2566() =>
        YearFiles.FromFolder(Path.Combine(AppContext.BaseDirectory, "surveys", "2566"), 2566).Files.ToDictionary(f => f.Name, f => f.Text);

    [Fact]
    public async Task Good_files_make_a_draft()
    {
        var admin = await _world.PrincipalAsync(Roles.SystemAdmin);
        var files = Files2566().Select(f => YearFile.Stored(2566, f.Key, f.Value)).ToList();

        var outcome = await Versions.UploadAsync(admin, 2566, files, Cancel);

        var detail = (await Versions.GetAsync(outcome.Value, Cancel))!;
        Assert.True(detail.IsDraft);
        Assert.Equal("upload", detail.Version.Origin);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_on_its_size_before_any_file_is_read()
    {
        var chosen = new IBrowserFile[] { new Chosen("model.json", 1000), new Chosen("IIT.json", YearFiles.MaxFileBytes + 1) };

        var (files, problems) = await UploadedFiles.ReadAsync(chosen, 2570, Cancel);

        Assert.Empty(files);
        var problem = Assert.Single(problems);
        Assert.Equal("2570/iit.json", problem.File);
        Assert.Contains("เกินกว่าที่รับได้", problem.Thai, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chosen_files_are_read_with_their_names_in_lower_case()
    {
        var chosen = new IBrowserFile[] { new Chosen("Model.JSON", 2, "{}") };

        var (files, problems) = await UploadedFiles.ReadAsync(chosen, 2570, Cancel);

        Assert.Empty(problems);
        Assert.Equal(("model.json", "{}", "2570/model.json"), (files[0].Name, files[0].Text, files[0].Location));
    }

    /// <summary>A file as the browser declares it; reading one that should not be read fails the test.</summary>
    private sealed class Chosen(string name, long size, string? text = null) : IBrowserFile
    {
        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public long Size => size;

        public string ContentType => "application/json";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            text is null ? throw new InvalidOperationException($"{name} was read.") : new MemoryStream(Encoding.UTF8.GetBytes(text));
    }
}
