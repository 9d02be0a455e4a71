using ItaSurvey.Web.Rounds;
using Microsoft.EntityFrameworkCore;

namespace ItaSurvey.Web.Reports;

/// <summary>The improvement report's tables, kept beside the feature so the shared context changes by one line.</summary>
internal static class ImprovementReportModel
{
    public const int MaxWeakness = 1000, MaxAction = 2000, MaxOwner = 200, MaxUrl = 2000, MaxCode = 16;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<ImprovementReport>(e =>
        {
            e.HasIndex(r => r.RoundId).IsUnique();
            e.Property(r => r.CreatedBy).HasMaxLength(256);
            e.Property(r => r.UpdatedBy).HasMaxLength(256);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne<AssessmentRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<ImprovementItem>(e =>
        {
            e.Property(i => i.Section).HasConversion<int>();
            e.Property(i => i.SourceKind).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.IndicatorCode).HasMaxLength(8);
            e.Property(i => i.SourceCode).HasMaxLength(MaxCode);
            e.Property(i => i.Weakness).HasMaxLength(MaxWeakness);
            e.Property(i => i.PlannedAction).HasMaxLength(MaxAction);
            e.Property(i => i.Owner).HasMaxLength(MaxOwner);
            e.Property(i => i.EvidenceUrl).HasMaxLength(MaxUrl);
            e.HasIndex(i => new { i.ReportId, i.SortOrder });
        });
    }
}
