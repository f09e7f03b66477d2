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
        ConfigureSharedColumns(b);
        b.Property(x => x.Recipient).HasMaxLength(300);
        b.Property(x => x.Locations).HasMaxLength(1000);
        b.Property(x => x.SourceId).HasMaxLength(120);
        b.Property(x => x.NamedPcodes).HasMaxLength(1000);
        b.Property(x => x.DistrictPcode).HasMaxLength(16);
        // "Also named in multi-governorate funding": a year's few such flows, found without
        // reading the million others (a partial index holds only the rows it filters on).
        b.HasIndex(x => x.Year).HasFilter("NamedPcodes IS NOT NULL").HasDatabaseName("IX_FundingRecords_Year_Named");
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        // The flows are written once and read back only by batch (rollback), so the batch index
        // is their only one, and it grows at its end during an import. The P-code is checked
        // against the gazetteer on import and constrained in FundingTotals, which every query reads;
        // a foreign key here would cost a lookup and an index entry per flow.
    }

    /// <summary>
    /// The columns flows and their totals share, typed alike in both tables so that filters,
    /// NOCASE comparisons and DISTINCT give the same answers on either.
    /// </summary>
    internal static void ConfigureSharedColumns(EntityTypeBuilder b)
    {
        b.Property(nameof(FundingRecord.Donor)).HasMaxLength(300).UseCollation("NOCASE");
        b.Property(nameof(FundingRecord.Cluster)).HasMaxLength(120).UseCollation("NOCASE");
        b.Property(nameof(FundingRecord.GovernoratePcode)).HasMaxLength(16);
        // SQLite has no decimal type: REAL keeps SUM() in SQL (15+ significant digits, enough for USD).
        b.Property(nameof(FundingRecord.AmountUsd)).HasConversion<double>();
        b.Property(nameof(FundingRecord.Status)).HasConversion<string>().HasMaxLength(16);
        b.Property(nameof(FundingRecord.Boundary)).HasConversion<string>().HasMaxLength(16);
        b.Property(nameof(FundingRecord.PooledFund)).HasMaxLength(300);
    }
}
