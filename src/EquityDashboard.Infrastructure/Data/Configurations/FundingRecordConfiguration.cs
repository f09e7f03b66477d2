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
        // EF never inserts flows: the importer writes them with SQL and SQLite assigns the rowid.
        // Hence no value generation, and no AUTOINCREMENT, which would read and rewrite
        // sqlite_sequence on every insert.
        b.Property(x => x.Id).ValueGeneratedNever();
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
        // The flows are written once and read back only by batch (rollback), so the batch index
        // is their only one, and it grows at its end during an import. The P-code is checked
        // against the gazetteer on import and constrained in FundingTotals, which every query reads;
        // a foreign key here would cost a lookup and an index entry per flow.
    }
}
