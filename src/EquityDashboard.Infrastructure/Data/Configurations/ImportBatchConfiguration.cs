using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EquityDashboard.Infrastructure.Data.Configurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("ImportBatches");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SourceName).HasMaxLength(300);
        b.Property(x => x.FileName).HasMaxLength(500);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Format).HasMaxLength(40);
        b.Property(x => x.SheetName).HasMaxLength(200);
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks.
        b.Property(x => x.ImportedAt).HasConversion(UtcTicks.Converter);
        b.Property(x => x.Money).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.PooledFund).HasMaxLength(300);
        b.Property(x => x.ImportedBy).HasMaxLength(256);
        b.Property(x => x.WithdrawnBy).HasMaxLength(256);
        b.Property(x => x.WithdrawnAt).HasConversion(UtcTicks.NullableConverter);
        b.Ignore(x => x.IsWithdrawn);
        b.HasIndex(x => x.Sha256);
    }
}
