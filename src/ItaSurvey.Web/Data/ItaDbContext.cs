using ItaSurvey.Web.Accounts;
using ItaSurvey.Web.Agencies;
using ItaSurvey.Web.Api;
using ItaSurvey.Web.Auditing;
using ItaSurvey.Web.Imports;
using ItaSurvey.Web.Oit;
using ItaSurvey.Web.PublicIta;
using ItaSurvey.Web.Reports;
using ItaSurvey.Web.Responding;
using ItaSurvey.Web.Rounds;
using ItaSurvey.Web.ScoredResults;
using ItaSurvey.Web.Surveys;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Data;

/// <summary>
/// The app's database, with the Identity tables and the data-protection keys. Used directly (no
/// repositories), one context per operation. Each provider has a derived type
/// (<see cref="SqliteItaDbContext"/>, <see cref="PostgresItaDbContext"/>) only so that each keeps
/// its own migrations; the model is this one.
/// </summary>
public abstract class ItaDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    protected ItaDbContext(DbContextOptions options)
        : base(options) => SavingChanges += (_, _) => RefuseChangesToPublishedVersions();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<AssessmentRound> Rounds => Set<AssessmentRound>();

    public DbSet<PublicLink> PublicLinks => Set<PublicLink>();

    public DbSet<AccessCode> AccessCodes => Set<AccessCode>();

    public DbSet<Response> Responses => Set<Response>();

    public DbSet<AgencyAssignment> AgencyAssignments => Set<AgencyAssignment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OitEvidence> OitEvidence => Set<OitEvidence>();

    public DbSet<OitEvidenceUrl> OitEvidenceUrls => Set<OitEvidenceUrl>();

    public DbSet<OfficialResult> OfficialResults => Set<OfficialResult>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<ImprovementReport> ImprovementReports => Set<ImprovementReport>();

    public DbSet<ImprovementItem> ImprovementItems => Set<ImprovementItem>();

    public DbSet<PublishedDocument> PublishedDocuments => Set<PublishedDocument>();

    public DbSet<RoundScoreSnapshot> RoundScoreSnapshots => Set<RoundScoreSnapshot>();

    public DbSet<WriteProbe> WriteProbes => Set<WriteProbe>();

    public DbSet<SubmissionWindow> SubmissionWindows => Set<SubmissionWindow>();

    public DbSet<WorkLease> WorkLeases => Set<WorkLease>();

    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    public DbSet<SurveyVersion> SurveyVersions => Set<SurveyVersion>();

    public DbSet<SurveyVersionFile> SurveyVersionFiles => Set<SurveyVersionFile>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);

        model.Entity<Agency>(e =>
        {
            e.Property(a => a.NameTh).HasMaxLength(200);
            e.Property(a => a.NameEn).HasMaxLength(200);
            e.Property(a => a.Province).HasMaxLength(100);
            e.Property(a => a.AgencyGroup).HasMaxLength(50);
            e.Property(a => a.WebDomains).HasMaxLength(1000);
            e.HasIndex(a => new { a.Province, a.NameTh });
            e.Property(a => a.PublicCode).HasMaxLength(6);
            e.HasIndex(a => a.PublicCode).IsUnique();
        });

        model.Entity<AssessmentRound>(e =>
        {
            e.Property(r => r.IitMode).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(r => new { r.AgencyId, r.FiscalYear }).IsUnique();
            // A version that rounds are pinned to cannot be deleted.
            e.HasOne<SurveyVersion>().WithMany().HasForeignKey(r => r.SurveyVersionId).OnDelete(DeleteBehavior.Restrict);
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

        model.Entity<SubmissionWindow>(e =>
        {
            e.HasKey(w => new { w.RoundId, w.Instrument, w.Day, w.Slot });
            e.Property(w => w.Instrument).HasMaxLength(5);
            e.HasOne<AssessmentRound>().WithMany().HasForeignKey(w => w.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<AgencyAssignment>(e =>
        {
            e.HasKey(a => new { a.UserId, a.AgencyId });
            e.HasOne<AppUser>().WithMany(u => u.Agencies).HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Details).HasMaxLength(2000);
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.AgencyId);
        });

        model.Entity<OitEvidence>(e =>
        {
            e.Property(o => o.ItemCode).HasMaxLength(8);
            e.Property(o => o.Explanation).HasMaxLength(4000);
            e.HasIndex(o => new { o.RoundId, o.ItemCode }).IsUnique();
            e.HasOne<AssessmentRound>().WithMany().HasForeignKey(o => o.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(o => o.Urls).WithOne().HasForeignKey(u => u.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<OitEvidenceUrl>(e =>
        {
            e.Property(u => u.Url).HasMaxLength(2000);
            e.Property(u => u.LastError).HasMaxLength(500);
            e.Property(u => u.Label).HasMaxLength(OitItemForm.MaxLabelLength);
            e.Property(u => u.Verdict).HasConversion<string>().HasMaxLength(20);
            e.Property(u => u.VerdictFinding).HasConversion<string>().HasMaxLength(30);
            e.Property(u => u.VerdictReason).HasMaxLength(500);
            e.Property(u => u.VerdictDetail).HasMaxLength(1000);
            e.HasIndex(u => u.LastCheckedAt);
        });

        model.Entity<OfficialResult>(e =>
        {
            e.HasIndex(r => new { r.AgencyId, r.FiscalYear }).IsUnique();
            e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Indicators).WithOne().HasForeignKey(i => i.OfficialResultId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<OfficialIndicatorScore>(e =>
        {
            e.HasKey(i => new { i.OfficialResultId, i.IndicatorCode });
            e.Property(i => i.IndicatorCode).HasMaxLength(8);
        });

        model.Entity<ApiToken>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        ImprovementReportModel.Configure(model);
        PublishedDocument.Configure(model);
        model.Entity<RoundScoreSnapshot>(e =>
        {
            e.HasKey(s => s.RoundId);
            e.Property(s => s.RatingCode).HasMaxLength(32);
            e.Property(s => s.Indicators).HasMaxLength(1000);
            e.HasIndex(s => new { s.FiscalYear, s.AgencyId });
            e.HasOne<AssessmentRound>().WithOne().HasForeignKey<RoundScoreSnapshot>(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<WriteProbe>(e =>
        {
            e.Property(p => p.Id).ValueGeneratedNever();
            e.HasData(new WriteProbe { Id = 1, Writes = 0 });
        });

        model.Entity<WorkLease>(e =>
        {
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(64);
            e.Property(l => l.Holder).HasMaxLength(200);
        });

        model.Entity<DataVersion>(e =>
        {
            e.HasKey(v => v.Name);
            e.Property(v => v.Name).HasMaxLength(64);
            e.HasData(new DataVersion { Name = DataVersion.Overview, Version = 0 }, new DataVersion { Name = DataVersion.Surveys, Version = 0 });
        });

        model.Entity<SurveyVersion>(e =>
        {
            e.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(v => v.ContentHash).HasMaxLength(64);
            e.Property(v => v.Origin).HasMaxLength(16);
            e.Property(v => v.CreatedBy).HasMaxLength(256);
            e.Property(v => v.UpdatedBy).HasMaxLength(256);
            e.Property(v => v.PublishedBy).HasMaxLength(256);
            e.Property(v => v.Revision).IsConcurrencyToken();
            e.HasIndex(v => new { v.FiscalYear, v.Number }).IsUnique();
            e.HasIndex(v => v.ContentHash);
            e.HasOne<SurveyVersion>().WithMany().HasForeignKey(v => v.BasedOnId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(v => v.Files).WithOne().HasForeignKey(f => f.VersionId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<SurveyVersionFile>(e =>
        {
            e.HasKey(f => new { f.VersionId, f.Name });
            e.Property(f => f.Name).HasMaxLength(32);
        });
    }

    // A published fiscal-year version never changes, whatever code path tries: the versions
    // service refuses first with a message; this is the backstop.
    private void RefuseChangesToPublishedVersions()
    {
        foreach (var entry in ChangeTracker.Entries<SurveyVersion>())
        {
            var wasPublished = entry.State is EntityState.Modified or EntityState.Deleted
                && entry.OriginalValues.GetValue<SurveyVersionStatus>(nameof(SurveyVersion.Status)) == SurveyVersionStatus.Published;
            if (wasPublished)
            {
                throw new InvalidOperationException($"Fiscal-year version {entry.Entity.Id} is published and cannot be changed or deleted.");
            }
        }
        foreach (var entry in ChangeTracker.Entries<SurveyVersionFile>().Where(e => e.State is EntityState.Modified or EntityState.Deleted or EntityState.Added))
        {
            var owner = ChangeTracker.Entries<SurveyVersion>().FirstOrDefault(v => v.Entity.Id == entry.Entity.VersionId);
            var published = owner is null
                ? SurveyVersions.AsNoTracking().Any(v => v.Id == entry.Entity.VersionId && v.Status == SurveyVersionStatus.Published)
                : owner.State != EntityState.Added && owner.OriginalValues.GetValue<SurveyVersionStatus>(nameof(SurveyVersion.Status)) == SurveyVersionStatus.Published;
            if (published)
            {
                throw new InvalidOperationException($"The files of fiscal-year version {entry.Entity.VersionId} are published and cannot be changed.");
            }
        }
    }
}
