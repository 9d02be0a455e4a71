using System.Security.Cryptography;
using System.Text;

namespace ItaSurvey.Core.Loading;

/// <summary>One definition file of a fiscal year: its name (<c>model.json</c>, <c>iit.json</c>, …) and its bytes.</summary>
/// <param name="Name">The file name, lower case, such as <c>iit.json</c>.</param>
/// <param name="Content">The file as stored (UTF-8, with or without a byte-order mark).</param>
/// <param name="Location">What problems name as the file: a path on disk, or <c>2570/iit.json</c> for a stored version.</param>
public sealed record YearFile(string Name, byte[] Content, string Location)
{
    /// <summary>A file named by its fiscal year and name, as a stored version's files are.</summary>
    public static YearFile Stored(int fiscalYear, string name, string text) =>
        new(name, Encoding.UTF8.GetBytes(text), $"{fiscalYear}/{name}");

    /// <summary>The text of the file, without a byte-order mark.</summary>
    public string Text => Encoding.UTF8.GetString(YearFiles.WithoutBom(Content));
}

/// <summary>
/// The set of files that defines one fiscal year (a model and one questionnaire per instrument), as
/// read from a folder, an upload or a stored version. Identified by a hash of its content.
/// </summary>
public sealed record YearFiles(int FiscalYear, IReadOnlyList<YearFile> Files)
{
    /// <summary>The largest definition file accepted (the 2566 IIT is about 30 KB).</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// SHA-256 of the files' names and texts (byte-order mark dropped, line ends as <c>\n</c>), in
    /// name order: the same content gives the same hash on every machine and checkout.
    /// </summary>
    public string ContentHash
    {
        get
        {
            var text = new StringBuilder();
            foreach (var file in Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                text.Append(file.Name).Append('\0').Append(file.Text.Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\0');
            }
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    /// <summary>The file of that name, or null.</summary>
    public YearFile? File(string name) => Files.FirstOrDefault(f => f.Name == name);

    /// <summary>Reads every <c>*.json</c> of a year folder such as <c>surveys/2566</c>.</summary>
    public static YearFiles FromFolder(string folder, int fiscalYear) =>
        new(fiscalYear, Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(p => new YearFile(Path.GetFileName(p).ToLowerInvariant(), System.IO.File.ReadAllBytes(p), p)).ToList());

    /// <summary>Writes the files into a folder (created if needed), one file per name.</summary>
    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Files)
        {
            System.IO.File.WriteAllText(Path.Combine(folder, file.Name), file.Text, new UTF8Encoding(false));
        }
    }

    internal static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
}
