using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;

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

    /// <summary>
    /// The P-code columns of the COPY-filled tables whose foreign keys to the areas this model leaves
    /// out: the importer checks them once its rows are in (PostgresImportWriter).
    /// </summary>
    internal static IReadOnlyList<(Type Entity, string Property)> AreaColumnsCheckedOnImport { get; } =
    [
        (typeof(FundingTotal), nameof(FundingTotal.GovernoratePcode)),
        (typeof(FundingDistrictTotal), nameof(FundingDistrictTotal.DistrictPcode)),
    ];

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
        // The tables an import fills by binary COPY (the flows and both totals) keep here only what
        // their reads need: each foreign key, key and index costs COPY work per row. Measured on a
        // million flows and their 132,000 totals (benchmarks/postgres.sh): foreign keys 4.6 s for the
        // flows and 1.1 s for the totals (a lookup and a row lock per row), the flows' primary key
        // 0.5 s, a B-tree on their batch 0.45 s and even a BRIN one 0.4 s, the totals' seven-column
        // covering index 0.45 s, against about 2 s for the rows themselves.
        //  - No foreign keys. The importer writes the batch row first in the rows' own transaction; a
        //    purge deletes the rows before their batch (BatchStore.DeleteBatchAsync); before its commit
        //    the import checks that every P-code of its totals is an area (PostgresImportWriter).
        foreach (var entity in new[] { typeof(FundingRecord), typeof(FundingTotal), typeof(FundingDistrictTotal) })
        {
            var type = modelBuilder.Entity(entity).Metadata;
            foreach (var key in type.GetForeignKeys().ToList()) type.RemoveForeignKey(key);
        }
        //  - The flows have no key: they are written once and read by year (the partial index above),
        //    never by id, and by batch only to be deleted (a purge, a replacing import), where a scan
        //    of the table costs a second or two a few million flows. Their ids come from an identity
        //    column, as SQLite assigns its rowid.
        var flows = modelBuilder.Entity<FundingRecord>();
        flows.Metadata.SetPrimaryKey((IMutableProperty?)null);
        foreach (var key in flows.Metadata.GetKeys().ToList()) flows.Metadata.RemoveKey(key);
        flows.HasNoKey().Property(x => x.Id).ValueGeneratedOnAdd().UseIdentityByDefaultColumn();
        //  - The totals' covering indexes serve SQLite, which reads a year's amounts from the index
        //    alone. PostgreSQL reads rows an import has just written from the table all the same (an
        //    index-only scan needs pages a vacuum has marked all-visible), so here one narrow index
        //    finds a year's totals and the batches that feed a year.
        var totals = modelBuilder.Entity<FundingTotal>().Metadata;
        totals.RemoveIndex(totals.GetIndexes().Single(i => i.Properties[0].Name == nameof(FundingTotal.BatchId)));
        ReplaceIndex(totals, nameof(FundingTotal.AmountUsd), nameof(FundingTotal.Year), nameof(FundingTotal.BatchId));
        ReplaceIndex(modelBuilder.Entity<FundingDistrictTotal>().Metadata, nameof(FundingDistrictTotal.AmountUsd),
            nameof(FundingDistrictTotal.Year), nameof(FundingDistrictTotal.GovernoratePcode));
        modelBuilder.Entity<DataStamp>(b =>
        {
            b.ToTable(DataStamp.Table);
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
        });
    }

    /// <summary>Replaces the entity's index that ends with <paramref name="lastColumn"/> by one on <paramref name="columns"/>.</summary>
    private static void ReplaceIndex(IMutableEntityType entity, string lastColumn, params string[] columns)
    {
        entity.RemoveIndex(entity.GetIndexes().Single(i => i.Properties[^1].Name == lastColumn));
        entity.AddIndex(columns.Select(c => entity.FindProperty(c)!).ToList());
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
