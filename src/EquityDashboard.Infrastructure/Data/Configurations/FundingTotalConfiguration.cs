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
        b.HasOne<AreaEntity>().WithMany().HasForeignKey(x => x.DistrictPcode).OnDelete(DeleteBehavior.Restrict);
        // The engine's aggregate reads a year's amounts by governorate, or by district, from this
        // index alone, the batch (real figures only) and the pooled fund (money reported twice)
        // included; (BatchId, Year) serves rollback and "which batches feed this year".
        b.HasIndex(x => new { x.Year, x.GovernoratePcode, x.DistrictPcode, x.Status, x.Boundary, x.BatchId, x.PooledFund, x.AmountUsd });
        b.HasIndex(x => new { x.BatchId, x.Year });
    }
}
