using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EquityDashboard.Infrastructure.Data.Configurations;

internal sealed class FundingRecordConfiguration : IEntityTypeConfiguration<FundingRecord>
{
    public void Configure(EntityTypeBuilder<FundingRecord> b)
    {
        b.ToTable("FundingRecords");
        b.HasKey(x => x.Id);
        b.Property(x => x.Donor).HasMaxLength(300).UseCollation("NOCASE");
        b.Property(x => x.Recipient).HasMaxLength(300);
        b.Property(x => x.Cluster).HasMaxLength(120).UseCollation("NOCASE");
        b.Property(x => x.GovernoratePcode).HasMaxLength(16);
        b.Property(x => x.Locations).HasMaxLength(1000);
        b.Property(x => x.SourceId).HasMaxLength(120);
        // SQLite has no decimal type: REAL keeps SUM() in SQL (15+ significant digits, enough for USD).
        b.Property(x => x.AmountUsd).HasConversion<double>();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Boundary).HasConversion<string>().HasMaxLength(16);
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<GovernorateEntity>().WithMany().HasForeignKey(x => x.GovernoratePcode).OnDelete(DeleteBehavior.Restrict);
        // Covering index for the engine's aggregate: the year's counted amounts by governorate
        // are read from the index alone, already grouped.
        b.HasIndex(x => new { x.Year, x.GovernoratePcode, x.Status, x.Boundary, x.AmountUsd });
        b.HasIndex(x => new { x.Year, x.Cluster });
        b.HasIndex(x => new { x.Year, x.Donor });
    }
}
