using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EquityDashboard.Infrastructure.Data.Configurations;

internal sealed class PresenceRecordConfiguration : IEntityTypeConfiguration<PresenceRecord>
{
    public void Configure(EntityTypeBuilder<PresenceRecord> b)
    {
        b.ToTable("PresenceRecords");
        b.HasKey(x => x.Id);
        b.Property(x => x.Organisation).HasMaxLength(300);
        b.Property(x => x.Acronym).HasMaxLength(60);
        b.Property(x => x.OrganisationKey).HasMaxLength(300);
        b.Property(x => x.OrgType).HasMaxLength(60);
        b.Property(x => x.Cluster).HasMaxLength(120).UseCollation("NOCASE");
        b.Property(x => x.GovernoratePcode).HasMaxLength(16);
        b.Property(x => x.DistrictPcode).HasMaxLength(16);
        b.Property(x => x.District).HasMaxLength(120);
        b.Property(x => x.Activity).HasMaxLength(500);
        b.Property(x => x.ActivityKey).HasMaxLength(1000);
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AreaEntity>().WithMany().HasForeignKey(x => x.GovernoratePcode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AreaEntity>().WithMany().HasForeignKey(x => x.DistrictPcode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Year, x.GovernoratePcode });
        b.HasIndex(x => new { x.Year, x.Cluster });
        b.HasIndex(x => x.OrganisationKey);
    }
}
