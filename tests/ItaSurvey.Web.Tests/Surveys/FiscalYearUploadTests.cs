using System.Text;
using ItaSurvey.Core.Loading;
using ItaSurvey.Web.Surveys;
using static ItaSurvey.Web.Tests.Surveys.VersionWorld;

namespace ItaSurvey.Web.Tests.Surveys;

/// <summary>Bad uploads of a fiscal year's files: each gets a message naming the file, line or field, and nothing is stored.</summary>
public class FiscalYearUploadTests
{
    public static TheoryData<string, string, string, string> Breakages => new()
    {
        // file, text to replace, replacement, what the Thai message must say
        { "model.json", "\"fiscalYear\": 2570,", "\"fiscalYear\": 2570,,", "JSON" },
        { "model.json", "\"weight\": 0.4", "\"weight\": 0.45", "น้ำหนัก" },
        { "iit.json", "\"code\": \"I2\"", "\"code\": \"I1\"", "I1" },
        { "iit.json", "\"indicator\": \"3\"", "\"indicator\": \"42\"", "42" },
        { "model.json", "\"points\": \"100/3\"", "\"note\": \"ไม่มีคะแนน\"", "points" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task A_broken_upload_names_the_file_line_and_field_in_Thai_and_stores_nothing(string file, string text, string replacement, string said)
    {
        await using var app = new SurveyApp();
        var before = (await app.StoredVersionsAsync()).Count;
        var files = Files2566(file, text, replacement);

        var refused = await app.Versions().UploadAsync(SystemAdmin, 2570, files, Cancel);

        Assert.Equal(VersionFailureKind.Invalid, refused.Failure!.Kind);
        Assert.Contains(refused.Failure.Problems, p => p.File == "2570/" + file && p.Line > 0 && p.Thai!.Contains(said, StringComparison.Ordinal));
        Assert.Equal(before, (await app.StoredVersionsAsync()).Count);
    }

    [Fact]
    public async Task A_file_of_another_schema_an_unknown_name_and_an_oversized_file_are_refused_before_anything_is_stored()
    {
        await using var app = new SurveyApp();
        var before = (await app.StoredVersionsAsync()).Count;
        var iit = Files2566().Single(f => f.Name == "iit.json");

        // A questionnaire uploaded as the model: the schema says what is missing and what is unknown.
        var swapped = Files2566().Where(f => f.Name != "model.json").Append(YearFile.Stored(2570, "model.json", iit.Text)).ToList();
        var schema = await app.Versions().UploadAsync(SystemAdmin, 2570, swapped, Cancel);
        Assert.Contains(schema.Failure!.Problems, p => p.File == "2570/model.json" && p.Thai!.Contains("instruments", StringComparison.Ordinal));

        var named = await app.Versions().UploadAsync(SystemAdmin, 2570, [.. Files2566(), YearFile.Stored(2570, "Notes.txt", "hello")], Cancel);
        Assert.Contains(named.Failure!.Problems, p => p.File == "2570/Notes.txt" && p.Thai!.Contains("ชื่อไฟล์", StringComparison.Ordinal));

        var huge = new YearFile("eit.json", Encoding.UTF8.GetBytes(new string(' ', YearFiles.MaxFileBytes + 1)), "2570/eit.json");
        var large = await app.Versions().UploadAsync(SystemAdmin, 2570, [.. Files2566().Where(f => f.Name != "eit.json"), huge], Cancel);
        Assert.Contains(large.Failure!.Problems, p => p.File == "2570/eit.json" && p.Thai!.Contains("KB", StringComparison.Ordinal));

        Assert.Equal(before, (await app.StoredVersionsAsync()).Count);
    }

    [Fact]
    public async Task Only_a_system_administrator_may_upload_copy_save_or_publish()
    {
        await using var app = new SurveyApp();
        var agencyAdmin = User("agency@example.go.th", ItaSurvey.Web.Accounts.Roles.AgencyAdmin);
        var v1 = app.Library().LatestOf(2566)!.Id;
        Assert.Equal(VersionFailureKind.Denied, (await app.Versions().UploadAsync(agencyAdmin, 2570, Files2566(), Cancel)).Failure!.Kind);
        Assert.Equal(VersionFailureKind.Denied, (await app.Versions().CopyAsync(agencyAdmin, v1, 2570, Cancel)).Failure!.Kind);
        Assert.Equal(VersionFailureKind.Denied, (await app.Versions().PublishAsync(agencyAdmin, v1, 1, Cancel)).Failure!.Kind);

        var uploaded = await app.Versions().UploadAsync(SystemAdmin, 2570, Files2566(), Cancel);
        Assert.True(uploaded.Succeeded, uploaded.Failure?.Message.En);
        var draft = (await app.Versions().GetAsync(uploaded.Value, Cancel))!;
        Assert.Equal((2570, SurveyVersionStatus.Draft, "upload"), (draft.Version.FiscalYear, draft.Version.Status, draft.Version.Origin));
    }

    // The 2566 files as a 2570 upload (the year rewritten), one of them optionally broken.
    private static List<YearFile> Files2566(string? file = null, string? text = null, string? replacement = null)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "surveys", "2566");
        var copy = YearCopy.NewYear(SurveyLoader.ReadYearFolder(folder), 2570);
        return copy.Files.Select(f =>
        {
            var content = f.Text;
            if (f.Name == file)
            {
                var at = content.IndexOf(text!, StringComparison.Ordinal);
                Assert.True(at >= 0, $"'{text}' is not in {file}");
                content = content[..at] + replacement + content[(at + text!.Length)..];
            }
            return YearFile.Stored(2570, f.Name, content);
        }).ToList();
    }
}
