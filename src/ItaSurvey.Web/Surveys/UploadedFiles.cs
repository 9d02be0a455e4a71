using ItaSurvey.Core.Loading;
using Microsoft.AspNetCore.Components.Forms;

namespace ItaSurvey.Web.Surveys;

/// <summary>Files chosen in the browser for a new version, read into <see cref="YearFile"/>s.</summary>
public static class UploadedFiles
{
    /// <summary>
    /// Reads the files; one larger than <see cref="YearFiles.MaxFileBytes"/> is refused on its
    /// declared size before any of it is read, and then none is read (nothing will be stored).
    /// </summary>
    public static async Task<(IReadOnlyList<YearFile> Files, IReadOnlyList<DefinitionProblem> Problems)> ReadAsync(
        IReadOnlyList<IBrowserFile> chosen, int fiscalYear, CancellationToken cancellationToken = default)
    {
        var tooLarge = chosen.Where(f => f.Size > YearFiles.MaxFileBytes).Select(f => new DefinitionProblem(
            $"{fiscalYear}/{f.Name.ToLowerInvariant()}", 0, "$", $"The file is {f.Size / 1024} KB; at most {YearFiles.MaxFileBytes / 1024} KB.",
            $"ไฟล์มีขนาด {f.Size / 1024} KB เกินกว่าที่รับได้ ({YearFiles.MaxFileBytes / 1024} KB)")).ToList();
        if (tooLarge.Count > 0)
        {
            return ([], tooLarge);
        }
        var files = new List<YearFile>();
        foreach (var file in chosen)
        {
            var name = file.Name.ToLowerInvariant();
            using var bytes = new MemoryStream();
            await using var stream = file.OpenReadStream(YearFiles.MaxFileBytes, cancellationToken);
            await stream.CopyToAsync(bytes, cancellationToken);
            files.Add(new YearFile(name, bytes.ToArray(), $"{fiscalYear}/{name}"));
        }
        return (files, []);
    }
}
