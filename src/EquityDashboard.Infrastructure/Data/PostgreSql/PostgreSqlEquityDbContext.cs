using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EquityDashboard.Infrastructure.Data.PostgreSql;

/// <summary>
/// The product's model on PostgreSQL. A type of its own so that each provider has its own
/// migrations (Data/PostgreSql/Migrations, found by this type) and the SQLite compiled model
/// (registered for <see cref="EquityDbContext"/> only) is never used here; everything else
/// takes it as an <see cref="EquityDbContext"/> from <c>IDbContextFactory&lt;EquityDbContext&gt;</c>.
/// The tables, columns and stored values are SQLite's (times as UTC ticks, enums as names,
/// amounts as double), so rows copy between the two exactly.
/// </summary>
public sealed class PostgreSqlEquityDbContext(DbContextOptions<EquityDbContext> options) : EquityDbContext(options)
{
    /// <summary>
    /// SQLite's NOCASE, the collation of the donor and cluster columns: created by the migration
    /// as an ICU collation that compares without case (it folds every script's case, where
    /// SQLite folds ASCII only; the names compared are Latin).
    /// </summary>
    public const string NoCase = "NOCASE";

    /// <summary>Every other text column: byte order, as SQLite's BINARY, so equality and ORDER BY agree.</summary>
    public const string Binary = "C";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasCollation(NoCase, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.GetCollation() is null && (property.GetProviderClrType() ?? property.ClrType) == typeof(string))
                property.SetCollation(Binary);
        }
        // PostgreSQL folds unquoted names to lower case: the partial index names its column quoted.
        modelBuilder.Entity<FundingRecord>().HasIndex(x => x.Year).HasFilter("\"NamedPcodes\" IS NOT NULL");
        // The importer writes flows without an id, as SQLite assigns the rowid: here an identity column does.
        modelBuilder.Entity<FundingRecord>().Property(x => x.Id).ValueGeneratedOnAdd().UseIdentityByDefaultColumn();
        // No foreign key from the flows to their batch: PostgreSQL checks one by a lookup per row,
        // which under COPY cost more than the rows themselves (about 4.6 s a million, against 1.8 s
        // for the rows and 2.1 s for their indexes). The importer writes the batch row first in the
        // flows' own transaction, and a purge deletes the flows before their batch
        // (BatchStore.DeleteBatchAsync). The batch index stays: rollbacks and purges read by it.
        var flows = modelBuilder.Entity<FundingRecord>();
        flows.Metadata.RemoveForeignKey(flows.Metadata.GetForeignKeys().Single(f => f.PrincipalEntityType.ClrType == typeof(ImportBatch)));
        flows.HasIndex(x => x.BatchId);
        modelBuilder.Entity<DataStamp>(b =>
        {
            b.ToTable(DataStamp.Table);
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
        });
    }
}

/// <summary>
/// The data's version on PostgreSQL: one row, raised by a trigger in the transaction of every
/// change to the import batches (an import, a replacement, a withdrawal, a restore, a purge), at
/// its commit. The query cache reads it to know whether its results still hold, in whichever
/// process the change was made.
/// </summary>
public sealed class DataStamp
{
    public const string Table = "DataStamps";
    public const int RowId = 1;

    public int Id { get; set; }
    public long Version { get; set; }
}

/// <summary>Creates the PostgreSQL context for <c>IDbContextFactory&lt;EquityDbContext&gt;</c>.</summary>
internal sealed class PostgreSqlContextFactory(DbContextOptions<EquityDbContext> options) : IDbContextFactory<EquityDbContext>
{
    public EquityDbContext CreateDbContext() => new PostgreSqlEquityDbContext(options);
}

/// <summary>
/// Used by <c>dotnet ef migrations add ... --context PostgreSqlEquityDbContext</c> only; the server
/// is not contacted to add a migration.
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlEquityDbContext>
{
    public PostgreSqlEquityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EquityDbContext>().UseNpgsql("Host=localhost;Database=equity_design").Options);
}
