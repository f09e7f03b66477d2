using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EquityDashboard.Infrastructure.Data.Configurations;

internal sealed class SecurityIncidentConfiguration : IEntityTypeConfiguration<SecurityIncident>
{
    public void Configure(EntityTypeBuilder<SecurityIncident> b)
    {
        b.ToTable("SecurityIncidents");
        b.HasKey(x => x.Id);
        b.Property(x => x.GovernoratePcode).HasMaxLength(16);
        b.Property(x => x.DistrictPcode).HasMaxLength(16);
        b.Property(x => x.Type).HasMaxLength(120);
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AreaEntity>().WithMany().HasForeignKey(x => x.GovernoratePcode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AreaEntity>().WithMany().HasForeignKey(x => x.DistrictPcode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Year, x.GovernoratePcode });
    }
}
