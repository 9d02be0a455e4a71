using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.PublicIta;

/// <summary>
/// A file the app publishes for an agency, such as its improvement report as a PDF attached as
/// OIT evidence. Served at a stable address (<see cref="Path"/>) that an evidence link and an
/// assessor can rely on: the random token names the file, never the database id.
/// </summary>
public sealed class PublishedDocument
{
    public const int TokenLength = 12;

    public int Id { get; set; }

    /// <summary>Random, from the short-link alphabet, so that files cannot be counted or guessed.</summary>
    public required string Token { get; set; }

    /// <summary>The round the document comes from (the improvement report's round).</summary>
    public int RoundId { get; set; }

    /// <summary>The name the file is served under, ASCII only ("improvement-report-2566.pdf").</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>When it was stored (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The address it is served at, under PublicBaseUrl.</summary>
    public string Path => PathOf(Token, FileName);

    public static string PathOf(string token, string fileName) => $"/ita/files/{token}/{fileName}";

    public static void Configure(ModelBuilder model) => model.Entity<PublishedDocument>(e =>
    {
        e.Property(d => d.Token).HasMaxLength(TokenLength);
        e.HasIndex(d => d.Token).IsUnique();
        e.Property(d => d.FileName).HasMaxLength(100);
        e.Property(d => d.ContentType).HasMaxLength(100);
        e.HasIndex(d => d.RoundId);
        e.HasOne<Rounds.AssessmentRound>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
    });
}
