using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EquityDashboard.Infrastructure.Data.Configurations;

internal sealed class FundingTotalConfiguration : IEntityTypeConfiguration<FundingTotal>
{
    public void Configure(EntityTypeBuilder<FundingTotal> b)
    {
        b.ToTable("FundingTotals");
        b.HasKey(x => x.Id);
        FundingRecordConfiguration.ConfigureSharedColumns(b);
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AreaEntity>().WithMany().HasForeignKey(x => x.GovernoratePcode).OnDelete(DeleteBehavior.Restrict);
        // The engine's aggregate reads a year's amounts by governorate from this index alone, the
        // batch (real figures only) and the pooled fund (money reported twice) included;
        // (BatchId, Year) serves rollback and "which batches feed this year".
        b.HasIndex(x => new { x.Year, x.GovernoratePcode, x.Status, x.Boundary, x.BatchId, x.PooledFund, x.AmountUsd });
        b.HasIndex(x => new { x.BatchId, x.Year });
    }
}

internal sealed class FundingDistrictTotalConfiguration : IEntityTypeConfiguration<FundingDistrictTotal>
{
    public void Configure(EntityTypeBuilder<FundingDistrictTotal> b)
    {
        b.ToTable("FundingDistrictTotals");
        b.HasKey(x => x.Id);
        b.Property(x => x.GovernoratePcode).HasMaxLength(16);
        b.Property(x => x.DistrictPcode).HasMaxLength(16);
        b.Property(x => x.AmountUsd).HasConversion<double>();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Boundary).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PooledFund).HasMaxLength(300);
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AreaEntity>().WithMany().HasForeignKey(x => x.DistrictPcode).OnDelete(DeleteBehavior.Restrict);
        // A year's district amounts, of one governorate or of all, from this index alone.
        b.HasIndex(x => new { x.Year, x.GovernoratePcode, x.DistrictPcode, x.Status, x.Boundary, x.BatchId, x.PooledFund, x.AmountUsd });
        b.HasIndex(x => new { x.BatchId, x.Year });
    }
}
