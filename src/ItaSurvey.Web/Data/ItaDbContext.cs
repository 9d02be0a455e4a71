using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Data;

/// <summary>The app's database. Used directly (no repositories), one context per operation.</summary>
public sealed class ItaDbContext(DbContextOptions<ItaDbContext> options) : DbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<AssessmentRound> Rounds => Set<AssessmentRound>();

    public DbSet<PublicLink> PublicLinks => Set<PublicLink>();

    public DbSet<AccessCode> AccessCodes => Set<AccessCode>();

    public DbSet<Response> Responses => Set<Response>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Agency>(e =>
        {
            e.Property(a => a.NameTh).HasMaxLength(200);
            e.Property(a => a.NameEn).HasMaxLength(200);
            e.Property(a => a.Province).HasMaxLength(100);
            e.Property(a => a.AgencyGroup).HasMaxLength(50);
        });

        model.Entity<AssessmentRound>(e =>
        {
            e.Property(r => r.IitMode).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(r => new { r.AgencyId, r.FiscalYear }).IsUnique();
        });

        model.Entity<PublicLink>(e =>
        {
            e.HasKey(l => l.Code);
            e.Property(l => l.Code).HasMaxLength(6);
            e.Property(l => l.Instrument).HasMaxLength(5);
            e.HasIndex(l => new { l.RoundId, l.Instrument }).IsUnique();
            e.HasOne(l => l.Round).WithMany(r => r.Links).HasForeignKey(l => l.RoundId);
        });

        model.Entity<AccessCode>(e =>
        {
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(12);
            e.HasIndex(c => c.RoundId);
            e.HasOne<AssessmentRound>().WithMany().HasForeignKey(c => c.RoundId);
        });

        model.Entity<Response>(e =>
        {
            e.Property(r => r.Instrument).HasMaxLength(5);
            e.Property(r => r.FormVersion).HasMaxLength(16);
            e.Property(r => r.RespondentGroup).HasMaxLength(20);
            // The database, not a check-then-insert, guarantees one response per form render.
            e.HasIndex(r => r.SubmissionKey).IsUnique();
            e.HasIndex(r => new { r.RoundId, r.Instrument });
            e.HasOne<AssessmentRound>().WithMany().HasForeignKey(r => r.RoundId);
        });
    }
}
