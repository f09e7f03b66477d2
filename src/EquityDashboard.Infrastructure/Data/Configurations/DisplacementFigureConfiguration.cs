using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EquityDashboard.Infrastructure.Data.Configurations;

internal sealed class DisplacementFigureConfiguration : IEntityTypeConfiguration<DisplacementFigure>
{
    public void Configure(EntityTypeBuilder<DisplacementFigure> b)
    {
        b.ToTable("DisplacementFigures");
        b.HasKey(x => x.Id);
        b.Property(x => x.GovernoratePcode).HasMaxLength(16);
        b.Property(x => x.DistrictPcode).HasMaxLength(16);
        b.Property(x => x.Location).HasMaxLength(300);
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AreaEntity>().WithMany().HasForeignKey(x => x.GovernoratePcode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AreaEntity>().WithMany().HasForeignKey(x => x.DistrictPcode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Year, x.GovernoratePcode, x.DistrictPcode });
    }
}
